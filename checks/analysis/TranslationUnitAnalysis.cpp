//===--- TranslationUnitAnalysis.cpp - Facts in their context -------------===//

#include "checks/analysis/TranslationUnitAnalysis.h"
#include "checks/analysis/Compat.h"
#include "checks/analysis/Names.h"
#include "checks/analysis/OwnCode.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include <deque>

using namespace clang;

namespace mapguard {

// Contexts are recomputed until no function's changes; a call graph whose
// recursion keeps changing them after this many rounds has its remaining
// functions analysed with no lock held.
static constexpr unsigned MaxContextRounds = 8;

std::string AnalysisOptions::key() const {
  std::string Key;
  for (const auto *List : {&MapTypes, &LockTypes, &GuardTypes, &ThreadStarters})
    for (const std::string &S : *List)
      Key += S + ";";
  Key += "|";
  for (const auto &[Map, Mutex] : MapGuards)
    Key += Map + "=" + Mutex + ";";
  Key += ElementWrites ? "|E" : "|-";
  Key += "|" + std::to_string(MaxFunctionBlocks);
  Key += "|" + std::to_string(MaxNestingDepth);
  return Key;
}

namespace {

struct Context {
  /// Interned: equal sets are one pointer.
  const HeldLocks *HeldAtEntry = nullptr;
  bool SingleThreaded = false;

  bool operator==(const Context &O) const {
    return SingleThreaded == O.SingleThreaded && HeldAtEntry == O.HeldAtEntry;
  }
  bool operator!=(const Context &O) const { return !(*this == O); }
};

/// What the translation unit knows about one function.
struct FunctionNode {
  const FunctionDecl *Decl = nullptr;
  /// The functions of the translation unit it calls (lambdas: defines), and
  /// where.
  llvm::SmallVector<std::pair<const FunctionDecl *, const Expr *>, 4> Calls;
  bool StartsThreads = false;
  bool AccessesMaps = false;
  /// Its accesses to maps, found once.
  std::vector<MapAccessSite> Accesses;
  bool Relevant = false;
  /// Handed to a thread starter: runs on a thread of its own.
  bool ThreadEntry = false;
  /// Handed to std::call_once: runs once, before anyone else gets past it.
  bool OnceBody = false;
  /// Called from static initialisers, which run before `main`.
  bool CalledAtStaticInit = false;
  /// May be called from places the translation unit does not show: its
  /// address is taken, or it is virtual.
  bool Escapes = false;
  unsigned IncomingEdges = 0;
  /// The relevant functions that call it, each once, by node index.
  llvm::SmallVector<unsigned, 2> Callers;

  std::optional<Context> AnalysedIn;
  FunctionFacts Facts;
  /// The calls of Facts, by callee, as each callee sees them.
  llvm::DenseMap<const FunctionDecl *, llvm::SmallVector<IncomingCall, 1>>
      CallsTo;
};

/// Whether \p D, and what it contains, lies in a system header.
static bool inSystemHeader(const Decl *D, const SourceManager &SM) {
  SourceLocation Loc = D->getLocation();
  return Loc.isValid() && SM.isInSystemHeader(SM.getExpansionLoc(Loc));
}

/// Whether \p F is code of its own to analyse.
static bool isAnalysable(const FunctionDecl *F) {
  return F && F->doesThisDeclarationHaveABody() && !F->isDependentContext() &&
         !F->isInvalidDecl() && !F->isDefaulted();
}

/// Collects the functions with bodies, lambdas and static initialisers of
/// the translation unit outside system headers. Function bodies are not
/// walked here: the one walk of each body (scan) finds the lambdas and local
/// classes in it.
class Collector : public RecursiveASTVisitor<Collector> {
public:
  explicit Collector(const SourceManager &SM) : SM(SM) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) && inSystemHeader(D, SM))
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

  bool VisitVarDecl(VarDecl *V) {
    // Namespace-scope and static-member initialisers run before `main`;
    // a function-local static's runs on whichever thread gets there first.
    if (V->hasGlobalStorage() && !V->isStaticLocal() && V->getInit() &&
        !V->getDeclContext()->isDependentContext() && !V->isInvalidDecl())
      StaticInits.push_back(V->getInit());
    return true;
  }

  std::vector<const FunctionDecl *> Functions;
  std::vector<const Expr *> StaticInits;

private:
  const SourceManager &SM;
  llvm::DenseSet<const Stmt *> Bodies;
};

} // namespace

class TranslationUnitAnalyzer : public FindingInputs {
public:
  TranslationUnitAnalyzer(ASTContext &Ctx, const AnalysisOptions &Options);
  std::unique_ptr<TranslationUnitFacts> run();

private:
  ASTContext &Ctx;
  const AnalysisOptions &Options;
  MapModel Maps;
  LockModel Locks;
  NameSet ThreadStarters;
  /// A deque: nodes found while bodies are walked keep the others in place.
  std::deque<FunctionNode> Nodes;
  llvm::DenseMap<const FunctionDecl *, unsigned> NodeOf;
  /// While the unit is collected: nodes found in bodies, not yet walked.
  bool Collecting = false;
  std::vector<unsigned> Unwalked;
  /// Calls from static initialisers, by callee.
  llvm::DenseMap<const FunctionDecl *, llvm::SmallVector<const Expr *, 1>>
      StaticInitCalls;
  /// The unit's mutexes and lock sets; handed to the facts at the end.
  std::unique_ptr<HeldLocksPool> Pool = std::make_unique<HeldLocksPool>();

  /// What a lock wrapper does where it returns, read from its body.
  struct Summary {
    llvm::SmallVector<GuardedMutex, 2> Acquires;
    llvm::SmallVector<ObjectPath, 2> Releases;
  };
  llvm::DenseMap<const FunctionDecl *, std::optional<Summary>> Summaries;
  llvm::DenseSet<const FunctionDecl *> Summarising;

  FunctionNode *node(const FunctionDecl *F) {
    if (!F)
      return nullptr;
    auto It = NodeOf.find(F->getCanonicalDecl());
    if (It != NodeOf.end())
      return &Nodes[It->second];
    return Collecting ? discover(F) : nullptr;
  }
  unsigned addNode(const FunctionDecl *F);
  /// Whether a call of \p Callee runs its callable arguments on a thread.
  bool startsThread(const FunctionDecl *Callee) const;
  FunctionNode *discover(const FunctionDecl *F);
  const FunctionDecl *definitionOf(const FunctionDecl *F) {
    FunctionNode *N = node(F);
    return N ? N->Decl : nullptr;
  }

  void collect();
  void scan(FunctionNode *Owner, const Stmt *S);
  const FunctionDecl *callableOf(const Expr *E, unsigned Depth = 0);
  void propagate();
  Context contextOf(const FunctionNode &N);
  void analyse(FunctionNode &N, const Context &C);
  FunctionFacts analyzeIn(const FunctionNode &N, const Context &C,
                          const ExplainRequests *Explain);
  // FindingInputs.
  bool listensToCallers(const FunctionDecl *F) override;
  void forEachIncoming(
      const FunctionDecl *F,
      llvm::function_ref<void(const IncomingCall &)> Visit) override;
  FunctionFacts explain(const FunctionDecl *F,
                        const ExplainRequests &Asked) override;
  void callEffects(const Expr &Call, llvm::SmallVectorImpl<LockEffect> &Out);
  const Summary *summaryOf(const FunctionDecl *F);
  void recordCalls(FunctionNode &Caller);
  /// Calls \p Visit with each call of \p N, from the latest facts of its
  /// callers.
  void forEachIncoming(const FunctionNode &N,
                       llvm::function_ref<void(const IncomingCall &)> Visit);
  std::unique_ptr<TranslationUnitFacts> conclude();
};

static std::vector<llvm::StringRef>
refs(const std::vector<std::string> &Strings) {
  return std::vector<llvm::StringRef>(Strings.begin(), Strings.end());
}

TranslationUnitAnalyzer::TranslationUnitAnalyzer(ASTContext &Ctx,
                                                 const AnalysisOptions &Options)
    : Ctx(Ctx), Options(Options), Maps(refs(Options.MapTypes)),
      Locks(refs(Options.LockTypes), refs(Options.GuardTypes)),
      ThreadStarters(
          {"std::thread", "std::jthread", "std::async", "pthread_create"}) {
  for (const std::string &Name : Options.ThreadStarters)
    ThreadStarters.insert(Name);
}

bool TranslationUnitAnalyzer::startsThread(const FunctionDecl *Callee) const {
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

unsigned TranslationUnitAnalyzer::addNode(const FunctionDecl *F) {
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

/// A function met in a body being walked: a lambda, or a method of a local
/// class (collected whole, for its methods call each other).
FunctionNode *TranslationUnitAnalyzer::discover(const FunctionDecl *F) {
  const auto *Method = dyn_cast<CXXMethodDecl>(F);
  if (!Method || !Method->getParent()->isLocalClass())
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

void TranslationUnitAnalyzer::collect() {
  Collector C(Ctx.getSourceManager());
  C.TraverseDecl(Ctx.getTranslationUnitDecl());
  Collecting = true;
  for (const FunctionDecl *F : C.Functions)
    addNode(F);
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

const FunctionDecl *TranslationUnitAnalyzer::callableOf(const Expr *E,
                                                        unsigned Depth) {
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
void TranslationUnitAnalyzer::scan(FunctionNode *Owner, const Stmt *Root) {
  llvm::DenseSet<const Expr *> Callees;
  MapAccessCollector Accesses(Maps, Ctx);
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
  auto StartThreads = [&](llvm::ArrayRef<const Expr *> Args) {
    if (Owner)
      Owner->StartsThreads = true;
    for (const Expr *Arg : Args)
      if (FunctionNode *Entry = node(callableOf(Arg)))
        Entry->ThreadEntry = true;
  };
  auto Visit = [&](const Stmt *S) {
    if (Owner)
      Accesses.visit(S);
    if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
      AddCall(Lambda->getCallOperator(), Lambda);
      return;
    }
    if (const auto *Call = dyn_cast<CallExpr>(S)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      Callees.insert(Call->getCallee()->IgnoreParenImpCasts());
      llvm::ArrayRef<const Expr *> Args(Call->getArgs(), Call->getNumArgs());
      if (Callee && startsThread(Callee))
        StartThreads(Args);
      // std::call_once, and the libraries' own (absl::call_once, protobuf's
      // internal::call_once, which forward to it): a flag, then the
      // callable. A function of that name with another shape is a call.
      else if (Callee && Callee->getIdentifier() &&
               Callee->getName() == "call_once" && Args.size() >= 2) {
        for (const Expr *Arg : Args.drop_front())
          if (FunctionNode *Once = node(callableOf(Arg)))
            Once->OnceBody = true;
      }
      AddCall(Callee, Call);
    } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(S)) {
      const CXXRecordDecl *Class = Construct->getConstructor()->getParent();
      if (ThreadStarters.contains(Class) ||
          ThreadStarters.contains(Construct->getConstructor()))
        StartThreads(llvm::ArrayRef<const Expr *>(Construct->getArgs(),
                                                  Construct->getNumArgs()));
      AddCall(Construct->getConstructor(), Construct);
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

void TranslationUnitAnalyzer::propagate() {
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
  auto ListensToCallers = [](const FunctionNode &N) {
    return !N.ThreadEntry && !N.Escapes && !N.Decl->isMain();
  };
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
    if (!ListensToCallers(Nodes[I]))
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

const TranslationUnitAnalyzer::Summary *
TranslationUnitAnalyzer::summaryOf(const FunctionDecl *F) {
  FunctionNode *N = node(F);
  if (!N || N->Decl->hasAttrs()) // Attributes say it exactly.
    return nullptr;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(N->Decl))
    if (Locks.isMutexClass(Method->getParent()) ||
        Locks.isGuardClass(Method->getParent()))
      return nullptr; // The lock model knows these.
  auto Found = Summaries.find(N->Decl);
  if (Found != Summaries.end())
    return Found->second ? &*Found->second : nullptr;
  if (!Summarising.insert(N->Decl).second)
    return nullptr; // Recursion: no effect while being summarised.
  // Only a body that locks or unlocks other than by a guard it constructs,
  // or calls a wrapper, can be a wrapper: a guard constructed in the body is
  // released by its destructor before the function returns (see
  // FunctionAnalysis: a function that takes and releases a mutex itself is
  // not a wrapper), so the common body with a scoped guard costs no CFG.
  llvm::SmallVector<LockEffect, 2> Effects;
  bool MayLock = anyOfOwnCode(*N->Decl, [&](const Stmt *S) {
    const auto *Call = dyn_cast<CallExpr>(S);
    if (!Call)
      return false;
    Effects.clear();
    Locks.stmtEffects(S, Ctx, Effects);
    return llvm::any_of(Effects,
                        [](const LockEffect &E) {
                          return E.Kind != LockEffect::GuardLock ||
                                 E.Source != LockSource::Guard;
                        }) ||
           summaryOf(Call->getDirectCallee()) != nullptr;
  });
  std::optional<Summary> Result;
  if (MayLock) {
    FunctionContext C;
    auto Hook = [this](const Expr &Call,
                       llvm::SmallVectorImpl<LockEffect> &Out) {
      callEffects(Call, Out);
    };
    C.CallEffects = Hook;
    C.Reads = false;
    C.ElementWrites = false;
    C.Accesses = &N->Accesses;
    C.MaxBlocks = Options.MaxFunctionBlocks;
    C.MaxNesting = Options.MaxNestingDepth;
    FunctionFacts Facts = analyzeFunction(*N->Decl, Maps, Locks, *Pool, C);
    Summary S;
    if (Facts.HeldAtExit)
      S.Acquires = Pool->list(Facts.HeldAtExit);
    S.Releases = Facts.ReleasedAtExit;
    if (!S.Acquires.empty() || !S.Releases.empty())
      Result = std::move(S);
  }
  Summarising.erase(N->Decl);
  auto &Slot = Summaries[N->Decl];
  Slot = std::move(Result);
  return Slot ? &*Slot : nullptr;
}

void TranslationUnitAnalyzer::callEffects(
    const Expr &Call, llvm::SmallVectorImpl<LockEffect> &Out) {
  const FunctionDecl *Callee = nullptr;
  bool StartsThreads = false;
  if (const auto *C = dyn_cast<CallExpr>(&Call)) {
    Callee = C->getDirectCallee();
    StartsThreads = Callee && startsThread(Callee);
  } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(&Call)) {
    Callee = Construct->getConstructor();
    StartsThreads =
        ThreadStarters.contains(Construct->getConstructor()->getParent());
  }
  if (!Callee)
    return;
  FunctionNode *N = node(Callee);
  if (StartsThreads || (N && N->StartsThreads)) {
    LockEffect E{LockEffect::Acquire, ObjectPath::threadsMarker()};
    E.Loc = Call.getBeginLoc();
    Out.push_back(std::move(E));
  }
  const Summary *S = summaryOf(Callee);
  if (!S)
    return;
  CallSubstitution Subst = CallSubstitution::of(Call, N->Decl);
  for (const ObjectPath &M : S->Releases)
    if (std::optional<ObjectPath> AtCall = M.atCallSite(Subst, Ctx)) {
      LockEffect E{LockEffect::Release, std::move(*AtCall)};
      E.AnyMode = true;
      E.Loc = Call.getBeginLoc();
      Out.push_back(std::move(E));
    }
  for (const GuardedMutex &M : S->Acquires)
    if (std::optional<ObjectPath> AtCall = M.Mutex.atCallSite(Subst, Ctx)) {
      LockEffect E{LockEffect::Acquire, std::move(*AtCall), M.Mode};
      E.Loc = Call.getBeginLoc();
      Out.push_back(std::move(E));
    }
}

/// The locks a function requires by its `requires_capability` attribute.
static void requiredLocks(const FunctionDecl *F, const ASTContext &Ctx,
                          llvm::SmallVectorImpl<GuardedMutex> &Out) {
  for (const auto *A : F->specific_attrs<RequiresCapabilityAttr>())
    for (const Expr *Arg : A->args())
      Out.push_back({ObjectPath::fromLockArgument(Arg, Ctx),
                     A->isShared() ? LockMode::Shared : LockMode::Exclusive});
}

void TranslationUnitAnalyzer::forEachIncoming(
    const FunctionNode &N,
    llvm::function_ref<void(const IncomingCall &)> Visit) {
  for (unsigned Caller : N.Callers) {
    auto It = Nodes[Caller].CallsTo.find(N.Decl);
    if (It != Nodes[Caller].CallsTo.end())
      for (const IncomingCall &In : It->second)
        Visit(In);
  }
}

Context TranslationUnitAnalyzer::contextOf(const FunctionNode &N) {
  Context C;
  C.HeldAtEntry = Pool->none();
  bool IsMain = N.Decl->isMain();
  bool AnyCall = false;
  forEachIncoming(N, [&](const IncomingCall &) { AnyCall = true; });
  bool KnownCallers =
      !N.ThreadEntry && !N.Escapes && !IsMain &&
      (N.IncomingEdges > 0 || StaticInitCalls.count(N.Decl)) &&
      // With no external linkage, or called here: its callers are these.
      (AnyCall || StaticInitCalls.count(N.Decl));
  if (IsMain) {
    C.SingleThreaded = true;
  } else if (KnownCallers) {
    // What every call holds; single-threaded if every call is.
    const HeldLocks *Held = nullptr;
    C.SingleThreaded = true;
    forEachIncoming(N, [&](const IncomingCall &In) {
      C.SingleThreaded &= In.Call.SingleThreaded;
      Held = Held ? Pool->intersect(Held, In.HeldInCallee) : In.HeldInCallee;
    });
    // A static initialiser holds nothing, and runs alone.
    if (Held && !StaticInitCalls.count(N.Decl))
      C.HeldAtEntry = Held;
  }
  if (N.OnceBody)
    C.SingleThreaded = true;
  llvm::SmallVector<GuardedMutex, 2> Required;
  requiredLocks(N.Decl, Ctx, Required);
  if (!Required.empty())
    C.HeldAtEntry = Pool->unite(C.HeldAtEntry, Pool->of(Required));
  return C;
}

FunctionFacts
TranslationUnitAnalyzer::analyzeIn(const FunctionNode &N, const Context &C,
                                   const ExplainRequests *Explain) {
  FunctionContext FC;
  FC.HeldAtEntry = C.HeldAtEntry;
  FC.SingleThreadedAtEntry = C.SingleThreaded;
  auto Hook = [this](const Expr &Call, llvm::SmallVectorImpl<LockEffect> &Out) {
    callEffects(Call, Out);
  };
  FC.CallEffects = Hook;
  auto Tracked = [this](const FunctionDecl *F) {
    FunctionNode *Target = node(F);
    return Target && Target->Relevant;
  };
  FC.IsTracked = Tracked;
  FC.Accesses = &N.Accesses;
  FC.ElementWrites = Options.ElementWrites;
  FC.MaxBlocks = Options.MaxFunctionBlocks;
  FC.MaxNesting = Options.MaxNestingDepth;
  FC.Explain = Explain;
  return analyzeFunction(*N.Decl, Maps, Locks, *Pool, FC);
}

void TranslationUnitAnalyzer::analyse(FunctionNode &N, const Context &C) {
  N.Facts = analyzeIn(N, C, nullptr);
  N.AnalysedIn = C;
}

void TranslationUnitAnalyzer::recordCalls(FunctionNode &Caller) {
  // What this caller said before is replaced whole.
  Caller.CallsTo.clear();
  for (const CallSiteFact &Call : Caller.Facts.Calls) {
    FunctionNode *Callee = node(Call.Callee);
    if (!Callee)
      continue;
    IncomingCall In{Caller.Decl, Call, Call.Held};
    // A lambda names what its definition sees the same way, and globals
    // read the same everywhere: the set is the callee's as it is.
    if (!isa<LambdaExpr>(Call.Site) && !Call.Held->allGlobal()) {
      CallSubstitution Subst = CallSubstitution::of(*Call.Site, Callee->Decl);
      llvm::SmallVector<unsigned, 4> Inside;
      for (unsigned Lock : Call.Held->locks())
        if (std::optional<ObjectPath> Path =
                Pool->mutex(mutexOfLock(Lock)).inCallee(Subst, Ctx))
          Inside.push_back(lockNumber(Pool->intern(*Path), modeOfLock(Lock)));
      In.HeldInCallee = Pool->get(Inside);
    }
    Caller.CallsTo[Callee->Decl].push_back(std::move(In));
  }
}

std::unique_ptr<TranslationUnitFacts> TranslationUnitAnalyzer::run() {
  collect();
  propagate();
  // Callers before callees, so that most contexts are known when first
  // needed; recursion is settled by the rounds.
  std::vector<unsigned> Order;
  {
    llvm::DenseSet<unsigned> Visited;
    std::vector<unsigned> PostOrder;
    std::function<void(unsigned)> Visit = [&](unsigned I) {
      if (!Visited.insert(I).second)
        return;
      for (auto &[Callee, Site] : Nodes[I].Calls)
        if (FunctionNode *Target = node(Callee); Target && Target->Relevant)
          Visit(NodeOf[Target->Decl->getCanonicalDecl()]);
      PostOrder.push_back(I);
    };
    for (unsigned I = 0, E = Nodes.size(); I != E; ++I)
      if (Nodes[I].Relevant)
        Visit(I);
    Order.assign(PostOrder.rbegin(), PostOrder.rend());
  }
  bool Stable = false;
  for (unsigned Round = 0; Round != MaxContextRounds && !Stable; ++Round) {
    Stable = true;
    for (unsigned I : Order) {
      Context C = contextOf(Nodes[I]);
      if (Nodes[I].AnalysedIn && *Nodes[I].AnalysedIn == C)
        continue;
      Stable = false;
      analyse(Nodes[I], C);
      recordCalls(Nodes[I]);
    }
  }
  if (!Stable) {
    // Unsettled recursion: assume nothing.
    for (unsigned I : Order) {
      Context C;
      C.HeldAtEntry = Pool->none();
      if (Nodes[I].AnalysedIn && *Nodes[I].AnalysedIn != contextOf(Nodes[I])) {
        analyse(Nodes[I], C);
        recordCalls(Nodes[I]);
      }
    }
  }
  return conclude();
}

/// Which of two facts of one site (two instantiations of a template) to
/// keep: the one a reader must see.
static bool isWorse(const AccessFact &A, const AccessFact &B) {
  if (A.SingleThreaded != B.SingleThreaded)
    return !A.SingleThreaded;
  return A.Held->size() < B.Held->size();
}

/// The instantiations of a template access a map at the same sites: a site
/// is its source range (an expansion's locations are its own), what kind of
/// expression it is, and which of its maps, which no two sites of one
/// function share.
using SiteKey =
    std::pair<std::pair<unsigned, unsigned>, std::pair<unsigned, unsigned>>;
static SiteKey siteKey(const AccessFact &A) {
  SourceRange Range = A.Site->getSourceRange();
  return {{Range.getBegin().getRawEncoding(), Range.getEnd().getRawEncoding()},
          {static_cast<unsigned>(A.Site->getStmtClass()), A.Ordinal}};
}

bool TranslationUnitAnalyzer::listensToCallers(const FunctionDecl *F) {
  FunctionNode *N = node(F);
  return N && !N->ThreadEntry && !N->Escapes;
}

void TranslationUnitAnalyzer::forEachIncoming(
    const FunctionDecl *F,
    llvm::function_ref<void(const IncomingCall &)> Visit) {
  if (FunctionNode *N = node(F))
    forEachIncoming(*N, Visit);
}

FunctionFacts TranslationUnitAnalyzer::explain(const FunctionDecl *F,
                                               const ExplainRequests &Asked) {
  FunctionNode *N = node(F);
  if (!N || !N->AnalysedIn)
    return FunctionFacts();
  return analyzeIn(*N, *N->AnalysedIn, &Asked);
}

std::unique_ptr<TranslationUnitFacts> TranslationUnitAnalyzer::conclude() {
  auto Result = std::make_unique<TranslationUnitFacts>();
  std::vector<AccessFact> &Accesses = Result->Accesses;
  llvm::DenseMap<SiteKey, size_t> BySite;
  std::vector<Finding> Stopped;
  for (const FunctionNode &N : Nodes) {
    if (!N.Relevant)
      continue;
    if (N.Facts.Unfinished) {
      Finding F{FindingKind::AnalysisStopped};
      F.Function = N.Decl;
      F.Budget = N.Facts.Budget;
      Stopped.push_back(F);
    }
    for (const AccessFact &A : N.Facts.Accesses) {
      auto [It, Inserted] = BySite.try_emplace(siteKey(A), Accesses.size());
      if (Inserted) {
        Accesses.push_back(A);
        continue;
      }
      AccessFact &Kept = Accesses[It->second];
      // Another instantiation of the same template. A mutex protects the
      // site only if every instantiation holds that same mutex.
      bool Shares = llvm::any_of(A.Held->locks(), [&](unsigned Lock) {
        return modeOfLock(Lock) == LockMode::Exclusive &&
               Kept.Held->holdsExclusive(mutexOfLock(Lock));
      });
      bool Varies = A.holdsExclusive() && Kept.holdsExclusive() && !Shares;
      if (isWorse(A, Kept))
        Kept = A;
      Kept.HeldVariesByInstantiation |= Varies;
    }
  }

  // Group the accesses by map, in one pass.
  ObjectPathTable MapIds;
  std::vector<llvm::SmallVector<const AccessFact *, 4>> ByMap;
  Result->MapOf.resize(Accesses.size());
  for (size_t I = 0, E = Accesses.size(); I != E; ++I) {
    unsigned M = MapIds.intern(Accesses[I].Map.Path);
    if (M == ByMap.size())
      ByMap.emplace_back();
    ByMap[M].push_back(&Accesses[I]);
    Result->MapOf[I] = M;
  }
  Result->Maps.resize(ByMap.size());
  Result->Configured =
      std::make_unique<ConfiguredGuards>(Ctx, Options.MapGuards);

  for (size_t M = 0, E = ByMap.size(); M != E; ++M) {
    MapFacts &Info = Result->Maps[M];
    llvm::ArrayRef<const AccessFact *> Mine = ByMap[M];
    const AccessFact &First = *Mine.front();
    Info.WrittenConcurrently = llvm::any_of(Mine, [](const AccessFact *A) {
      return A->isWrite() && !A->SingleThreaded;
    });
    std::optional<MapGuard> Guard =
        inferGuard(Mine, Result->Configured->mutexFor(First.Map), *Pool, Ctx);
    // A member map is shared when its class guards it with a member mutex.
    Info.Shared =
        First.Map.Kind != SharedMapKind::Member ||
        (Guard &&
         (Guard->Source != MapGuard::Inferred ||
          (!Guard->Mutex.steps().empty() &&
           Guard->Mutex.steps().front().Kind == ObjectPath::StepKind::This)));
    Info.Guard = std::move(Guard);
  }

  Result->Findings =
      findFindings(Accesses, Result->MapOf, Result->Maps, *Pool, *this, Ctx);
  for (Finding &F : Stopped)
    Result->Findings.push_back(F);
  for (const ConfiguredGuards::Problem &P : Result->Configured->problems()) {
    Finding F{FindingKind::GuardOptionUnresolved};
    F.Option = &P;
    Result->Findings.push_back(F);
  }
  Result->Pool = std::move(Pool);
  return Result;
}

std::unique_ptr<TranslationUnitFacts>
analyzeTranslationUnit(ASTContext &Ctx, const AnalysisOptions &Options) {
  // Clang's CFG builder recurses along nested expressions; the host's stack
  // (8 MiB on a main thread, less on some workers) is not enough for
  // generated code that the parser itself handles. Clang's
  // runWithSufficientStackSpace only tops a nearly full stack up to 8 MiB,
  // so the analysis gets a thread of its own; functions nested deeper than
  // that stack allows are left out with a remark (MaxNestingDepth).
  std::unique_ptr<TranslationUnitFacts> Facts;
  llvm::CrashRecoveryContext Thread;
  Thread.RunSafelyOnThread(
      [&] { Facts = TranslationUnitAnalyzer(Ctx, Options).run(); },
      AnalysisStackSize);
  if (!Facts) // Only where the host recovers from crashes (libclang).
    Facts = std::make_unique<TranslationUnitFacts>();
  return Facts;
}

} // namespace mapguard
