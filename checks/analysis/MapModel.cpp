//===--- MapModel.cpp - Shared maps and what writes them ------------------===//

#include "checks/analysis/MapModel.h"
#include "checks/analysis/SharedObjects.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"

using namespace clang;

namespace mapguard {

// Aliases (references, iterators) are followed to the map they come from;
// the bound keeps a pathological chain from recursing without end.
static constexpr unsigned MaxAliasDepth = 8;

MapModel::MapModel(const ContainerOptions &Options) : Containers(Options) {}

/// Member functions that return an iterator (or a pair holding one) into
/// the container.
static bool returnsIterator(llvm::StringRef Name) {
  static constexpr llvm::StringLiteral Names[] = {"find",
                                                  "begin",
                                                  "end",
                                                  "rbegin",
                                                  "rend",
                                                  "lower_bound",
                                                  "upper_bound",
                                                  "equal_range",
                                                  "insert",
                                                  "emplace",
                                                  "emplace_hint",
                                                  "try_emplace",
                                                  "insert_or_assign",
                                                  "erase",
                                                  "before_begin",
                                                  "insert_after",
                                                  "emplace_after",
                                                  "erase_after"};
  return llvm::is_contained(Names, Name);
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

const ContainerVocabulary::Type *MapModel::containerOf(const Expr *Object,
                                                       bool IsPointer) const {
  // As declared: a method of a container's base (`flat_tree::insert` of
  // Boost's `flat_set`) is called through a cast to the base.
  QualType T = Object->IgnoreParenImpCasts()->getType();
  if (IsPointer)
    T = T->getPointeeType();
  if (const ContainerVocabulary::Type *C = Containers.typeOf(T))
    return C;
  T = Object->getType();
  return Containers.typeOf(IsPointer ? T->getPointeeType() : T);
}

const ContainerVocabulary::Type *
MapModel::containerCalled(const CXXMemberCallExpr *Call,
                          MemberEffect &Effect) const {
  // Asked of one call by writesOf, twice, and readsOf, one after the other.
  if (Call != LastCalled.Call) {
    LastCalled = {Call, nullptr, MemberEffect::Read};
    if (const CXXMethodDecl *Method = Call->getMethodDecl()) {
      LastCalled.Type =
          containerOf(Call->getImplicitObjectArgument(), isArrowCall(Call));
      if (LastCalled.Type)
        LastCalled.Effect = Containers.effectOf(*LastCalled.Type, *Method);
    }
  }
  if (LastCalled.Type)
    Effect = LastCalled.Effect;
  return LastCalled.Type;
}

/// The name of \p F for the record: its identifier, or the operator.
static llvm::StringRef operationName(const FunctionDecl &F) {
  if (F.getIdentifier())
    return F.getName();
  if (F.getOverloadedOperator() != OO_None)
    return getOperatorSpelling(F.getOverloadedOperator());
  return "operator";
}

void MapModel::structuralWrite(const Expr *Object, bool IsPointer,
                               llvm::StringRef Operation, bool IsSubscript,
                               llvm::SmallVectorImpl<MapAccess> &Out) const {
  // A container that is a map's value by its key (`g_lists[k].push_back(x)`)
  // is reached through the map's insert, reported at its own site.
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Object->IgnoreParens()))
    if (const auto *Method =
            dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee()))
      if (const ContainerVocabulary::Type *C =
              Op->getNumArgs() ? containerOf(Op->getArg(0)) : nullptr)
        if (Containers.effectOf(*C, *Method) == MemberEffect::SubscriptInsert)
          return;
  Out.push_back({Object, IsPointer, Operation, AccessKind::Write, IsSubscript});
  // A container that is an element of another one (`g_index.at(k)`) has
  // no name of its own: where it reaches no shared container as it
  // stands, the write changes an element of the one it is in.
  if (!IsPointer)
    if (std::optional<MapAccess> Outer = elementOwner(Object, 0)) {
      Outer->Fallback = true;
      Out.push_back(*Outer);
    }
}

void MapModel::argumentsWritten(const CallExpr *Call, unsigned First,
                                const FunctionDecl *Callee,
                                llvm::StringRef Operation,
                                llvm::SmallVectorImpl<MapAccess> &Out) const {
  if (!Callee)
    return;
  // A member operator's object is its first argument, not a parameter.
  unsigned Offset =
      isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee) ? 1 : 0;
  for (unsigned I = First, E = Call->getNumArgs(); I < E; ++I) {
    if (I < Offset || I - Offset >= Callee->getNumParams())
      break;
    QualType Param = Callee->getParamDecl(I - Offset)->getType();
    // `a.swap(b)`, `a.splice(pos, b)`, `a = std::move(b)`, `std::swap(a, b)`,
    // `std::getline(in, s)`: the container is bound to a reference the
    // callee can change it through.
    if (Param->isReferenceType() &&
        !Param.getNonReferenceType().isConstQualified() &&
        Containers.isContainer(Call->getArg(I)->getType()))
      structuralWrite(Call->getArg(I), false, Operation, false, Out);
  }
}

/// Standard functions that change a container passed by reference (or
/// return an iterator that inserts into it).
static bool isStandardWriter(llvm::StringRef Name) {
  static constexpr llvm::StringLiteral Names[] = {
      "swap",     "erase",         "erase_if",       "getline",
      "exchange", "back_inserter", "front_inserter", "inserter"};
  return llvm::is_contained(Names, Name);
}

void MapModel::callWrites(const CallExpr *Call,
                          llvm::SmallVectorImpl<MapAccess> &Out) const {
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
    if (Op->getNumArgs() == 0)
      return;
    const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee());
    if (!Method) {
      // `in >> g_name`.
      const FunctionDecl *Callee = Op->getDirectCallee();
      if (Callee && Callee->isInStdNamespace() &&
          Op->getOperator() == OO_GreaterGreater)
        argumentsWritten(Op, 1, Callee, "operator>>", Out);
      return;
    }
    const ContainerVocabulary::Type *C = containerOf(Op->getArg(0));
    if (!C)
      return;
    MemberEffect Effect = Containers.effectOf(*C, *Method);
    if (Effect == MemberEffect::SubscriptInsert) {
      structuralWrite(Op->getArg(0), false, "operator[]", /*IsSubscript=*/true,
                      Out);
    } else if (Effect == MemberEffect::Write) {
      structuralWrite(Op->getArg(0), false, operationName(*Method), false, Out);
      argumentsWritten(Op, 1, Method, operationName(*Method), Out);
    }
    return;
  }
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
    MemberEffect Effect;
    if (!containerCalled(Member, Effect) || Effect != MemberEffect::Write)
      return;
    const CXXMethodDecl *Method = Member->getMethodDecl();
    structuralWrite(Member->getImplicitObjectArgument(), isArrowCall(Member),
                    operationName(*Method), false, Out);
    argumentsWritten(Member, 0, Method, operationName(*Method), Out);
    return;
  }
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (Callee && Callee->getIdentifier() && Callee->isInStdNamespace() &&
      isStandardWriter(Callee->getName()))
    argumentsWritten(Call, 0, Callee, Callee->getName(), Out);
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
    MemberEffect Effect;
    if (!Method || !Method->getIdentifier() ||
        !containerCalled(Member, Effect) || !returnsIterator(Method->getName()))
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
    if (Op->getOperator() != OO_Subscript)
      return std::nullopt;
    const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee());
    const ContainerVocabulary::Type *C = containerOf(Op->getArg(0));
    // `v[i]` of something that is no container is part of whatever holds
    // it; `m[k]` on a map changes its structure, reported as such.
    if (!C || !Method)
      return elementOwner(Op->getArg(0), Depth + 1);
    if (Containers.effectOf(*C, *Method) == MemberEffect::SubscriptInsert)
      return std::nullopt;
    // `v[i]` of a sequence: an element of the container the sequence is an
    // element of, or else of the sequence.
    if (std::optional<MapAccess> Outer = elementOwner(Op->getArg(0), Depth + 1))
      return Outer;
    return MapAccess{Op->getArg(0), false,
                     "operator[]",  AccessKind::ElementWrite,
                     false,         Op};
  }
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    if (!Method || !Method->getReturnType()->isLValueReferenceType())
      return std::nullopt;
    MemberEffect Effect;
    if (!containerCalled(Member, Effect)) {
      // A getter of an element's class, or an iterator's own accessor
      // (`it.value()` of tsl's and Qt's iterators).
      const Expr *Object = Member->getImplicitObjectArgument();
      if (std::optional<MapAccess> Owner = elementOwner(Object, Depth + 1))
        return Owner;
      return isArrowCall(Member) ? std::nullopt
                                 : iteratorOwner(Object, Depth + 1);
    }
    // `m.at(k)`, `v.front()`, `v.back()`: an element, unless the call
    // changes the structure (`v.emplace_back()`), reported as such.
    if (Effect != MemberEffect::Access && Effect != MemberEffect::Read)
      return std::nullopt;
    if (!isArrowCall(Member))
      if (std::optional<MapAccess> Outer =
              elementOwner(Member->getImplicitObjectArgument(), Depth + 1))
        return Outer;
    return MapAccess{Member->getImplicitObjectArgument(),
                     isArrowCall(Member),
                     operationName(*Method),
                     AccessKind::ElementWrite,
                     false,
                     Member};
  }
  return std::nullopt;
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
      // A non-const method of an element's class may change the element;
      // a container's own methods were sorted by callWrites.
      const CXXMethodDecl *Method = Member->getMethodDecl();
      MemberEffect Effect;
      if (Method && !Method->isConst() && !isArrowCall(Member) &&
          !containerCalled(Member, Effect))
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

ContainerFamily MapModel::familyOf(QualType T) const {
  const ContainerVocabulary::Type *C = Containers.typeOf(T);
  return C ? C->Family : ContainerFamily::Other;
}

std::optional<SharedMap> MapModel::sharedMapOf(const MapAccess &Access,
                                               const ASTContext &Ctx,
                                               bool LocalRoots) const {
  // The object as declared: a const method's object is converted to const.
  QualType Type = Access.Object->IgnoreParenImpCasts()->getType();
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
    return SharedMap{std::move(Path), Field, SharedMapKind::Member, nullptr,
                     familyOf(Type)};
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
  return SharedMap{std::move(Path), Storage, Kind, Singleton, familyOf(Type)};
}

void MapModel::readsOf(const Stmt *S,
                       llvm::SmallVectorImpl<MapAccess> &Out) const {
  auto ReadsOnly = [](MemberEffect Effect) {
    return Effect == MemberEffect::Access || Effect == MemberEffect::Read;
  };
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(S)) {
    MemberEffect Effect;
    if (containerCalled(Member, Effect) && ReadsOnly(Effect))
      Out.push_back({Member->getImplicitObjectArgument(), isArrowCall(Member),
                     operationName(*Member->getMethodDecl()),
                     AccessKind::Read});
    return;
  }
  // Copies: `auto copy = g_map;`, `local = g_map;`.
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(S)) {
    if (Construct->getConstructor()->isCopyConstructor() &&
        isMapType(Construct->getType()))
      Out.push_back({Construct->getArg(0), false, "copy", AccessKind::Read});
    return;
  }
  const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
  if (!Op || Op->getNumArgs() == 0)
    return;
  if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
      isMapType(Op->getArg(1)->getType()) &&
      !Op->getArg(1)->getType()->isRValueReferenceType() &&
      Op->getArg(1)->isLValue()) {
    Out.push_back({Op->getArg(1), false, "copy", AccessKind::Read});
    return;
  }
  // `g_v[i]` read, `g_names == other`.
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee());
  const ContainerVocabulary::Type *C = containerOf(Op->getArg(0));
  if (Method && C && ReadsOnly(Containers.effectOf(*C, *Method)))
    Out.push_back(
        {Op->getArg(0), false, operationName(*Method), AccessKind::Read});
  else if (!Method && Op->getDirectCallee() &&
           !isAssignmentOperator(Op->getOperator()) &&
           Op->getOperator() != OO_GreaterGreater)
    for (const Expr *Arg : Op->arguments())
      if (isMapType(Arg->getType()))
        Out.push_back({Arg, false, operationName(*Op->getDirectCallee()),
                       AccessKind::Read});
}

} // namespace mapguard
