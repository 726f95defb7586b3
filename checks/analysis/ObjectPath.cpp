//===--- ObjectPath.cpp - Names an object by how it is reached ------------===//

#include "checks/analysis/ObjectPath.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/FoldingSet.h"
#include "llvm/ADT/Hashing.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;

namespace mapguard {

// Local references and pointers are followed to what they are bound to; the
// bound keeps a pathological chain of aliases from recursing without end.
static constexpr unsigned MaxAliasDepth = 8;

static const NamedDecl *canonical(const NamedDecl *D) {
  return cast<NamedDecl>(D->getCanonicalDecl());
}

CallSubstitution CallSubstitution::of(const Expr &Call,
                                      const FunctionDecl *Callee,
                                      const CallSubstitution *Outer) {
  CallSubstitution Subst;
  Subst.Callee = Callee;
  Subst.Outer = Outer;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&Call)) {
    Subst.Args = llvm::ArrayRef<const Expr *>(Construct->getArgs(),
                                              Construct->getNumArgs());
    return Subst;
  }
  const auto *C = dyn_cast<CallExpr>(&Call);
  if (!C)
    return Subst;
  llvm::ArrayRef<const Expr *> Args(C->getArgs(), C->getNumArgs());
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(C)) {
    Subst.Object = Member->getImplicitObjectArgument();
    if (const auto *ME =
            dyn_cast<MemberExpr>(Member->getCallee()->IgnoreParens()))
      Subst.ObjectIsPointer = ME->isArrow();
  } else if (isa<CXXOperatorCallExpr>(C) &&
             isa_and_nonnull<CXXMethodDecl>(Callee) && !Args.empty()) {
    // A member operator's object is its first operand.
    Subst.Object = Args.front();
    Args = Args.drop_front();
  }
  Subst.Args = Args;
  return Subst;
}

ObjectPath ObjectPath::build(const Expr *E, const ASTContext &Ctx,
                             const CallSubstitution *Subst, bool Pointee) {
  ObjectPath Path;
  if (!Path.appendPath(E, Ctx, Subst, 0))
    Path.makeOpaque(E, Ctx);
  if (Pointee)
    Path.push({StepKind::Deref});
  Path.rebuildName();
  return Path;
}

ObjectPath ObjectPath::fromExpr(const Expr *E, const ASTContext &Ctx,
                                const CallSubstitution *Subst) {
  return build(E, Ctx, Subst, /*Pointee=*/false);
}

ObjectPath ObjectPath::fromPointer(const Expr *E, const ASTContext &Ctx,
                                   const CallSubstitution *Subst) {
  return build(E, Ctx, Subst, /*Pointee=*/true);
}

ObjectPath ObjectPath::fromLockArgument(const Expr *E, const ASTContext &Ctx,
                                        const CallSubstitution *Subst) {
  return build(E, Ctx, Subst, E->getType()->isPointerType());
}

void ObjectPath::pushIndex(const Expr *Index, const ASTContext &Ctx) {
  Expr::EvalResult Value;
  if (!Index->isValueDependent() && Index->EvaluateAsInt(Value, Ctx))
    push({StepKind::Index, nullptr, Value.Val.getInt().getLimitedValue()});
  else
    push({StepKind::AnyIndex});
}

void ObjectPath::push(Step S) {
  // `*&x` is `x`.
  if (S.Kind == StepKind::Deref && !Steps.empty() &&
      Steps.back().Kind == StepKind::AddrOf) {
    Steps.pop_back();
    return;
  }
  Steps.push_back(S);
}

/// The index of \p Param among the parameters of \p Callee, if it is one.
static std::optional<unsigned> parameterIndex(const ParmVarDecl *Param,
                                              const FunctionDecl *Callee) {
  const auto *Owner = dyn_cast<FunctionDecl>(Param->getDeclContext());
  if (!Owner || !Callee ||
      Owner->getCanonicalDecl() != Callee->getCanonicalDecl())
    return std::nullopt;
  return Param->getFunctionScopeIndex();
}

/// Whether \p Class is a smart pointer: it has an `operator->`.
static bool hasArrowOperator(const CXXRecordDecl *Class) {
  return Class && Class->hasDefinition() &&
         llvm::any_of(Class->getDefinition()->methods(),
                      [](const CXXMethodDecl *M) {
                        return M->getOverloadedOperator() == OO_Arrow;
                      });
}

/// What a getter returns, if \p Callee is one: its body is one `return` of a
/// member of `*this` (`return plugins_;`, `return &state_.map;`, `return
/// *impl_;`), as a reference or pointer.
static const Expr *memberReturned(const FunctionDecl *Callee) {
  const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
  const FunctionDecl *Definition = nullptr;
  if (!Method || Method->isStatic() || !Callee->hasBody(Definition))
    return nullptr;
  QualType Returned = Callee->getReturnType();
  if (!Returned->isReferenceType() && !Returned->isPointerType())
    return nullptr;
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Definition->getBody());
  if (!Body || Body->size() != 1)
    return nullptr;
  const auto *Return = dyn_cast<ReturnStmt>(Body->body_front());
  const Expr *Value = Return ? Return->getRetValue() : nullptr;
  // Only members, reached by members and dereferences from `this`.
  for (const Expr *E = Value; E;) {
    E = E->IgnoreParenImpCasts();
    if (isa<CXXThisExpr>(E))
      return Value;
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      if (!isa<FieldDecl>(ME->getMemberDecl()))
        return nullptr;
      E = ME->getBase();
    } else if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      if (UO->getOpcode() != UO_Deref && UO->getOpcode() != UO_AddrOf)
        return nullptr;
      E = UO->getSubExpr();
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
      if ((Op->getOperator() != OO_Star && Op->getOperator() != OO_Arrow) ||
          Op->getNumArgs() != 1)
        return nullptr;
      E = Op->getArg(0);
    } else {
      return nullptr;
    }
  }
  return nullptr;
}

bool ObjectPath::appendPath(const Expr *E, const ASTContext &Ctx,
                            const CallSubstitution *Subst, unsigned Depth) {
  if (!E || Depth > MaxAliasDepth)
    return false;
  E = E->IgnoreParenImpCasts();
  // `static_cast<State *>(arg)`: the same object, seen as another type.
  while (const auto *Cast = dyn_cast<ExplicitCastExpr>(E)) {
    if (!Cast->getType()->isPointerType() &&
        !Cast->getType()->isReferenceType() && !Cast->isGLValue())
      break;
    E = Cast->getSubExpr()->IgnoreParenImpCasts();
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD)
      return false;
    if (const auto *Param = dyn_cast<ParmVarDecl>(VD)) {
      if (Subst) {
        if (std::optional<unsigned> I = parameterIndex(Param, Subst->Callee))
          return *I < Subst->Args.size() &&
                 appendPath(Subst->Args[*I], Ctx, Subst->Outer, Depth + 1);
      }
    } else if (VD->isLocalVarDecl() && VD->getInit() &&
               (VD->getType()->isReferenceType() ||
                VD->getType()->isPointerType())) {
      // `auto &m = g_map;` and `auto *p = &g_map;` are other names for
      // `g_map`. A pointer to what no declaration names (`auto *impl = new
      // DBImpl(...)`) is named by itself.
      size_t Mark = Steps.size();
      if (appendPath(VD->getInit(), Ctx, Subst, Depth + 1))
        return true;
      Steps.resize(Mark);
    }
    push({StepKind::Decl, canonical(VD)});
    return true;
  }
  if (isa<CXXThisExpr>(E)) {
    // `this` is the object itself; `this->mu` dereferences nothing more.
    if (Subst && Subst->Object) {
      if (!appendPath(Subst->Object, Ctx, Subst->Outer, Depth + 1))
        return false;
      if (!Subst->ObjectIsPointer)
        push({StepKind::AddrOf});
      return true;
    }
    push({StepKind::This});
    push({StepKind::AddrOf});
    return true;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    if (const auto *Static = dyn_cast<VarDecl>(ME->getMemberDecl())) {
      push({StepKind::Decl, canonical(Static)});
      return true;
    }
    if (!isa<FieldDecl>(ME->getMemberDecl()) ||
        !appendPath(ME->getBase(), Ctx, Subst, Depth))
      return false;
    if (ME->isArrow())
      push({StepKind::Deref});
    push({StepKind::Decl, canonical(ME->getMemberDecl())});
    return true;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() != UO_Deref && UO->getOpcode() != UO_AddrOf)
      return false;
    if (!appendPath(UO->getSubExpr(), Ctx, Subst, Depth))
      return false;
    push({UO->getOpcode() == UO_Deref ? StepKind::Deref : StepKind::AddrOf});
    return true;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    // Smart pointers: `*up` is the pointee, `up->` yields the pointer that
    // the enclosing arrow member access dereferences.
    if (Op->getOperator() == OO_Star && Op->getNumArgs() == 1) {
      if (!appendPath(Op->getArg(0), Ctx, Subst, Depth))
        return false;
      push({StepKind::Deref});
      return true;
    }
    if (Op->getOperator() == OO_Arrow && Op->getNumArgs() == 1)
      return appendPath(Op->getArg(0), Ctx, Subst, Depth);
    // An element by position of a class that indexes like an array:
    // `shards[i]` of a `std::array` or `std::vector` of maps or mutexes.
    // A subscript by key (a map's, taking the key by reference) is no
    // position: its element is not told apart by the index.
    const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee());
    if (Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2 &&
        Op->isLValue() && Method && Method->getNumParams() == 1 &&
        Method->getParamDecl(0)->getType()->isIntegralOrEnumerationType()) {
      if (!appendPath(Op->getArg(0), Ctx, Subst, Depth))
        return false;
      pushIndex(Op->getArg(1), Ctx);
      return true;
    }
    return false;
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || Call->getNumArgs() != 0)
      return false;
    // A function that says which mutex it returns names it:
    // `Mutex *getMu() LOCK_RETURNED(mu_)`.
    if (const auto *Returned = Callee->getAttr<LockReturnedAttr>()) {
      CallSubstitution Inner = CallSubstitution::of(*Call, Callee, Subst);
      if (!appendPath(Returned->getArg(), Ctx, &Inner, Depth + 1))
        return false;
      // The attribute names the mutex; the call yields its address.
      if (Callee->getReturnType()->isPointerType())
        push({StepKind::AddrOf});
      return true;
    }
    // A smart pointer's `get()` is the pointer it holds: `p.get()` and `p`
    // point to the same object.
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
      if (Callee->getIdentifier() && Callee->getName() == "get" &&
          Callee->getReturnType()->isPointerType() &&
          isa<MemberExpr>(MC->getCallee()) &&
          !cast<MemberExpr>(MC->getCallee())->isArrow() &&
          hasArrowOperator(MC->getRecordDecl()))
        return appendPath(MC->getImplicitObjectArgument(), Ctx, Subst, Depth);
    // A getter is the member it returns: `instance().plugins()` is
    // `instance().plugins_`.
    if (const Expr *Member = memberReturned(Callee)) {
      CallSubstitution Inner = CallSubstitution::of(*Call, Callee, Subst);
      return appendPath(Member, Ctx, &Inner, Depth + 1);
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
      const auto *Callee = dyn_cast<MemberExpr>(MC->getCallee());
      if (!Callee ||
          !appendPath(MC->getImplicitObjectArgument(), Ctx, Subst, Depth))
        return false;
      if (Callee->isArrow())
        push({StepKind::Deref});
    }
    push({StepKind::Call, canonical(Callee)});
    return true;
  }
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
    if (!appendPath(ASE->getBase(), Ctx, Subst, Depth))
      return false;
    // The base decayed to a pointer to the first element.
    push({StepKind::Deref});
    pushIndex(ASE->getIdx(), Ctx);
    return true;
  }
  return false;
}

ObjectPath ObjectPath::threadsMarker(const ValueDecl *Owner) {
  ObjectPath Path;
  // No expression profiles to this value: Opaque hashes are unsigned 32-bit.
  Path.Steps.push_back({StepKind::Opaque, Owner, ~uint64_t(0)});
  Path.setName(Owner ? ("<threads of '" + Owner->getName() + "'>").str()
                     : std::string("<other threads>"));
  return Path;
}

ObjectPath ObjectPath::teamMarker() {
  ObjectPath Path;
  Path.Steps.push_back({StepKind::Opaque, nullptr, ~uint64_t(1)});
  Path.setName("<OpenMP team>");
  return Path;
}

ObjectPath ObjectPath::criticalRegion(const IdentifierInfo *Name) {
  ObjectPath Path;
  Path.Steps.push_back(
      {StepKind::Region, nullptr, reinterpret_cast<uintptr_t>(Name)});
  Path.setName(Name ? ("omp critical(" + Name->getName() + ")").str()
                    : std::string("omp critical"));
  return Path;
}

ObjectPath ObjectPath::ofDecl(const ValueDecl *D) {
  ObjectPath Path;
  if (isa<FieldDecl>(D))
    Path.Steps.push_back({StepKind::This});
  Path.Steps.push_back({StepKind::Decl, canonical(D)});
  Path.rebuildName();
  return Path;
}

std::string ObjectPath::nameApartFrom(const ObjectPath &Other) const {
  if (name() != Other.name() || *this == Other || Steps.empty())
    return name();
  const Step &Root = Steps.front();
  if (Root.Kind == StepKind::This)
    return "this->" + Name;
  if (Root.Kind == StepKind::Decl && Root.Decl &&
      Root.Decl->getDeclContext()->isFileContext()) {
    std::string Qualified = Root.Decl->getQualifiedNameAsString();
    std::string Rest = Name.substr(Root.Decl->getName().size());
    return (Qualified.find("::") == std::string::npos ? "::" : "") + Qualified +
           Rest;
  }
  return Name;
}

ObjectPath ObjectPath::parent() const {
  ObjectPath Path = *this;
  if (!Path.Steps.empty() && !isOpaque())
    Path.Steps.pop_back();
  // The Deref of an array's decay belongs to the element step removed.
  if (!Path.Steps.empty() && Path.Steps.back().Kind == StepKind::Deref &&
      (Steps.back().Kind == StepKind::Index ||
       Steps.back().Kind == StepKind::AnyIndex))
    Path.Steps.pop_back();
  Path.rebuildName();
  return Path;
}

QualType ObjectPath::objectType() const {
  QualType T;
  for (const Step &S : Steps) {
    switch (S.Kind) {
    case StepKind::Decl:
      if (const auto *Value = dyn_cast_or_null<ValueDecl>(S.Decl))
        T = Value->getType().getNonReferenceType();
      else
        return QualType();
      break;
    case StepKind::Call:
      if (const auto *Function = dyn_cast_or_null<FunctionDecl>(S.Decl))
        T = Function->getReturnType().getNonReferenceType();
      else
        return QualType();
      break;
    case StepKind::Deref:
      if (T.isNull() || !T->isPointerType())
        return QualType();
      T = T->getPointeeType();
      break;
    case StepKind::Index:
    case StepKind::AnyIndex:
      if (T.isNull() || !T->isArrayType())
        return QualType();
      T = T->getAsArrayTypeUnsafe()->getElementType();
      break;
    case StepKind::This:
      break; // A member step follows.
    default:
      return QualType();
    }
  }
  return T;
}

bool ObjectPath::isGlobal() const {
  if (Steps.empty())
    return false;
  const Step &Root = Steps.front();
  if (Root.Kind == StepKind::Call || Root.Kind == StepKind::Region)
    return true;
  const auto *Var = Root.Kind == StepKind::Decl
                        ? dyn_cast_or_null<VarDecl>(Root.Decl)
                        : nullptr;
  return Var && Var->hasGlobalStorage();
}

std::optional<ObjectPath> ObjectPath::atCallSite(const CallSubstitution &Call,
                                                 const ASTContext &Ctx) const {
  if (isGlobal())
    return *this;
  if (Steps.empty() || isOpaque())
    return std::nullopt;
  ObjectPath Base;
  const Step &Root = Steps.front();
  if (Root.Kind == StepKind::This) {
    if (!Call.Object)
      return std::nullopt;
    Base = Call.ObjectIsPointer ? fromPointer(Call.Object, Ctx, Call.Outer)
                                : fromExpr(Call.Object, Ctx, Call.Outer);
  } else if (Root.Kind == StepKind::Decl && isa<ParmVarDecl>(Root.Decl)) {
    std::optional<unsigned> I =
        parameterIndex(cast<ParmVarDecl>(Root.Decl), Call.Callee);
    if (!I || *I >= Call.Args.size())
      return std::nullopt;
    Base = fromExpr(Call.Args[*I], Ctx, Call.Outer);
  } else {
    return std::nullopt;
  }
  if (Base.isOpaque())
    return std::nullopt;
  for (const Step &S : llvm::ArrayRef<Step>(Steps).drop_front())
    Base.push(S);
  Base.rebuildName();
  return Base;
}

ObjectPath ObjectPath::withThisAs(const ObjectPath &Object) const {
  if (Steps.empty() || Steps.front().Kind != StepKind::This)
    return *this;
  ObjectPath Path = Object;
  for (const Step &S : llvm::ArrayRef<Step>(Steps).drop_front())
    Path.push(S);
  Path.rebuildName();
  return Path;
}

ObjectPath ObjectPath::withSteps(llvm::ArrayRef<Step> Rest) const {
  ObjectPath Path = *this;
  for (const Step &S : Rest)
    Path.push(S);
  Path.rebuildName();
  return Path;
}

std::optional<ObjectPath> ObjectPath::inCallee(const CallSubstitution &Call,
                                               const ASTContext &Ctx) const {
  if (isGlobal())
    return *this;
  return throughCallObject(Call, Ctx);
}

std::optional<ObjectPath>
ObjectPath::throughCallObject(const CallSubstitution &Call,
                              const ASTContext &Ctx) const {
  if (!Call.Object || isOpaque())
    return std::nullopt;
  return asMemberOf(Call.ObjectIsPointer ? fromPointer(Call.Object, Ctx)
                                         : fromExpr(Call.Object, Ctx));
}

std::optional<ObjectPath>
ObjectPath::asMemberOf(const ObjectPath &Object) const {
  llvm::ArrayRef<Step> Prefix = Object.Steps;
  if (isOpaque() || Object.isOpaque() || Steps.size() < Prefix.size() ||
      llvm::ArrayRef<Step>(Steps).take_front(Prefix.size()) != Prefix)
    return std::nullopt;
  ObjectPath Path;
  Path.Steps.push_back({StepKind::This});
  for (const Step &S : llvm::ArrayRef<Step>(Steps).drop_front(Prefix.size()))
    Path.push(S);
  Path.rebuildName();
  return Path;
}

ObjectPath ObjectPath::ofAccessor(const FunctionDecl *Accessor) {
  ObjectPath Path;
  Path.Steps.push_back({StepKind::Call, canonical(Accessor)});
  if (Accessor->getReturnType()->isPointerType())
    Path.Steps.push_back({StepKind::Deref});
  Path.rebuildName();
  return Path;
}

void ObjectPath::makeOpaque(const Expr *E, const ASTContext &Ctx) {
  // Two spellings of the same expression (`mus[f(i)]` twice) name the same
  // object; Clang's structural profile is what tells them apart.
  Steps.clear();
  E = E->IgnoreParenImpCasts();
  llvm::FoldingSetNodeID ID;
  E->Profile(ID, Ctx, /*Canonical=*/true);
  Steps.push_back({StepKind::Opaque, nullptr, ID.ComputeHash()});
  OpaqueExpr = E;
  OpaqueCtx = &Ctx;
  Named = false;
}

void ObjectPath::rebuildName() {
  // Named by the expression itself (a pointee by its pointer), or by what
  // made it.
  if (isOpaque() || isCriticalRegion())
    return;
  Named = false;
}

void ObjectPath::makeName() const {
  Named = true;
  Name.clear();
  if (isOpaque() || isCriticalRegion()) {
    if (OpaqueExpr) {
      llvm::raw_string_ostream OS(Name);
      OpaqueExpr->printPretty(OS, nullptr, OpaqueCtx->getPrintingPolicy());
    }
    return;
  }
  std::string Result;
  bool AfterDeref = false;
  for (const Step &S : Steps) {
    switch (S.Kind) {
    case StepKind::This:
      Result = "this";
      continue;
    case StepKind::AddrOf:
      Result = "&" + Result;
      continue;
    case StepKind::Deref:
      if (AfterDeref)
        Result = "*" + Result;
      AfterDeref = true;
      continue;
    case StepKind::Decl:
    case StepKind::Call: {
      std::string Part = S.Decl->getNameAsString();
      // A static member is named with its class, as its users write it
      // outside the class.
      // So is a static member function.
      bool Static = S.Kind == StepKind::Decl
                        ? isa<VarDecl>(S.Decl)
                        : isa<CXXMethodDecl>(S.Decl) &&
                              cast<CXXMethodDecl>(S.Decl)->isStatic();
      if (Result.empty() && Static)
        if (const auto *Class =
                dyn_cast<CXXRecordDecl>(S.Decl->getDeclContext()))
          Part = (Class->getName() + "::" + Part).str();
      if (S.Kind == StepKind::Call)
        Part += "()";
      if (Result.empty() || Result == "this")
        Result = Part;
      else
        Result += (AfterDeref ? "->" : ".") + Part;
      break;
    }
    case StepKind::Index:
    case StepKind::AnyIndex:
      // The Deref before an index is the array's decay, not a pointee.
      Result += S.Kind == StepKind::Index ? "[" + std::to_string(S.Value) + "]"
                                          : std::string("[]");
      break;
    case StepKind::Opaque:
    case StepKind::Region:
      break;
    }
    AfterDeref = false;
  }
  // A pointee is named by its pointer, as its users write it
  // (`mutex->lock()` locks 'mutex').
  if (Result == "&this")
    Result = "*this";
  Name = std::move(Result);
}

const ParmVarDecl *storedParameter(const CXXCtorInitializer &Init,
                                   bool &AddressOf) {
  AddressOf = false;
  if (!Init.getMember() || !Init.getInit())
    return nullptr;
  const Expr *Value = Init.getInit()->IgnoreParenImpCasts();
  if (const auto *Op = dyn_cast<UnaryOperator>(Value))
    if (Op->getOpcode() == UO_AddrOf) {
      AddressOf = true;
      Value = Op->getSubExpr()->IgnoreParenImpCasts();
    }
  const auto *Ref = dyn_cast<DeclRefExpr>(Value);
  return Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
}

llvm::hash_code hash_value(const ObjectPath &P) {
  llvm::hash_code H = llvm::hash_value(P.Steps.size());
  for (const ObjectPath::Step &S : P.Steps)
    H = llvm::hash_combine(H, static_cast<uint8_t>(S.Kind), S.Decl, S.Value);
  return H;
}

/// A DenseMap key: the top bit clear keeps it off the reserved keys.
static unsigned bucketOf(const ObjectPath &Path) {
  return static_cast<unsigned>(hash_value(Path)) & 0x7fffffffu;
}

ObjectPathTable::Id ObjectPathTable::intern(const ObjectPath &Path) {
  auto &Bucket = ByHash[bucketOf(Path)];
  for (Id I : Bucket)
    if (Paths[I] == Path)
      return I;
  Bucket.push_back(Paths.size());
  Paths.push_back(Path);
  return Paths.size() - 1;
}

std::optional<ObjectPathTable::Id>
ObjectPathTable::find(const ObjectPath &Path) const {
  auto It = ByHash.find(bucketOf(Path));
  if (It != ByHash.end())
    for (Id I : It->second)
      if (Paths[I] == Path)
        return I;
  return std::nullopt;
}

} // namespace mapguard
