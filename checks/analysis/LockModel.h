//===--- LockModel.h - What locks and unlocks a mutex -----------*- C++ -*-===//
//
// The lock model answers one question about a point of a function's CFG:
// which mutexes does it acquire or release? It knows the mutex types, the
// scoped guards that lock in their constructor and unlock in their
// destructor, and the member operations of both.
//
//===----------------------------------------------------------------------===//

#ifndef MAPGUARD_ANALYSIS_LOCKMODEL_H
#define MAPGUARD_ANALYSIS_LOCKMODEL_H

#include "checks/analysis/MutexRef.h"
#include "checks/analysis/Names.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/SmallVector.h"

namespace clang {
class ASTContext;
class CXXConstructExpr;
class VarDecl;
} // namespace clang

namespace mapguard {

enum class LockAction : uint8_t { Acquire, Release };

/// What performs a lock operation, for notes that tell a reader where to look.
enum class LockSource : uint8_t {
  Call,          ///< `mu.lock()`, `lk.unlock()`.
  Guard,         ///< A guard's constructor.
  GuardScopeEnd, ///< A guard's destructor, where its scope ends.
  TemporaryEnd,  ///< A temporary guard's destructor, at the end of its
                 ///< full expression.
};

/// One acquisition or release of one mutex.
struct LockEffect {
  LockAction Action;
  MutexRef Mutex;
  /// Where it happens: the call, the guard's declaration, or the end of the
  /// guard's scope.
  clang::SourceLocation Loc;
  LockSource Source = LockSource::Call;
  /// The guard that performs it, if any.
  const clang::VarDecl *Guard = nullptr;
};

class LockModel {
public:
  LockModel();

  bool isMutexType(clang::QualType T) const {
    return MutexTypes.containsClassOf(T);
  }
  bool isGuardType(clang::QualType T) const {
    return GuardTypes.containsClassOf(T);
  }
  bool isMutexClass(const clang::CXXRecordDecl *RD) const {
    return MutexTypes.containsClass(RD);
  }
  bool isGuardClass(const clang::CXXRecordDecl *RD) const {
    return GuardTypes.containsClass(RD);
  }

  /// Appends the lock operations that \p Element performs.
  void effectsOf(const clang::CFGElement &Element, clang::ASTContext &Ctx,
                 llvm::SmallVectorImpl<LockEffect> &Out) const;

private:
  NameSet MutexTypes;
  NameSet GuardTypes;
  NameSet DeferringTags; ///< Guard arguments that postpone the locking.

  void callEffects(const clang::CXXMemberCallExpr *Call, clang::ASTContext &Ctx,
                   llvm::SmallVectorImpl<LockEffect> &Out) const;
  void guardEffects(const clang::CXXConstructExpr *Construct, LockAction Action,
                    clang::SourceLocation Loc, LockSource Source,
                    const clang::VarDecl *Guard, bool OnlyIfLocking,
                    clang::ASTContext &Ctx,
                    llvm::SmallVectorImpl<LockEffect> &Out) const;
  const clang::CXXConstructExpr *
  guardConstruction(const clang::Expr *Init) const;
};

} // namespace mapguard

#endif // MAPGUARD_ANALYSIS_LOCKMODEL_H
