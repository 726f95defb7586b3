//===--- TranslationUnitAnalysis.cpp - Facts in their context -------------===//

#include "checks/analysis/TranslationUnitAnalysis.h"
#include "checks/analysis/CallGraph.h"
#include "checks/analysis/LockWrappers.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/CrashRecoveryContext.h"

using namespace clang;

namespace mapguard {

// Contexts are recomputed until no function's changes; a call graph whose
// recursion keeps changing them after this many rounds has its remaining
// functions analysed with no lock held.
static constexpr unsigned MaxContextRounds = 8;

std::string AnalysisOptions::key() const {
  std::string Key = ContainerVocabulary::key(Containers) + "|";
  for (const auto *List : {&LockTypes, &GuardTypes, &ThreadStarters})
    for (const std::string &S : *List)
      Key += S + ";";
  Key += "|";
  for (const auto &[Map, Mutex] : MapGuards)
    Key += Map + "=" + Mutex + ";";
  Key += ElementWrites ? "|E" : "|-";
  Key += GuardsFromDeclarations ? "|D" : "|-";
  Key += "|" + std::to_string(MaxFunctionBlocks);
  Key += "|" + std::to_string(MaxNestingDepth);
  return Key;
}

namespace {

/// What a function's callers tell about it.
struct Context {
  /// Interned: equal sets are one pointer.
  const HeldLocks *HeldAtEntry = nullptr;
  bool SingleThreaded = false;
  bool ObjectInLifetime = false;

  bool operator==(const Context &O) const {
    return SingleThreaded == O.SingleThreaded && HeldAtEntry == O.HeldAtEntry &&
           ObjectInLifetime == O.ObjectInLifetime;
  }
  bool operator!=(const Context &O) const { return !(*this == O); }
};

/// What the context solver knows of one function.
struct Solved {
  std::optional<Context> AnalysedIn;
  FunctionFacts Facts;
  /// The calls of Facts, by callee, as each callee sees them.
  llvm::DenseMap<const FunctionDecl *, llvm::SmallVector<IncomingCall, 1>>
      CallsTo;
};

} // namespace

/// Solves the contexts of the unit's functions, then concludes: merges
/// instantiations, infers guards, and asks for the findings.
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
  /// The unit's mutexes and lock sets; handed to the facts at the end.
  std::unique_ptr<HeldLocksPool> Pool = std::make_unique<HeldLocksPool>();
  CallGraph Graph;
  LockWrappers Wrappers;
  /// By node index.
  std::vector<Solved> States;

  Context contextOf(const FunctionNode &N);
  void analyse(unsigned I, const Context &C);
  /// The facts of \p N in \p C; with \p Explain, explained, read from the
  /// body its analysis in \p C kept where it did.
  FunctionFacts analyzeIn(const FunctionNode &N, const Context &C,
                          const ExplainRequests *Explain,
                          AnalysedBody *Reuse = nullptr);
  void recordCalls(unsigned I);
  /// Calls \p Visit with each call of \p N, from the latest facts of its
  /// callers.
  void forEachIncoming(const FunctionNode &N,
                       llvm::function_ref<void(const IncomingCall &)> Visit);
  std::unique_ptr<TranslationUnitFacts> conclude();
  /// A member of \p R that is a mutex (or refers to one) and that no code
  /// of the unit names, if any.
  const FieldDecl *mutexMemberOf(const RecordDecl *R);
  llvm::DenseMap<const RecordDecl *, const FieldDecl *> MutexMembers;
  /// A member of \p Class whose type looks like a lock (lock- and
  /// unlock-like methods) that neither the lock model nor a wrapper
  /// summary reads, if any.
  const FieldDecl *unreadableLockOf(const CXXRecordDecl *Class);
  llvm::DenseMap<const CXXRecordDecl *, const FieldDecl *> UnreadableLocks;
  /// \p Path named through the accessor of the singleton whose member it
  /// is (`registry_->lock_` is `Registry::instance()->lock_` when the unit
  /// creates one Registry at most), if it is one and not named so already.
  std::optional<ObjectPath> inSingleton(const ObjectPath &Path);
  /// The singleton accessor of the class of \p Field, if it has one.
  const FunctionDecl *singletonAccessorOf(const FieldDecl *Field);

  // FindingInputs.
  bool listensToCallers(const FunctionDecl *F) override;
  void forEachIncoming(
      const FunctionDecl *F,
      llvm::function_ref<void(const IncomingCall &)> Visit) override;
  bool callsOnKeptLocal(const Expr *Site) override;
  FunctionFacts explain(const FunctionDecl *F,
                        const ExplainRequests &Asked) override;
};

static std::vector<llvm::StringRef>
refs(const std::vector<std::string> &Strings) {
  return std::vector<llvm::StringRef>(Strings.begin(), Strings.end());
}

static NameSet threadStarters(const AnalysisOptions &Options) {
  // C11's, Windows' and Qt's beside the standard and POSIX ones.
  NameSet Starters({"std::thread", "std::jthread", "std::async",
                    "pthread_create", "thrd_create", "CreateThread",
                    "_beginthreadex", "_beginthread", "QtConcurrent::run"});
  for (const std::string &Name : Options.ThreadStarters)
    Starters.insert(Name);
  return Starters;
}

TranslationUnitAnalyzer::TranslationUnitAnalyzer(ASTContext &Ctx,
                                                 const AnalysisOptions &Options)
    : Ctx(Ctx), Options(Options), Maps(Options.Containers),
      Locks(refs(Options.LockTypes), refs(Options.GuardTypes),
            Options.GuardsFromDeclarations),
      ThreadStarters(threadStarters(Options)), Graph(Ctx, Maps, ThreadStarters),
      Wrappers(Ctx, Maps, Locks, *Pool, Graph, Options.MaxFunctionBlocks,
               Options.MaxNestingDepth) {}

void TranslationUnitAnalyzer::forEachIncoming(
    const FunctionNode &N,
    llvm::function_ref<void(const IncomingCall &)> Visit) {
  for (unsigned Caller : N.Callers) {
    auto It = States[Caller].CallsTo.find(N.Decl);
    if (It != States[Caller].CallsTo.end())
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
      (N.IncomingEdges > 0 || Graph.calledAtStaticInit(N.Decl)) &&
      // With no external linkage, or called here: its callers are these.
      (AnyCall || Graph.calledAtStaticInit(N.Decl));
  if (IsMain) {
    C.SingleThreaded = true;
  } else if (KnownCallers) {
    // What every call holds; single-threaded if every call is.
    const HeldLocks *Held = nullptr;
    C.SingleThreaded = true;
    C.ObjectInLifetime = true;
    forEachIncoming(N, [&](const IncomingCall &In) {
      C.SingleThreaded &= In.Call.SingleThreaded;
      C.ObjectInLifetime &= In.Call.OnObjectInLifetime;
      Held = Held ? Pool->intersect(Held, In.HeldInCallee) : In.HeldInCallee;
    });
    // Each call makes it so; none says nothing.
    C.ObjectInLifetime &= AnyCall;
    // A static initialiser holds nothing, and runs alone.
    if (Held && !Graph.calledAtStaticInit(N.Decl))
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

FunctionFacts TranslationUnitAnalyzer::analyzeIn(const FunctionNode &N,
                                                 const Context &C,
                                                 const ExplainRequests *Explain,
                                                 AnalysedBody *Reuse) {
  FunctionContext FC;
  FC.HeldAtEntry = C.HeldAtEntry;
  FC.SingleThreadedAtEntry = C.SingleThreaded;
  FC.ObjectInLifetimeAtEntry = C.ObjectInLifetime;
  auto Hook = [this](const CFGElement &Element,
                     llvm::SmallVectorImpl<LockEffect> &Out) {
    Wrappers.elementEffects(Element, Out);
  };
  FC.CallEffects = Hook;
  auto Tracked = [this](const FunctionDecl *F) {
    FunctionNode *Target = Graph.node(F);
    return Target && Target->Relevant;
  };
  FC.IsTracked = Tracked;
  FC.Accesses = &N.Accesses;
  FC.ElementWrites = Options.ElementWrites;
  FC.MaxBlocks = Options.MaxFunctionBlocks;
  FC.MaxNesting = Options.MaxNestingDepth;
  FC.Explain = Explain;
  // The accesses reported are explained once the guards are known: what the
  // first analysis built is kept for that, rather than built again.
  FC.KeepBody = !Explain;
  FC.Reuse = Reuse;
  return analyzeFunction(*N.Decl, Maps, Locks, *Pool, FC);
}

void TranslationUnitAnalyzer::analyse(unsigned I, const Context &C) {
  States[I].Facts = analyzeIn(Graph[I], C, nullptr);
  States[I].AnalysedIn = C;
}

void TranslationUnitAnalyzer::recordCalls(unsigned I) {
  Solved &Caller = States[I];
  // What this caller said before is replaced whole.
  Caller.CallsTo.clear();
  for (const CallSiteFact &Call : Caller.Facts.Calls) {
    FunctionNode *Callee = Graph.node(Call.Callee);
    if (!Callee)
      continue;
    IncomingCall In{Graph[I].Decl, Call, Call.Held};
    // A lambda names what its definition sees the same way, and globals
    // read the same everywhere; a global that is a member of the call's
    // object is also a member of `this` to the callee.
    if (!isa<LambdaExpr>(Call.Site)) {
      CallSubstitution Subst = CallSubstitution::of(*Call.Site, Callee->Decl);
      // A method of a singleton's class runs on its instance, however the
      // caller names it.
      std::optional<ObjectPath> Instance;
      if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee->Decl))
        if (const FunctionDecl *Accessor =
                Graph.singletonAccessorOf(Method->getParent()))
          if (!Method->isStatic() &&
              Graph.shared().atMostOneObject(Method->getParent()))
            Instance = ObjectPath::ofAccessor(Accessor);
      llvm::SmallVector<unsigned, 4> Inside;
      auto Add = [&](const ObjectPath &Path, LockMode Mode) {
        Inside.push_back(lockNumber(Pool->intern(Path), Mode));
      };
      for (unsigned Lock : Call.Held->locks()) {
        // A copy: interning below may move the pool's paths.
        ObjectPath Mutex = Pool->mutex(mutexOfLock(Lock));
        LockMode Mode = modeOfLock(Lock);
        if (std::optional<ObjectPath> Path = Mutex.inCallee(Subst, Ctx))
          Add(*Path, Mode);
        // A mutex of a singleton's instance, however the caller reaches it
        // (`registry_->lock_`), is the instance's.
        std::optional<ObjectPath> Global = inSingleton(Mutex);
        if (Global)
          Add(*Global, Mode);
        else if (Mutex.isGlobal())
          Global = Mutex;
        if (Global)
          if (std::optional<ObjectPath> Member =
                  Instance ? Global->asMemberOf(*Instance)
                           : Global->throughCallObject(Subst, Ctx))
            Add(*Member, Mode);
      }
      In.HeldInCallee = Pool->get(Inside);
    }
    Caller.CallsTo[Callee->Decl].push_back(std::move(In));
  }
}

std::unique_ptr<TranslationUnitFacts> TranslationUnitAnalyzer::run() {
  Graph.build();
  States.resize(Graph.size());
  // Callers before callees, so that most contexts are known when first
  // needed; recursion is settled by the rounds.
  std::vector<unsigned> Order = Graph.callersFirst();
  bool Stable = false;
  for (unsigned Round = 0; Round != MaxContextRounds && !Stable; ++Round) {
    Stable = true;
    for (unsigned I : Order) {
      Context C = contextOf(Graph[I]);
      if (States[I].AnalysedIn && *States[I].AnalysedIn == C)
        continue;
      Stable = false;
      analyse(I, C);
      recordCalls(I);
    }
  }
  if (!Stable) {
    // Unsettled recursion: assume nothing.
    for (unsigned I : Order) {
      Context C;
      C.HeldAtEntry = Pool->none();
      if (States[I].AnalysedIn &&
          *States[I].AnalysedIn != contextOf(Graph[I])) {
        analyse(I, C);
        recordCalls(I);
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

std::optional<ObjectPath>
TranslationUnitAnalyzer::inSingleton(const ObjectPath &Path) {
  llvm::ArrayRef<ObjectPath::Step> Steps = Path.steps();
  for (size_t I = Steps.size(); I-- > 1;) {
    const auto *Field = Steps[I].Kind == ObjectPath::StepKind::Decl
                            ? dyn_cast_or_null<FieldDecl>(Steps[I].Decl)
                            : nullptr;
    const auto *Class =
        Field ? dyn_cast<CXXRecordDecl>(Field->getParent()) : nullptr;
    // The accessor first: a map lookup, where most classes have none.
    const FunctionDecl *Accessor =
        Class ? Graph.singletonAccessorOf(Class) : nullptr;
    if (Accessor && Graph.shared().atMostOneObject(Class)) {
      ObjectPath Named =
          ObjectPath::ofAccessor(Accessor).withSteps(Steps.drop_front(I));
      if (Named != Path)
        return Named;
      return std::nullopt;
    }
  }
  return std::nullopt;
}

const FieldDecl *
TranslationUnitAnalyzer::unreadableLockOf(const CXXRecordDecl *Class) {
  auto [It, Inserted] = UnreadableLocks.try_emplace(Class, nullptr);
  if (!Inserted)
    return It->second;
  for (const FieldDecl *Field : Class->fields()) {
    const CXXRecordDecl *Type = objectClassOf(Field->getType());
    if (!Type || Locks.isMutexClass(Type) || Locks.isGuardClass(Type))
      continue;
    const CXXMethodDecl *Lock = nullptr;
    bool Unlock = false;
    for (const CXXMethodDecl *M : Type->methods()) {
      if (!M->getIdentifier() || M->isStatic())
        continue;
      if (LockModel::isLockLikeName(M->getName(), false))
        Lock = M;
      Unlock |= LockModel::isLockLikeName(M->getName(), true);
    }
    // One that locks a mutex mapguard knows is a wrapper it reads.
    if (Lock && Unlock && !Wrappers.acquires(Lock)) {
      It->second = Field;
      break;
    }
  }
  return It->second;
}

const FunctionDecl *
TranslationUnitAnalyzer::singletonAccessorOf(const FieldDecl *Field) {
  const auto *Class =
      Field ? dyn_cast<CXXRecordDecl>(Field->getParent()) : nullptr;
  return Class ? Graph.singletonAccessorOf(Class) : nullptr;
}

const FieldDecl *TranslationUnitAnalyzer::mutexMemberOf(const RecordDecl *R) {
  auto [It, Inserted] = MutexMembers.try_emplace(R, nullptr);
  if (Inserted)
    for (const FieldDecl *F : R->fields()) {
      QualType T = F->getType();
      if (T->isReferenceType() || T->isPointerType())
        T = T->getPointeeType();
      // A mutex member no code names: the class's lock statements lock
      // something else, or nothing. One that code uses guards what it is
      // held around, which the accesses tell.
      if (Locks.isMutexType(T) && !Graph.isNamedInCode(F->getCanonicalDecl())) {
        It->second = F;
        break;
      }
    }
  return It->second;
}

bool TranslationUnitAnalyzer::listensToCallers(const FunctionDecl *F) {
  FunctionNode *N = Graph.node(F);
  return N && !N->ThreadEntry && !N->Escapes;
}

void TranslationUnitAnalyzer::forEachIncoming(
    const FunctionDecl *F,
    llvm::function_ref<void(const IncomingCall &)> Visit) {
  if (FunctionNode *N = Graph.node(F))
    forEachIncoming(*N, Visit);
}

bool TranslationUnitAnalyzer::callsOnKeptLocal(const Expr *Site) {
  const auto *Call = dyn_cast<CXXMemberCallExpr>(Site);
  const auto *Callee =
      Call ? dyn_cast<MemberExpr>(Call->getCallee()->IgnoreParens()) : nullptr;
  if (!Callee || Callee->isArrow())
    return false;
  const auto *Ref = dyn_cast<DeclRefExpr>(
      Call->getImplicitObjectArgument()->IgnoreParenImpCasts());
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return Var && Var->isLocalVarDecl() && !Var->isStaticLocal() &&
         !Var->getType()->isReferenceType() && !Graph.shared().handed(Var);
}

FunctionFacts TranslationUnitAnalyzer::explain(const FunctionDecl *F,
                                               const ExplainRequests &Asked) {
  FunctionNode *N = Graph.node(F);
  if (!N || !States[Graph.indexOf(*N)].AnalysedIn)
    return FunctionFacts();
  Solved &State = States[Graph.indexOf(*N)];
  return analyzeIn(*N, *State.AnalysedIn, &Asked, State.Facts.Body.get());
}

std::unique_ptr<TranslationUnitFacts> TranslationUnitAnalyzer::conclude() {
  auto Result = std::make_unique<TranslationUnitFacts>();
  std::vector<AccessFact> &Accesses = Result->Accesses;
  llvm::DenseMap<SiteKey, size_t> BySite;
  std::vector<Finding> Stopped;
  size_t Found = 0;
  for (const Solved &State : States)
    Found += State.Facts.Accesses.size();
  Accesses.reserve(Found);
  for (unsigned I = 0, E = Graph.size(); I != E; ++I) {
    const FunctionNode &N = Graph[I];
    const FunctionFacts &Facts = States[I].Facts;
    if (!N.Relevant)
      continue;
    if (Facts.Unfinished) {
      Finding F{FindingKind::AnalysisStopped};
      F.Function = N.Decl;
      F.Budget = Facts.Budget;
      Stopped.push_back(F);
    }
    for (const AccessFact &A : Facts.Accesses) {
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
    // A member map is shared when its class is meant for sharing: its guard
    // is named, the class has a mutex member (locked or not, in any mode),
    // or a mutex is held at one of the map's accesses.
    Info.Shared = true;
    if (First.Map.Kind == SharedMapKind::Member) {
      const auto *Field = dyn_cast<FieldDecl>(First.Map.Storage);
      // Guarded by the class itself: a named guard, or a member mutex held
      // at most of its accesses.
      const auto *Class =
          Field ? dyn_cast<CXXRecordDecl>(Field->getParent()) : nullptr;
      // Objects that the functions creating them keep are nobody else's,
      // whatever their methods lock; unless a guard is named for them.
      bool KeptLocal = Class && Graph.shared().keptLocal(Class);
      // A static object, a singleton's instance, or what they reach, shares
      // its class's objects only where it is the only one the unit creates:
      // protobuf's DescriptorPool has a generated instance and any number
      // of others, whose tables no other thread sees. An object handed to a
      // thread shares them all.
      bool OneObject = Class && Graph.shared().atMostOneObject(Class);
      const SharedRoot *SharedClass =
          Class ? Graph.shared().sharedClass(Class) : nullptr;
      if (SharedClass && !OneObject && !SharedRoot::handedAtTheEnd(SharedClass))
        SharedClass = nullptr;
      bool Named = Guard && Guard->Source != MapGuard::Inferred;
      bool ClassGuards =
          Named ||
          (Guard && !KeptLocal && !Guard->Mutex.steps().empty() &&
           Guard->Mutex.steps().front().Kind == ObjectPath::StepKind::This);
      if (ClassGuards) {
        Info.Why = MapFacts::ClassGuard;
      } else if (KeptLocal) {
        Info.Shared = false;
      } else if (const FieldDecl *Mutex =
                     Field ? mutexMemberOf(Field->getParent()) : nullptr) {
        Info.Why = MapFacts::MutexMember;
        Info.Mutex = Mutex;
      } else if (const AccessFact *const *Locked = llvm::find_if(
                     Mine,
                     [](const AccessFact *A) {
                       // A constructor or destructor has its object to
                       // itself: what it locks guards other objects
                       // (log4cplus' HierarchyLocker locks each logger).
                       return !A->Held->empty() &&
                              !isa<CXXConstructorDecl, CXXDestructorDecl>(
                                  A->Function);
                     });
                 Locked != Mine.end()) {
        Info.Why = MapFacts::LockedAccess;
        Info.LockedAt = *Locked;
      } else if (const FieldDecl *Lock =
                     Class ? unreadableLockOf(Class) : nullptr) {
        // Whatever else says the objects are shared, their lock cannot be
        // read: the maps are left alone, and a remark says so.
        Info.Shared = false;
        Info.Why = MapFacts::UnreadableLock;
        Info.Lock = Lock;
      } else if (const FunctionDecl *Accessor =
                     OneObject ? singletonAccessorOf(Field) : nullptr) {
        Info.Why = MapFacts::SingletonInstance;
        Info.Accessor = Accessor;
      } else if (const SharedRoot *Root = SharedClass) {
        Info.Why = MapFacts::ReachedClass;
        Info.Root = Root;
      } else {
        Info.Shared = false;
      }
    } else if (First.Map.Kind == SharedMapKind::Handed) {
      Info.Why = MapFacts::HandedObject;
      Info.Root = Graph.shared().handed(cast<VarDecl>(First.Map.Storage));
    }
    Info.Guard = std::move(Guard);
  }

  Result->Findings =
      findFindings(Accesses, Result->MapOf, Result->Maps, *Pool, *this, Ctx);
  for (Finding &F : Stopped)
    Result->Findings.push_back(F);
  // Once per lock type.
  llvm::DenseSet<const CXXRecordDecl *> Unreadable;
  for (const MapFacts &Info : Result->Maps)
    if (Info.Why == MapFacts::UnreadableLock &&
        Unreadable.insert(objectClassOf(Info.Lock->getType())).second) {
      Finding F{FindingKind::LockUnreadable};
      F.Lock = Info.Lock;
      Result->Findings.push_back(F);
    }
  for (const ConfiguredGuards::Problem &P : Result->Configured->problems()) {
    Finding F{FindingKind::GuardOptionUnresolved};
    F.Option = &P;
    Result->Findings.push_back(F);
  }
  Result->Pool = std::move(Pool);
  Result->Shared = Graph.takeShared();
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
