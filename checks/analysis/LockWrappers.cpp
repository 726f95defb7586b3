//===--- LockWrappers.cpp - What a call does to the locks -----------------===//

#include "checks/analysis/LockWrappers.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace mapguard {

LockWrappers::LockWrappers(ASTContext &Ctx, const MapModel &Maps,
                           const LockModel &Locks, HeldLocksPool &Pool,
                           CallGraph &Graph, unsigned MaxBlocks,
                           unsigned MaxNesting)
    : Ctx(Ctx), Maps(Maps), Locks(Locks), Pool(Pool), Graph(Graph),
      MaxBlocks(MaxBlocks), MaxNesting(MaxNesting) {}

/// The lock method whose hold the method \p Name asserts, and in which mode:
/// `AssertHeld()` asserts what `Lock()` takes (glog's and gflags' `Mutex`,
/// Chromium's `base::Lock::AssertAcquired()`), `AssertReaderHeld()` what
/// `ReaderLock()` takes, shared.
static std::optional<std::pair<llvm::StringRef, LockMode>>
assertedLock(llvm::StringRef Name) {
  using Result = std::optional<std::pair<llvm::StringRef, LockMode>>;
  return llvm::StringSwitch<Result>(Name)
      .Case("AssertHeld", Result({"Lock", LockMode::Exclusive}))
      .Case("AssertLockHeld", Result({"Lock", LockMode::Exclusive}))
      .Case("AssertWriterHeld", Result({"Lock", LockMode::Exclusive}))
      .Case("AssertAcquired", Result({"Acquire", LockMode::Exclusive}))
      .Case("assertHeld", Result({"lock", LockMode::Exclusive}))
      .Case("assert_held", Result({"lock", LockMode::Exclusive}))
      .Case("AssertReaderHeld", Result({"ReaderLock", LockMode::Shared}))
      .Default(std::nullopt);
}

std::optional<LockWrappers::Summary>
LockWrappers::assertion(const FunctionDecl *F) {
  const auto *Method = dyn_cast<CXXMethodDecl>(F);
  if (!Method || !Method->getIdentifier() || Method->getNumParams() != 0)
    return std::nullopt;
  std::optional<std::pair<llvm::StringRef, LockMode>> Asserted =
      assertedLock(Method->getName());
  if (!Asserted)
    return std::nullopt;
  for (const CXXMethodDecl *Lock : Method->getParent()->methods()) {
    if (!Lock->getIdentifier() || Lock->getName() != Asserted->first ||
        Lock->getNumParams() != 0)
      continue;
    const Summary *Locking = summaryOf(Lock);
    if (!Locking || Locking->Acquires.empty())
      return std::nullopt;
    // What the lock method takes, held from the assertion on, as Clang's
    // analysis takes an assert_capability.
    Summary S;
    for (const GuardedMutex &G : Locking->Acquires)
      S.Acquires.push_back({G.Mutex, Asserted->second});
    return S;
  }
  return std::nullopt;
}

const LockWrappers::Summary *LockWrappers::summaryOf(const FunctionDecl *F) {
  FunctionNode *N = Graph.node(F);
  if (!N)
    return nullptr;
  // Each function is answered once (what decides the answer is settled
  // once the call graph is built), most with no summary.
  auto Found = Summaries.find(N->Decl);
  if (Found != Summaries.end())
    return Found->second ? &*Found->second : nullptr;
  // Attributes say it exactly; a function that never returns hands its
  // callers nothing; the lock model knows mutexes' and guards' methods.
  const auto *Method = dyn_cast<CXXMethodDecl>(N->Decl);
  if (N->NeverReturns || N->Decl->hasAttrs() ||
      (Method && (Locks.isMutexClass(Method->getParent()) ||
                  Locks.isGuardClass(Method->getParent())))) {
    Summaries[N->Decl] = std::nullopt;
    return nullptr;
  }
  if (!Summarising.insert(N->Decl).second)
    return nullptr; // Recursion: no effect while being summarised.
  if (std::optional<Summary> Asserted = assertion(N->Decl)) {
    Summarising.erase(N->Decl);
    auto &Slot = Summaries[N->Decl];
    Slot = std::move(Asserted);
    return &*Slot;
  }
  // Only a body that locks or unlocks other than by a guard it constructs,
  // or calls a wrapper, can be a wrapper: a guard constructed in the body is
  // released by its destructor before the function returns (see
  // FunctionAnalysis: a function that takes and releases a mutex itself is
  // not a wrapper), so the common body with a scoped guard costs no CFG.
  llvm::SmallVector<LockEffect, 2> Effects;
  bool MayLock = llvm::any_of(N->OwnCalls, [&](const CallExpr *Call) {
    Effects.clear();
    Locks.stmtEffects(Call, Ctx, Effects);
    return llvm::any_of(Effects,
                        [](const LockEffect &E) {
                          return E.Kind != LockEffect::GuardLock ||
                                 E.Source != LockSource::Guard;
                        }) ||
           summaryOf(Call->getDirectCallee()) != nullptr;
  });
  std::optional<Summary> Result;
  if (MayLock) {
    FunctionContext C;
    auto Hook = [this](const CFGElement &Element,
                       llvm::SmallVectorImpl<LockEffect> &Out) {
      elementEffects(Element, Out);
    };
    C.CallEffects = Hook;
    C.Reads = false;
    C.ElementWrites = false;
    C.Accesses = &N->Accesses;
    C.MaxBlocks = MaxBlocks;
    C.MaxNesting = MaxNesting;
    FunctionFacts Facts = analyzeFunction(*N->Decl, Maps, Locks, Pool, C);
    Summary S;
    if (Facts.HeldAtExit)
      S.Acquires = Pool.list(Facts.HeldAtExit);
    // A function that tells its caller nothing and takes a mutex on some
    // paths (`if (is_safe_) pthread_mutex_lock(&mu_);`, gflags' Mutex) is a
    // lock function whose other paths lock nothing to lock: its callers
    // write as if it locked. A function with a result may be a try-lock,
    // which its callers test.
    if (N->Decl->getReturnType()->isVoidType())
      for (const auto &[Mutex, Mode] : Facts.MayAcquireAtExit)
        if (llvm::none_of(S.Acquires,
                          [&, &Mutex = Mutex](const GuardedMutex &G) {
                            return G.Mutex == Mutex;
                          }))
          S.Acquires.push_back({Mutex, Mode});
    S.Releases = Facts.ReleasedAtExit;
    if (!S.Acquires.empty() || !S.Releases.empty())
      Result = std::move(S);
  }
  Summarising.erase(N->Decl);
  auto &Slot = Summaries[N->Decl];
  Slot = std::move(Result);
  return Slot ? &*Slot : nullptr;
}

/// \p Path, written in the terms of a method of the class \p Ctor
/// constructs, with a member that \p Ctor initialises from its parameter
/// and that is never reseated (a const pointer, a reference) read as that
/// parameter: `this->fr_->lock_` is `fr->lock_`. Unchanged otherwise.
static ObjectPath throughInitialisedMembers(const ObjectPath &Path,
                                            const CXXConstructorDecl *Ctor) {
  llvm::ArrayRef<ObjectPath::Step> Steps = Path.steps();
  if (!Ctor || Steps.size() < 2 ||
      Steps[0].Kind != ObjectPath::StepKind::This ||
      Steps[1].Kind != ObjectPath::StepKind::Decl)
    return Path;
  const auto *Field = dyn_cast_or_null<FieldDecl>(Steps[1].Decl);
  if (!Field)
    return Path;
  QualType T = Field->getType();
  if (!T->isReferenceType() && !(T->isPointerType() && T.isConstQualified()))
    return Path;
  const FunctionDecl *Definition = nullptr;
  if (!Ctor->hasBody(Definition))
    return Path;
  for (const CXXCtorInitializer *Init :
       cast<CXXConstructorDecl>(Definition)->inits()) {
    if (!Init->isMemberInitializer() ||
        Init->getMember()->getCanonicalDecl() != Field->getCanonicalDecl())
      continue;
    // `r_(r)`: the member is the parameter (`r_(&r)` would drop a pointee).
    bool AddressOf;
    const ParmVarDecl *Param = storedParameter(*Init, AddressOf);
    if (!Param || AddressOf)
      return Path;
    // The parameter of the declaration the call names: Ctor's own.
    unsigned Index = Param->getFunctionScopeIndex();
    if (Index >= Ctor->getNumParams())
      return Path;
    return ObjectPath::ofDecl(Ctor->getParamDecl(Index))
        .withSteps(Steps.drop_front(2));
  }
  return Path;
}

void LockWrappers::elementEffects(const CFGElement &Element,
                                  llvm::SmallVectorImpl<LockEffect> &Out) {
  if (auto S = Element.getAs<CFGStmt>()) {
    if (isa<CallExpr, CXXConstructExpr>(S->getStmt()))
      callEffects(*cast<Expr>(S->getStmt()), Out);
    return;
  }
  auto Dtor = Element.getAs<CFGAutomaticObjDtor>();
  if (!Dtor)
    return;
  // A local guard of the unit's own: its destructor releases what its
  // constructor's arguments name.
  const VarDecl *Var = Dtor->getVarDecl();
  const CXXRecordDecl *Class = Var->getType()->getAsCXXRecordDecl();
  const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(
      Var->getInit() ? Var->getInit()->IgnoreImplicit() : nullptr);
  if (!Class || !Construct || !Class->getDestructor())
    return;
  const Summary *S = summaryOf(Class->getDestructor());
  if (!S)
    return;
  const CXXConstructorDecl *Ctor = Construct->getConstructor();
  CallSubstitution Subst = CallSubstitution::of(*Construct, Ctor);
  for (const ObjectPath &M : S->Releases)
    if (std::optional<ObjectPath> AtCall =
            throughInitialisedMembers(M, Ctor).atCallSite(Subst, Ctx)) {
      LockEffect E{LockEffect::Release, std::move(*AtCall)};
      E.AnyMode = true;
      E.Loc = Dtor->getTriggerStmt() ? Dtor->getTriggerStmt()->getEndLoc()
                                     : Var->getLocation();
      Out.push_back(std::move(E));
    }
}

void LockWrappers::callEffects(const Expr &Call,
                               llvm::SmallVectorImpl<LockEffect> &Out) {
  const FunctionDecl *Callee = nullptr;
  bool StartsThreads = false;
  if (const auto *C = dyn_cast<CallExpr>(&Call)) {
    Callee = C->getDirectCallee();
    StartsThreads = Callee && Graph.startsThread(Callee);
  } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(&Call)) {
    Callee = Construct->getConstructor();
    StartsThreads = Graph.startsThread(*Construct);
  }
  if (!Callee)
    return;
  FunctionNode *N = Graph.node(Callee);
  if (StartsThreads || (N && N->StartsThreads)) {
    // The threads of their owner, which a join ends; those a callee starts
    // run on.
    LockEffect E{LockEffect::Acquire,
                 ObjectPath::threadsMarker(
                     StartsThreads ? Graph.threadOwner(&Call) : nullptr)};
    E.Loc = Call.getBeginLoc();
    Out.push_back(std::move(E));
  }
  // `Fatal("...")` that only aborts: the path ends here.
  if (N && N->NeverReturns) {
    LockEffect E{LockEffect::NoReturn, {}};
    E.Loc = Call.getBeginLoc();
    Out.push_back(std::move(E));
    return;
  }
  const Summary *S = summaryOf(Callee);
  if (!S)
    return;
  CallSubstitution Subst = CallSubstitution::of(Call, N->Decl);
  const auto *Ctor = dyn_cast<CXXConstructorDecl>(N->Decl);
  for (const ObjectPath &M : S->Releases)
    if (std::optional<ObjectPath> AtCall =
            throughInitialisedMembers(M, Ctor).atCallSite(Subst, Ctx)) {
      LockEffect E{LockEffect::Release, std::move(*AtCall)};
      E.AnyMode = true;
      E.Loc = Call.getBeginLoc();
      Out.push_back(std::move(E));
    }
  for (const GuardedMutex &M : S->Acquires)
    if (std::optional<ObjectPath> AtCall =
            throughInitialisedMembers(M.Mutex, Ctor).atCallSite(Subst, Ctx)) {
      LockEffect E{LockEffect::Acquire, std::move(*AtCall), M.Mode};
      E.Loc = Call.getBeginLoc();
      Out.push_back(std::move(E));
    }
}

} // namespace mapguard
