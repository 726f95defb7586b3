//===--- LockWrappers.h - What a call does to the locks ---------*- C++ -*-===//
//
// Answers: what a call does to the locks held that the lock model cannot
// see by itself. A function of the unit that returns with a mutex held that
// it did not hold on entry (`void lock_all() { a.lock(); b.lock(); }`), or
// that releases one it did not take, is a lock wrapper: its effect is read
// from its body once and applied at each call, with the callee's parameters
// and `this` read as the call's arguments and object. A call that starts
// threads, itself or through its callees, says that other threads may run
// from there on.
//
// A constructor's effects on the members it initialises from its
// parameters and never reseats (`FlagRegistry *const fr_;`, `fr_(fr)`) are
// effects on what the call passes: `FlagRegistryLock l(registry);` locks
// `registry->lock_`, and the destructor of `l` unlocks it.
//
// A lock class's assertion that it is held (`AssertHeld()`,
// `AssertReaderHeld()`, `AssertAcquired()`), whose body checks nothing
// mapguard can read, holds from the call on what the class's lock method
// (`Lock()`, `ReaderLock()`, `Acquire()`) takes.
//
// Leaves out: functions with thread-safety attributes (the lock model reads
// those exactly), the methods of mutex and guard classes (the lock model
// knows them), recursion (a function being summarised has no effect), and
// mutexes a function takes and releases itself (its callers need not hear
// of them).
//
//===----------------------------------------------------------------------===//

#ifndef MAPGUARD_ANALYSIS_LOCKWRAPPERS_H
#define MAPGUARD_ANALYSIS_LOCKWRAPPERS_H

#include "checks/analysis/CallGraph.h"
#include "checks/analysis/FunctionAnalysis.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <optional>

namespace mapguard {

class LockWrappers {
public:
  LockWrappers(clang::ASTContext &Ctx, const MapModel &Maps,
               const LockModel &Locks, HeldLocksPool &Pool, CallGraph &Graph,
               unsigned MaxBlocks, unsigned MaxNesting);

  /// Appends the effects of \p Call (a call or a constructor call) that the
  /// lock model does not see: a lock wrapper's, and the start of threads
  /// (acquiring ObjectPath::threadsMarker()).
  void callEffects(const clang::Expr &Call,
                   llvm::SmallVectorImpl<LockEffect> &Out);
  /// Whether a call of \p F returns with some mutex held that it took.
  bool acquires(const clang::FunctionDecl *F) {
    const Summary *S = summaryOf(F);
    return S && !S->Acquires.empty();
  }

  /// The same for a CFG element: a call, or the implicit destructor of a
  /// local whose class's destructor is a release wrapper.
  void elementEffects(const clang::CFGElement &Element,
                      llvm::SmallVectorImpl<LockEffect> &Out);

private:
  /// What a lock wrapper does where it returns, read from its body.
  struct Summary {
    llvm::SmallVector<GuardedMutex, 2> Acquires;
    llvm::SmallVector<ObjectPath, 2> Releases;
  };

  /// An assertion that a lock is held (`mu.AssertHeld()`), as what the
  /// class's lock method takes.
  std::optional<Summary> assertion(const clang::FunctionDecl *F);

  clang::ASTContext &Ctx;
  const MapModel &Maps;
  const LockModel &Locks;
  HeldLocksPool &Pool;
  CallGraph &Graph;
  unsigned MaxBlocks;
  unsigned MaxNesting;
  llvm::DenseMap<const clang::FunctionDecl *, std::optional<Summary>> Summaries;
  llvm::DenseSet<const clang::FunctionDecl *> Summarising;

  const Summary *summaryOf(const clang::FunctionDecl *F);
};

} // namespace mapguard

#endif // MAPGUARD_ANALYSIS_LOCKWRAPPERS_H
