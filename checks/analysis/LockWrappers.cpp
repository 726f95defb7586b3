//===--- LockWrappers.cpp - What a call does to the locks -----------------===//

#include "checks/analysis/LockWrappers.h"
#include "checks/analysis/OwnCode.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace mapguard {

LockWrappers::LockWrappers(ASTContext &Ctx, const MapModel &Maps,
                           const LockModel &Locks, HeldLocksPool &Pool,
                           CallGraph &Graph, unsigned MaxBlocks,
                           unsigned MaxNesting)
    : Ctx(Ctx), Maps(Maps), Locks(Locks), Pool(Pool), Graph(Graph),
      MaxBlocks(MaxBlocks), MaxNesting(MaxNesting) {}

const LockWrappers::Summary *LockWrappers::summaryOf(const FunctionDecl *F) {
  FunctionNode *N = Graph.node(F);
  if (!N || N->Decl->hasAttrs()) // Attributes say it exactly.
    return nullptr;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(N->Decl))
    if (Locks.isMutexClass(Method->getParent()) ||
        Locks.isGuardClass(Method->getParent()))
      return nullptr; // The lock model knows these.
  auto Found = Summaries.find(N->Decl);
  if (Found != Summaries.end())
    return Found->second ? &*Found->second : nullptr;
  if (!Summarising.insert(N->Decl).second)
    return nullptr; // Recursion: no effect while being summarised.
  // Only a body that locks or unlocks other than by a guard it constructs,
  // or calls a wrapper, can be a wrapper: a guard constructed in the body is
  // released by its destructor before the function returns (see
  // FunctionAnalysis: a function that takes and releases a mutex itself is
  // not a wrapper), so the common body with a scoped guard costs no CFG.
  llvm::SmallVector<LockEffect, 2> Effects;
  bool MayLock = anyOfOwnCode(*N->Decl, [&](const Stmt *S) {
    const auto *Call = dyn_cast<CallExpr>(S);
    if (!Call)
      return false;
    Effects.clear();
    Locks.stmtEffects(S, Ctx, Effects);
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
    auto Hook = [this](const Expr &Call,
                       llvm::SmallVectorImpl<LockEffect> &Out) {
      callEffects(Call, Out);
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
    S.Releases = Facts.ReleasedAtExit;
    if (!S.Acquires.empty() || !S.Releases.empty())
      Result = std::move(S);
  }
  Summarising.erase(N->Decl);
  auto &Slot = Summaries[N->Decl];
  Slot = std::move(Result);
  return Slot ? &*Slot : nullptr;
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
    LockEffect E{LockEffect::Acquire, ObjectPath::threadsMarker()};
    E.Loc = Call.getBeginLoc();
    Out.push_back(std::move(E));
  }
  const Summary *S = summaryOf(Callee);
  if (!S)
    return;
  CallSubstitution Subst = CallSubstitution::of(Call, N->Decl);
  for (const ObjectPath &M : S->Releases)
    if (std::optional<ObjectPath> AtCall = M.atCallSite(Subst, Ctx)) {
      LockEffect E{LockEffect::Release, std::move(*AtCall)};
      E.AnyMode = true;
      E.Loc = Call.getBeginLoc();
      Out.push_back(std::move(E));
    }
  for (const GuardedMutex &M : S->Acquires)
    if (std::optional<ObjectPath> AtCall = M.Mutex.atCallSite(Subst, Ctx)) {
      LockEffect E{LockEffect::Acquire, std::move(*AtCall), M.Mode};
      E.Loc = Call.getBeginLoc();
      Out.push_back(std::move(E));
    }
}

} // namespace mapguard
