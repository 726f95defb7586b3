//===--- LockVocabulary.cpp - What libraries call locking -----------------===//

#include "checks/analysis/LockVocabulary.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"

using namespace clang;

namespace mapguard {

namespace {
using K = LockOperation;
constexpr LockMode X = LockMode::Exclusive;
constexpr LockMode S = LockMode::Shared;

LockOperation acquire(LockMode Mode, uint8_t MaxArgs = 0) {
  return {K::Acquire, Mode, false, 1, 0, MaxArgs};
}
LockOperation release(LockMode Mode = X, bool AnyMode = false) {
  return {K::Release, Mode, AnyMode, 1, 0, 0};
}
LockOperation tryAcquire(LockMode Mode, uint8_t MinArgs = 0,
                         uint8_t MaxArgs = 0, int64_t Success = 1) {
  return {K::TryAcquire, Mode, false, Success, MinArgs, MaxArgs};
}

struct ClassMethods {
  llvm::ArrayRef<llvm::StringRef> Classes;
  llvm::ArrayRef<std::pair<llvm::StringRef, LockOperation>> Methods;
};
} // namespace

// Qt: QBasicMutex declares the inline fast paths, QMutex the others;
// QRecursiveMutex is a QMutex. `tryLock(int timeout = 0)`.
static const llvm::StringRef QtMutexes[] = {"QBasicMutex", "QMutex",
                                            "QRecursiveMutex"};
static const std::pair<llvm::StringRef, LockOperation> QtMutexMethods[] = {
    {"tryLock", tryAcquire(X, 0, 1)}};
static const llvm::StringRef QtReadWriteLocks[] = {"QReadWriteLock"};
static const std::pair<llvm::StringRef, LockOperation> QtReadWriteMethods[] = {
    {"lockForRead", acquire(S)},
    {"lockForWrite", acquire(X)},
    {"unlock", release(X, /*AnyMode=*/true)},
    {"tryLockForRead", tryAcquire(S, 0, 1)},
    {"tryLockForWrite", tryAcquire(X, 0, 1)}};
// POCO: `lock(long milliseconds)` throws where it times out, so it holds
// the mutex after it as `lock()` does.
static const llvm::StringRef PocoMutexes[] = {"Poco::Mutex", "Poco::FastMutex",
                                              "Poco::SpinlockMutex"};
static const std::pair<llvm::StringRef, LockOperation> PocoMutexMethods[] = {
    {"lock", acquire(X, 1)}, {"tryLock", tryAcquire(X, 0, 1)}};
static const llvm::StringRef PocoRWLocks[] = {"Poco::RWLock"};
static const std::pair<llvm::StringRef, LockOperation> PocoRWLockMethods[] = {
    {"readLock", acquire(S)},
    {"writeLock", acquire(X)},
    {"unlock", release(X, /*AnyMode=*/true)},
    {"tryReadLock", tryAcquire(S)},
    {"tryWriteLock", tryAcquire(X)}};

static const ClassMethods LibraryMethods[] = {
    {QtMutexes, QtMutexMethods},
    {QtReadWriteLocks, QtReadWriteMethods},
    {PocoMutexes, PocoMutexMethods},
    {PocoRWLocks, PocoRWLockMethods},
};

// The standard names, which Boost.Thread, Qt (besides its own) and most
// project mutexes use too.
static const std::pair<llvm::StringRef, LockOperation> Standard[] = {
    {"lock", acquire(X)},
    {"unlock", release()},
    {"lock_shared", acquire(S)},
    {"unlock_shared", release(S)},
    {"try_lock", tryAcquire(X)},
    {"try_lock_for", tryAcquire(X, 1, 1)},
    {"try_lock_until", tryAcquire(X, 1, 1)},
    {"try_lock_shared", tryAcquire(S)},
    {"try_lock_shared_for", tryAcquire(S, 1, 1)},
    {"try_lock_shared_until", tryAcquire(S, 1, 1)},
};

// How projects spell their own mutexes' operations (a class named in
// LockTypes, or with a `capability` attribute and unannotated methods, or
// with `lock()` and `unlock()` beside them): Chromium's and gflags'
// `Lock()`/`Unlock()`, `Acquire()`/`Release()`, `ReaderLock()`, Windows-
// style `Enter()`/`Leave()`, Go-style `RLock()`.
static const std::pair<llvm::StringRef, LockOperation> ProjectSpellings[] = {
    {"Lock", acquire(X)},
    {"Acquire", acquire(X)},
    {"acquire", acquire(X)},
    {"WriterLock", acquire(X)},
    {"WriteLock", acquire(X)},
    {"LockWrite", acquire(X)},
    {"lockWrite", acquire(X)},
    {"Enter", acquire(X)},
    {"enter", acquire(X)},
    {"ReaderLock", acquire(S)},
    {"ReadLock", acquire(S)},
    {"RLock", acquire(S)},
    {"LockRead", acquire(S)},
    {"lockRead", acquire(S)},
    {"LockShared", acquire(S)},
    {"Unlock", release(X, /*AnyMode=*/true)},
    {"UnLock", release(X, /*AnyMode=*/true)},
    {"Release", release(X, /*AnyMode=*/true)},
    {"release", release(X, /*AnyMode=*/true)},
    {"WriterUnlock", release(X)},
    {"WriteUnlock", release(X)},
    {"UnlockWrite", release(X)},
    {"unlockWrite", release(X)},
    {"Leave", release(X)},
    {"leave", release(X)},
    {"ReaderUnlock", release(S)},
    {"ReadUnlock", release(S)},
    {"RUnlock", release(S)},
    {"UnlockRead", release(S)},
    {"unlockRead", release(S)},
    {"UnlockShared", release(S)},
    {"TryLock", tryAcquire(X)},
    {"tryLock", tryAcquire(X)},
    {"TryAcquire", tryAcquire(X)},
    {"tryAcquire", tryAcquire(X)},
    {"TryEnter", tryAcquire(X)},
    {"TryReaderLock", tryAcquire(S)},
    {"TryReadLock", tryAcquire(S)},
    {"TryLockShared", tryAcquire(S)},
};

// C functions taking a pointer to the lock first. POSIX and C11 try-locks
// return 0 (`thrd_success` is 0) on success; Windows' return a true BOOL.
static const std::pair<llvm::StringRef, LockOperation> CFunctions[] = {
    {"pthread_mutex_lock", acquire(X)},
    {"pthread_rwlock_wrlock", acquire(X)},
    {"pthread_rwlock_rdlock", acquire(S)},
    {"pthread_mutex_unlock", release(X, /*AnyMode=*/true)},
    {"pthread_rwlock_unlock", release(X, /*AnyMode=*/true)},
    {"pthread_mutex_trylock", tryAcquire(X, 0, 0, 0)},
    {"pthread_mutex_timedlock", tryAcquire(X, 1, 1, 0)},
    {"pthread_rwlock_trywrlock", tryAcquire(X, 0, 0, 0)},
    {"pthread_rwlock_timedwrlock", tryAcquire(X, 1, 1, 0)},
    {"pthread_rwlock_tryrdlock", tryAcquire(S, 0, 0, 0)},
    {"pthread_rwlock_timedrdlock", tryAcquire(S, 1, 1, 0)},
    {"mtx_lock", acquire(X)},
    {"mtx_unlock", release()},
    {"mtx_trylock", tryAcquire(X, 0, 0, 0)},
    {"mtx_timedlock", tryAcquire(X, 1, 1, 0)},
    {"EnterCriticalSection", acquire(X)},
    {"LeaveCriticalSection", release()},
    {"TryEnterCriticalSection", tryAcquire(X)},
    {"AcquireSRWLockExclusive", acquire(X)},
    {"AcquireSRWLockShared", acquire(S)},
    {"ReleaseSRWLockExclusive", release(X)},
    {"ReleaseSRWLockShared", release(S)},
    {"TryAcquireSRWLockExclusive", tryAcquire(X)},
    {"TryAcquireSRWLockShared", tryAcquire(S)},
};

// Windows' CRITICAL_SECTION and SRWLOCK are typedefs of these structs.
static const llvm::StringRef MutexTypes[] = {"std::mutex",
                                             "std::recursive_mutex",
                                             "std::timed_mutex",
                                             "std::recursive_timed_mutex",
                                             "std::shared_mutex",
                                             "std::shared_timed_mutex",
                                             "pthread_mutex_t",
                                             "pthread_rwlock_t",
                                             "mtx_t",
                                             "_RTL_CRITICAL_SECTION",
                                             "_RTL_SRWLOCK",
                                             "QBasicMutex",
                                             "QMutex",
                                             "QRecursiveMutex",
                                             "QReadWriteLock",
                                             "Poco::Mutex",
                                             "Poco::FastMutex",
                                             "Poco::SpinlockMutex",
                                             "Poco::RWLock"};

// Boost.Thread's guards (`boost::mutex::scoped_lock` is a
// `boost::unique_lock`) behave as the standard ones; POCO's
// `Poco::Mutex::ScopedLock` is a `Poco::ScopedLock<Poco::Mutex>`.
static const llvm::StringRef GuardTypes[] = {"std::lock_guard",
                                             "std::unique_lock",
                                             "std::scoped_lock",
                                             "boost::lock_guard",
                                             "boost::unique_lock",
                                             "QMutexLocker",
                                             "QWriteLocker",
                                             "Poco::ScopedLock",
                                             "Poco::ScopedLockWithUnlock",
                                             "Poco::ScopedWriteRWLock"};
// Poco::ScopedRWLock's mode is its second argument (modeArgument); shared
// by default.
static const llvm::StringRef SharedGuardTypes[] = {
    "std::shared_lock", "boost::shared_lock",     "boost::upgrade_lock",
    "QReadLocker",      "Poco::ScopedReadRWLock", "Poco::ScopedRWLock"};
static const llvm::StringRef RecursiveMutexTypes[] = {
    "std::recursive_mutex",   "std::recursive_timed_mutex",
    "boost::recursive_mutex", "boost::recursive_timed_mutex",
    "QRecursiveMutex",        "Poco::Mutex",
    "_RTL_CRITICAL_SECTION"};
static const llvm::StringRef UnlockerTypes[] = {"Poco::ScopedUnlock",
                                                "boost::reverse_lock"};
static const llvm::StringRef DeferringTags[] = {
    "std::defer_lock_t", "std::try_to_lock_t", "boost::defer_lock_t",
    "boost::try_to_lock_t"};

LockVocabulary::LockVocabulary() {
  for (const ClassMethods &Library : LibraryMethods)
    for (llvm::StringRef Class : Library.Classes)
      for (const auto &[Name, Op] : Library.Methods)
        Methods[Class][Name] = Op;
  for (const auto &Entry : Methods) {
    llvm::StringRef Class = Entry.getKey();
    LibraryClasses.insert(
        Class.rsplit("::").second.empty() ? Class : Class.rsplit("::").second);
  }
  for (const auto &[Name, Op] : Standard)
    StandardMethods[Name] = Op;
  for (const auto &[Name, Op] : ProjectSpellings)
    StandardMethods[Name] = Op;
  for (const auto &[Name, Op] : CFunctions)
    Functions[Name] = Op;
}

llvm::ArrayRef<llvm::StringRef> LockVocabulary::mutexTypes() const {
  return MutexTypes;
}
llvm::ArrayRef<llvm::StringRef> LockVocabulary::guardTypes() const {
  return GuardTypes;
}
llvm::ArrayRef<llvm::StringRef> LockVocabulary::sharedGuardTypes() const {
  return SharedGuardTypes;
}
llvm::ArrayRef<llvm::StringRef> LockVocabulary::recursiveMutexTypes() const {
  return RecursiveMutexTypes;
}
llvm::ArrayRef<llvm::StringRef> LockVocabulary::unlockerTypes() const {
  return UnlockerTypes;
}
llvm::ArrayRef<llvm::StringRef> LockVocabulary::deferringTags() const {
  return DeferringTags;
}

/// Whether \p Op has \p Args arguments besides the lock.
static std::optional<LockOperation> shaped(const LockOperation &Op,
                                           unsigned Args) {
  if (Args < Op.MinArgs || Args > Op.MaxArgs)
    return std::nullopt;
  return Op;
}

std::optional<LockOperation>
LockVocabulary::method(const CXXRecordDecl *Class, const CallExpr &Call) const {
  const auto *Callee = dyn_cast_or_null<CXXMethodDecl>(Call.getDirectCallee());
  if (!Class || !Callee || !Callee->getIdentifier() || Callee->isStatic())
    return std::nullopt;
  llvm::StringRef Name = Callee->getName();
  // Most classes are no library's: their identifier is asked first.
  if (Class->getIdentifier() && LibraryClasses.count(Class->getName())) {
    auto Library = Methods.find(qualifiedName(Class));
    if (Library != Methods.end()) {
      auto It = Library->second.find(Name);
      if (It != Library->second.end())
        return shaped(It->second, Call.getNumArgs());
    }
  }
  auto It = StandardMethods.find(Name);
  if (It == StandardMethods.end())
    return std::nullopt;
  return shaped(It->second, Call.getNumArgs());
}

bool LockVocabulary::knowsFunction(const FunctionDecl &F) const {
  return F.getIdentifier() && F.isExternC() && !isa<CXXMethodDecl>(F) &&
         Functions.count(F.getName());
}

std::optional<LockOperation>
LockVocabulary::function(const CallExpr &Call) const {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || !knowsFunction(*Callee))
    return std::nullopt;
  auto It = Functions.find(Callee->getName());
  // The lock comes first, by pointer; the rest is the operation's shape.
  if (It == Functions.end() || Call.getNumArgs() == 0 ||
      !Call.getArg(0)->getType()->isPointerType())
    return std::nullopt;
  return shaped(It->second, Call.getNumArgs() - 1);
}

bool LockVocabulary::isLockLikeName(llvm::StringRef Name, bool Unlock) const {
  auto It = StandardMethods.find(Name);
  if (It == StandardMethods.end())
    return false;
  return Unlock ? It->second.Kind == LockOperation::Release
                : It->second.Kind != LockOperation::Release;
}

std::optional<unsigned>
LockVocabulary::modeArgument(const CXXRecordDecl *Guard) const {
  if (!Guard || !Guard->getIdentifier() || Guard->getName() != "ScopedRWLock" ||
      qualifiedName(Guard) != "Poco::ScopedRWLock")
    return std::nullopt;
  return 1;
}

const LockVocabulary &lockVocabulary() {
  static const LockVocabulary Vocabulary;
  return Vocabulary;
}

} // namespace mapguard
