//===--- MapModel.cpp - Shared maps and what writes them ------------------===//

#include "checks/analysis/MapModel.h"
#include "checks/analysis/SharedObjects.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace mapguard {

// Aliases (references, iterators) are followed to the map they come from;
// the bound keeps a pathological chain from recursing without end.
static constexpr unsigned MaxAliasDepth = 8;

llvm::ArrayRef<llvm::StringRef> MapModel::defaultMapTypes() {
  static const llvm::StringRef Defaults[] = {
      "std::map",           "std::multimap",
      "std::unordered_map", "std::unordered_multimap",
      "std::set",           "std::multiset",
      "std::unordered_set", "std::unordered_multiset"};
  return Defaults;
}

MapModel::MapModel(llvm::ArrayRef<llvm::StringRef> Types) : MapTypes(Types) {}

/// Member functions that change the structure of an associative container.
static bool isModifier(llvm::StringRef Name) {
  return llvm::StringSwitch<bool>(Name)
      .Cases("insert", "insert_or_assign", "emplace", "emplace_hint", true)
      .Cases("try_emplace", "erase", "clear", "swap", "merge", true)
      .Cases("extract", "rehash", "reserve", "insert_range", true)
      .Default(false);
}

/// Member functions that return an iterator (or a pair holding one) into
/// the container.
static bool returnsIterator(llvm::StringRef Name) {
  return llvm::StringSwitch<bool>(Name)
      .Cases("find", "begin", "end", "rbegin", "rend", true)
      .Cases("lower_bound", "upper_bound", "equal_range", true)
      .Cases("insert", "emplace", "emplace_hint", "try_emplace", true)
      .Cases("insert_or_assign", "erase", true)
      .Default(false);
}

static bool isArrowCall(const CXXMemberCallExpr *Call) {
  const auto *Callee = dyn_cast<MemberExpr>(Call->getCallee()->IgnoreParens());
  return Callee && Callee->isArrow();
}

/// Whether \p E is a local variable's initializer we may read it through:
/// a local (not a parameter) reference, pointer or iterator.
static const Expr *localInitializer(const Expr *E) {
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || !Var->isLocalVarDecl() || Var->isStaticLocal())
    return nullptr;
  return Var->getInit();
}

void MapModel::callWrites(const CallExpr *Call,
                          llvm::SmallVectorImpl<MapAccess> &Out) const {
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
    if (Op->getNumArgs() == 0 || !isMapType(Op->getArg(0)->getType()))
      return;
    if (Op->getOperator() == OO_Subscript)
      Out.push_back({Op->getArg(0), false, "operator[]", AccessKind::Write,
                     /*IsSubscript=*/true});
    else if (Op->getOperator() == OO_Equal)
      Out.push_back({Op->getArg(0), false, "operator="});
    return;
  }
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    if (!Method || !Method->getIdentifier() ||
        !MapTypes.containsClass(Method->getParent()) ||
        !isModifier(Method->getName()))
      return;
    Out.push_back({Member->getImplicitObjectArgument(), isArrowCall(Member),
                   Method->getName()});
    // `a.swap(b)` and `a.merge(b)` change `b` as well.
    if ((Method->getName() == "swap" || Method->getName() == "merge") &&
        Member->getNumArgs() == 1 && isMapType(Member->getArg(0)->getType()))
      Out.push_back({Member->getArg(0), false, Method->getName()});
    return;
  }
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || !Callee->getIdentifier() || Call->getNumArgs() == 0 ||
      !Callee->isInStdNamespace())
    return;
  llvm::StringRef Name = Callee->getName();
  if (Name != "swap" && Name != "erase_if")
    return;
  unsigned Written = Name == "swap" ? 2 : 1;
  for (unsigned I = 0; I != Written && I != Call->getNumArgs(); ++I)
    if (isMapType(Call->getArg(I)->getType()))
      Out.push_back({Call->getArg(I), false,
                     Name == "swap" ? "std::swap" : "std::erase_if"});
}

std::optional<MapAccess> MapModel::iteratorOwner(const Expr *E,
                                                 unsigned Depth) const {
  if (!E || Depth > MaxAliasDepth)
    return std::nullopt;
  E = E->IgnoreImplicit()->IgnoreParenImpCasts();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    return Construct->getNumArgs() == 1
               ? iteratorOwner(Construct->getArg(0), Depth + 1)
               : std::nullopt;
  if (const Expr *Init = localInitializer(E))
    return iteratorOwner(Init, Depth + 1);
  // `m.insert(v).first`, `m.equal_range(k).first`.
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return !ME->isArrow() && ME->getMemberDecl()->getIdentifier() &&
                   (ME->getMemberDecl()->getName() == "first" ||
                    ME->getMemberDecl()->getName() == "second")
               ? iteratorOwner(ME->getBase(), Depth + 1)
               : std::nullopt;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E))
    return (Op->getOperator() == OO_PlusPlus ||
            Op->getOperator() == OO_MinusMinus) &&
                   Op->getNumArgs() >= 1
               ? iteratorOwner(Op->getArg(0), Depth + 1)
               : std::nullopt;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    if (!Method || !Method->getIdentifier() ||
        !MapTypes.containsClass(Method->getParent()) ||
        !returnsIterator(Method->getName()))
      return std::nullopt;
    return MapAccess{Member->getImplicitObjectArgument(),
                     isArrowCall(Member),
                     "element",
                     AccessKind::ElementWrite,
                     false,
                     Member};
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    // `std::next(it)`, `std::prev(it)`.
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (Callee && Callee->getIdentifier() && Callee->isInStdNamespace() &&
        (Callee->getName() == "next" || Callee->getName() == "prev") &&
        Call->getNumArgs() >= 1)
      return iteratorOwner(Call->getArg(0), Depth + 1);
  }
  return std::nullopt;
}

std::optional<MapAccess> MapModel::elementOwner(const Expr *E,
                                                unsigned Depth) const {
  if (!E || Depth > MaxAliasDepth)
    return std::nullopt;
  E = E->IgnoreParenImpCasts();
  if (const Expr *Init = localInitializer(E))
    return E->getType()->isReferenceType() ||
                   cast<DeclRefExpr>(E)->getDecl()->getType()->isReferenceType()
               ? elementOwner(Init, Depth + 1)
               : std::nullopt;
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    if (!isa<FieldDecl>(ME->getMemberDecl()))
      return std::nullopt;
    // `it->second`: the iterator's arrow.
    if (ME->isArrow()) {
      const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
      if (const auto *Arrow = dyn_cast<CXXOperatorCallExpr>(Base))
        if (Arrow->getOperator() == OO_Arrow && Arrow->getNumArgs() == 1)
          return iteratorOwner(Arrow->getArg(0), Depth + 1);
      return std::nullopt;
    }
    return elementOwner(ME->getBase(), Depth + 1);
  }
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E))
    return elementOwner(ASE->getBase(), Depth + 1);
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (Op->getNumArgs() == 0)
      return std::nullopt;
    if (Op->getOperator() == OO_Star || Op->getOperator() == OO_Arrow)
      return iteratorOwner(Op->getArg(0), Depth + 1);
    // `m[k]` on a map changes its structure, reported as such; `v[i]` on a
    // vector held in an element is part of the element.
    if (Op->getOperator() == OO_Subscript &&
        !isMapType(Op->getArg(0)->getType()))
      return elementOwner(Op->getArg(0), Depth + 1);
    return std::nullopt;
  }
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    if (!Method || !Method->getReturnType()->isLValueReferenceType())
      return std::nullopt;
    if (MapTypes.containsClass(Method->getParent()))
      return Method->getIdentifier() && Method->getName() == "at"
                 ? std::optional<MapAccess>(MapAccess{
                       Member->getImplicitObjectArgument(), isArrowCall(Member),
                       "at", AccessKind::ElementWrite, false, Member})
                 : std::nullopt;
    return elementOwner(Member->getImplicitObjectArgument(), Depth + 1);
  }
  return std::nullopt;
}

bool isAssignmentOperator(OverloadedOperatorKind Op) {
  switch (Op) {
  case OO_Equal:
  case OO_PlusEqual:
  case OO_MinusEqual:
  case OO_StarEqual:
  case OO_SlashEqual:
  case OO_PercentEqual:
  case OO_AmpEqual:
  case OO_PipeEqual:
  case OO_CaretEqual:
  case OO_LessLessEqual:
  case OO_GreaterGreaterEqual:
  case OO_PlusPlus:
  case OO_MinusMinus:
    return true;
  default:
    return false;
  }
}

void MapModel::writesOf(const Stmt *S,
                        llvm::SmallVectorImpl<MapAccess> &Out) const {
  const Expr *Modified = nullptr;
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    size_t Before = Out.size();
    callWrites(Call, Out);
    if (Out.size() != Before)
      return;
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
      if (isAssignmentOperator(Op->getOperator()) && Op->getNumArgs() >= 1)
        Modified = Op->getArg(0);
    } else if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
      const CXXMethodDecl *Method = Member->getMethodDecl();
      if (Method && !Method->isConst() && !isArrowCall(Member))
        Modified = Member->getImplicitObjectArgument();
    }
  } else if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
    if (BO->isAssignmentOp())
      Modified = BO->getLHS();
  } else if (const auto *UO = dyn_cast<UnaryOperator>(S)) {
    if (UO->isIncrementDecrementOp())
      Modified = UO->getSubExpr();
  }
  if (!Modified)
    return;
  if (std::optional<MapAccess> Element = elementOwner(Modified, 0))
    Out.push_back(*Element);
}

const VarDecl *MapModel::singletonStorage(const FunctionDecl *F) const {
  F = F->getCanonicalDecl();
  auto [It, Inserted] = Singletons.try_emplace(F, nullptr);
  if (!Inserted)
    return It->second;
  const FunctionDecl *Definition = F->getDefinition();
  QualType Returned = F->getReturnType();
  if (!Definition || !Definition->getBody() ||
      (!Returned->isReferenceType() && !Returned->isPointerType()))
    return nullptr;
  // Every return must hand out the same object with static storage:
  // `static Registry r; return r;`, or a lazily created one: `return *inst;`.
  const VarDecl *Storage = nullptr;
  bool Valid = true;
  llvm::SmallVector<const Stmt *, 16> Stack{Definition->getBody()};
  while (!Stack.empty() && Valid) {
    const Stmt *S = Stack.pop_back_val();
    if (!S || isa<LambdaExpr>(S))
      continue;
    if (const auto *Return = dyn_cast<ReturnStmt>(S)) {
      const VarDecl *Var = staticObjectReturned(Return->getRetValue(),
                                                Returned->isPointerType());
      if (!Var || (Storage && Storage != Var))
        Valid = false;
      else
        Storage = Var;
      continue;
    }
    for (const Stmt *Child : S->children())
      Stack.push_back(Child);
  }
  if (!Valid)
    Storage = nullptr;
  Singletons[F] = Storage;
  return Storage;
}

std::optional<SharedMap> MapModel::sharedMapOf(const MapAccess &Access,
                                               const ASTContext &Ctx,
                                               bool LocalRoots) const {
  QualType Type = Access.Object->getType();
  if (Access.ObjectIsPointer)
    Type = Type->getPointeeType();
  if (Type.isNull() ||
      (Type.isConstQualified() && Access.Kind != AccessKind::Read))
    return std::nullopt;
  ObjectPath Path = Access.ObjectIsPointer
                        ? ObjectPath::fromPointer(Access.Object, Ctx)
                        : ObjectPath::fromExpr(Access.Object, Ctx);
  llvm::ArrayRef<ObjectPath::Step> Steps = Path.steps();
  if (Steps.empty())
    return std::nullopt;
  const ObjectPath::Step &Root = Steps.front();
  // `this->map_` (and `this->state_.map_`, `*this->index_` of a smart or
  // plain pointer member): a member of the object a method runs on, shared
  // only if its class is meant for sharing or its objects are reached from
  // a shared root. A member of another object it points to
  // (`this->impl_->map_`) is that object's, which its own methods show.
  if (Root.Kind == ObjectPath::StepKind::This) {
    const FieldDecl *Field = nullptr;
    bool Dereferenced = false;
    for (const ObjectPath::Step &S : Steps.drop_front()) {
      if (S.Kind == ObjectPath::StepKind::Deref) {
        Dereferenced = true;
        continue;
      }
      if (S.Kind != ObjectPath::StepKind::Decl || !isa<FieldDecl>(S.Decl) ||
          Dereferenced)
        return std::nullopt;
      Field = cast<FieldDecl>(S.Decl);
    }
    if (!Field)
      return std::nullopt;
    return SharedMap{std::move(Path), Field, SharedMapKind::Member};
  }
  const VarDecl *Storage = nullptr;
  const FunctionDecl *Singleton = nullptr;
  bool Local = false;
  if (Root.Kind == ObjectPath::StepKind::Decl) {
    Storage = dyn_cast<VarDecl>(Root.Decl);
    if (!Storage || Storage->getTLSKind() != VarDecl::TLS_None)
      return std::nullopt;
    // A local or parameter: shared only if it is handed to a thread.
    Local = !Storage->hasGlobalStorage();
    if (Local && !LocalRoots)
      return std::nullopt;
  } else if (Root.Kind == ObjectPath::StepKind::Call) {
    Singleton = dyn_cast<FunctionDecl>(Root.Decl);
    Storage = Singleton ? singletonStorage(Singleton) : nullptr;
    if (!Storage)
      return std::nullopt;
  } else {
    return std::nullopt;
  }
  // Members and elements of a shared object, and the pointee of a shared
  // pointer, are shared too.
  for (const ObjectPath::Step &S : Steps.drop_front()) {
    switch (S.Kind) {
    case ObjectPath::StepKind::Decl:
      if (!isa<FieldDecl>(S.Decl))
        return std::nullopt;
      break;
    case ObjectPath::StepKind::Deref:
    case ObjectPath::StepKind::Index:
    case ObjectPath::StepKind::AnyIndex:
      break;
    default:
      return std::nullopt;
    }
  }
  SharedMapKind Kind = Local ? SharedMapKind::Handed
                       : Storage->isStaticDataMember()
                           ? SharedMapKind::StaticMember
                       : Storage->isStaticLocal() ? SharedMapKind::LocalStatic
                                                  : SharedMapKind::Global;
  return SharedMap{std::move(Path), Storage, Kind, Singleton};
}

/// Member functions that read an associative container.
static bool isReader(llvm::StringRef Name) {
  return llvm::StringSwitch<bool>(Name)
      .Cases("find", "count", "contains", "at", "size", "empty", true)
      .Cases("begin", "end", "cbegin", "cend", "rbegin", "rend", true)
      .Cases("crbegin", "crend", "lower_bound", "upper_bound", true)
      .Cases("equal_range", "bucket", "bucket_count", "bucket_size", true)
      .Cases("load_factor", "max_size", true)
      .Default(false);
}

void MapModel::readsOf(const Stmt *S,
                       llvm::SmallVectorImpl<MapAccess> &Out) const {
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(S)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    if (Method && Method->getIdentifier() &&
        MapTypes.containsClass(Method->getParent()) &&
        isReader(Method->getName()))
      Out.push_back({Member->getImplicitObjectArgument(), isArrowCall(Member),
                     Method->getName(), AccessKind::Read});
    return;
  }
  // Copies: `auto copy = g_map;`, `local = g_map;`.
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(S)) {
    if (Construct->getConstructor()->isCopyConstructor() &&
        isMapType(Construct->getType()))
      Out.push_back({Construct->getArg(0), false, "copy", AccessKind::Read});
    return;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S))
    if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
        isMapType(Op->getArg(1)->getType()) &&
        !Op->getArg(1)->getType()->isRValueReferenceType() &&
        Op->getArg(1)->isLValue())
      Out.push_back({Op->getArg(1), false, "copy", AccessKind::Read});
}

} // namespace mapguard
