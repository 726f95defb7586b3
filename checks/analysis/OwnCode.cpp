//===--- OwnCode.cpp - The statements a function runs itself --------------===//

#include "checks/analysis/OwnCode.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/SmallVector.h"

using namespace clang;

namespace mapguard {

/// Pushes what the walk descends into below \p S, last child first so that
/// the stack pops them in source order.
static void pushChildren(const Stmt *S,
                         llvm::SmallVectorImpl<const Stmt *> &Stack) {
  if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
    // The captures are initialised here; the body runs when it is called.
    llvm::SmallVector<const Stmt *, 4> Inits;
    for (const Expr *Init : Lambda->capture_inits())
      if (Init)
        Inits.push_back(Init);
    Stack.append(Inits.rbegin(), Inits.rend());
    return;
  }
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    for (const Decl *D : DS->decls())
      if (isa<CXXRecordDecl>(D))
        return; // A local class: its methods are functions of their own.
  // Evaluated here, though written elsewhere.
  if (const auto *Arg = dyn_cast<CXXDefaultArgExpr>(S)) {
    if (const Expr *E = Arg->getExpr())
      Stack.push_back(E);
    return;
  }
  if (const auto *Init = dyn_cast<CXXDefaultInitExpr>(S)) {
    if (const Expr *E = Init->getExpr())
      Stack.push_back(E);
    return;
  }
  size_t First = Stack.size();
  for (const Stmt *Child : S->children())
    if (Child)
      Stack.push_back(Child);
  std::reverse(Stack.begin() + First, Stack.end());
}

void walkOwnCode(const Stmt *Root,
                 llvm::function_ref<void(const Stmt *)> Visit) {
  if (!Root)
    return;
  llvm::SmallVector<const Stmt *, 64> Stack{Root};
  while (!Stack.empty()) {
    const Stmt *S = Stack.pop_back_val();
    Visit(S);
    pushChildren(S, Stack);
  }
}

void walkOwnCode(const FunctionDecl &Function,
                 llvm::function_ref<void(const Stmt *)> Visit) {
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(&Function))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->getInit())
        walkOwnCode(Init->getInit(), Visit);
  walkOwnCode(Function.getBody(), Visit);
}

} // namespace mapguard
