//===--- OwnCode.cpp - The statements a function runs itself --------------===//

#include "checks/analysis/OwnCode.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ExprConcepts.h"
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
  // An OpenMP region's block, outlined by Clang into a captured statement
  // whose children are only its captures, runs in the function (on its
  // team's threads).
  if (const auto *Captured = dyn_cast<CapturedStmt>(S)) {
    Stack.push_back(Captured->getCapturedStmt());
    return;
  }
  // Unevaluated operands run nothing: `sizeof`, `alignof`, `noexcept`, a
  // `requires` expression, `typeid` of a non-polymorphic operand.
  if (isa<UnaryExprOrTypeTraitExpr, CXXNoexceptExpr, RequiresExpr>(S))
    return;
  if (const auto *Typeid = dyn_cast<CXXTypeidExpr>(S))
    if (!Typeid->isPotentiallyEvaluated())
      return;
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

/// Walks \p Roots and what lies below them.
static void walk(llvm::ArrayRef<const Stmt *> Roots,
                 llvm::function_ref<void(const Stmt *)> Visit) {
  llvm::SmallVector<const Stmt *, 64> Stack;
  for (const Stmt *Root : llvm::reverse(Roots))
    if (Root)
      Stack.push_back(Root);
  while (!Stack.empty()) {
    const Stmt *S = Stack.pop_back_val();
    Visit(S);
    pushChildren(S, Stack);
  }
}

/// A function's own roots: its member initializers, then its body.
static llvm::SmallVector<const Stmt *, 4> rootsOf(const FunctionDecl &F) {
  llvm::SmallVector<const Stmt *, 4> Roots;
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(&F))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      Roots.push_back(Init->getInit());
  Roots.push_back(F.getBody());
  return Roots;
}

void walkOwnCode(const Stmt *Root,
                 llvm::function_ref<void(const Stmt *)> Visit) {
  walk(Root, Visit);
}

void walkOwnCode(const FunctionDecl &Function,
                 llvm::function_ref<void(const Stmt *)> Visit) {
  walk(rootsOf(Function), Visit);
}

} // namespace mapguard
