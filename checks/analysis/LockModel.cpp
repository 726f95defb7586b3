//===--- LockModel.cpp - What locks and unlocks a mutex -------------------===//

#include "checks/analysis/LockModel.h"
#include "checks/analysis/Compat.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/Builtins.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Config/llvm-config.h"

using namespace clang;

namespace mapguard {

// Bounds the walks through aliases, bases and callees.
static constexpr unsigned MaxDepth = 8;

LockModel::LockModel(llvm::ArrayRef<llvm::StringRef> ExtraMutexTypes,
                     llvm::ArrayRef<llvm::StringRef> ExtraGuardTypes,
                     bool GuardsFromDeclarations)
    : MutexTypes(lockVocabulary().mutexTypes()),
      GuardTypes(lockVocabulary().guardTypes()),
      SharedGuardTypes(lockVocabulary().sharedGuardTypes()),
      DeferringTags(lockVocabulary().deferringTags()),
      UnlockerTypes(lockVocabulary().unlockerTypes()),
      RecursiveTypes(lockVocabulary().recursiveMutexTypes()),
      GuardsFromDeclarations(GuardsFromDeclarations) {
  for (llvm::StringRef Name : ExtraMutexTypes)
    MutexTypes.insert(Name);
  for (llvm::StringRef Name : ExtraGuardTypes)
    GuardTypes.insert(Name);
}

static const CXXRecordDecl *classOf(QualType T) {
  return T.isNull() ? nullptr : T.getNonReferenceType()->getAsCXXRecordDecl();
}

static bool hasLockAndUnlock(const CXXRecordDecl *RD, unsigned Depth) {
  if (!RD || !RD->hasDefinition() || Depth > MaxDepth)
    return false;
  RD = RD->getDefinition();
  bool Lock = false, Unlock = false;
  for (const CXXMethodDecl *Method : RD->methods()) {
    // `lock(int)` or a static `lock()` is some other operation by that name.
    if (!Method->getIdentifier() || Method->isStatic() ||
        Method->getMinRequiredArguments() != 0)
      continue;
    Lock |= Method->getName() == "lock";
    Unlock |= Method->getName() == "unlock";
  }
  if (Lock && Unlock)
    return true;
  for (const CXXBaseSpecifier &Base : RD->bases())
    if (hasLockAndUnlock(classOf(Base.getType()), Depth + 1))
      return true;
  return false;
}

bool LockModel::isMutexClass(const CXXRecordDecl *RD) const {
  if (!RD)
    return false;
  RD = RD->getCanonicalDecl();
  auto It = MutexClasses.find(RD);
  if (It != MutexClasses.end())
    return It->second;
  MutexClasses[RD] = false; // While deciding, a cycle answers no.
  bool Result;
  if (MutexTypes.containsClass(RD))
    Result = true;
  else if (isGuardClass(RD))
    Result = false;
  else if (RD->hasAttr<CapabilityAttr>())
    Result = true;
  else
    Result = hasLockAndUnlock(RD, 0);
  MutexClasses[RD] = Result;
  return Result;
}

bool LockModel::isGuardClass(const CXXRecordDecl *RD) const {
  if (!RD)
    return false;
  // Asked at every call the analysis sees: decided once per class.
  auto [It, Inserted] = GuardClasses.try_emplace(RD->getCanonicalDecl(), false);
  if (!Inserted)
    return It->second;
  // A class that says it is a capability is a mutex, whatever its
  // constructors take.
  bool Result = GuardTypes.containsClass(RD) ||
                SharedGuardTypes.containsClass(RD) ||
                RD->hasAttr<ScopedLockableAttr>() ||
                (!RD->hasAttr<CapabilityAttr>() && guardShape(RD).IsGuard);
  // guardShape may have asked about other classes: look the slot up again.
  GuardClasses[RD->getCanonicalDecl()] = Result;
  return Result;
}

bool LockModel::isRecursiveMutex(const ObjectPath &Mutex) const {
  QualType T = Mutex.objectType();
  return !T.isNull() && RecursiveTypes.containsClassOf(T);
}

bool LockModel::isUnlockerClass(const CXXRecordDecl *RD) const {
  if (!RD)
    return false;
  if (UnlockerTypes.containsClass(RD))
    return true;
  const CXXRecordDecl *Def = RD->getDefinition();
  if (!Def)
    return false;
  if (!Def->hasAttr<ScopedLockableAttr>())
    return guardShape(Def).IsUnlocker;
  return llvm::any_of(Def->ctors(), [](const CXXConstructorDecl *Ctor) {
    return Ctor->hasAttr<ReleaseCapabilityAttr>();
  });
}

bool LockModel::isMutexType(QualType T) const {
  return isMutexClass(classOf(T));
}

bool LockModel::isGuardType(QualType T) const {
  return isGuardClass(classOf(T));
}

/// The lock expressions of a thread-safety attribute, read at one call.
template <typename AttrT>
static void attrMutexes(const AttrT *A, const CallSubstitution &Subst,
                        ASTContext &Ctx,
                        llvm::SmallVectorImpl<ObjectPath> &Out) {
  if (A->args_size() == 0) {
    // No argument: the object the method is called on.
    if (Subst.Object)
      Out.push_back(
          Subst.ObjectIsPointer
              ? ObjectPath::fromPointer(Subst.Object, Ctx, Subst.Outer)
              : ObjectPath::fromExpr(Subst.Object, Ctx, Subst.Outer));
    return;
  }
  for (const Expr *Arg : A->args()) {
    if (isa<StringLiteral>(Arg->IgnoreParenImpCasts()))
      continue;
    if (isNegativeCapability(Arg))
      continue; // Nothing is acquired.
    Out.push_back(ObjectPath::fromLockArgument(Arg, Ctx, &Subst));
  }
}

bool isNegativeCapability(const Expr *Arg) {
  const Expr *E = Arg->IgnoreParenImpCasts();
  if (const auto *Not = dyn_cast<UnaryOperator>(E))
    return Not->getOpcode() == UO_LNot;
  // A capability class declares `operator!` for the purpose, as Clang's
  // own tests do.
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E))
    return Op->getOperator() == OO_Exclaim;
  return false;
}

void requiredLocks(const FunctionDecl *F, const ASTContext &Ctx,
                   llvm::SmallVectorImpl<GuardedMutex> &Out) {
  for (const auto *A : F->specific_attrs<RequiresCapabilityAttr>())
    for (const Expr *Arg : A->args())
      if (!isNegativeCapability(Arg))
        Out.push_back({ObjectPath::fromLockArgument(Arg, Ctx),
                       A->isShared() ? LockMode::Shared : LockMode::Exclusive});
}

/// What a project's guard class calls locking and unlocking again.
static const llvm::StringRef ProjectGuardLocks[] = {"Lock", "relock", "Relock",
                                                    "ReLock"};
static const llvm::StringRef ProjectGuardUnlocks[] = {
    "Unlock", "UnLock", "release", "Release", "ReaderUnlock", "unlock_shared"};
/// What it calls locking shared, or trading one mode for the other.
static const llvm::StringRef ProjectGuardSharedLocks[] = {
    "ReaderLock", "lock_shared", "LockShared"};
static const llvm::StringRef ProjectGuardDemotions[] = {
    "Demote", "DemoteExclusive", "demote", "DowngradeToShared"};
static const llvm::StringRef ProjectGuardPromotions[] = {
    "Promote", "PromoteShared", "promote", "UpgradeToExclusive"};

static const Expr *objectOf(const CallExpr *Call, bool &IsPointer) {
  IsPointer = false;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
    if (const auto *Callee =
            dyn_cast<MemberExpr>(Member->getCallee()->IgnoreParens()))
      IsPointer = Callee->isArrow();
    return Member->getImplicitObjectArgument();
  }
  return nullptr;
}

static llvm::StringRef calleeName(const CallExpr *Call) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  return Callee && Callee->getIdentifier() ? Callee->getName()
                                           : llvm::StringRef();
}

/// The guard whose `release()` or `mutex()` returned the mutex pointer
/// \p E, through a local pointer initialised with it: `lk` for `m` in
/// `std::mutex *m = lk.release();`.
const Expr *LockModel::guardReleasing(const Expr *E) const {
  for (unsigned Depth = 0; E && Depth != MaxDepth; ++Depth) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
      const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
      if (!Var || !Var->isLocalVarDecl() || isa<ParmVarDecl>(Var) ||
          !Var->getType()->isPointerType())
        return nullptr;
      E = Var->getInit();
      continue;
    }
    const auto *Call = dyn_cast<CXXMemberCallExpr>(E);
    if (!Call || Call->getNumArgs() != 0)
      return nullptr;
    const CXXMethodDecl *Method = Call->getMethodDecl();
    llvm::StringRef Name = calleeName(Call);
    if (!Method || !isGuardClass(Method->getParent()) ||
        (Name != "release" && Name != "mutex"))
      return nullptr;
    return Call->getImplicitObjectArgument();
  }
  return nullptr;
}

void LockModel::mutexCallEffects(const CallExpr *Call, ASTContext &Ctx,
                                 llvm::SmallVectorImpl<LockEffect> &Out) const {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return;
  SourceLocation Loc = Call->getBeginLoc();
  auto Add = [&](LockEffect::KindType Kind, ObjectPath Mutex, LockMode Mode,
                 bool AnyMode = false) {
    LockEffect E{Kind, std::move(Mutex), Mode, AnyMode};
    E.Loc = Loc;
    Out.push_back(std::move(E));
  };

  // Thread-safety attributes say exactly what a function does.
  if (Callee->hasAttrs()) {
    CallSubstitution Subst = CallSubstitution::of(*Call, Callee);
    bool Attributed = false;
    auto Apply = [&](const auto *A, LockEffect::KindType Kind, bool AnyMode) {
      Attributed = true;
      llvm::SmallVector<ObjectPath, 2> Mutexes;
      attrMutexes(A, Subst, Ctx, Mutexes);
      for (ObjectPath &M : Mutexes)
        Add(Kind, std::move(M),
            A->isShared() ? LockMode::Shared : LockMode::Exclusive, AnyMode);
    };
    for (const auto *A : Callee->specific_attrs<AcquireCapabilityAttr>())
      Apply(A, LockEffect::Acquire, false);
    for (const auto *A : Callee->specific_attrs<ReleaseCapabilityAttr>())
      Apply(A, LockEffect::Release, A->isGeneric());
    // `AssertHeld()`: from here on the mutex is held, as Clang's analysis
    // takes it.
    for (const auto *A : Callee->specific_attrs<AssertCapabilityAttr>())
      Apply(A, LockEffect::Acquire, false);
    auto ApplyMode = [&](const auto *A, LockMode Mode) {
      Attributed = true;
      llvm::SmallVector<ObjectPath, 2> Mutexes;
      attrMutexes(A, Subst, Ctx, Mutexes);
      for (ObjectPath &M : Mutexes)
        Add(LockEffect::Acquire, std::move(M), Mode);
    };
    // The older spellings; LLVM 22 made them spellings of assert_capability.
#if LLVM_VERSION_MAJOR < 22
    for (const auto *A : Callee->specific_attrs<AssertExclusiveLockAttr>())
      ApplyMode(A, LockMode::Exclusive);
    for (const auto *A : Callee->specific_attrs<AssertSharedLockAttr>())
      ApplyMode(A, LockMode::Shared);
#else
    (void)ApplyMode;
#endif
    if (Attributed)
      return;
  }

  bool ObjectIsPointer;
  if (const Expr *Object = objectOf(Call, ObjectIsPointer)) {
    const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
    if (!Method || !isMutexClass(Method->getParent()))
      return;
    // The operation by its library's name, and of its shape: `lock(int)` is
    // some other operation.
    std::optional<LockOperation> Op =
        lockVocabulary().method(Method->getParent(), *Call);
    if (!Op || Op->Kind == LockOperation::TryAcquire)
      return;
    ObjectPath Mutex = ObjectIsPointer ? ObjectPath::fromPointer(Object, Ctx)
                                       : ObjectPath::fromExpr(Object, Ctx);
    // `std::mutex *m = lk.release(); m->unlock();` unlocks lk's mutex.
    if (ObjectIsPointer)
      if (const Expr *Guard = guardReleasing(Object)) {
        llvm::SmallVector<GuardedMutex, 1> Managed;
        guardMutexes(guardKey(Guard), Ctx, Managed);
        if (Managed.size() == 1)
          Mutex = std::move(Managed.front().Mutex);
      }
    Add(Op->Kind == LockOperation::Acquire ? LockEffect::Acquire
                                           : LockEffect::Release,
        std::move(Mutex), Op->Mode, Op->AnyMode);
    return;
  }

  llvm::StringRef Name = calleeName(Call);
  if (Name.empty() || Call->getNumArgs() == 0)
    return;
  if (Callee->isInStdNamespace()) {
    if (Name != "lock")
      return;
    for (const Expr *Arg : Call->arguments()) {
      // `std::lock(a, b)` on two deferred `std::unique_lock`s locks their
      // mutexes, and the guards own them.
      if (isGuardType(Arg->getType())) {
        if (GuardKey Guard = guardKey(Arg)) {
          LockEffect E{LockEffect::GuardLock, {}};
          E.Guard = Guard;
          E.Loc = Loc;
          Out.push_back(std::move(E));
        }
        continue;
      }
      Add(LockEffect::Acquire, ObjectPath::fromExpr(Arg, Ctx),
          LockMode::Exclusive);
    }
    return;
  }
  // C: `pthread_mutex_lock(&m)`, `mtx_lock(&m)`, `EnterCriticalSection(&cs)`.
  std::optional<LockOperation> Op = lockVocabulary().function(*Call);
  if (!Op || Op->Kind == LockOperation::TryAcquire)
    return;
  Add(Op->Kind == LockOperation::Acquire ? LockEffect::Acquire
                                         : LockEffect::Release,
      ObjectPath::fromPointer(Call->getArg(0), Ctx), Op->Mode, Op->AnyMode);
}

bool LockModel::mayLock(const FunctionDecl *Callee) const {
  auto [It, Inserted] = CalleesThatLock.try_emplace(Callee, true);
  if (!Inserted)
    return It->second;
  bool Result;
  QualType Returned = Callee->getReturnType();
  if (Callee->hasAttrs() ||
      (!Returned->isReferenceType() && isGuardType(Returned))) {
    // Attributes say what it does; a guard returned by value owns its
    // mutexes.
    Result = true;
  } else if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee)) {
    // A guard's or a mutex's own operations.
    Result =
        isGuardClass(Method->getParent()) || isMutexClass(Method->getParent());
  } else {
    // `std::lock(a, b)`, and the C libraries' lock functions.
    Result = (Callee->isInStdNamespace() && Callee->getIdentifier() &&
              Callee->getName() == "lock") ||
             lockVocabulary().knowsFunction(*Callee);
  }
  It->second = Result;
  return Result;
}

void LockModel::callEffects(const CallExpr *Call, ASTContext &Ctx,
                            llvm::SmallVectorImpl<LockEffect> &Out) const {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || !mayLock(Callee))
    return;
  // `a = std::move(b)` on guards: `a` releases what it owned and takes over
  // what `b` owns.
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
    if (Op->getOperator() != OO_Equal || Op->getNumArgs() != 2 ||
        !isGuardType(Op->getArg(0)->getType()))
      return;
    GuardKey To = guardKey(Op->getArg(0));
    GuardKey From = guardKey(Op->getArg(1));
    if (!To)
      return;
    LockEffect Unlock{LockEffect::GuardUnlock, {}};
    Unlock.Guard = To;
    Unlock.Loc = Op->getBeginLoc();
    Out.push_back(Unlock);
    if (From) {
      LockEffect Move{LockEffect::GuardMove, {}};
      Move.Guard = To;
      Move.From = From;
      Move.Loc = Op->getBeginLoc();
      Out.push_back(std::move(Move));
    }
    return;
  }
  bool ObjectIsPointer;
  const Expr *Object = objectOf(Call, ObjectIsPointer);
  const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
  if (Object && Method && isGuardClass(Method->getParent())) {
    GuardKey Guard = ObjectIsPointer ? nullptr : guardKey(Object);
    if (!Guard)
      return;
    // What the call does to the guard: release what it owns, then lock
    // again (in a mode of the call's own, where it names one: a reader
    // lock, a demotion).
    bool Unlock = false, Disown = false;
    std::optional<std::optional<LockMode>> Lock;
    if (Method->hasAttr<AcquireCapabilityAttr>() ||
        Method->hasAttr<ReleaseCapabilityAttr>()) {
      Unlock = Method->hasAttr<ReleaseCapabilityAttr>();
      if (const auto *A = Method->getAttr<AcquireCapabilityAttr>())
        Lock = A->isShared() ? std::optional(LockMode::Shared)
                             : std::optional<LockMode>();
      // `Demote()`: released exclusive, taken shared; `Promote()` the
      // other way round.
      if (Lock && Unlock && !*Lock)
        Lock = LockMode::Exclusive;
    } else if (!Method->hasAttrs() ||
               !Method->getParent()->hasAttr<ScopedLockableAttr>()) {
      // The standard guards' names; a project's guard spells them its own
      // way (`l.UnLock()`, `l.Relock()`, `l.ReaderLock()`, `l.Demote()`),
      // and its `release()` unlocks where `std::unique_lock::release()`
      // lets go of the mutex still locked.
      llvm::StringRef Name = calleeName(Call);
      const CXXRecordDecl *GuardClass = Method->getParent();
      bool Std = GuardClass->isInStdNamespace() ||
                 startsWith(GuardClass->getQualifiedNameAsString(), "boost::");
      if (Name == "lock" ||
          (!Std && llvm::is_contained(ProjectGuardLocks, Name)))
        Lock = std::optional<LockMode>();
      else if (Name == "unlock" ||
               (!Std && llvm::is_contained(ProjectGuardUnlocks, Name)))
        Unlock = true;
      else if (Name == "release")
        Disown = true;
      else if (!Std && llvm::is_contained(ProjectGuardSharedLocks, Name))
        Lock = LockMode::Shared;
      else if (!Std && llvm::is_contained(ProjectGuardDemotions, Name))
        Unlock = true, Lock = LockMode::Shared;
      else if (!Std && llvm::is_contained(ProjectGuardPromotions, Name))
        Unlock = true, Lock = LockMode::Exclusive;
    }
    auto Add = [&](LockEffect::KindType Kind) {
      LockEffect E{Kind, {}};
      E.Guard = Guard;
      E.Loc = Call->getBeginLoc();
      if (const auto *Ref =
              dyn_cast<DeclRefExpr>(Object->IgnoreParenImpCasts()))
        E.GuardVar = dyn_cast<VarDecl>(Ref->getDecl());
      if (Kind == LockEffect::GuardLock && Lock && *Lock) {
        E.Mode = **Lock;
        E.InMode = true;
      }
      Out.push_back(std::move(E));
    };
    if (Disown)
      Add(LockEffect::GuardDisown);
    if (Unlock)
      Add(LockEffect::GuardUnlock);
    if (Lock)
      Add(LockEffect::GuardLock);
    return;
  }
  mutexCallEffects(Call, Ctx, Out);
  // A call that returns a guard by value returns it owning its mutexes:
  // `auto lk = acquire();`.
  if (!Callee->getReturnType()->isReferenceType() &&
      isGuardType(Callee->getReturnType())) {
    llvm::SmallVector<GuardedMutex, 1> Mutexes;
    guardMutexes(Call, Ctx, Mutexes);
    if (!Mutexes.empty()) {
      LockEffect E{LockEffect::GuardLock, {}};
      E.Guard = Call;
      E.Loc = Call->getBeginLoc();
      Out.push_back(std::move(E));
    }
  }
}

void LockModel::unlockerEffects(const CXXConstructExpr *Construct,
                                ASTContext &Ctx, const VarDecl *DestroyedVar,
                                SourceLocation DestroyedAt,
                                llvm::SmallVectorImpl<LockEffect> &Out) const {
  bool AtDestruction = DestroyedVar != nullptr;
  const CXXRecordDecl *Class = classOf(Construct->getType());
  const CXXConstructorDecl *Ctor = Construct->getConstructor();
  if (!isUnlockerClass(Class) || Ctor->isCopyOrMoveConstructor())
    return;
  auto Add = [&](LockEffect E) {
    E.Loc = AtDestruction ? DestroyedAt : Construct->getBeginLoc();
    E.Source = AtDestruction ? LockSource::GuardScopeEnd : LockSource::Guard;
    E.GuardVar = DestroyedVar;
    Out.push_back(std::move(E));
  };
  auto Mutex = [&](ObjectPath M, LockMode Mode) {
    LockEffect E{AtDestruction ? LockEffect::Acquire : LockEffect::Release,
                 std::move(M), Mode, /*AnyMode=*/!AtDestruction};
    Add(std::move(E));
  };
  if (Class->hasAttr<ScopedLockableAttr>()) {
    CallSubstitution Args = CallSubstitution::of(*Construct, Ctor);
    for (const auto *A : Ctor->specific_attrs<ReleaseCapabilityAttr>()) {
      llvm::SmallVector<ObjectPath, 2> Mutexes;
      attrMutexes(A, Args, Ctx, Mutexes);
      for (ObjectPath &M : Mutexes)
        Mutex(std::move(M),
              A->isShared() ? LockMode::Shared : LockMode::Exclusive);
    }
    return;
  }
  if (!UnlockerTypes.containsClass(Class)) {
    // Read from its bodies: the parameters its constructor releases.
    const GuardShape &Shape = guardShape(Class);
    auto Params = Shape.Params.find(Ctor->getCanonicalDecl());
    if (Params != Shape.Params.end())
      for (const ManagedParam &P : Params->second)
        if (P.Index < Construct->getNumArgs())
          Mutex(ObjectPath::fromLockArgument(Construct->getArg(P.Index), Ctx),
                P.Mode);
    return;
  }
  for (const Expr *Arg : Construct->arguments()) {
    QualType T = Arg->getType();
    if (isGuardType(T)) {
      // `boost::reverse_lock<boost::unique_lock<M>> u(lk)`: lk lets go of
      // its mutex, and owns it again at the end of u's scope.
      if (GuardKey Guard = guardKey(Arg)) {
        LockEffect E{AtDestruction ? LockEffect::GuardLock
                                   : LockEffect::GuardUnlock,
                     {}};
        E.Guard = Guard;
        Add(std::move(E));
      }
    } else if (isMutexType(T) ||
               (T->isPointerType() && isMutexType(T->getPointeeType()))) {
      Mutex(ObjectPath::fromLockArgument(Arg, Ctx), LockMode::Exclusive);
    }
  }
}

void LockModel::constructEffects(const CXXConstructExpr *Construct,
                                 ASTContext &Ctx,
                                 llvm::SmallVectorImpl<LockEffect> &Out) const {
  const CXXRecordDecl *Class = classOf(Construct->getType());
  if (isUnlockerClass(Class))
    return unlockerEffects(Construct, Ctx, /*DestroyedVar=*/nullptr, {}, Out);
  if (!isGuardClass(Class))
    return;
  const CXXConstructorDecl *Ctor = Construct->getConstructor();
  LockEffect E{LockEffect::GuardLock, {}};
  E.Guard = Construct;
  E.Loc = Construct->getBeginLoc();
  E.Source = LockSource::Guard;
  if (Ctor->isCopyOrMoveConstructor()) {
    E.Kind = LockEffect::GuardMove;
    E.From = guardKey(Construct->getArg(0));
    if (E.From)
      Out.push_back(std::move(E));
    return;
  }
  if (Class->hasAttr<ScopedLockableAttr>()) {
    if (Ctor->hasAttr<AcquireCapabilityAttr>() ||
        Ctor->hasAttr<RequiresCapabilityAttr>())
      Out.push_back(std::move(E));
    return;
  }
  if (!GuardTypes.containsClass(Class) &&
      !SharedGuardTypes.containsClass(Class)) {
    // A guard recognised from its bodies locks in the constructors that do.
    const GuardShape &Shape = guardShape(Class);
    auto Params = Shape.Params.find(Ctor->getCanonicalDecl());
    if (Params != Shape.Params.end() &&
        llvm::any_of(Params->second,
                     [](const ManagedParam &P) { return P.LockedNow; }))
      Out.push_back(std::move(E));
    return;
  }
  bool TakesMutex = false;
  for (const Expr *Arg : Construct->arguments()) {
    if (DeferringTags.containsClassOf(Arg->getType()))
      return; // `std::defer_lock`, `std::try_to_lock`: not held yet.
    TakesMutex |= isMutexType(Arg->getType()) ||
                  (Arg->getType()->isPointerType() &&
                   isMutexType(Arg->getType()->getPointeeType()));
  }
  if (TakesMutex) // A default-constructed guard holds nothing.
    Out.push_back(std::move(E));
}

void LockModel::stmtEffects(const Stmt *S, ASTContext &Ctx,
                            llvm::SmallVectorImpl<LockEffect> &Out) const {
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(S))
    constructEffects(Construct, Ctx, Out);
  else if (const auto *Call = dyn_cast<CallExpr>(S))
    callEffects(Call, Ctx, Out);
}

void LockModel::effectsOf(const CFGElement &Element, ASTContext &Ctx,
                          llvm::SmallVectorImpl<LockEffect> &Out) const {
  if (auto S = Element.getAs<CFGStmt>())
    return stmtEffects(S->getStmt(), Ctx, Out);
  // A guard releases what it owns in its destructor, which the CFG places at
  // every exit from the guard's scope: its end, `return`, `break`, `goto`.
  // What a guard's destructor does: release what the guard owns.
  auto Release = [&](GuardKey Guard, SourceLocation Loc, LockSource Source,
                     const VarDecl *Var) {
    if (!Guard)
      return;
    LockEffect E{LockEffect::GuardUnlock, {}};
    E.Guard = Guard;
    E.Loc = Loc;
    E.Source = Source;
    E.GuardVar = Var;
    Out.push_back(std::move(E));
  };
  if (auto Dtor = Element.getAs<CFGAutomaticObjDtor>()) {
    const VarDecl *Var = Dtor->getVarDecl();
    // A scoped unlocker takes back what it released.
    if (isUnlockerClass(classOf(Var->getType()))) {
      if (const auto *Construct =
              dyn_cast_or_null<CXXConstructExpr>(guardKey(Var->getInit())))
        unlockerEffects(Construct, Ctx, Var,
                        Dtor->getTriggerStmt()
                            ? Dtor->getTriggerStmt()->getEndLoc()
                            : Var->getLocation(),
                        Out);
      return;
    }
    if (isGuardType(Var->getType()))
      Release(guardKey(Var->getInit()),
              Dtor->getTriggerStmt() ? Dtor->getTriggerStmt()->getEndLoc()
                                     : Var->getLocation(),
              LockSource::GuardScopeEnd, Var);
    return;
  }
  if (auto Dtor = Element.getAs<CFGTemporaryDtor>()) {
    const CXXBindTemporaryExpr *Bind = Dtor->getBindTemporaryExpr();
    if (isGuardType(Bind->getType()))
      Release(guardKey(Bind->getSubExpr()), Bind->getEndLoc(),
              LockSource::TemporaryEnd, nullptr);
  }
}

GuardKey LockModel::guardKey(const Expr *E) const {
  for (unsigned Depth = 0; E && Depth != MaxDepth; ++Depth) {
    E = E->IgnoreImplicit()->IgnoreParenImpCasts();
    if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E)) {
      E = Bind->getSubExpr();
      continue;
    }
    if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(E)) {
      E = Cast->getSubExpr();
      continue;
    }
    if (isa<CXXConstructExpr>(E))
      return E;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
      const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
      if (!Var || isa<ParmVarDecl>(Var) || !Var->getInit())
        return nullptr;
      E = Var->getInit();
      continue;
    }
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      llvm::StringRef Name = calleeName(Call);
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (Callee && Callee->isInStdNamespace() &&
          (Name == "move" || Name == "forward") && Call->getNumArgs() == 1) {
        E = Call->getArg(0);
        continue;
      }
      return Callee && !Callee->getReturnType()->isReferenceType() ? E
                                                                   : nullptr;
    }
    return nullptr;
  }
  return nullptr;
}

void LockModel::guardMutexes(GuardKey Guard, ASTContext &Ctx,
                             llvm::SmallVectorImpl<GuardedMutex> &Out) const {
  guardMutexes(Guard, Ctx, nullptr, 0, Out);
}

void LockModel::guardMutexes(GuardKey Guard, ASTContext &Ctx,
                             const CallSubstitution *Subst, unsigned Depth,
                             llvm::SmallVectorImpl<GuardedMutex> &Out) const {
  if (!Guard || Depth > MaxDepth)
    return;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Guard)) {
    const CXXRecordDecl *Class = classOf(Construct->getType());
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    if (Ctor->isCopyOrMoveConstructor()) {
      guardMutexes(guardKey(Construct->getArg(0)), Ctx, Subst, Depth + 1, Out);
      return;
    }
    if (Class && Class->hasAttr<ScopedLockableAttr>()) {
      CallSubstitution Args;
      Args.Callee = Ctor;
      Args.Args = llvm::ArrayRef<const Expr *>(Construct->getArgs(),
                                               Construct->getNumArgs());
      Args.Outer = Subst;
      // Acquired, adopted (required), or deferred (excluded: the guard
      // still manages it for a later lock()).
      auto Manage = [&](const auto *A, LockMode Mode) {
        llvm::SmallVector<ObjectPath, 2> Mutexes;
        attrMutexes(A, Args, Ctx, Mutexes);
        for (ObjectPath &M : Mutexes)
          Out.push_back({std::move(M), Mode});
      };
      for (const auto *A : Ctor->specific_attrs<AcquireCapabilityAttr>())
        Manage(A, A->isShared() ? LockMode::Shared : LockMode::Exclusive);
      for (const auto *A : Ctor->specific_attrs<RequiresCapabilityAttr>())
        Manage(A, A->isShared() ? LockMode::Shared : LockMode::Exclusive);
      for (const auto *A : Ctor->specific_attrs<LocksExcludedAttr>())
        Manage(A, LockMode::Exclusive);
      return;
    }
    if (GuardTypes.containsClass(Class) ||
        SharedGuardTypes.containsClass(Class)) {
      LockMode Mode = SharedGuardTypes.containsClass(Class)
                          ? LockMode::Shared
                          : LockMode::Exclusive;
      // `Poco::RWLock::ScopedLock lock(rw, true)`: a write lock.
      if (std::optional<unsigned> Index = lockVocabulary().modeArgument(Class))
        if (*Index < Construct->getNumArgs()) {
          const Expr *Write = Construct->getArg(*Index);
          bool Value = false;
          if (!Write->isValueDependent() &&
              Write->EvaluateAsBooleanCondition(Value, Ctx) && Value)
            Mode = LockMode::Exclusive;
        }
      for (const Expr *Arg : Construct->arguments()) {
        QualType T = Arg->getType();
        if (isMutexType(T) ||
            (T->isPointerType() && isMutexType(T->getPointeeType())))
          Out.push_back({ObjectPath::fromLockArgument(Arg, Ctx, Subst), Mode});
      }
      return;
    }
    const GuardShape &Shape = guardShape(Class);
    auto Params = Shape.Params.find(Ctor->getCanonicalDecl());
    if (Params == Shape.Params.end())
      return;
    for (const ManagedParam &P : Params->second)
      if (P.Index < Construct->getNumArgs())
        Out.push_back({ObjectPath::fromLockArgument(Construct->getArg(P.Index),
                                                    Ctx, Subst),
                       P.Mode});
    return;
  }
  // A guard returned by a call: what the callee's `return` hands out, read
  // with the call's arguments.
  const auto *Call = dyn_cast<CallExpr>(Guard);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  const FunctionDecl *Definition = Callee ? Callee->getDefinition() : nullptr;
  if (Callee && (!Definition || !Definition->getBody())) {
    // Declared only (`MutexLocker Lock();` in a header; clangd skips the
    // bodies of headers): the guard it returns locks a mutex that only the
    // call names, `this->Lock()`; the same call on the same object names
    // the same one. A call with arguments names nothing.
    if (Call->getNumArgs() == 0 && isGuardType(Callee->getReturnType())) {
      ObjectPath Returned = ObjectPath::fromLockArgument(Call, Ctx, Subst);
      if (!Returned.steps().empty() && !Returned.isOpaque())
        Out.push_back({std::move(Returned), LockMode::Exclusive});
    }
    return;
  }
  if (!Definition || Depth > 2)
    return;
  CallSubstitution CallArgs = CallSubstitution::of(*Call, Definition, Subst);
  llvm::SmallVector<const Stmt *, 16> Stack{Definition->getBody()};
  while (!Stack.empty()) {
    const Stmt *S = Stack.pop_back_val();
    if (!S || isa<LambdaExpr>(S))
      continue;
    if (const auto *Return = dyn_cast<ReturnStmt>(S)) {
      guardMutexes(guardKey(Return->getRetValue()), Ctx, &CallArgs, Depth + 1,
                   Out);
      return;
    }
    for (const Stmt *Child : S->children())
      Stack.push_back(Child);
  }
}

bool LockModel::isLockLikeName(llvm::StringRef Name, bool Unlock) {
  return lockVocabulary().isLockLikeName(Name, Unlock);
}

bool LockModel::looksLikeLock(const CXXRecordDecl *RD) {
  if (!RD || !RD->hasDefinition())
    return false;
  bool Lock = false, Unlock = false;
  for (const CXXMethodDecl *M : RD->getDefinition()->methods()) {
    if (!M->getIdentifier() || M->isStatic())
      continue;
    Lock |= isLockLikeName(M->getName(), false);
    Unlock |= isLockLikeName(M->getName(), true);
  }
  return Lock && Unlock;
}

/// Whether \p Def cannot be copied: its copy constructor is deleted or not
/// public.
static bool isNonCopyable(const CXXRecordDecl *Def) {
  for (const CXXConstructorDecl *Ctor : Def->ctors())
    if (Ctor->isCopyConstructor())
      return Ctor->isDeleted() || Ctor->getAccess() != AS_public;
  return Def->needsImplicitCopyConstructor() &&
         Def->defaultedCopyConstructorIsDeleted();
}

const LockModel::GuardShape &
LockModel::guardShape(const CXXRecordDecl *RD) const {
  RD = RD->getCanonicalDecl();
  auto It = Shapes.find(RD);
  if (It != Shapes.end())
    return It->second;
  Shapes[RD] = GuardShape(); // While deciding, a cycle answers no.
  GuardShape Shape;
  const CXXRecordDecl *Def = RD->getDefinition();
  const CXXDestructorDecl *Dtor = Def ? Def->getDestructor() : nullptr;
  const FunctionDecl *DtorDef = nullptr;
  // A condition variable bound to a mutex has the same shape, and waits.
  auto Waits = [](const CXXRecordDecl *Def) {
    return llvm::any_of(Def->methods(), [](const CXXMethodDecl *M) {
      if (!M->getIdentifier())
        return false;
      std::string Lower = M->getName().lower();
      return startsWith(Lower, "wait") || startsWith(Lower, "signal") ||
             startsWith(Lower, "notify");
    });
  };
  if (GuardsFromDeclarations && Def && Dtor && Dtor->isUserProvided() &&
      !Dtor->hasBody(DtorDef) && isNonCopyable(Def) && !Waits(Def)) {
    // No body to read (another file's, or a header clangd skips): a
    // non-copyable class with a destructor of its own whose constructor
    // takes a lock by reference or pointer is a guard of that lock.
    for (const CXXConstructorDecl *Ctor : Def->ctors()) {
      if (Ctor->isCopyOrMoveConstructor() || Ctor->isDeleted())
        continue;
      for (const ParmVarDecl *Param : Ctor->parameters()) {
        QualType T = Param->getType();
        if (!T->isReferenceType() && !T->isPointerType())
          continue;
        QualType Lock = T->getPointeeType();
        const CXXRecordDecl *Class = Lock->getAsCXXRecordDecl();
        // A mutex's constructor from its own kind is no guard's: Abseil's
        // `Mutex(const volatile Mutex *)` catches `Mutex mu(&other);`.
        if (Class && Class->getCanonicalDecl() == Def->getCanonicalDecl())
          continue;
        if (isMutexType(Lock) || looksLikeLock(Class)) {
          Shape.Params[Ctor->getCanonicalDecl()].push_back(
              {Param->getFunctionScopeIndex(), LockMode::Exclusive,
               /*LockedNow=*/true});
          Shape.IsGuard = true;
        }
      }
    }
  } else if (Dtor && Dtor->hasBody(DtorDef)) {
    ASTContext &Ctx = Def->getASTContext();
    // The mutex-level lock operations in a body, and what they act on.
    auto ForEachEffect = [&](const Stmt *Body, auto &&Visit) {
      llvm::SmallVector<const Stmt *, 16> Stack{Body};
      llvm::SmallVector<LockEffect, 2> Effects;
      while (!Stack.empty()) {
        const Stmt *S = Stack.pop_back_val();
        if (!S || isa<LambdaExpr>(S))
          continue;
        if (const auto *Call = dyn_cast<CallExpr>(S)) {
          Effects.clear();
          mutexCallEffects(Call, Ctx, Effects);
          for (const LockEffect &E : Effects)
            Visit(E);
        }
        for (const Stmt *Child : S->children())
          Stack.push_back(Child);
      }
    };
    // A guard's destructor unlocks a member; a scoped unlocker's locks it
    // again.
    bool UnlocksMember = false, LocksMember = false;
    ForEachEffect(DtorDef->getBody(), [&](const LockEffect &E) {
      if (E.Mutex.steps().empty() ||
          E.Mutex.steps().front().Kind != ObjectPath::StepKind::This)
        return;
      UnlocksMember |= E.Kind == LockEffect::Release;
      LocksMember |= E.Kind == LockEffect::Acquire;
    });
    if (UnlocksMember || LocksMember) {
      // What a constructor must do to a parameter's mutex: a guard's lock
      // it, an unlocker's release it.
      LockEffect::KindType Wanted =
          UnlocksMember ? LockEffect::Acquire : LockEffect::Release;
      // Per constructor: the mutex parameters it locks, and those it only
      // stores in a member (a deferring constructor) for a later lock().
      llvm::DenseMap<const CXXConstructorDecl *,
                     llvm::SmallVector<ManagedParam, 1>>
          Locked;
      llvm::DenseMap<const CXXConstructorDecl *, llvm::SmallVector<unsigned, 1>>
          Stored;
      std::optional<LockMode> ClassMode;
      for (const CXXConstructorDecl *Ctor : Def->ctors()) {
        const FunctionDecl *CtorDef = nullptr;
        if (!Ctor->hasBody(CtorDef))
          continue;
        const auto *CtorBody = cast<CXXConstructorDecl>(CtorDef);
        const CXXConstructorDecl *Key = Ctor->getCanonicalDecl();
        // Members initialised from a parameter stand for it.
        llvm::DenseMap<const NamedDecl *, unsigned> ParamOfMember;
        for (const CXXCtorInitializer *Init : CtorBody->inits()) {
          bool AddressOf;
          const ParmVarDecl *Param = storedParameter(*Init, AddressOf);
          if (!Param)
            continue;
          QualType T = Param->getType().getNonReferenceType();
          if (T->isPointerType())
            T = T->getPointeeType();
          if (!isMutexType(T))
            continue;
          ParamOfMember[Init->getMember()->getCanonicalDecl()] =
              Param->getFunctionScopeIndex();
          Stored[Key].push_back(Param->getFunctionScopeIndex());
        }
        auto Visit = [&](const LockEffect &E) {
          if (E.Kind != Wanted)
            return;
          llvm::ArrayRef<ObjectPath::Step> Steps = E.Mutex.steps();
          std::optional<unsigned> Index;
          if (!Steps.empty() && Steps[0].Kind == ObjectPath::StepKind::Decl)
            if (const auto *Param = dyn_cast<ParmVarDecl>(Steps[0].Decl))
              Index = Param->getFunctionScopeIndex();
          if (Steps.size() >= 2 &&
              Steps[0].Kind == ObjectPath::StepKind::This &&
              Steps[1].Kind == ObjectPath::StepKind::Decl) {
            auto Member = ParamOfMember.find(Steps[1].Decl);
            if (Member != ParamOfMember.end())
              Index = Member->second;
          }
          if (!Index)
            return;
          Locked[Key].push_back({*Index, E.Mode, /*LockedNow=*/true});
          ClassMode = E.Mode;
        };
        ForEachEffect(CtorBody->getBody(), Visit);
        for (const CXXCtorInitializer *Init : CtorBody->inits())
          if (Init->getInit())
            ForEachEffect(Init->getInit(), Visit);
      }
      if (!UnlocksMember) {
        // A scoped unlocker: it releases in some constructor what its
        // destructor takes again.
        Shape.IsUnlocker = ClassMode.has_value();
        for (auto &[Ctor, Params] : Locked)
          Shape.Params[Ctor] = Params;
        return Shapes[RD] = std::move(Shape);
      }
      // A guard is a class that locks in some constructor; the others
      // manage the same kind of lock without taking it yet.
      Shape.IsGuard = ClassMode.has_value();
      if (Shape.IsGuard) {
        for (auto &[Ctor, Params] : Locked)
          Shape.Params[Ctor] = Params;
        for (auto &[Ctor, Indexes] : Stored) {
          auto &Params = Shape.Params[Ctor];
          for (unsigned Index : Indexes)
            if (llvm::none_of(Params, [&](const ManagedParam &P) {
                  return P.Index == Index;
                }))
              Params.push_back({Index, *ClassMode, /*LockedNow=*/false});
        }
      }
    }
  }
  return Shapes[RD] = std::move(Shape);
}

void LockModel::tryEffects(const CallExpr *Call, ASTContext &Ctx,
                           llvm::SmallVectorImpl<LockEffect> &Out,
                           std::optional<int64_t> &SuccessValue) const {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return;
  SourceLocation Loc = Call->getBeginLoc();
  auto Add = [&](LockEffect::KindType Kind, ObjectPath Mutex, LockMode Mode) {
    LockEffect E{Kind, std::move(Mutex), Mode};
    E.Loc = Loc;
    E.Source = LockSource::Branch;
    Out.push_back(std::move(E));
  };
  auto Constant = [&](const Expr *Value) -> std::optional<int64_t> {
    Expr::EvalResult Result;
    if (!Value || Value->isValueDependent() ||
        !Value->EvaluateAsInt(Result, Ctx))
      return std::nullopt;
    return Result.Val.getInt().getExtValue();
  };

  bool ObjectIsPointer;
  const Expr *Object = objectOf(Call, ObjectIsPointer);
  const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
  // A guard's own try: `lk.try_lock()`, `lk.owns_lock()`, `if (lk)`.
  if (Object && Method && isGuardClass(Method->getParent())) {
    llvm::StringRef Name = calleeName(Call);
    bool Owns = isa<CXXConversionDecl>(Method) ||
                Method->hasAttr<TryAcquireCapabilityAttr>() ||
                Name == "owns_lock" || startsWith(Name, "try_lock");
    GuardKey Guard = ObjectIsPointer ? nullptr : guardKey(Object);
    if (!Owns || !Guard)
      return;
    LockEffect E{LockEffect::GuardLock, {}};
    E.Guard = Guard;
    E.Loc = Loc;
    E.Source = LockSource::Branch;
    Out.push_back(std::move(E));
    SuccessValue = 1;
    return;
  }

  // A try-lock function's attributes name its mutexes in its parameters'
  // terms, read as the call's arguments.
  std::optional<CallSubstitution> Subst;
  if (Callee->hasAttrs())
    Subst = CallSubstitution::of(*Call, Callee);
  llvm::SmallVector<ObjectPath, 2> Mutexes;
  for (const auto *A : Callee->specific_attrs<TryAcquireCapabilityAttr>()) {
    attrMutexes(A, *Subst, Ctx, Mutexes);
    for (ObjectPath &M : Mutexes)
      Add(LockEffect::Acquire, std::move(M),
          A->isShared() ? LockMode::Shared : LockMode::Exclusive);
    SuccessValue = Constant(A->getSuccessValue());
    return;
  }
#if MAPGUARD_HAS_LEGACY_TRYLOCK_ATTRS
  for (const auto *A : Callee->specific_attrs<ExclusiveTrylockFunctionAttr>()) {
    attrMutexes(A, *Subst, Ctx, Mutexes);
    for (ObjectPath &M : Mutexes)
      Add(LockEffect::Acquire, std::move(M), LockMode::Exclusive);
    SuccessValue = Constant(A->getSuccessValue());
    return;
  }
  for (const auto *A : Callee->specific_attrs<SharedTrylockFunctionAttr>()) {
    attrMutexes(A, *Subst, Ctx, Mutexes);
    for (ObjectPath &M : Mutexes)
      Add(LockEffect::Acquire, std::move(M), LockMode::Shared);
    SuccessValue = Constant(A->getSuccessValue());
    return;
  }
#endif

  llvm::StringRef Name = calleeName(Call);
  if (Object && Method) {
    if (!isMutexClass(Method->getParent()))
      return;
    // `try_lock()`, `try_lock_for(d)`, `tryLock(timeout)`: by the library's
    // names and shapes.
    std::optional<LockOperation> Op =
        lockVocabulary().method(Method->getParent(), *Call);
    if (!Op || Op->Kind != LockOperation::TryAcquire)
      return;
    Add(LockEffect::Acquire,
        ObjectIsPointer ? ObjectPath::fromPointer(Object, Ctx)
                        : ObjectPath::fromExpr(Object, Ctx),
        Op->Mode);
    SuccessValue = Op->Success;
    return;
  }
  if (Name.empty() || Call->getNumArgs() == 0)
    return;
  if (Callee->isInStdNamespace()) {
    if (Name != "try_lock")
      return;
    for (const Expr *Arg : Call->arguments())
      Add(LockEffect::Acquire, ObjectPath::fromExpr(Arg, Ctx),
          LockMode::Exclusive);
    SuccessValue = -1; // std::try_lock returns -1 when it locked them all.
    return;
  }
  std::optional<LockOperation> Op = lockVocabulary().function(*Call);
  if (!Op || Op->Kind != LockOperation::TryAcquire)
    return;
  Add(LockEffect::Acquire, ObjectPath::fromPointer(Call->getArg(0), Ctx),
      Op->Mode);
  SuccessValue = Op->Success;
}

namespace {
/// A branch condition read as a test of one call's result.
struct CallTest {
  const CallExpr *Call = nullptr;
  bool Negated = false;
  std::optional<int64_t> ComparedTo; ///< `result == C`; else truthiness.
};
} // namespace

static void readCondition(const Expr *Cond, ASTContext &Ctx, CallTest &Test,
                          unsigned Depth) {
  if (!Cond || Depth > MaxDepth)
    return;
  Cond = Cond->IgnoreParenImpCasts();
  if (const auto *Call = dyn_cast<CallExpr>(Cond)) {
    if (Call->getBuiltinCallee() == Builtin::BI__builtin_expect &&
        Call->getNumArgs() >= 1)
      return readCondition(Call->getArg(0), Ctx, Test, Depth + 1);
    Test.Call = Call;
    return;
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Cond)) {
    // `bool locked = mu.try_lock(); if (locked)`.
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    if (Var && Var->isLocalVarDecl() && !Var->isStaticLocal() && Var->getInit())
      readCondition(Var->getInit(), Ctx, Test, Depth + 1);
    return;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(Cond)) {
    if (UO->getOpcode() == UO_LNot) {
      Test.Negated = !Test.Negated;
      readCondition(UO->getSubExpr(), Ctx, Test, Depth + 1);
    }
    return;
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(Cond)) {
    // For `&&` and `||` the CFG evaluates the left side in a block of its
    // own; the condition of this edge is the right side.
    if (BO->isLogicalOp())
      return readCondition(BO->getRHS(), Ctx, Test, Depth + 1);
    if (BO->getOpcode() != BO_EQ && BO->getOpcode() != BO_NE)
      return;
    for (auto [Constant, Other] : {std::pair(BO->getRHS(), BO->getLHS()),
                                   std::pair(BO->getLHS(), BO->getRHS())}) {
      if (Constant->isValueDependent())
        continue;
      Expr::EvalResult Result;
      std::optional<int64_t> Value;
      if (Constant->EvaluateAsInt(Result, Ctx))
        Value = Result.Val.getInt().getExtValue();
      else if (Constant->isNullPointerConstant(
                   Ctx, Expr::NPC_ValueDependentIsNotNull))
        Value = 0; // `p != nullptr`: a pointer's truth.
      if (!Value)
        continue;
      if (BO->getOpcode() == BO_NE)
        Test.Negated = !Test.Negated;
      Test.ComparedTo = *Value;
      return readCondition(Other, Ctx, Test, Depth + 1);
    }
  }
}

void LockModel::conditionEffects(
    const Stmt *Condition, ASTContext &Ctx,
    llvm::SmallVectorImpl<LockEffect> &OnTrue,
    llvm::SmallVectorImpl<LockEffect> &OnFalse) const {
  const auto *Cond = dyn_cast_or_null<Expr>(Condition);
  if (!Cond)
    return;
  // The condition is read once for both its edges.
  CallTest Test;
  readCondition(Cond, Ctx, Test, 0);
  if (!Test.Call)
    return;
  llvm::SmallVector<LockEffect, 2> Effects;
  std::optional<int64_t> Success;
  tryEffects(Test.Call, Ctx, Effects, Success);
  if (Effects.empty() || !Success)
    return;
  for (bool Value : {true, false}) {
    // Whether `result == C` holds on this edge; truthiness is
    // `!(result == 0)`.
    bool Holds = Value != Test.Negated;
    int64_t C = 0;
    if (Test.ComparedTo)
      C = *Test.ComparedTo;
    else
      Holds = !Holds;
    bool Boolean = Test.Call->getType()->isBooleanType();
    bool Succeeded = C == *Success ? Holds
                                   : !Holds && Boolean && (C == 0 || C == 1) &&
                                         (*Success == 0 || *Success == 1);
    // A try-lock whose success is true (an int, a pointer: 1, `true`) fails
    // with 0 or null: any other result is its success (`if (mu.TryLock())`,
    // `if (mu.TryLockPtr() != nullptr)`). std::try_lock's -1 is no such
    // value: its failures are indexes.
    if (!Holds && C == 0 && *Success == 1)
      Succeeded = true;
    if (Succeeded)
      (Value ? OnTrue : OnFalse).append(Effects.begin(), Effects.end());
  }
}

} // namespace mapguard
