//===--- NoReturn.cpp - Which function bodies never return ----------------===//

#include "checks/analysis/NoReturn.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

using namespace clang;

namespace mapguard {

/// Whether \p S may leave the function, or jump past what follows it.
static bool mayReturn(const Stmt *S) {
  llvm::SmallVector<const Stmt *, 16> Stack{S};
  while (!Stack.empty()) {
    const Stmt *Inner = Stack.pop_back_val();
    if (!Inner || isa<LambdaExpr>(Inner))
      continue;
    if (isa<ReturnStmt, CoreturnStmt, GotoStmt, IndirectGotoStmt>(Inner))
      return true;
    for (const Stmt *Child : Inner->children())
      Stack.push_back(Child);
  }
  return false;
}

static bool
neverCompletes(const Stmt *S,
               llvm::function_ref<bool(const FunctionDecl *)> NeverReturns);

bool bodyNeverReturns(
    const Stmt *Body,
    llvm::function_ref<bool(const FunctionDecl *)> NeverReturns) {
  const auto *Block = dyn_cast_or_null<CompoundStmt>(Body);
  if (!Block)
    return false;
  // The first statement that cannot complete, then whether one before it
  // may return: most bodies have none such, and are not walked below their
  // top level.
  auto Statements = Block->body();
  const auto *Stops = llvm::find_if(Statements, [&](const Stmt *S) {
    return neverCompletes(S, NeverReturns);
  });
  return Stops != Statements.end() &&
         llvm::none_of(llvm::make_range(Statements.begin(), Stops), mayReturn);
}

static bool
neverCompletes(const Stmt *S,
               llvm::function_ref<bool(const FunctionDecl *)> NeverReturns) {
  if (const auto *E = dyn_cast_or_null<Expr>(S))
    S = E->IgnoreImplicit()->IgnoreParenCasts();
  if (!S)
    return false;
  if (isa<CXXThrowExpr>(S))
    return true;
  if (isa<CompoundStmt>(S))
    return bodyNeverReturns(S, NeverReturns);
  const auto *Call = dyn_cast<CallExpr>(S);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  return Callee && (Callee->isNoReturn() || NeverReturns(Callee));
}

} // namespace mapguard
