//===--- LockModel.h - What locks and unlocks a mutex -----------*- C++ -*-===//
//
// The lock model answers two questions about a function's CFG: what does
// this element do to the locks, and what does it mean for the locks that
// this branch condition was true (or false)? It knows the mutex types (by
// name, by Clang's `capability` attribute, or by having `lock()` and
// `unlock()`), the guards (by name, by `scoped_lockable`, or by a visible
// constructor that locks and destructor that unlocks), their operations,
// the POSIX functions, and the thread-safety attributes of any function.
//
//===----------------------------------------------------------------------===//

#ifndef MAPGUARD_ANALYSIS_LOCKMODEL_H
#define MAPGUARD_ANALYSIS_LOCKMODEL_H

#include "checks/analysis/LockVocabulary.h"
#include "checks/analysis/Names.h"
#include "checks/analysis/ObjectPath.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

namespace clang {
class ASTContext;
class CXXConstructExpr;
class CXXConstructorDecl;
class CXXRecordDecl;
class VarDecl;
} // namespace clang

namespace mapguard {

/// What performs a lock operation, for notes that tell a reader where to look.
enum class LockSource : uint8_t {
  Call,          ///< `mu.lock()`, `lk.unlock()`, `pthread_mutex_unlock(&m)`.
  Guard,         ///< A guard's constructor.
  GuardScopeEnd, ///< A guard's destructor, where its scope ends.
  TemporaryEnd,  ///< A temporary guard's destructor, at the end of its
                 ///< full expression.
  Branch,        ///< A successful `try_lock()` (or the like) in a condition.
  RegionEnd,     ///< The end of an OpenMP `critical` region's block.
};

/// A guard object is identified by the expression that created it: its
/// constructor call, or the call that returned it.
using GuardKey = const clang::Expr *;

/// One step of what a CFG element, or a branch, does to the locks.
struct LockEffect {
  enum KindType : uint8_t {
    Acquire,     ///< Mutex is acquired in Mode.
    Release,     ///< Mutex is released in Mode (in both modes if AnyMode).
    GuardLock,   ///< Guard acquires its mutexes, and owns them.
    GuardUnlock, ///< Guard releases the mutexes it owns.
    GuardDisown, ///< Guard stops owning its mutexes, which stay held.
    GuardMove,   ///< Guard takes over what From owns.
    NoReturn,    ///< The call does not return: the rest of the path is
                 ///< dead, and adds nothing where paths meet.
  };
  KindType Kind;
  ObjectPath Mutex;
  LockMode Mode = LockMode::Exclusive;
  bool AnyMode = false;
  /// GuardLock: the guard takes its mutexes in Mode, rather than in the
  /// mode it manages them (`lk.ReaderLock()`, `lk.Demote()`).
  bool InMode = false;
  GuardKey Guard = nullptr;
  GuardKey From = nullptr;
  clang::SourceLocation Loc;
  LockSource Source = LockSource::Call;
  /// The guard variable that performs it, if any, for notes.
  const clang::VarDecl *GuardVar = nullptr;
};

/// A mutex that a guard manages, and how it holds it.
/// Whether \p Arg, an argument of a thread-safety attribute, is a negative
/// capability (`requires_capability(!mu)`: the caller must not hold `mu`),
/// which is never a held lock.
bool isNegativeCapability(const clang::Expr *Arg);

struct GuardedMutex {
  ObjectPath Mutex;
  LockMode Mode;
};

/// The locks \p F requires by its `requires_capability` attributes, in its
/// own terms; negative capabilities left out.
void requiredLocks(const clang::FunctionDecl *F, const clang::ASTContext &Ctx,
                   llvm::SmallVectorImpl<GuardedMutex> &Out);

class LockModel {
public:
  /// \p ExtraMutexTypes and \p ExtraGuardTypes name project classes (or
  /// class templates) whose bodies are not visible.
  /// \p GuardsFromDeclarations: a class whose constructor takes a lock by
  /// reference or pointer, with a destructor of its own and no copy, is a
  /// guard even where no body of it is visible.
  LockModel(llvm::ArrayRef<llvm::StringRef> ExtraMutexTypes = {},
            llvm::ArrayRef<llvm::StringRef> ExtraGuardTypes = {},
            bool GuardsFromDeclarations = true);

  /// Whether a method named \p Name locks (or, with \p Unlock, unlocks) by
  /// its name, as the lock vocabulary spells it for a mutex: `lock`,
  /// `Lock`, `Acquire`, `WriterLock`, `Enter`, `TryLock`; `unlock`,
  /// `Unlock`, `Release`, `Leave`.
  static bool isLockLikeName(llvm::StringRef Name, bool Unlock);
  /// Whether \p RD has lock- and unlock-like methods (by name only).
  static bool looksLikeLock(const clang::CXXRecordDecl *RD);

  bool isMutexClass(const clang::CXXRecordDecl *RD) const;
  bool isGuardClass(const clang::CXXRecordDecl *RD) const;
  bool isMutexType(clang::QualType T) const;
  /// Whether the mutex \p Mutex names is of a recursive type, as its
  /// declarations tell.
  bool isRecursiveMutex(const ObjectPath &Mutex) const;
  /// Whether \p RD is a scoped unlocker: it releases what it is given for
  /// its scope and takes it again in its destructor (`Poco::ScopedUnlock`,
  /// `boost::reverse_lock`, a `scoped_lockable` class whose constructor
  /// has `release_capability`).
  bool isUnlockerClass(const clang::CXXRecordDecl *RD) const;
  bool isGuardType(clang::QualType T) const;

  /// Appends the lock operations that statement \p S performs (a call, a
  /// guard's construction).
  void stmtEffects(const clang::Stmt *S, clang::ASTContext &Ctx,
                   llvm::SmallVectorImpl<LockEffect> &Out) const;

  /// Appends the lock operations that \p Element performs.
  void effectsOf(const clang::CFGElement &Element, clang::ASTContext &Ctx,
                 llvm::SmallVectorImpl<LockEffect> &Out) const;

  /// Appends the locks known to be acquired on each edge of \p Condition
  /// (a block's terminator condition), to \p OnTrue where it evaluated to
  /// true and to \p OnFalse where it evaluated to false: a successful
  /// `try_lock()`, `pthread_mutex_trylock() == 0`, `lk.owns_lock()`.
  void conditionEffects(const clang::Stmt *Condition, clang::ASTContext &Ctx,
                        llvm::SmallVectorImpl<LockEffect> &OnTrue,
                        llvm::SmallVectorImpl<LockEffect> &OnFalse) const;

  /// The object a guard-typed expression denotes: `lk`, `std::move(lk)`, a
  /// temporary.
  GuardKey guardKey(const clang::Expr *E) const;

  /// The mutexes the guard \p Guard manages.
  void guardMutexes(GuardKey Guard, clang::ASTContext &Ctx,
                    llvm::SmallVectorImpl<GuardedMutex> &Out) const;

private:
  /// How a class without a known name or attribute acts as a guard, read
  /// from its visible bodies: per constructor, the mutex parameters it
  /// manages, and whether it locks them.
  struct ManagedParam {
    unsigned Index;
    LockMode Mode;
    bool LockedNow;
  };
  struct GuardShape {
    bool IsGuard = false;
    /// A scoped unlocker: Params are what its constructors release.
    bool IsUnlocker = false;
    llvm::DenseMap<const clang::CXXConstructorDecl *,
                   llvm::SmallVector<ManagedParam, 1>>
        Params;
  };

  NameSet MutexTypes;
  NameSet GuardTypes;
  NameSet SharedGuardTypes;
  NameSet DeferringTags;
  NameSet UnlockerTypes;
  NameSet RecursiveTypes;
  bool GuardsFromDeclarations;
  mutable llvm::DenseMap<const clang::CXXRecordDecl *, bool> MutexClasses;
  mutable llvm::DenseMap<const clang::CXXRecordDecl *, bool> GuardClasses;
  mutable llvm::DenseMap<const clang::CXXRecordDecl *, GuardShape> Shapes;
  /// Per callee, whether a call of it may lock or unlock anything.
  mutable llvm::DenseMap<const clang::FunctionDecl *, bool> CalleesThatLock;

  /// Whether a call of \p Callee may have an effect callEffects reads: one
  /// look-up per callee, where most calls lock nothing.
  bool mayLock(const clang::FunctionDecl *Callee) const;

  const GuardShape &guardShape(const clang::CXXRecordDecl *RD) const;
  const clang::Expr *guardReleasing(const clang::Expr *E) const;
  void callEffects(const clang::CallExpr *Call, clang::ASTContext &Ctx,
                   llvm::SmallVectorImpl<LockEffect> &Out) const;
  void mutexCallEffects(const clang::CallExpr *Call, clang::ASTContext &Ctx,
                        llvm::SmallVectorImpl<LockEffect> &Out) const;
  void constructEffects(const clang::CXXConstructExpr *Construct,
                        clang::ASTContext &Ctx,
                        llvm::SmallVectorImpl<LockEffect> &Out) const;
  /// What the scoped unlocker built by \p Construct does at its
  /// construction, or (\p DestroyedVar, its variable, destroyed at
  /// \p DestroyedAt) at its destruction.
  void unlockerEffects(const clang::CXXConstructExpr *Construct,
                       clang::ASTContext &Ctx,
                       const clang::VarDecl *DestroyedVar,
                       clang::SourceLocation DestroyedAt,
                       llvm::SmallVectorImpl<LockEffect> &Out) const;
  void tryEffects(const clang::CallExpr *Call, clang::ASTContext &Ctx,
                  llvm::SmallVectorImpl<LockEffect> &Out,
                  std::optional<int64_t> &SuccessValue) const;
  void guardMutexes(GuardKey Guard, clang::ASTContext &Ctx,
                    const CallSubstitution *Subst, unsigned Depth,
                    llvm::SmallVectorImpl<GuardedMutex> &Out) const;
};

} // namespace mapguard

#endif // MAPGUARD_ANALYSIS_LOCKMODEL_H
