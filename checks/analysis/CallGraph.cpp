//===--- CallGraph.cpp - Who calls whom, and on which thread --------------===//

#include "checks/analysis/CallGraph.h"
#include "checks/analysis/Compat.h"
#include "checks/analysis/NoReturn.h"
#include "checks/analysis/OpenMP.h"
#include "checks/analysis/OwnCode.h"
#include "checks/analysis/ThreadLifetimes.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include <functional>

using namespace clang;

namespace mapguard {

namespace {

/// Whether \p F is code of its own to analyse.
static bool isAnalysable(const FunctionDecl *F) {
  return F && F->doesThisDeclarationHaveABody() && !F->isDependentContext() &&
         !F->isInvalidDecl() && !F->isDefaulted();
}

/// Collects the functions with bodies, lambdas and static initialisers of
/// the translation unit outside system headers. Function bodies and the
/// initialisers of variables with static storage are not walked here: the
/// one walk of each (scan) finds the lambdas and local classes in it.
class Collector : public RecursiveASTVisitor<Collector> {
public:
  explicit Collector(const SourceManager &SM) : SM(SM) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) && inSystemHeader(D))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  bool TraverseStmt(Stmt *S) {
    if (S && Bodies.count(S))
      return true;
    return RecursiveASTVisitor::TraverseStmt(S);
  }
  // Types hold no code to analyse (a lambda in a decltype is not run).
  // Variadic: LLVM 22 added a TraverseQualifier parameter to these.
  template <typename... Rest> bool TraverseTypeLoc(TypeLoc, Rest...) {
    return true;
  }
  template <typename... Rest> bool TraverseType(QualType, Rest...) {
    return true;
  }
  template <typename... Rest>
  bool TraverseNestedNameSpecifierLoc(NestedNameSpecifierLoc, Rest...) {
    return true;
  }

  bool VisitFunctionDecl(FunctionDecl *F) {
    // A template's own body is not analysed (its instantiations are), and
    // not walked either.
    if (F->doesThisDeclarationHaveABody())
      Bodies.insert(F->getBody());
    if (isAnalysable(F))
      Functions.push_back(F);
    return true;
  }

  bool VisitLambdaExpr(LambdaExpr *L) {
    CXXMethodDecl *Op = L->getCallOperator();
    if (Op && !Op->isDependentContext() && !Op->isInvalidDecl())
      Functions.push_back(Op);
    return true;
  }

  bool VisitFieldDecl(FieldDecl *F) {
    if (!F->getParent()->isDependentContext())
      Fields.push_back(F);
    return true;
  }

  bool VisitVarDecl(VarDecl *V) {
    // Namespace-scope and static-member initialisers run before `main`;
    // a function-local static's runs on whichever thread gets there first.
    if (!V->hasGlobalStorage() || V->isStaticLocal() ||
        V->getDeclContext()->isDependentContext() || V->isInvalidDecl())
      return true;
    Statics.push_back(V);
    // The initialiser is walked once, by scan, which finds the lambdas in
    // it; a table of constants is no code to collect from.
    if (V->getInit()) {
      StaticInits.push_back(V->getInit());
      Bodies.insert(V->getInit());
    }
    return true;
  }

  std::vector<const FunctionDecl *> Functions;
  std::vector<const Expr *> StaticInits;
  /// Variables with static storage duration outside functions.
  std::vector<const VarDecl *> Statics;
  std::vector<const FieldDecl *> Fields;

private:
  const SourceManager &SM;
  llvm::DenseSet<const Stmt *> Bodies;
  /// The locations of the file the last declaration asked about lies in,
  /// and whether it is a system header.
  SourceLocation::UIntTy LastBegin = 0, LastSize = 0;
  bool LastSystem = false;

  /// Whether \p D, and what it contains, lies in a system header.
  /// Declarations mostly follow one another in one file, and the answer for
  /// the last file is kept: the source manager's own cache of the last file
  /// looked up is taken by every macro expansion in between.
  bool inSystemHeader(const Decl *D) {
    SourceLocation Loc = D->getLocation();
    if (Loc.isInvalid())
      return false;
    Loc = SM.getExpansionLoc(Loc);
    // A file location's encoding is its offset.
    SourceLocation::UIntTy Offset = Loc.getRawEncoding();
    if (Offset - LastBegin < LastSize)
      return LastSystem;
    bool System = SM.isInSystemHeader(Loc);
    FileID File = SM.getFileID(Loc);
    bool Invalid = false;
    const SrcMgr::SLocEntry &Entry = SM.getSLocEntry(File, &Invalid);
    // A `#line` directive may make part of a file a system header.
    if (!Invalid && Entry.isFile() && !Entry.getFile().hasLineDirectives()) {
      LastBegin = Entry.getOffset();
      LastSize = SM.getFileIDSize(File);
      LastSystem = System;
    }
    return System;
  }
};

} // namespace

bool FunctionNode::listensToCallers() const {
  return !ThreadEntry && !Escapes && !Decl->isMain();
}

CallGraph::CallGraph(ASTContext &Ctx, const MapModel &Maps,
                     const NameSet &ThreadStarters)
    : Ctx(Ctx), Maps(Maps), ThreadStarters(ThreadStarters),
      Shared(std::make_unique<SharedObjects>(Ctx)) {}

void CallGraph::build() {
  collect();
  Shared->finish();
  keepHandedAccesses();
  propagate();
}

void CallGraph::keepHandedAccesses() {
  for (FunctionNode &N : Nodes) {
    llvm::erase_if(N.Accesses, [&](const MapAccessSite &A) {
      return A.Map.Kind == SharedMapKind::Handed &&
             !Shared->handed(cast<VarDecl>(A.Map.Storage));
    });
    N.AccessesMaps = !N.Accesses.empty();
  }
}

FunctionNode *CallGraph::node(const FunctionDecl *F) {
  if (!F)
    return nullptr;
  auto It = NodeOf.find(F->getCanonicalDecl());
  if (It != NodeOf.end())
    return &Nodes[It->second];
  return Collecting ? discover(F) : nullptr;
}

unsigned CallGraph::indexOf(const FunctionNode &N) const {
  return NodeOf.lookup(N.Decl->getCanonicalDecl());
}

bool CallGraph::startsThread(const FunctionDecl *Callee) const {
  if (ThreadStarters.contains(Callee))
    return true;
  // `threads.emplace_back(worker, i)`: a container of threads constructs
  // one from the arguments.
  const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
  if (!Method || !Method->getIdentifier() ||
      !startsWith(Method->getName(), "emplace"))
    return false;
  const auto *Container =
      dyn_cast<ClassTemplateSpecializationDecl>(Method->getParent());
  if (!Container || Container->getTemplateArgs().size() == 0)
    return false;
  const TemplateArgument &Element = Container->getTemplateArgs()[0];
  return Element.getKind() == TemplateArgument::Type &&
         ThreadStarters.containsClassOf(Element.getAsType());
}

bool CallGraph::startsThread(const CXXConstructExpr &Construct) const {
  return ThreadStarters.contains(Construct.getConstructor()->getParent()) ||
         ThreadStarters.contains(Construct.getConstructor());
}

unsigned CallGraph::addNode(const FunctionDecl *F) {
  auto [It, Inserted] = NodeOf.try_emplace(F->getCanonicalDecl(), Nodes.size());
  if (Inserted) {
    Nodes.emplace_back();
    FunctionNode &N = Nodes.back();
    N.Decl = F;
    if (const auto *Method = dyn_cast<CXXMethodDecl>(F))
      N.Escapes |= Method->isVirtual();
    Unwalked.push_back(It->second);
  }
  return It->second;
}

/// A function met in code being walked: a lambda (in a body or in a static
/// initialiser), or a method of a local class (collected whole, for its
/// methods call each other).
FunctionNode *CallGraph::discover(const FunctionDecl *F) {
  const auto *Method = dyn_cast<CXXMethodDecl>(F);
  if (!Method || (!Method->getParent()->isLocalClass() &&
                  !Method->getParent()->isLambda()))
    return nullptr;
  if (!Method->getParent()->isLambda()) {
    Collector C(Ctx.getSourceManager());
    C.TraverseDecl(const_cast<CXXRecordDecl *>(Method->getParent()));
    for (const FunctionDecl *Found : C.Functions)
      addNode(Found);
  } else if (isAnalysable(F)) {
    addNode(F);
  }
  auto It = NodeOf.find(F->getCanonicalDecl());
  return It == NodeOf.end() ? nullptr : &Nodes[It->second];
}

void CallGraph::collect() {
  Collector C(Ctx.getSourceManager());
  // Every declaration of the unit, whatever the AST's traversal scope:
  // clangd narrows it to the main file's top-level declarations, and the
  // functions of the headers (lock functions, guards' members, singleton
  // accessors) count there as they do on the command line.
  for (Decl *D : Ctx.getTranslationUnitDecl()->decls())
    C.TraverseDecl(D);
  Collecting = true;
  for (const FunctionDecl *F : C.Functions)
    addNode(F);
  for (const VarDecl *V : C.Statics)
    Shared->staticObject(V);
  for (const FieldDecl *F : C.Fields)
    Shared->member(F);
  // One walk of each body: its accesses and calls, and the lambdas and
  // local classes in it, which are walked in turn. Then the calls made while
  // initialising globals, before `main`.
  auto WalkPending = [&] {
    while (!Unwalked.empty()) {
      unsigned I = Unwalked.back();
      Unwalked.pop_back();
      scan(&Nodes[I], nullptr);
    }
  };
  WalkPending();
  for (const Expr *Init : C.StaticInits)
    scan(nullptr, Init);
  WalkPending();
  Collecting = false;
}

const FunctionDecl *CallGraph::callableOf(const Expr *E, unsigned Depth) {
  if (!E || Depth > 8)
    return nullptr;
  E = E->IgnoreImplicit()->IgnoreParenImpCasts();
  if (const auto *Lambda = dyn_cast<LambdaExpr>(E))
    return Lambda->getCallOperator();
  if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E))
    return callableOf(Bind->getSubExpr(), Depth + 1);
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    if (Construct->getNumArgs() == 1 &&
        Construct->getConstructor()->isCopyOrMoveConstructor())
      return callableOf(Construct->getArg(0), Depth + 1);
    // A functor: its call operator runs.
    if (const CXXRecordDecl *Class = Construct->getType()->getAsCXXRecordDecl())
      for (const CXXMethodDecl *Method : Class->methods())
        if (Method->getOverloadedOperator() == OO_Call)
          return definitionOf(Method);
    return nullptr;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    return UO->getOpcode() == UO_AddrOf
               ? callableOf(UO->getSubExpr(), Depth + 1)
               : nullptr;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *F = dyn_cast<FunctionDecl>(Ref->getDecl()))
      return definitionOf(F);
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
      if (Var->isLocalVarDecl() && Var->getInit())
        return callableOf(Var->getInit(), Depth + 1);
    if (const auto *Class = Ref->getType()->getAsCXXRecordDecl())
      for (const CXXMethodDecl *Method : Class->methods())
        if (Method->getOverloadedOperator() == OO_Call)
          return definitionOf(Method);
  }
  return nullptr;
}

/// Walks the code of \p Owner (or the static initialiser \p Root) once, for
/// its accesses to maps and what the call graph needs: calls, lambdas,
/// thread starts, `std::call_once`, functions whose address escapes.
void CallGraph::scan(FunctionNode *Owner, const Stmt *Root) {
  llvm::DenseSet<const Expr *> Callees;
  // The constructions that initialise a local variable of their own.
  llvm::DenseSet<const Expr *> LocalInits;
  MapAccessCollector Accesses(Maps, Ctx, /*ElementWrites=*/true,
                              /*Reads=*/true, /*LocalRoots=*/true);
  const FunctionDecl *Enclosing = Owner ? Owner->Decl : nullptr;
  auto AddCall = [&](const FunctionDecl *Callee, const Expr *Site) {
    FunctionNode *Target = node(Callee);
    if (!Target)
      return;
    ++Target->IncomingEdges;
    if (Owner)
      Owner->Calls.push_back({Target->Decl, Site});
    else
      StaticInitCalls[Target->Decl].push_back(Site);
  };
  // A static initialiser that calls a function which runs the callbacks it
  // is given in place (glog's `REGISTER_MODULE_INITIALIZER`: a global
  // `GoogleInitializer` whose constructor calls its argument) calls them
  // at static initialisation, alone: they do not escape.
  auto CallsInPlace = [&](const FunctionDecl *Callee, const Expr *Site,
                          llvm::ArrayRef<const Expr *> Args) {
    if (Owner || !Callee ||
        llvm::none_of(Args,
                      [](const Expr *Arg) {
                        return Arg->getType()->isFunctionPointerType();
                      }) ||
        !Shared->runsCallbacksInPlace(*Callee))
      return;
    for (const Expr *Arg : Args) {
      const Expr *Named = Arg->IgnoreParenImpCasts();
      if (const auto *AddrOf = dyn_cast<UnaryOperator>(Named))
        if (AddrOf->getOpcode() == UO_AddrOf)
          Named = AddrOf->getSubExpr()->IgnoreParenImpCasts();
      if (!isa<DeclRefExpr>(Named))
        continue;
      if (const FunctionDecl *Callable = callableOf(Named)) {
        Callees.insert(Named);
        AddCall(Callable, Site);
      }
    }
  };
  auto StartThreads = [&](const Expr *Site, llvm::ArrayRef<const Expr *> Args) {
    if (Owner)
      Owner->StartsThreads = true;
    if (!isa<CXXConstructExpr>(Site))
      if (const ValueDecl *Thread = mapguard::threadOwner(*Site, nullptr))
        ThreadOwners.try_emplace(Site, Thread);
    const FunctionDecl *EntryDecl = nullptr;
    for (const Expr *Arg : Args)
      if (FunctionNode *Entry = node(callableOf(Arg))) {
        Entry->ThreadEntry = true;
        if (!EntryDecl)
          EntryDecl = Entry->Decl;
      }
    Shared->threadStarted(Site, Args, EntryDecl, Enclosing);
  };
  // `register_cb(server, on_event, &state)`: a function handed on with a
  // `void *` context.
  auto RegistersCallback = [&](const CallExpr *Call, const FunctionDecl *Callee,
                               llvm::ArrayRef<const Expr *> Args) {
    if (llvm::none_of(Callee->parameters(), [](const ParmVarDecl *P) {
          return P->getType()->isVoidPointerType();
        }))
      return;
    for (const Expr *Arg : Args) {
      QualType T = Arg->IgnoreParenImpCasts()->getType();
      if (!T->isFunctionPointerType() && !T->isFunctionType())
        continue;
      if (FunctionNode *Callback = node(callableOf(Arg))) {
        Shared->callbackRegistered(Call, Args, Callee, Callback->Decl,
                                   Enclosing);
        return;
      }
    }
  };
  // A singleton accessor returns a static object of the class it returns a
  // reference or pointer to.
  const CXXRecordDecl *Returned = nullptr;
  if (Owner) {
    QualType T = Owner->Decl->getReturnType();
    if (T->isReferenceType() || T->isPointerType())
      if (const auto *R = T->getPointeeType()->getAsCXXRecordDecl())
        if (!R->isDependentContext())
          Returned = R->getCanonicalDecl();
  }
  // Directives exist only where OpenMP is on.
  bool OpenMP = Ctx.getLangOpts().OpenMP;
  auto Visit = [&](const Stmt *S) {
    if (Owner)
      Accesses.visit(S);
    if (const auto *Return = dyn_cast<ReturnStmt>(S)) {
      if (!Returned || !Return->getRetValue())
        return;
      const VarDecl *Var = staticObjectReturned(
          Return->getRetValue(), Owner->Decl->getReturnType()->isPointerType());
      const CXXRecordDecl *Class =
          Var ? objectClassOf(Var->getType()) : nullptr;
      if (Class && Class->getCanonicalDecl() == Returned)
        Singletons.try_emplace(Returned, Owner->Decl);
      return;
    }
    if (const auto *Decls = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : Decls->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D)) {
          if (Var->isStaticLocal())
            Shared->staticObject(Var);
          else if (const auto *Init = dyn_cast_or_null<CXXConstructExpr>(
                       Var->getInit() ? Var->getInit()->IgnoreImplicit()
                                      : nullptr)) {
            LocalInits.insert(Init);
            // `std::thread t(worker);`: t owns the thread.
            if (startsThread(*Init))
              if (const ValueDecl *Owner = mapguard::threadOwner(*Init, Var))
                ThreadOwners.try_emplace(Init, Owner);
          }
        }
      return;
    }
    if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
      AddCall(Lambda->getCallOperator(), Lambda);
      return;
    }
    // An OpenMP team region shares what its block uses with its threads.
    if (OpenMP && isOpenMPTeamRegion(S)) {
      llvm::SmallVector<const VarDecl *, 4> Locals;
      bool UsesThis = false;
      openMPSharedLocals(S, Locals, UsesThis);
      const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Enclosing);
      Shared->regionShares(S, Locals,
                           UsesThis && Method ? Method->getParent() : nullptr);
      return;
    }
    if (const auto *Call = dyn_cast<CallExpr>(S)) {
      if (Owner)
        Owner->OwnCalls.push_back(Call);
      const FunctionDecl *Callee = Call->getDirectCallee();
      Callees.insert(Call->getCallee()->IgnoreParenImpCasts());
      // `threads.push_back(std::thread(worker))`: the container owns it.
      if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
        if (Callee && Callee->getIdentifier() &&
            startsWith(Callee->getName(), "push") && Call->getNumArgs() == 1)
          if (const auto *Start =
                  dyn_cast<CXXConstructExpr>(Call->getArg(0)->IgnoreImplicit()))
            if (startsThread(*Start))
              if (const ValueDecl *Thread =
                      mapguard::threadOwner(*Member, nullptr))
                ThreadOwners.try_emplace(Start, Thread);
      llvm::ArrayRef<const Expr *> Args(Call->getArgs(), Call->getNumArgs());
      if (Callee && startsThread(Callee))
        StartThreads(Call, Args);
      // std::call_once, and the libraries' own (absl::call_once, protobuf's
      // internal::call_once, which forward to it): a flag, then the
      // callable. A function of that name with another shape is a call.
      else if (Callee && Callee->getIdentifier() &&
               Callee->getName() == "call_once" && Args.size() >= 2) {
        for (const Expr *Arg : Args.drop_front())
          if (FunctionNode *Once = node(callableOf(Arg)))
            Once->OnceBody = true;
      } else if (Callee) {
        RegistersCallback(Call, Callee, Args);
        CallsInPlace(Callee, Call, Args);
      }
      AddCall(Callee, Call);
    } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(S)) {
      Shared->constructed(Construct, LocalInits.count(Construct));
      if (startsThread(*Construct))
        StartThreads(Construct,
                     llvm::ArrayRef<const Expr *>(Construct->getArgs(),
                                                  Construct->getNumArgs()));
      CallsInPlace(Construct->getConstructor(), Construct,
                   llvm::ArrayRef<const Expr *>(Construct->getArgs(),
                                                Construct->getNumArgs()));
      AddCall(Construct->getConstructor(), Construct);
    } else if (const auto *Member = dyn_cast<MemberExpr>(S)) {
      if (const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl()))
        NamedFields.insert(Field->getCanonicalDecl());
    } else if (const auto *Ref = dyn_cast<DeclRefExpr>(S)) {
      // A function named other than as a callee escapes: a callback.
      if (!Callees.count(Ref))
        if (FunctionNode *Target = node(dyn_cast<FunctionDecl>(Ref->getDecl())))
          Target->Escapes = true;
    }
  };
  if (Owner) {
    walkOwnCode(*Owner->Decl, Visit);
    Owner->Accesses = Accesses.take();
    Owner->AccessesMaps = !Owner->Accesses.empty();
  } else {
    walkOwnCode(Root, Visit);
  }
}

void CallGraph::propagate() {
  // Who never returns, through calls: a few rounds reach the fixpoint of
  // real code (`Die()` calls `Fatal()` calls `abort()`).
  auto NeverReturns = [&](const FunctionDecl *F) {
    FunctionNode *N = node(F);
    return N && N->NeverReturns;
  };
  for (unsigned Round = 0, Changed = 1; Changed && Round != 8; ++Round) {
    Changed = 0;
    for (FunctionNode &N : Nodes) {
      const auto *Method = dyn_cast<CXXMethodDecl>(N.Decl);
      if (N.NeverReturns || N.Decl->isNoReturn() ||
          (Method && Method->isVirtual()) || !N.Decl->hasBody())
        continue;
      if (bodyNeverReturns(N.Decl->getBody(), NeverReturns))
        N.NeverReturns = Changed = true;
    }
  }
  // Who starts threads, through calls.
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (FunctionNode &N : Nodes)
      if (!N.StartsThreads)
        for (auto &[Callee, Site] : N.Calls)
          if (node(Callee)->StartsThreads && !isa<LambdaExpr>(Site)) {
            N.StartsThreads = Changed = true;
            break;
          }
  }
  // The functions to analyse: those that access maps, and their callers
  // where the callee's context comes from its callers (not a thread's entry,
  // a function called from elsewhere too, or `main`).
  llvm::DenseMap<const FunctionDecl *, llvm::SmallVector<unsigned, 2>> Callers;
  for (unsigned I = 0, E = Nodes.size(); I != E; ++I)
    for (auto &[Callee, Site] : Nodes[I].Calls)
      Callers[Callee].push_back(I);
  llvm::SmallVector<unsigned, 16> Work;
  for (unsigned I = 0, E = Nodes.size(); I != E; ++I)
    if (Nodes[I].AccessesMaps) {
      Nodes[I].Relevant = true;
      Work.push_back(I);
    }
  while (!Work.empty()) {
    unsigned I = Work.pop_back_val();
    if (!Nodes[I].listensToCallers())
      continue;
    for (unsigned Caller : Callers[Nodes[I].Decl])
      if (!Nodes[Caller].Relevant) {
        Nodes[Caller].Relevant = true;
        Work.push_back(Caller);
      }
  }
  // Each relevant function's callers, once each.
  for (FunctionNode &N : Nodes) {
    if (!N.Relevant)
      continue;
    llvm::SmallVector<unsigned, 2> &Mine = Callers[N.Decl];
    llvm::sort(Mine);
    Mine.erase(std::unique(Mine.begin(), Mine.end()), Mine.end());
    N.Callers.assign(Mine.begin(), Mine.end());
  }
}

std::vector<unsigned> CallGraph::callersFirst() {
  llvm::DenseSet<unsigned> Visited;
  std::vector<unsigned> PostOrder;
  std::function<void(unsigned)> Visit = [&](unsigned I) {
    if (!Visited.insert(I).second)
      return;
    for (auto &[Callee, Site] : Nodes[I].Calls)
      if (FunctionNode *Target = node(Callee); Target && Target->Relevant)
        Visit(indexOf(*Target));
    PostOrder.push_back(I);
  };
  for (unsigned I = 0, E = Nodes.size(); I != E; ++I)
    if (Nodes[I].Relevant)
      Visit(I);
  return std::vector<unsigned>(PostOrder.rbegin(), PostOrder.rend());
}

} // namespace mapguard
