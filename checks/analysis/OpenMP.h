//===--- OpenMP.h - What OpenMP directives mean for sharing -----*- C++ -*-===//
//
// Answers what an OpenMP directive means to the analysis:
//
// - the locks it holds around the statements of its structured block: a
//   `critical` region's lock (one per name, one for all unnamed ones), and
//   for a region that other threads of a team run too (`parallel`, `task`,
//   `taskloop`, `teams` and their combinations) the team marker, which says
//   that other threads run;
// - which locals of the enclosing function a team region shares with its
//   threads: those its block uses and does not declare, unless a clause
//   makes them private (`private`, `firstprivate`, `lastprivate`,
//   `reduction`, `linear`, ...);
// - which element accesses an iteration of a worksharing loop owns: an
//   element indexed by the loop's own counter (`out[i] = f(i)` in
//   `#pragma omp parallel for`), which no other iteration touches.
//
// Leaves out: `threadprivate` variables, `single`, `master` and `ordered`
// (their blocks run while the team's other threads run: nothing is
// excluded), `atomic` (not a container operation), `barrier` and
// `taskwait` (a write ordered by a barrier is still reported), `target`
// offloading, and `omp_set_lock()`, which the lock vocabulary could name.
//
//===----------------------------------------------------------------------===//

#ifndef MAPGUARD_ANALYSIS_OPENMP_H
#define MAPGUARD_ANALYSIS_OPENMP_H

#include "checks/analysis/ObjectPath.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"

namespace clang {
class ParentMap;
class Stmt;
class VarDecl;
} // namespace clang

namespace mapguard {

/// The locks the OpenMP directive \p S holds around the statements of its
/// structured block, appended to \p Out; returns the block (null if \p S is
/// no such directive). The CFG places a directive after its block.
const clang::Stmt *openMPRegionLocks(const clang::Stmt *S,
                                     llvm::SmallVectorImpl<ObjectPath> &Out);

/// Calls \p Visit for every statement of a region's block \p Block, nested
/// regions' blocks included.
void forEachStmtOfBlock(const clang::Stmt *Block,
                        llvm::function_ref<void(const clang::Stmt *)> Visit);

/// Whether \p S is a directive whose block other threads of a team run too.
bool isOpenMPTeamRegion(const clang::Stmt *S);

/// The locals (and parameters) that the team region \p S shares with its
/// threads; \p UsesThis is set where its block uses `this`.
void openMPSharedLocals(const clang::Stmt *S,
                        llvm::SmallVectorImpl<const clang::VarDecl *> &Out,
                        bool &UsesThis);

/// Whether the element access \p Site (a subscript or element call) is
/// indexed by the counter of the worksharing loop around it, so that only
/// its own iteration reaches that element.
bool ownedByIteration(const clang::Expr *Site, const clang::ParentMap &PM);

} // namespace mapguard

#endif // MAPGUARD_ANALYSIS_OPENMP_H
