//===--- OpenMP.cpp - What OpenMP directives mean for sharing -------------===//

#include "checks/analysis/OpenMP.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/StmtOpenMP.h"
#include "clang/Basic/OpenMPKinds.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace mapguard {

/// The structured block of \p D, inside the captured statements an
/// outlined region has (whose children are only what they capture).
static const Stmt *blockOf(const OMPExecutableDirective *D) {
  if (!D->hasAssociatedStmt())
    return nullptr;
  const Stmt *Body = D->getAssociatedStmt();
  while (const auto *Captured = dyn_cast_or_null<CapturedStmt>(Body))
    Body = Captured->getCapturedStmt();
  return Body;
}

bool isOpenMPTeamRegion(const Stmt *S) {
  const auto *D = dyn_cast_or_null<OMPExecutableDirective>(S);
  if (!D || !D->hasAssociatedStmt())
    return false;
  OpenMPDirectiveKind Kind = D->getDirectiveKind();
  return isOpenMPParallelDirective(Kind) || isOpenMPTaskingDirective(Kind) ||
         isOpenMPTeamsDirective(Kind);
}

const Stmt *openMPRegionLocks(const Stmt *S,
                              llvm::SmallVectorImpl<ObjectPath> &Out) {
  const auto *D = dyn_cast_or_null<OMPExecutableDirective>(S);
  if (!D || !D->hasAssociatedStmt())
    return nullptr;
  size_t Before = Out.size();
  if (const auto *Critical = dyn_cast<OMPCriticalDirective>(D))
    Out.push_back(ObjectPath::criticalRegion(
        Critical->getDirectiveName().getName().getAsIdentifierInfo()));
  if (isOpenMPTeamRegion(D))
    Out.push_back(ObjectPath::teamMarker());
  return Out.size() != Before ? blockOf(D) : nullptr;
}

/// Pushes the children of \p S, and a nested region's block.
static void pushChildren(const Stmt *S,
                         llvm::SmallVectorImpl<const Stmt *> &Stack) {
  for (const Stmt *Child : S->children())
    if (Child)
      Stack.push_back(Child);
  if (const auto *Captured = dyn_cast<CapturedStmt>(S))
    Stack.push_back(Captured->getCapturedStmt());
}

void forEachStmtOfBlock(const Stmt *Block,
                        llvm::function_ref<void(const Stmt *)> Visit) {
  llvm::SmallVector<const Stmt *, 16> Stack{Block};
  while (!Stack.empty()) {
    const Stmt *S = Stack.pop_back_val();
    if (!S)
      continue;
    Visit(S);
    pushChildren(S, Stack);
  }
}

void openMPSharedLocals(const Stmt *S,
                        llvm::SmallVectorImpl<const VarDecl *> &Out,
                        bool &UsesThis) {
  UsesThis = false;
  if (!isOpenMPTeamRegion(S))
    return;
  const auto *D = cast<OMPExecutableDirective>(S);
  // What its clauses make private: each thread has its own.
  llvm::DenseSet<const VarDecl *> Private;
  for (const OMPClause *C : D->clauses()) {
    if (!C)
      continue;
    switch (C->getClauseKind()) {
    case llvm::omp::OMPC_private:
    case llvm::omp::OMPC_firstprivate:
    case llvm::omp::OMPC_lastprivate:
    case llvm::omp::OMPC_reduction:
    case llvm::omp::OMPC_task_reduction:
    case llvm::omp::OMPC_in_reduction:
    case llvm::omp::OMPC_linear:
      // A list clause's children are its variables.
      for (const Stmt *Var : const_cast<OMPClause *>(C)->children()) {
        const auto *E = dyn_cast_or_null<Expr>(Var);
        const auto *Ref =
            E ? dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()) : nullptr;
        if (const auto *V = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr)
          Private.insert(V->getCanonicalDecl());
      }
      break;
    default:
      break;
    }
  }
  llvm::DenseSet<const VarDecl *> Declared, Seen;
  llvm::SmallVector<const Stmt *, 32> Stack{blockOf(D)};
  while (!Stack.empty()) {
    const Stmt *Inner = Stack.pop_back_val();
    if (!Inner || isa<LambdaExpr>(Inner))
      continue;
    if (isa<CXXThisExpr>(Inner))
      UsesThis = true;
    if (const auto *Decls = dyn_cast<DeclStmt>(Inner))
      for (const Decl *Inside : Decls->decls())
        if (const auto *V = dyn_cast<VarDecl>(Inside))
          Declared.insert(V->getCanonicalDecl());
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Inner))
      if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl()))
        if (!V->hasGlobalStorage() && Seen.insert(V->getCanonicalDecl()).second)
          Out.push_back(V);
    pushChildren(Inner, Stack);
  }
  // A range `for`'s own variable is declared by the loop, not a DeclStmt
  // the walk meets first: it is dropped with the others declared inside.
  llvm::erase_if(Out, [&](const VarDecl *V) {
    return Declared.count(V->getCanonicalDecl()) ||
           Private.count(V->getCanonicalDecl());
  });
}

/// The counters of the loops of worksharing loop directive \p D: the
/// variable each of its nested `for` statements declares or assigns first.
static void loopCounters(const OMPExecutableDirective *D,
                         llvm::SmallVectorImpl<const VarDecl *> &Out) {
  const Stmt *Body = blockOf(D);
  for (unsigned Depth = 0; Body && Depth != 4; ++Depth) {
    const auto *For = dyn_cast<ForStmt>(Body);
    if (!For || !For->getInit())
      return;
    const VarDecl *Counter = nullptr;
    if (const auto *Decls = dyn_cast<DeclStmt>(For->getInit())) {
      if (Decls->isSingleDecl())
        Counter = dyn_cast<VarDecl>(Decls->getSingleDecl());
    } else if (const auto *Assign = dyn_cast<BinaryOperator>(For->getInit())) {
      if (const auto *Ref =
              dyn_cast<DeclRefExpr>(Assign->getLHS()->IgnoreParenImpCasts()))
        Counter = dyn_cast<VarDecl>(Ref->getDecl());
    }
    if (!Counter)
      return;
    Out.push_back(Counter->getCanonicalDecl());
    // `collapse(2)`: the next loop is the body, or its only statement.
    Body = For->getBody();
    if (const auto *Compound = dyn_cast_or_null<CompoundStmt>(Body))
      Body = Compound->size() == 1 ? Compound->body_front() : nullptr;
  }
}

/// Whether \p E mentions one of \p Vars.
static bool mentions(const Stmt *E, llvm::ArrayRef<const VarDecl *> Vars) {
  llvm::SmallVector<const Stmt *, 8> Stack{E};
  while (!Stack.empty()) {
    const Stmt *S = Stack.pop_back_val();
    if (!S)
      continue;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
      if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl()))
        if (llvm::is_contained(Vars, V->getCanonicalDecl()))
          return true;
    for (const Stmt *Child : S->children())
      Stack.push_back(Child);
  }
  return false;
}

/// The element access that \p E changes: `v[i]` of `v[i] = x`, `++v[i]`,
/// `v[i].count += 1`, `v.at(i)`.
static const Expr *elementAccessOf(const Expr *E) {
  for (unsigned Depth = 0; E && Depth != 8; ++Depth) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Assign = dyn_cast<BinaryOperator>(E)) {
      E = Assign->getLHS();
    } else if (const auto *Unary = dyn_cast<UnaryOperator>(E)) {
      E = Unary->getSubExpr();
    } else if (const auto *Member = dyn_cast<MemberExpr>(E)) {
      E = Member->getBase();
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
      if (Op->getOperator() == OO_Subscript)
        return Op;
      if (Op->getNumArgs() == 0)
        return nullptr;
      E = Op->getArg(0); // `v[i] = x`, `v[i] += x` on a class type.
    } else {
      return isa<CXXMemberCallExpr, ArraySubscriptExpr>(E) ? E : nullptr;
    }
  }
  return nullptr;
}

bool ownedByIteration(const Expr *Site, const ParentMap &PM) {
  // The index: a subscript's, or an element call's arguments (`at(i)`).
  llvm::SmallVector<const Expr *, 2> Indexes;
  Site = elementAccessOf(Site);
  if (!Site)
    return false;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Site)) {
    if (Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2)
      Indexes.push_back(Op->getArg(1));
  } else if (const auto *Call = dyn_cast<CXXMemberCallExpr>(Site)) {
    for (const Expr *Arg : Call->arguments())
      Indexes.push_back(Arg);
  } else if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(Site)) {
    Indexes.push_back(Subscript->getIdx());
  }
  if (Indexes.empty())
    return false;
  for (const Stmt *S = PM.getParent(Site); S; S = PM.getParent(S)) {

    const auto *D = dyn_cast<OMPExecutableDirective>(S);
    if (!D || !isOpenMPLoopDirective(D->getDirectiveKind()))
      continue;
    llvm::SmallVector<const VarDecl *, 2> Counters;
    loopCounters(D, Counters);
    return !Counters.empty() && llvm::any_of(Indexes, [&](const Expr *Index) {
      return mentions(Index, Counters);
    });
  }
  return false;
}

} // namespace mapguard
