//===--- LockModel.cpp - What locks and unlocks a mutex -------------------===//

#include "checks/analysis/LockModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace mapguard {

LockModel::LockModel()
    : MutexTypes({"std::mutex", "std::recursive_mutex", "std::timed_mutex",
                  "std::recursive_timed_mutex", "std::shared_mutex",
                  "std::shared_timed_mutex"}),
      GuardTypes({"std::lock_guard", "std::unique_lock", "std::scoped_lock"}),
      DeferringTags({"std::defer_lock_t", "std::try_to_lock_t"}) {}

void LockModel::effectsOf(const CFGElement &Element, ASTContext &Ctx,
                          llvm::SmallVectorImpl<LockEffect> &Out) const {
  if (auto S = Element.getAs<CFGStmt>()) {
    const Stmt *St = S->getStmt();
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(St))
      callEffects(Call, Ctx, Out);
    else if (const auto *Construct = dyn_cast<CXXConstructExpr>(St))
      guardEffects(Construct, LockAction::Acquire, Construct->getBeginLoc(),
                   LockSource::Guard, /*Guard=*/nullptr, /*OnlyIfLocking=*/true,
                   Ctx, Out);
    return;
  }
  // A guard releases its mutexes in its destructor, which the CFG places at
  // every exit from the guard's scope: its end, `return`, `break`, `goto`.
  if (auto Dtor = Element.getAs<CFGAutomaticObjDtor>()) {
    const VarDecl *Guard = Dtor->getVarDecl();
    if (!isGuardType(Guard->getType()))
      return;
    SourceLocation Loc = Dtor->getTriggerStmt()
                             ? Dtor->getTriggerStmt()->getEndLoc()
                             : Guard->getLocation();
    if (const CXXConstructExpr *Construct = guardConstruction(Guard->getInit()))
      guardEffects(Construct, LockAction::Release, Loc,
                   LockSource::GuardScopeEnd, Guard, /*OnlyIfLocking=*/false,
                   Ctx, Out);
    return;
  }
  if (auto Dtor = Element.getAs<CFGTemporaryDtor>()) {
    const CXXBindTemporaryExpr *Bind = Dtor->getBindTemporaryExpr();
    if (const CXXConstructExpr *Construct =
            guardConstruction(Bind->getSubExpr()))
      guardEffects(Construct, LockAction::Release, Bind->getEndLoc(),
                   LockSource::TemporaryEnd, /*Guard=*/nullptr,
                   /*OnlyIfLocking=*/false, Ctx, Out);
  }
}

void LockModel::callEffects(const CXXMemberCallExpr *Call, ASTContext &Ctx,
                            llvm::SmallVectorImpl<LockEffect> &Out) const {
  const CXXMethodDecl *Method = Call->getMethodDecl();
  if (!Method || !Method->getIdentifier())
    return;
  llvm::StringRef Name = Method->getName();
  std::optional<LockAction> Action;
  if (Name == "lock")
    Action = LockAction::Acquire;
  else if (Name == "unlock")
    Action = LockAction::Release;
  if (!Action)
    return;

  const Expr *Object = Call->getImplicitObjectArgument();
  const CXXRecordDecl *Class = Method->getParent();
  if (isMutexClass(Class)) {
    const auto *Callee =
        dyn_cast<MemberExpr>(Call->getCallee()->IgnoreParens());
    std::optional<MutexRef> Mutex = Callee && Callee->isArrow()
                                        ? MutexRef::fromPointer(Object, Ctx)
                                        : MutexRef::fromExpr(Object, Ctx);
    if (Mutex)
      Out.push_back(
          {*Action, std::move(*Mutex), Call->getBeginLoc(), LockSource::Call});
    return;
  }
  // `lk.lock()` and `lk.unlock()` on a guard act on the mutexes it was built
  // with.
  if (isGuardClass(Class)) {
    const auto *Ref = dyn_cast<DeclRefExpr>(Object->IgnoreParenImpCasts());
    const auto *Guard = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    if (!Guard)
      return;
    if (const CXXConstructExpr *Construct = guardConstruction(Guard->getInit()))
      guardEffects(Construct, *Action, Call->getBeginLoc(), LockSource::Call,
                   Guard, /*OnlyIfLocking=*/false, Ctx, Out);
  }
}

void LockModel::guardEffects(const CXXConstructExpr *Construct,
                             LockAction Action, SourceLocation Loc,
                             LockSource Source, const VarDecl *Guard,
                             bool OnlyIfLocking, ASTContext &Ctx,
                             llvm::SmallVectorImpl<LockEffect> &Out) const {
  if (!isGuardType(Construct->getType()))
    return;
  llvm::SmallVector<const Expr *, 2> Mutexes;
  for (const Expr *Arg : Construct->arguments()) {
    if (isMutexType(Arg->getType()))
      Mutexes.push_back(Arg);
    else if (OnlyIfLocking && DeferringTags.containsClassOf(Arg->getType()))
      return;
  }
  for (const Expr *Arg : Mutexes)
    if (std::optional<MutexRef> Mutex = MutexRef::fromExpr(Arg, Ctx))
      Out.push_back({Action, std::move(*Mutex), Loc, Source, Guard});
}

const CXXConstructExpr *LockModel::guardConstruction(const Expr *Init) const {
  // Before C++17 `auto g = std::unique_lock<std::mutex>(mu);` copies a
  // temporary; the mutexes are those of the temporary's construction.
  for (unsigned Depth = 0; Init && Depth < 4; ++Depth) {
    const auto *Construct = dyn_cast<CXXConstructExpr>(Init->IgnoreImplicit());
    if (!Construct)
      return nullptr;
    if (Construct->getNumArgs() != 1 ||
        !isGuardType(Construct->getArg(0)->getType()))
      return Construct;
    Init = Construct->getArg(0);
  }
  return nullptr;
}

} // namespace mapguard
