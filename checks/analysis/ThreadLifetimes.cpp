//===--- ThreadLifetimes.cpp - Which thread object a start fills ----------===//

#include "checks/analysis/ThreadLifetimes.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace mapguard {

/// The variable or member \p E names, through `&`, an element (`ts[i]`,
/// `ts.at(i)`, `tids[i]`) and parentheses; with \p Element set where it
/// went through an element.
static const ValueDecl *namedObject(const Expr *E, bool &Element) {
  Element = false;
  for (unsigned Depth = 0; E && Depth != 6; ++Depth) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
      return dyn_cast<VarDecl>(Ref->getDecl());
    if (const auto *Member = dyn_cast<MemberExpr>(E))
      return dyn_cast<FieldDecl>(Member->getMemberDecl());
    if (const auto *AddrOf = dyn_cast<UnaryOperator>(E)) {
      if (AddrOf->getOpcode() != UO_AddrOf)
        return nullptr;
      E = AddrOf->getSubExpr();
    } else if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(E)) {
      Element = true;
      E = Subscript->getBase();
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
      if (Op->getOperator() != OO_Subscript || Op->getNumArgs() != 2)
        return nullptr;
      Element = true;
      E = Op->getArg(0);
    } else if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *Method = Call->getMethodDecl();
      if (!Method || !Method->getIdentifier() || Method->getName() != "at")
        return nullptr;
      Element = true;
      E = Call->getImplicitObjectArgument();
    } else {
      return nullptr;
    }
  }
  return nullptr;
}

static const ValueDecl *canonical(const ValueDecl *D) {
  return D ? cast<ValueDecl>(D->getCanonicalDecl()) : nullptr;
}

static llvm::StringRef calleeName(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  return Callee && Callee->getIdentifier() ? Callee->getName()
                                           : llvm::StringRef();
}

const ValueDecl *threadOwner(const Expr &Start, const VarDecl *Initialised) {
  bool Element;
  if (isa<CXXConstructExpr>(Start))
    return canonical(Initialised);
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Start))
    // `threads.emplace_back(worker, i)`.
    return canonical(namedObject(Member->getImplicitObjectArgument(), Element));
  const auto *Call = dyn_cast<CallExpr>(&Start);
  llvm::StringRef Name = Call ? calleeName(*Call) : llvm::StringRef();
  if ((Name == "pthread_create" || Name == "thrd_create") &&
      Call->getNumArgs() >= 1)
    return canonical(namedObject(Call->getArg(0), Element));
  return nullptr;
}

/// The loop around \p S, up to its function, of \p Kind.
template <typename LoopT>
static const LoopT *enclosingLoop(const Stmt *S, const ParentMap &PM) {
  for (const Stmt *P = PM.getParent(S); P; P = PM.getParent(P))
    if (const auto *Loop = dyn_cast<LoopT>(P))
      return Loop;
  return nullptr;
}

ThreadJoin threadJoin(const CallExpr &Call,
                      llvm::function_ref<const ParentMap &()> Parents) {
  ThreadJoin Join;
  llvm::StringRef Name = calleeName(Call);
  const Expr *Joined = nullptr;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call)) {
    if (Name == "join" && Call.getNumArgs() == 0)
      Joined = Member->getImplicitObjectArgument();
  } else if ((Name == "pthread_join" || Name == "thrd_join") &&
             Call.getNumArgs() >= 1) {
    Joined = Call.getArg(0);
  }
  if (!Joined)
    return Join;
  bool Element;
  const ValueDecl *Object = namedObject(Joined, Element);
  if (!Object)
    return Join;
  const ParentMap &PM = Parents();
  if (Element) {
    // `for (int i = 0; i < n; ++i) ts[i].join();`: every element, where
    // the loop exits.
    if (const auto *Loop = enclosingLoop<ForStmt>(&Call, PM)) {
      Join.Owner = canonical(Object);
      Join.Loop = Loop;
    }
    return Join;
  }
  // `for (auto &t : ts) t.join();`: t stands for each element of ts.
  if (const auto *Loop = enclosingLoop<CXXForRangeStmt>(&Call, PM))
    if (Loop->getLoopVariable() == Object) {
      bool RangeElement;
      const ValueDecl *Range = namedObject(Loop->getRangeInit(), RangeElement);
      if (Range && !RangeElement) {
        Join.Owner = canonical(Range);
        Join.Loop = Loop;
      }
      return Join;
    }
  Join.Owner = canonical(Object);
  return Join;
}

bool joinsAtScopeEnd(const VarDecl &Var) {
  const auto *Class = Var.getType()->getAsCXXRecordDecl();
  return Class && Class->getIdentifier() && Class->getName() == "jthread" &&
         Class->isInStdNamespace();
}

} // namespace mapguard
