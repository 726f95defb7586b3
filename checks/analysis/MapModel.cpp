//===--- MapModel.cpp - Shared maps and the calls that write them ---------===//

#include "checks/analysis/MapModel.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace mapguard {

llvm::ArrayRef<llvm::StringRef> MapModel::defaultMapTypes() {
  static const llvm::StringRef Defaults[] = {
      "std::map",           "std::multimap",
      "std::unordered_map", "std::unordered_multimap",
      "std::set",           "std::multiset",
      "std::unordered_set", "std::unordered_multiset"};
  return Defaults;
}

MapModel::MapModel(llvm::ArrayRef<llvm::StringRef> Types) : MapTypes(Types) {}

std::optional<SharedMap> MapModel::sharedMapOf(const Expr *E) const {
  if (!E)
    return std::nullopt;
  E = E->IgnoreParenImpCasts();
  const ValueDecl *Named = nullptr;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    Named = Ref->getDecl();
  else if (const auto *Member = dyn_cast<MemberExpr>(E))
    Named = Member->getMemberDecl(); // `obj.s_map` names a static member.
  const auto *Var = dyn_cast_or_null<VarDecl>(Named);
  if (!Var || !Var->hasGlobalStorage() ||
      Var->getTLSKind() != VarDecl::TLS_None)
    return std::nullopt;
  QualType Type = Var->getType();
  if (Type->isReferenceType() || Type.isConstQualified() || !isMapType(Type))
    return std::nullopt;
  Var = Var->getCanonicalDecl();
  SharedMapKind Kind = Var->isStaticDataMember() ? SharedMapKind::StaticMember
                       : Var->isStaticLocal()    ? SharedMapKind::LocalStatic
                                                 : SharedMapKind::Global;
  return SharedMap{Var, Kind};
}

/// Member functions that change the structure of an associative container.
static bool isModifier(llvm::StringRef Name) {
  return llvm::StringSwitch<bool>(Name)
      .Cases("insert", "insert_or_assign", "emplace", "emplace_hint", true)
      .Cases("try_emplace", "erase", "clear", "swap", "merge", true)
      .Cases("extract", "rehash", "reserve", "insert_range", true)
      .Default(false);
}

void MapModel::writesOf(const CallExpr *Call,
                        llvm::SmallVectorImpl<MapWrite> &Out) const {
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
    if (Op->getNumArgs() == 0 || !isMapType(Op->getArg(0)->getType()))
      return;
    if (Op->getOperator() == OO_Subscript)
      Out.push_back({Op->getArg(0), "operator[]", /*IsSubscript=*/true});
    else if (Op->getOperator() == OO_Equal)
      Out.push_back({Op->getArg(0), "operator="});
    return;
  }
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    if (!Method || !Method->getIdentifier() ||
        !MapTypes.containsClass(Method->getParent()) ||
        !isModifier(Method->getName()))
      return;
    Out.push_back({Member->getImplicitObjectArgument(), Method->getName()});
    // `a.swap(b)` and `a.merge(b)` change `b` as well.
    if ((Method->getName() == "swap" || Method->getName() == "merge") &&
        Member->getNumArgs() == 1 && isMapType(Member->getArg(0)->getType()))
      Out.push_back({Member->getArg(0), Method->getName()});
    return;
  }
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || !Callee->getIdentifier() || Call->getNumArgs() == 0)
    return;
  llvm::StringRef Name = Callee->getName();
  if (Name != "swap" && Name != "erase_if")
    return;
  if (!Callee->isInStdNamespace())
    return;
  unsigned Written = Name == "swap" ? 2 : 1;
  for (unsigned I = 0; I != Written && I != Call->getNumArgs(); ++I)
    if (isMapType(Call->getArg(I)->getType()))
      Out.push_back(
          {Call->getArg(I), Name == "swap" ? "std::swap" : "std::erase_if"});
}

} // namespace mapguard
