//===--- MutexRef.cpp - Names a mutex by how it is reached ----------------===//

#include "checks/analysis/MutexRef.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/FoldingSet.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;

namespace mapguard {

// A local reference bound to another mutex is followed to it; the bound keeps
// a pathological chain of references from recursing without end.
static constexpr unsigned MaxAliasDepth = 8;

static const NamedDecl *canonical(const NamedDecl *D) {
  return cast<NamedDecl>(D->getCanonicalDecl());
}

std::optional<MutexRef> MutexRef::fromExpr(const Expr *E,
                                           const ASTContext &Ctx) {
  if (!E)
    return std::nullopt;
  MutexRef Ref;
  if (!Ref.appendPath(E, Ctx, 0)) {
    Ref.Steps.clear();
    Ref.appendOpaque(E, Ctx);
  }
  Ref.rebuildName(Ctx);
  return Ref;
}

std::optional<MutexRef> MutexRef::fromPointer(const Expr *E,
                                              const ASTContext &Ctx) {
  if (!E)
    return std::nullopt;
  MutexRef Ref;
  if (Ref.appendPath(E, Ctx, 0)) {
    Ref.Steps.push_back({StepKind::Deref});
  } else {
    Ref.Steps.clear();
    Ref.appendOpaque(E, Ctx);
    Ref.Steps.push_back({StepKind::Deref});
  }
  Ref.rebuildName(Ctx);
  return Ref;
}

bool MutexRef::appendPath(const Expr *E, const ASTContext &Ctx,
                          unsigned Depth) {
  E = E->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD)
      return false;
    // `std::mutex &mu = g_mu;` is another name for `g_mu`.
    if (VD->getType()->isReferenceType() && !isa<ParmVarDecl>(VD) &&
        VD->hasLocalStorage() && VD->getInit() && Depth < MaxAliasDepth)
      return appendPath(VD->getInit(), Ctx, Depth + 1);
    Steps.push_back({StepKind::Decl, canonical(VD)});
    return true;
  }
  if (isa<CXXThisExpr>(E)) {
    Steps.push_back({StepKind::This});
    return true;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const Expr *Base = ME->getBase();
    if (ME->isArrow()) {
      if (isa<CXXThisExpr>(Base->IgnoreParenImpCasts()))
        Steps.push_back({StepKind::This});
      else if (appendPath(Base, Ctx, Depth))
        Steps.push_back({StepKind::Deref});
      else
        return false;
    } else if (!appendPath(Base, Ctx, Depth)) {
      return false;
    }
    Steps.push_back({StepKind::Decl, canonical(ME->getMemberDecl())});
    return true;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() != UO_Deref ||
        !appendPath(UO->getSubExpr(), Ctx, Depth))
      return false;
    Steps.push_back({StepKind::Deref});
    return true;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    // Smart pointers: `*up` is the pointee, `up->` yields the raw pointer that
    // the enclosing arrow member access dereferences.
    if (Op->getOperator() == OO_Star && Op->getNumArgs() == 1) {
      if (!appendPath(Op->getArg(0), Ctx, Depth))
        return false;
      Steps.push_back({StepKind::Deref});
      return true;
    }
    if (Op->getOperator() == OO_Arrow && Op->getNumArgs() == 1)
      return appendPath(Op->getArg(0), Ctx, Depth);
    return false;
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || Call->getNumArgs() != 0)
      return false;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
      if (!appendPath(MC->getImplicitObjectArgument(), Ctx, Depth))
        return false;
    Steps.push_back({StepKind::Call, canonical(Callee)});
    return true;
  }
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
    Expr::EvalResult Index;
    if (ASE->getIdx()->isValueDependent() ||
        !ASE->getIdx()->EvaluateAsInt(Index, Ctx) ||
        !appendPath(ASE->getBase(), Ctx, Depth))
      return false;
    Steps.push_back(
        {StepKind::Index, nullptr, Index.Val.getInt().getLimitedValue()});
    return true;
  }
  return false;
}

void MutexRef::appendOpaque(const Expr *E, const ASTContext &Ctx) {
  // Two spellings of the same expression (`mus[i]` twice) name the same
  // mutex; Clang's structural profile is what tells them apart.
  llvm::FoldingSetNodeID ID;
  E->IgnoreParenImpCasts()->Profile(ID, Ctx, /*Canonical=*/true);
  Steps.push_back({StepKind::Opaque, nullptr, ID.ComputeHash()});
  llvm::raw_string_ostream OS(Name);
  E->IgnoreParenImpCasts()->printPretty(OS, nullptr, Ctx.getPrintingPolicy());
}

void MutexRef::rebuildName(const ASTContext &Ctx) {
  if (!Steps.empty() && Steps.front().Kind == StepKind::Opaque) {
    // Name was printed from the expression itself.
    return;
  }
  std::string Result;
  bool AfterDeref = false, AfterThis = false;
  for (const Step &S : Steps) {
    switch (S.Kind) {
    case StepKind::This:
      AfterThis = true;
      continue;
    case StepKind::Deref:
      if (AfterDeref)
        Result = "*" + Result;
      AfterDeref = true;
      continue;
    case StepKind::Decl:
    case StepKind::Call: {
      std::string Part = S.Decl->getNameAsString();
      if (S.Kind == StepKind::Call)
        Part += "()";
      if (Result.empty())
        Result = Part;
      else
        Result += (AfterDeref ? "->" : ".") + Part;
      break;
    }
    case StepKind::Index:
      if (AfterDeref)
        Result = "(*" + Result + ")";
      Result += "[" + std::to_string(S.Value) + "]";
      break;
    case StepKind::Opaque:
      break;
    }
    AfterDeref = AfterThis = false;
  }
  // A mutex reached through a pointer is named by the pointer, as its users
  // write it (`mutex->lock()`).
  if (Result.empty() && AfterThis)
    Result = "*this";
  Name = std::move(Result);
}

} // namespace mapguard
