//===--- FunctionAnalysis.cpp - The facts of one function -----------------===//

#include "checks/analysis/FunctionAnalysis.h"
#include "checks/analysis/OpenMP.h"
#include "checks/analysis/OwnCode.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/Analysis/AnalysisDeclContext.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace mapguard {

MapAccessCollector::MapAccessCollector(const MapModel &Maps,
                                       const ASTContext &Ctx,
                                       bool ElementWrites, bool Reads,
                                       bool LocalRoots)
    : Maps(Maps), Ctx(Ctx), ElementWrites(ElementWrites), Reads(Reads),
      LocalRoots(LocalRoots) {}

/// What the operand \p E is to its user, through parentheses, implicit
/// casts, temporaries and cleanups: the `operator[]` call in `m[k] = v`.
static const Expr *operandOf(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Temporary = dyn_cast<MaterializeTemporaryExpr>(E))
      E = Temporary->getSubExpr();
    else if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(E))
      E = Cleanups->getSubExpr();
    else
      break;
  }
  return E;
}

void MapAccessCollector::noteWrittenThrough(const Stmt *S) {
  auto Mark = [&](const Expr *Operand) {
    if (const Expr *E = operandOf(Operand))
      WrittenThrough.insert(E);
  };
  if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
    if (BO->isAssignmentOp())
      Mark(BO->getLHS());
  } else if (const auto *UO = dyn_cast<UnaryOperator>(S)) {
    if (UO->isIncrementDecrementOp())
      Mark(UO->getSubExpr());
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S)) {
    if (Op->getNumArgs() != 0 && isAssignmentOperator(Op->getOperator()))
      Mark(Op->getArg(0));
  } else if (const auto *ME = dyn_cast<MemberExpr>(S)) {
    // `m[k].push_back(x)` changes the element; `m[k].size()` reads it.
    if (const auto *Method = dyn_cast<CXXMethodDecl>(ME->getMemberDecl()))
      if (!Method->isConst())
        Mark(ME->getBase());
  } else if (const auto *Decls = dyn_cast<DeclStmt>(S)) {
    // `bool &res = m[k]; res = v;`: bound to a reference the element can be
    // changed through, it is there to be written.
    for (const Decl *D : Decls->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D)) {
        QualType T = Var->getType();
        if (Var->getInit() && T->isLValueReferenceType() &&
            !T.getNonReferenceType().isConstQualified())
          Mark(Var->getInit());
      }
  }
}

void MapAccessCollector::visit(const Stmt *S) {
  noteWrittenThrough(S);
  if (!isa<CallExpr, CXXConstructExpr, BinaryOperator, UnaryOperator>(S))
    return;
  Accesses.clear();
  Maps.writesOf(S, Accesses);
  if (Reads)
    Maps.readsOf(S, Accesses);
  unsigned Ordinal = 0;
  bool PreviousFound = false;
  for (const MapAccess &A : Accesses) {
    // A fallback is read only where the access before it found nothing.
    if (A.Fallback && PreviousFound)
      continue;
    PreviousFound = false;
    // An element write's lookup is not a read, reported or not.
    if (A.Via)
      Vias.insert(A.Via);
    if (A.Kind == AccessKind::ElementWrite && !ElementWrites)
      continue;
    if (std::optional<SharedMap> Map = Maps.sharedMapOf(A, Ctx, LocalRoots)) {
      // Whether the element that `operator[]` returns is only read here, so
      // that its insertion of a missing key is a surprise.
      bool OnlyRead = A.IsSubscript && !WrittenThrough.count(cast<Expr>(S));
      Found.push_back({cast<Expr>(S), Ordinal, A, std::move(*Map), OnlyRead});
      PreviousFound = true;
    }
    ++Ordinal;
  }
}

std::vector<MapAccessSite> MapAccessCollector::take() {
  // The reads that are the first half of an element write (`m.at(k)` in
  // `m.at(k) = v`, `m.find(k)` in `it->second = v`) are not reads.
  llvm::erase_if(Found, [&](const MapAccessSite &F) {
    return F.Access.Kind == AccessKind::Read && Vias.count(F.Site);
  });
  Vias.clear();
  WrittenThrough.clear();
  return std::move(Found);
}

static std::vector<MapAccessSite> findAccesses(const FunctionDecl &Function,
                                               const MapModel &Maps,
                                               bool ElementWrites, bool Reads) {
  MapAccessCollector Collector(Maps, Function.getASTContext(), ElementWrites,
                               Reads);
  walkOwnCode(Function, [&](const Stmt *S) { Collector.visit(S); });
  return Collector.take();
}

/// The outermost expression \p E is part of: the statement that holds it.
static const Stmt *fullExpressionOf(const Expr *E, ParentMap &Parents) {
  const Stmt *Full = E;
  while (const Stmt *Parent = Parents.getParent(const_cast<Stmt *>(Full))) {
    if (!isa<Expr>(Parent))
      break;
    Full = Parent;
  }
  return Full;
}

/// Whether statements nest deeper than \p Limit below \p Root. Iterative:
/// it must not need the stack it protects.
static bool nestsDeeperThan(const Stmt *Root, unsigned Limit) {
  llvm::SmallVector<std::pair<const Stmt *, unsigned>, 64> Stack;
  Stack.push_back({Root, 0});
  while (!Stack.empty()) {
    auto [S, Depth] = Stack.pop_back_val();
    if (Depth > Limit)
      return true;
    for (const Stmt *Child : S->children())
      if (Child)
        Stack.push_back({Child, Depth + 1});
  }
  return false;
}

/// The function a call site calls: a call's callee, a constructor, or the
/// body of a lambda defined there.
static const FunctionDecl *calleeOf(const Stmt *S) {
  if (const auto *Call = dyn_cast<CallExpr>(S))
    return Call->getDirectCallee();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(S))
    return Construct->getConstructor();
  if (const auto *Lambda = dyn_cast<LambdaExpr>(S))
    return Lambda->getCallOperator();
  return nullptr;
}

struct AnalysedBody {
  explicit AnalysedBody(const FunctionDecl &Function)
      : ADC(/*Mgr=*/nullptr, &Function) {}
  AnalysisDeclContext ADC;
  /// The accesses found anew, where the context had none.
  std::vector<MapAccessSite> Own;
  /// The accesses asked about, and the indices of those at each statement.
  std::vector<const MapAccessSite *> Found;
  llvm::DenseMap<const Stmt *, llvm::SmallVector<unsigned, 1>> AccessesAt;
  std::optional<LocksetAnalysis> Locksets;
};

void AnalysedBodyDeleter::operator()(AnalysedBody *Body) const { delete Body; }

/// Builds \p Function's CFG and runs the lockset analysis over it; null
/// where there is no CFG, or with \p Facts told why the analysis stopped.
static AnalysedBodyPtr analyseBody(const FunctionDecl &Function,
                                   const MapModel &Maps, const LockModel &Locks,
                                   HeldLocksPool &Pool,
                                   const FunctionContext &Context,
                                   FunctionFacts &Facts) {
  if (!Function.getBody())
    return nullptr;
  if (nestsDeeperThan(Function.getBody(),
                      std::min(Context.MaxNesting, MaxNestingDepth))) {
    Facts.Unfinished = true;
    Facts.Budget = BudgetKind::Nesting;
    return nullptr;
  }
  AnalysedBodyPtr Body(new AnalysedBody(Function));
  // The accesses the context asks about, pointed to where the caller found
  // them already, not copied.
  if (!Context.Accesses)
    Body->Own =
        findAccesses(Function, Maps, Context.ElementWrites, Context.Reads);
  for (const MapAccessSite &A :
       Context.Accesses ? *Context.Accesses : Body->Own)
    if ((A.Access.Kind != AccessKind::ElementWrite || Context.ElementWrites) &&
        (A.Access.Kind != AccessKind::Read || Context.Reads))
      Body->Found.push_back(&A);

  AnalysisDeclContext &ADC = Body->ADC;
  CFG::BuildOptions &Options = ADC.getCFGBuildOptions();
  Options.AddImplicitDtors = true;
  Options.AddTemporaryDtors = true;
  Options.AddInitializers = true;
  // Every call, construction, operator and lambda is an element of its own:
  // the statements that lock, access a map or call a function. The rest
  // (references, casts, literals) would be elements that do nothing.
  for (Stmt::StmtClass Class :
       {Stmt::CallExprClass, Stmt::CXXMemberCallExprClass,
        Stmt::CXXOperatorCallExprClass, Stmt::UserDefinedLiteralClass,
        Stmt::CXXConstructExprClass, Stmt::CXXTemporaryObjectExprClass,
        Stmt::BinaryOperatorClass, Stmt::CompoundAssignOperatorClass,
        Stmt::UnaryOperatorClass, Stmt::LambdaExprClass})
    Options.setAlwaysAdd(Class);
  if (!ADC.getCFG())
    return nullptr;

  for (unsigned I = 0, E = Body->Found.size(); I != E; ++I)
    Body->AccessesAt[Body->Found[I]->Site].push_back(I);

  Body->Locksets.emplace(ADC, Locks, Pool, Context.HeldAtEntry,
                         Context.CallEffects, Context.MaxBlocks);
  if (Body->Locksets->exhausted()) {
    Facts.Unfinished = true;
    Facts.Budget = BudgetKind::Blocks;
    return nullptr;
  }
  return Body;
}

FunctionFacts analyzeFunction(const FunctionDecl &Function,
                              const MapModel &Maps, const LockModel &Locks,
                              HeldLocksPool &Pool,
                              const FunctionContext &Context) {
  FunctionFacts Facts;
  AnalysedBodyPtr Analysed;
  AnalysedBody *Body = Context.Reuse;
  if (!Body) {
    Analysed = analyseBody(Function, Maps, Locks, Pool, Context, Facts);
    Body = Analysed.get();
  }
  if (!Body)
    return Facts;
  AnalysisDeclContext &ADC = Body->ADC;
  const LocksetAnalysis &Locksets = *Body->Locksets;
  llvm::ArrayRef<const MapAccessSite *> Found = Body->Found;
  const auto &AccessesAt = Body->AccessesAt;
  llvm::ArrayRef<MutexId> Mutexes = Locksets.mutexes();
  // The pseudo-locks that say other threads run: those this function
  // started (per thread object, which a join ends), and the other threads
  // of an OpenMP team inside its region. They protect nothing.
  llvm::BitVector Markers(Mutexes.size());
  for (unsigned M = 0, E = Mutexes.size(); M != E; ++M) {
    const ObjectPath &Path = Pool.mutex(Mutexes[M]);
    if (Path.isThreadsMarker() || Path == ObjectPath::teamMarker())
      Markers.set(M);
  }
  auto OthersMayRun = [&](const Lockset &State) {
    for (unsigned M : Markers.set_bits())
      if (State.May.test(LocksetAnalysis::lockOf(M, LockMode::Exclusive)))
        return true;
    return false;
  };
  // Consecutive points mostly hold the same locks: the record of the last
  // set is reused while the set is unchanged, so a point costs a comparison
  // of bit words, not a copy of its locks.
  llvm::BitVector LastMust;
  const HeldLocks *LastHeld = nullptr;
  auto HeldAt = [&](const Lockset &State) {
    if (LastHeld && State.Must == LastMust)
      return LastHeld;
    llvm::SmallVector<unsigned, 8> Held;
    for (unsigned Lock : State.Must.set_bits())
      if (!Markers.test(LocksetAnalysis::mutexOf(Lock)))
        Held.push_back(lockNumber(Mutexes[LocksetAnalysis::mutexOf(Lock)],
                                  LocksetAnalysis::modeOf(Lock)));
    LastMust = State.Must;
    LastHeld = Pool.get(Held);
    return LastHeld;
  };
  auto SingleThreaded = [&](const Lockset &State) {
    return Context.SingleThreadedAtEntry && !OthersMayRun(State);
  };

  // An object under construction or destruction, this function's own or
  // one every caller is building or destroying.
  bool InLifetime = isa<CXXConstructorDecl, CXXDestructorDecl>(Function) ||
                    Context.ObjectInLifetimeAtEntry;
  llvm::DenseSet<const Stmt *> Seen;
  Facts.Accesses.reserve(Found.size());
  Locksets.forEachElement([&](const CFGBlock &Block, unsigned Index,
                              const Lockset &Before) {
    auto S = Block[Index].getAs<CFGStmt>();
    if (!S)
      return;
    const Stmt *St = S->getStmt();
    const FunctionDecl *Callee = Context.IsTracked ? calleeOf(St) : nullptr;
    bool Tracked = Callee && Context.IsTracked(Callee);
    auto It = AccessesAt.find(St);
    // A statement the CFG repeats is still one access, one call.
    if ((!Tracked && It == AccessesAt.end()) || !Seen.insert(St).second)
      return;
    if (Tracked) {
      Facts.Calls.push_back(
          {Callee, cast<Expr>(St), HeldAt(Before), SingleThreaded(Before)});
      if (InLifetime)
        if (const auto *Member = dyn_cast<CXXMemberCallExpr>(St))
          Facts.Calls.back().OnObjectInLifetime = isa_and_nonnull<CXXThisExpr>(
              Member->getImplicitObjectArgument()->IgnoreParenImpCasts());
    }
    if (It == AccessesAt.end())
      return;
    for (unsigned I : It->second) {
      const MapAccessSite &A = *Found[I];
      AccessFact Fact{A.Site, A.Ordinal, A.Map, A.Access.Kind,
                      A.Access.Operation};
      Fact.Function = &Function;
      // An object under construction or destruction is not shared yet, or
      // any more: its own members are the constructor's and destructor's.
      bool OwnMemberInLifetime =
          A.Map.Kind == SharedMapKind::Member && InLifetime;
      // A local is nobody else's before this function hands it to a
      // thread.
      bool LocalNotYetHanded = A.Map.Kind == SharedMapKind::Handed &&
                               A.Map.Storage->getDeclContext() == &Function &&
                               !isa<ParmVarDecl>(A.Map.Storage) &&
                               !OthersMayRun(Before);
      // An element indexed by a worksharing loop's own counter
      // (`out[i] = f(i)` in `#pragma omp parallel for`) is its iteration's
      // alone; the container's structure is everyone's.
      bool OwnIteration = ADC.getASTContext().getLangOpts().OpenMP &&
                          A.Access.Kind != AccessKind::Write &&
                          ownedByIteration(A.Site, ADC.getParentMap());
      Fact.SingleThreaded = SingleThreaded(Before) || OwnMemberInLifetime ||
                            LocalNotYetHanded || OwnIteration;
      Fact.SubscriptOnlyRead = A.SubscriptOnlyRead;
      Fact.Held = HeldAt(Before);
      if (Context.Explain) {
        auto Asked = Context.Explain->find({A.Site, A.Ordinal});
        if (Asked != Context.Explain->end()) {
          // Reads of one full expression are reported as one; each write
          // is reported apart, and needs no parent map.
          if (!Fact.isWrite())
            Fact.FullExpr = fullExpressionOf(A.Site, ADC.getParentMap());
          if (Asked->second)
            if (std::optional<unsigned> Local =
                    Locksets.localMutexOf(*Asked->second))
              Fact.Why = Locksets.whyNotHeld(Block, Index, Before, *Local);
        }
      }
      Facts.Accesses.push_back(std::move(Fact));
    }
  });

  if (const std::optional<Lockset> &Exit = Locksets.exitState()) {
    Facts.HeldAtExit = HeldAt(*Exit);
    // A release wrapper releases what it did not take; a function that
    // takes and releases a mutex itself leaves a caller's hold as it was
    // (a recursive mutex's count), so its callers need not hear of it, and
    // a chain of such functions does not hand each caller all the mutexes
    // below it.
    for (unsigned M = 0, E = Mutexes.size(); M != E; ++M)
      if (Locksets.releases(M) && !Locksets.acquires(M) && !Markers.test(M) &&
          !Exit->May.test(LocksetAnalysis::lockOf(M, LockMode::Exclusive)) &&
          !Exit->May.test(LocksetAnalysis::lockOf(M, LockMode::Shared)))
        Facts.ReleasedAtExit.push_back(Pool.mutex(Mutexes[M]));
    for (unsigned M = 0, E = Mutexes.size(); M != E; ++M)
      if (Locksets.acquires(M) && !Locksets.releases(M) && !Markers.test(M))
        for (LockMode Mode : {LockMode::Exclusive, LockMode::Shared})
          if (Exit->May.test(LocksetAnalysis::lockOf(M, Mode))) {
            Facts.MayAcquireAtExit.push_back({Pool.mutex(Mutexes[M]), Mode});
            break;
          }
  }
  if (Context.KeepBody && Analysed && !Facts.Accesses.empty())
    Facts.Body = std::move(Analysed);
  return Facts;
}

} // namespace mapguard
