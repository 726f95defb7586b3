//===--- LockVocabulary.h - What libraries call locking ---------*- C++ -*-===//
//
// Which library types are mutexes and guards, and what each of their
// operations does, by the names the libraries give them: the standard
// library, POSIX, C11 `<threads.h>`, Windows critical sections and SRW
// locks, Boost.Thread, Qt 5 and 6, POCO. One table, so that a library is
// taught in one place and the model reads every library the same way.
//
// It leaves out what no name tells: Clang's thread-safety attributes (read
// by the lock model from the declarations themselves, as for Abseil), the
// generic rule for a project class with `lock()` and `unlock()`, guards read
// from their bodies, and OpenMP's `critical` regions (statements, not
// calls; see FunctionAnalysis).
//
//===----------------------------------------------------------------------===//

#ifndef MAPGUARD_ANALYSIS_LOCKVOCABULARY_H
#define MAPGUARD_ANALYSIS_LOCKVOCABULARY_H

#include "checks/analysis/Names.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include <cstdint>
#include <optional>

namespace clang {
class CXXRecordDecl;
class FunctionDecl;
class CallExpr;
} // namespace clang

namespace mapguard {

enum class LockMode : uint8_t { Exclusive, Shared };

/// What one library call does to the lock it is given (a C function's
/// first argument, a method's object).
struct LockOperation {
  enum KindType : uint8_t {
    Acquire,    ///< Takes the lock in Mode; blocks until it can.
    Release,    ///< Releases it (in either mode where AnyMode).
    TryAcquire, ///< Takes it where the result equals Success.
  };
  KindType Kind;
  LockMode Mode = LockMode::Exclusive;
  bool AnyMode = false;
  /// For TryAcquire: the result that means success. 1 stands for "true":
  /// any result but 0, false or null.
  int64_t Success = 1;
  /// The argument counts of the operation's shape; another count is another
  /// operation by the same name (`lock(int)`).
  uint8_t MinArgs = 0, MaxArgs = 0;
};

class LockVocabulary {
public:
  LockVocabulary();

  /// The mutex types named by libraries (`std::mutex`, `QReadWriteLock`,
  /// `mtx_t`, `CRITICAL_SECTION`), as qualified names.
  llvm::ArrayRef<llvm::StringRef> mutexTypes() const;
  /// The scoped guards that lock every mutex argument of their constructor
  /// exclusively (`std::lock_guard`, `QMutexLocker`, `Poco::ScopedLock`), and
  /// those that lock it shared (`std::shared_lock`, `QReadLocker`).
  llvm::ArrayRef<llvm::StringRef> guardTypes() const;
  llvm::ArrayRef<llvm::StringRef> sharedGuardTypes() const;
  /// The recursive mutex types: a thread that holds one may lock it again,
  /// and holds it until it has unlocked it as often (POCO's Poco::Mutex is
  /// recursive, its FastMutex is not; a Windows critical section is).
  llvm::ArrayRef<llvm::StringRef> recursiveMutexTypes() const;
  /// The scoped unlockers: they release the lock (or the guard) they are
  /// given for their scope, and take it again in their destructor
  /// (`Poco::ScopedUnlock`, `boost::reverse_lock`).
  llvm::ArrayRef<llvm::StringRef> unlockerTypes() const;
  /// For a guard whose constructor takes the mode as an argument
  /// (`Poco::ScopedRWLock(RWLock &, bool write = false)`): that argument's
  /// index; true means exclusive, false or absent shared.
  std::optional<unsigned> modeArgument(const clang::CXXRecordDecl *Guard) const;
  /// The tag types that make a guard's constructor not lock
  /// (`std::defer_lock_t`, `std::try_to_lock_t`).
  llvm::ArrayRef<llvm::StringRef> deferringTags() const;

  /// What \p Call, a call of method \p Name on a mutex of class \p Class,
  /// does, if the class's library (or, for any mutex class, the standard
  /// names: `lock`, `unlock`, `lock_shared`, `try_lock_for`, ...; and a
  /// project's usual spellings: `Lock`, `Acquire`, `ReaderLock`, `Unlock`,
  /// `Release`, `TryLock`, ...) names the operation and the call has its
  /// shape.
  std::optional<LockOperation> method(const clang::CXXRecordDecl *Class,
                                      const clang::CallExpr &Call) const;
  /// Whether a method named \p Name locks (or, with \p Unlock, unlocks) by
  /// the standard names or a project's usual spellings (`Lock`,
  /// `Acquire`, `ReaderLock`, `Unlock`, `Release`, `Leave`, ...).
  bool isLockLikeName(llvm::StringRef Name, bool Unlock) const;
  /// What \p Call, a call of a C function that takes a pointer to a lock
  /// first (`pthread_mutex_lock`, `mtx_lock`, `EnterCriticalSection`), does.
  std::optional<LockOperation> function(const clang::CallExpr &Call) const;
  /// Whether function() knows some shape of a call of \p F.
  bool knowsFunction(const clang::FunctionDecl &F) const;

private:
  /// Per library class (qualified name), its method names.
  llvm::StringMap<llvm::StringMap<LockOperation>> Methods;
  /// The identifiers of those classes, asked before a qualified name is
  /// built.
  llvm::StringSet<> LibraryClasses;
  /// The standard names and the projects' usual spellings, for any mutex
  /// class.
  llvm::StringMap<LockOperation> StandardMethods;
  llvm::StringMap<LockOperation> Functions;
};

/// The one vocabulary: it has no options.
const LockVocabulary &lockVocabulary();

} // namespace mapguard

#endif // MAPGUARD_ANALYSIS_LOCKVOCABULARY_H
