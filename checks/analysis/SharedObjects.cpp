//===--- SharedObjects.cpp - Which objects other threads reach ------------===//

#include "checks/analysis/SharedObjects.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace mapguard {

const VarDecl *staticObjectReturned(const Expr *Value, bool ReturnsPointer) {
  if (!Value)
    return nullptr;
  Value = Value->IgnoreParenImpCasts();
  // `*inst`, `*s_instance` (a smart pointer), `&r`: the object is reached
  // through the variable, or is it.
  bool Indirect = false;
  if (const auto *UO = dyn_cast<UnaryOperator>(Value)) {
    if (UO->getOpcode() == UO_Deref && !ReturnsPointer)
      Indirect = true;
    else if (UO->getOpcode() != UO_AddrOf || !ReturnsPointer)
      return nullptr;
    Value = UO->getSubExpr()->IgnoreParenImpCasts();
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Value)) {
    if (Op->getOperator() != OO_Star || Op->getNumArgs() != 1 || ReturnsPointer)
      return nullptr;
    Value = Op->getArg(0)->IgnoreParenImpCasts();
    Indirect = true;
  } else if (ReturnsPointer) {
    // `return inst;`
    Indirect = true;
  }
  const auto *Ref = dyn_cast<DeclRefExpr>(Value);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || !Var->hasGlobalStorage() ||
      Var->getTLSKind() != VarDecl::TLS_None ||
      Var->getType()->isReferenceType())
    return nullptr;
  bool IsPointer = Var->getType()->isPointerType();
  bool IsObject = Var->getType()->getAsCXXRecordDecl() != nullptr;
  if (Indirect ? !(IsPointer || IsObject) : !IsObject)
    return nullptr;
  return Var->getCanonicalDecl();
}

bool SharedRoot::handedAtTheEnd(const SharedRoot *R) {
  while (R && R->Why == ReachedThrough)
    R = R->FromRoot;
  return R && (R->Why == HandedToThread || R->Why == HandedToCallback ||
               R->Why == SharedByRegion);
}

const SharedRoot *SharedObjects::root(const SharedRoot &R) {
  Roots.push_back(std::make_unique<SharedRoot>(R));
  return Roots.back().get();
}

const CXXRecordDecl *objectClassOf(QualType T) {
  for (unsigned Depth = 0; Depth != 6 && !T.isNull(); ++Depth) {
    T = T.getNonReferenceType();
    if (T->isPointerType()) {
      T = T->getPointeeType();
      continue;
    }
    if (const ArrayType *Array = T->getAsArrayTypeUnsafe()) {
      T = Array->getElementType();
      continue;
    }
    const CXXRecordDecl *Class = T->getAsCXXRecordDecl();
    if (!Class || !Class->hasDefinition())
      return nullptr;
    Class = Class->getDefinition();
    QualType Pointee;
    llvm::SmallVector<const CXXRecordDecl *, 4> Search{Class};
    while (!Search.empty() && Pointee.isNull() && Search.size() < 16) {
      const CXXRecordDecl *C = Search.pop_back_val();
      for (const CXXMethodDecl *Method : C->methods())
        if (Method->getOverloadedOperator() == OO_Arrow) {
          Pointee = Method->getReturnType();
          break;
        }
      for (const CXXBaseSpecifier &Base : C->bases())
        if (const CXXRecordDecl *B = Base.getType()->getAsCXXRecordDecl())
          if (B->hasDefinition())
            Search.push_back(B->getDefinition());
    }
    if (Pointee.isNull())
      return Class;
    T = Pointee;
  }
  return nullptr;
}

void SharedObjects::shareClass(const CXXRecordDecl *Class,
                               const SharedRoot &Why) {
  if (!Class || Class->isLambda() || !Class->hasDefinition())
    return;
  Class = Class->getDefinition();
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Loc = Class->getLocation();
  if (Loc.isInvalid() || SM.isInSystemHeader(SM.getExpansionLoc(Loc)))
    return;
  auto [It, Inserted] = Classes.try_emplace(Class->getCanonicalDecl(), nullptr);
  if (!Inserted)
    return;
  It->second = root(Why);
  Pending.push_back(Class);
}

void SharedObjects::shareClassOf(QualType T, const SharedRoot &Why) {
  if (const CXXRecordDecl *Class = objectClassOf(T))
    shareClass(Class, Why);
}

void SharedObjects::handVar(const VarDecl *V, const SharedRoot *Why) {
  if (!V)
    return;
  if (!V->hasGlobalStorage())
    Handed.try_emplace(V->getCanonicalDecl(), Why);
  shareClassOf(V->getType(), *Why);
}

/// Whether \p T refers or points to something its holder may change.
static bool refersToMutable(QualType T) {
  if (!T->isReferenceType() && !T->isPointerType())
    return false;
  return !T->getPointeeType().isConstQualified();
}

void SharedObjects::handParameters(const FunctionDecl *F,
                                   const SharedRoot *Why) {
  if (!F)
    return;
  for (const ParmVarDecl *P : F->parameters())
    if (refersToMutable(P->getType()))
      handVar(P, Why);
}

void SharedObjects::hand(const Expr *Arg, const SharedRoot *Why,
                         const FunctionDecl *Enclosing, bool ByReference) {
  for (unsigned Depth = 0; Arg && Depth != 8; ++Depth) {
    Arg = Arg->IgnoreImplicit()->IgnoreParenCasts();
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(Arg)) {
      // The start's own copy of a `std::ref` or of a pointer-holding
      // object.
      if (Construct->getNumArgs() == 1 &&
          Construct->getConstructor()->isCopyOrMoveConstructor()) {
        Arg = Construct->getArg(0);
        continue;
      }
      return;
    }
    if (const auto *Call = dyn_cast<CallExpr>(Arg)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (Callee && Call->getNumArgs() == 1 && Callee->isInStdNamespace() &&
          Callee->getIdentifier() &&
          (Callee->getName() == "ref" || Callee->getName() == "cref")) {
        Arg = Call->getArg(0);
        ByReference = true;
        continue;
      }
      return;
    }
    if (const auto *Lambda = dyn_cast<LambdaExpr>(Arg)) {
      unsigned I = 0;
      for (const LambdaCapture &C : Lambda->captures()) {
        const Expr *Init = Lambda->capture_init_begin()[I++];
        if (C.capturesThis()) {
          if (Init)
            shareClassOf(Init->getType(), *Why);
        } else if (C.capturesVariable()) {
          const auto *V = dyn_cast<VarDecl>(C.getCapturedVar());
          if (V && (C.getCaptureKind() == LCK_ByRef ||
                    V->getType()->isPointerType()))
            handVar(V, Why);
        }
      }
      return;
    }
    if (isa<CXXThisExpr>(Arg)) {
      shareClassOf(Arg->getType(), *Why);
      return;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(Arg)) {
      if (UO->getOpcode() != UO_AddrOf)
        return;
      Arg = UO->getSubExpr();
      ByReference = true;
      continue;
    }
    if (const auto *Member = dyn_cast<MemberExpr>(Arg)) {
      // A pointer member's value (`vset_->table_cache_`) hands what it
      // points to, not the object that holds it.
      if (!ByReference && Member->getType()->isPointerType()) {
        shareClassOf(Member->getType(), *Why);
        return;
      }
      // A member of an object handed on: the object is reached too.
      if (ByReference)
        shareClassOf(Member->getType(), *Why);
      Arg = Member->getBase();
      ByReference = true;
      continue;
    }
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Arg)) {
      const auto *V = dyn_cast<VarDecl>(Ref->getDecl());
      if (V && (ByReference || V->getType()->isPointerType() ||
                V->getType()->isReferenceType()))
        handVar(V, Why);
      return;
    }
    return;
  }
}

void SharedObjects::threadStarted(const Expr *Site,
                                  llvm::ArrayRef<const Expr *> Args,
                                  const FunctionDecl *Entry,
                                  const FunctionDecl *Enclosing) {
  SharedRoot R{SharedRoot::HandedToThread, Site};
  const SharedRoot *Why = root(R);
  for (const Expr *Arg : Args)
    hand(Arg, Why, Enclosing, false);
  handParameters(Entry, Why);
}

void SharedObjects::regionShares(const Stmt *Region,
                                 llvm::ArrayRef<const VarDecl *> Locals,
                                 const CXXRecordDecl *ThisClass) {
  if (Locals.empty() && !ThisClass)
    return;
  SharedRoot R{SharedRoot::SharedByRegion};
  R.Region = Region;
  const SharedRoot *Why = root(R);
  for (const VarDecl *V : Locals)
    handVar(V, Why);
  if (ThisClass)
    shareClass(ThisClass, *Why);
}

/// Whether \p T is `void *` (any qualifiers on the void).
static bool isVoidPointer(QualType T) {
  return T->isPointerType() && T->getPointeeType()->isVoidType();
}

/// runsCallbacksInPlace, read from the body.
static bool callsCallbacksOnly(const FunctionDecl &Callee) {
  const FunctionDecl *Definition = Callee.getDefinition();
  if (!Definition || !Definition->getBody())
    return false;
  llvm::SmallVector<const Stmt *, 32> Stack{Definition->getBody()};
  // A constructor may store its callback in a member: `f_(f)`.
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Definition))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      Stack.push_back(Init->getInit());
  while (!Stack.empty()) {
    const Stmt *S = Stack.pop_back_val();
    if (!S)
      continue;
    if (const auto *Call = dyn_cast<CallExpr>(S)) {
      // `(*func)(arg)` and `func(arg)`: the callee is the parameter; any
      // other use of it is looked at below.
      const Expr *Target = Call->getCallee()->IgnoreParenImpCasts();
      if (const auto *Deref = dyn_cast<UnaryOperator>(Target))
        if (Deref->getOpcode() == UO_Deref)
          Target = Deref->getSubExpr()->IgnoreParenImpCasts();
      if (const auto *Ref = dyn_cast<DeclRefExpr>(Target))
        if (isa<ParmVarDecl>(Ref->getDecl())) {
          for (const Expr *Arg : Call->arguments())
            Stack.push_back(Arg);
          continue;
        }
    }
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
      if (const auto *Param = dyn_cast<ParmVarDecl>(Ref->getDecl()))
        if (Param->getType()->isFunctionPointerType())
          return false; // stored, compared or handed on
    for (const Stmt *Child : S->children())
      Stack.push_back(Child);
  }
  return true;
}

bool SharedObjects::runsCallbacksInPlace(const FunctionDecl &Callee) {
  auto [It, Inserted] = InPlace.try_emplace(Callee.getCanonicalDecl(), false);
  if (Inserted)
    It->second = callsCallbacksOnly(Callee);
  return It->second;
}

/// Whether the object that \p Context points to lives no longer than the
/// registering function's frames: a local of \p Enclosing (`&state`, a
/// member of one), or what a parameter or a local pointer copied from one
/// points to. A callback run after the registering call returned would find
/// it gone, so the registration is taken to run the callback before then.
/// Not `main`'s locals, which live as long as the program's threads.
static bool boundToFrame(const Expr *Context, const FunctionDecl *Enclosing,
                         unsigned Depth = 0) {
  const Expr *E = Context->IgnoreParenCasts();
  while (true) {
    if (const auto *UO = dyn_cast<UnaryOperator>(E);
        UO && (UO->getOpcode() == UO_AddrOf || UO->getOpcode() == UO_Deref)) {
      E = UO->getSubExpr()->IgnoreParenCasts();
    } else if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      if (!isa<FieldDecl>(ME->getMemberDecl()))
        return false;
      E = ME->getBase()->IgnoreParenCasts();
    } else if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
      E = ASE->getBase()->IgnoreParenCasts();
    } else {
      break;
    }
  }
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  // `main`'s locals live as long as the program's threads do.
  if (!Var || !Enclosing || Enclosing->isMain() ||
      Var->getDeclContext() != Enclosing || !Var->hasLocalStorage())
    return false;
  if (isa<ParmVarDecl>(Var) || !Var->getType()->isPointerType())
    return true;
  // A local pointer: where it points to decides (`new State` does not).
  return Depth < 4 && Var->getInit() &&
         boundToFrame(Var->getInit(), Enclosing, Depth + 1);
}

void SharedObjects::callbackRegistered(const Expr *Site,
                                       llvm::ArrayRef<const Expr *> Args,
                                       const FunctionDecl *Callee,
                                       const FunctionDecl *Callback,
                                       const FunctionDecl *Enclosing) {
  // `ForEachOverlapping(key, &state, &State::Match)`: a callee that only
  // calls its callback runs it on the caller's thread.
  if (runsCallbacksInPlace(*Callee))
    return;
  llvm::SmallVector<const Expr *, 2> Context;
  for (unsigned I = 0,
                E = std::min<size_t>(Args.size(), Callee->getNumParams());
       I != E; ++I)
    if (isVoidPointer(Callee->getParamDecl(I)->getType()) &&
        !boundToFrame(Args[I], Enclosing))
      Context.push_back(Args[I]);
  if (Context.empty())
    return;
  SharedRoot R{SharedRoot::HandedToCallback, Site};
  const SharedRoot *Why = root(R);
  for (const Expr *Arg : Context)
    hand(Arg, Why, Enclosing, false);
  handParameters(Callback, Why);
}

void SharedObjects::staticObject(const VarDecl *V) {
  // A const object's methods are const: they write no member map.
  if (!V->hasGlobalStorage() || V->getTLSKind() != VarDecl::TLS_None ||
      V->getType().isConstQualified() || V->getType()->isDependentType())
    return;
  SharedRoot R{SharedRoot::StaticObject};
  R.Object = V->getCanonicalDecl();
  shareClassOf(V->getType(), R);
}

void SharedObjects::finish() {
  while (!Pending.empty()) {
    const CXXRecordDecl *Class = Pending.back();
    Pending.pop_back();
    const SharedRoot *Mine = sharedClass(Class);
    for (const FieldDecl *Field : Class->fields()) {
      SharedRoot R{SharedRoot::ReachedThrough};
      R.From = Class;
      R.Via = Field;
      R.FromRoot = Mine;
      shareClassOf(Field->getType(), R);
    }
    for (const CXXBaseSpecifier &Base : Class->bases()) {
      SharedRoot R{SharedRoot::ReachedThrough};
      R.From = Class;
      R.FromRoot = Mine;
      shareClass(Base.getType()->getAsCXXRecordDecl(), R);
    }
  }
}

void SharedObjects::constructed(const CXXConstructExpr *Construct, bool Local) {
  const CXXRecordDecl *Class = Construct->getConstructor()->getParent();
  Creations &C = Created[Class->getCanonicalDecl()];
  ++C.All;
  C.Locals += Local;
}

void SharedObjects::member(const FieldDecl *Field) {
  QualType T = Field->getType();
  auto [It, Inserted] = MemberTypes.try_emplace(
      T.getCanonicalType().getTypePtr(), nullptr, false);
  if (Inserted) {
    const CXXRecordDecl *Class = objectClassOf(T);
    while (const ArrayType *Array = T->getAsArrayTypeUnsafe())
      T = Array->getElementType();
    const CXXRecordDecl *Held = T->getAsCXXRecordDecl();
    It->second = {Class ? Class->getCanonicalDecl() : nullptr,
                  Class && Held &&
                      Held->getCanonicalDecl() == Class->getCanonicalDecl()};
  }
  auto [Class, Holds] = It->second;
  if (!Class)
    return;
  Creations &C = Created[Class];
  if (Holds)
    C.Member = true;
  else
    C.Referenced = true;
}

bool SharedObjects::keptLocal(const CXXRecordDecl *Class) const {
  if (sharedClass(Class))
    return false;
  auto It = Created.find(Class->getCanonicalDecl());
  return It != Created.end() && !It->second.Member && !It->second.Referenced &&
         It->second.Locals && It->second.Locals == It->second.All;
}

bool SharedObjects::atMostOneObject(const CXXRecordDecl *Class) const {
  auto [Cached, Inserted] = OneObject.try_emplace(Class->getCanonicalDecl());
  if (Inserted)
    Cached->second = seesOneObject(Class);
  return Cached->second;
}

bool SharedObjects::seesOneObject(const CXXRecordDecl *Class) const {
  // The unit sees every creation only of a class of its own main file, or
  // of one whose constructors only it can call.
  const SourceManager &SM = Ctx.getSourceManager();
  const CXXRecordDecl *Definition = Class->getDefinition();
  if (!Definition)
    return false;
  bool Own = SM.isInMainFile(SM.getExpansionLoc(Definition->getLocation()));
  if (!Own) {
    bool AnyCtor = false, Public = false;
    for (const CXXConstructorDecl *Ctor : Definition->ctors()) {
      if (Ctor->isDeleted() || Ctor->isCopyOrMoveConstructor())
        continue;
      AnyCtor = true;
      Public |= Ctor->getAccess() == AS_public;
    }
    if (!AnyCtor || Public)
      return false;
  }
  auto It = Created.find(Class->getCanonicalDecl());
  return It == Created.end() ||
         (!It->second.Member && !It->second.Locals && It->second.All <= 1);
}

const SharedRoot *SharedObjects::handed(const VarDecl *V) const {
  return Handed.lookup(V->getCanonicalDecl());
}

const SharedRoot *SharedObjects::sharedClass(const CXXRecordDecl *Class) const {
  return Classes.lookup(Class->getCanonicalDecl());
}

} // namespace mapguard
