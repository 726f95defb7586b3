//===--- LocksetAnalysis.cpp - Which mutexes are held where ---------------===//

#include "checks/analysis/LocksetAnalysis.h"
#include "checks/analysis/OpenMP.h"
#include "checks/analysis/ThreadLifetimes.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/Analyses/PostOrderCFGView.h"
#include "clang/Analysis/FlowSensitive/DataflowWorklist.h"

using namespace clang;

namespace mapguard {

// Explanations walk the CFG backwards from a write; in a function with
// thousands of unprotected writes the walks together stay within this many
// block visits and lock operations looked at, after which the notes are left
// out rather than the time spent.
static constexpr unsigned ExplanationBlockBudget = 200000;

// The fixed point is reached in a few passes over the blocks: each block's
// state only shrinks (must) or grows (may), by one lock at a time at most.
// A function that needs more block visits than this is pathological; its
// analysis stops rather than hang a build.
static constexpr unsigned VisitsPerBlock = 64;

LocksetAnalysis::LocksetAnalysis(AnalysisDeclContext &ADC,
                                 const LockModel &Model, HeldLocksPool &Pool,
                                 const HeldLocks *HeldAtEntry,
                                 CallEffectsFn CallEffects, unsigned MaxBlocks)
    : Cfg(*ADC.getCFG()), Model(Model), Ctx(ADC.getASTContext()), Pool(Pool),
      ExplanationBudget(ExplanationBlockBudget) {
  if (Cfg.getNumBlockIDs() > MaxBlocks) {
    Exhausted = true;
    return;
  }
  collectOps(ADC, HeldAtEntry, CallEffects);
  collectTryBodies();
  run(ADC, MaxBlocks);
}

unsigned LocksetAnalysis::internMutex(const ObjectPath &Mutex) {
  return localMutex(Pool.intern(Mutex));
}

unsigned LocksetAnalysis::localMutex(MutexId Mutex) {
  auto [It, Inserted] = LocalOf.try_emplace(Mutex, Mutexes.size());
  if (Inserted) {
    Mutexes.push_back(Mutex);
    Recursive.push_back(Model.isRecursiveMutex(Pool.mutex(Mutex)));
  }
  return It->second;
}

unsigned LocksetAnalysis::internGuard(GuardKey Guard) {
  auto Found = GuardIndex.find(Guard);
  if (Found != GuardIndex.end())
    return Found->second;
  unsigned Index = Guards.size();
  Guards.emplace_back();
  GuardIndex[Guard] = Index;
  llvm::SmallVector<GuardedMutex, 2> Managed;
  Model.guardMutexes(Guard, Ctx, Managed);
  for (const GuardedMutex &M : Managed)
    ownershipOf(Index, lockOf(internMutex(M.Mutex), M.Mode));
  return Index;
}

unsigned LocksetAnalysis::ownershipOf(unsigned Guard, unsigned Lock) {
  for (auto [Managed, Owned] : Guards[Guard].Locks)
    if (Managed == Lock)
      return Owned;
  Guards[Guard].Locks.push_back({Lock, NumOwned});
  return NumOwned++;
}

void LocksetAnalysis::lower(const LockEffect &Effect, unsigned Element,
                            bool BeforeElement,
                            llvm::SmallVectorImpl<Op> &Ops) {
  auto Add = [&](Op::KindType Kind, unsigned Lock, unsigned Owned = 0,
                 unsigned From = 0) {
    Ops.push_back({Kind, Element, BeforeElement, Lock, Owned, From, Effect.Loc,
                   Effect.Source, Effect.GuardVar});
  };
  switch (Effect.Kind) {
  case LockEffect::Acquire:
    Add(Op::SetHeld, lockOf(internMutex(Effect.Mutex), Effect.Mode));
    return;
  case LockEffect::Release: {
    // Unlocking in the wrong mode (`unlock_shared()` on an exclusive hold) is
    // a bug of its own; the mutex is not held afterwards either way.
    unsigned Mutex = internMutex(Effect.Mutex);
    Add(Op::ResetHeld, lockOf(Mutex, LockMode::Exclusive));
    Add(Op::ResetHeld, lockOf(Mutex, LockMode::Shared));
    return;
  }
  case LockEffect::GuardMove: {
    // collectOps gave the target every lock the source manages.
    unsigned To = internGuard(Effect.Guard);
    unsigned From = internGuard(Effect.From);
    for (auto [Lock, FromOwned] : Guards[From].Locks)
      Add(Op::MoveOwn, Lock, ownershipOf(To, Lock), FromOwned);
    return;
  }
  case LockEffect::NoReturn:
    Add(Op::Unreachable, 0);
    return;
  case LockEffect::GuardLock:
  case LockEffect::GuardUnlock:
  case LockEffect::GuardDisown:
    break;
  }
  unsigned Guard = internGuard(Effect.Guard);
  if (Effect.Kind == LockEffect::GuardLock && Effect.InMode) {
    // Each mutex in the call's mode: a lock of the guard's too (collectOps
    // made it one before lowering).
    llvm::SmallVector<unsigned, 2> InMode;
    for (auto [Lock, Owned] : Guards[Guard].Locks)
      InMode.push_back(lockOf(mutexOf(Lock), Effect.Mode));
    for (unsigned Lock : InMode) {
      Add(Op::SetHeld, Lock);
      Add(Op::Own, Lock, ownershipOf(Guard, Lock));
    }
    return;
  }
  for (auto [Lock, Owned] : Guards[Guard].Locks) {
    if (Effect.Kind == LockEffect::GuardLock) {
      Add(Op::SetHeld, Lock);
      Add(Op::Own, Lock, Owned);
    } else if (Effect.Kind == LockEffect::GuardUnlock) {
      Add(Op::ReleaseOwned, Lock, Owned);
    } else {
      Add(Op::Disown, Lock, Owned);
    }
  }
}

void LocksetAnalysis::collectOps(AnalysisDeclContext &ADC,
                                 const HeldLocks *HeldAtEntry,
                                 CallEffectsFn CallEffects) {
  if (HeldAtEntry)
    for (unsigned Lock : HeldAtEntry->locks())
      EntryLocks.push_back(
          lockOf(localMutex(mutexOfLock(Lock)), modeOfLock(Lock)));
  // First every effect, so that each guard's set of locks is complete (a
  // guard assigned from another manages that one's locks too) before any
  // operation on a guard is lowered.
  struct Pending {
    const CFGBlock *Block;
    unsigned Element; ///< Block->size() for an edge.
    unsigned Succ;
    LockEffect Effect;
    bool BeforeElement = false;
  };
  std::vector<Pending> All;
  llvm::SmallVector<LockEffect, 2> Found;
  // OpenMP regions: the statements of a directive's structured block hold
  // its locks. The CFG places the directive after them, so the locks are
  // taken before the first of them in each block and released at the
  // directive (OpenMP allows no jump into or out of a structured block).
  // Each statement of a region's block maps to the numbers (in RegionLock)
  // of the locks held around it.
  llvm::SmallVector<ObjectPath, 2> RegionLock;
  llvm::DenseMap<const Stmt *, llvm::SmallVector<unsigned, 1>> RegionLocks;
  // Each directive: its block, and the numbers of the locks it holds.
  llvm::DenseMap<const Stmt *,
                 std::pair<const Stmt *, llvm::SmallVector<unsigned, 2>>>
      Directives;
  for (const CFGBlock *Block : Cfg)
    for (const CFGElement &Element : *Block) {
      auto S = Element.getAs<CFGStmt>();
      llvm::SmallVector<ObjectPath, 2> Locks;
      const Stmt *Body = S ? openMPRegionLocks(S->getStmt(), Locks) : nullptr;
      if (!Body)
        continue;
      llvm::SmallVector<unsigned, 2> Numbers;
      for (ObjectPath &Lock : Locks) {
        auto It = llvm::find(RegionLock, Lock);
        Numbers.push_back(It - RegionLock.begin());
        if (It == RegionLock.end())
          RegionLock.push_back(std::move(Lock));
      }
      forEachStmtOfBlock(Body, [&](const Stmt *Inner) {
        RegionLocks[Inner].append(Numbers.begin(), Numbers.end());
      });
      Directives[S->getStmt()] = {Body, std::move(Numbers)};
    }
  // The blocks that test a loop's condition, for the joins a loop ends.
  llvm::DenseMap<const Stmt *, const CFGBlock *> LoopTests;
  auto ExitEdgeOf = [&](const Stmt *Loop) -> const CFGBlock * {
    if (LoopTests.empty())
      for (const CFGBlock *Block : Cfg)
        if (const Stmt *T = Block->getTerminatorStmt())
          if (isa<ForStmt, CXXForRangeStmt>(T) && Block->succ_size() == 2)
            LoopTests.try_emplace(T, Block);
    return LoopTests.lookup(Loop);
  };
  for (const CFGBlock *Block : Cfg) {
    const llvm::SmallVector<unsigned, 1> *Previous = nullptr;
    for (unsigned I = 0, E = Block->size(); I != E; ++I) {
      if (!RegionLocks.empty()) {
        auto S = (*Block)[I].getAs<CFGStmt>();
        auto It = S ? RegionLocks.find(S->getStmt()) : RegionLocks.end();
        const auto *Current = It != RegionLocks.end() ? &It->second : nullptr;
        if (Current)
          for (unsigned Lock : *Current)
            if (!Previous || !llvm::is_contained(*Previous, Lock)) {
              LockEffect Enter{LockEffect::Acquire, RegionLock[Lock]};
              Enter.Loc = S->getStmt()->getBeginLoc();
              All.push_back({Block, I, 0, std::move(Enter), true});
            }
        // An implicit destructor inside a region stays in it.
        if (S)
          Previous = Current;
        auto Directive = S ? Directives.find(S->getStmt()) : Directives.end();
        if (Directive != Directives.end())
          for (unsigned Number : Directive->second.second) {
            // A region inside one that holds the same lock (a `task` in a
            // `parallel`) leaves it held.
            if (Current && llvm::is_contained(*Current, Number))
              continue;
            LockEffect Leave{LockEffect::Release, RegionLock[Number]};
            Leave.Loc = Directive->second.first->getEndLoc();
            Leave.Source = LockSource::RegionEnd;
            All.push_back({Block, I, 0, std::move(Leave)});
          }
      }
      // A join ends the threads of its owner: at the call, or where the
      // loop that joins each of them exits.
      if (auto S = (*Block)[I].getAs<CFGStmt>())
        if (const auto *Call = dyn_cast<CallExpr>(S->getStmt())) {
          ThreadJoin Join = threadJoin(
              *Call, [&]() -> const ParentMap & { return ADC.getParentMap(); });
          if (Join.Owner) {
            LockEffect End{LockEffect::Release,
                           ObjectPath::threadsMarker(Join.Owner)};
            End.Loc = Call->getBeginLoc();
            if (!Join.Loop)
              All.push_back({Block, I, 0, std::move(End)});
            else if (const CFGBlock *Test = ExitEdgeOf(Join.Loop))
              All.push_back({Test, Test->size(), 1, std::move(End)});
          }
        }
      if (auto Dtor = (*Block)[I].getAs<CFGAutomaticObjDtor>())
        if (joinsAtScopeEnd(*Dtor->getVarDecl())) {
          LockEffect End{LockEffect::Release,
                         ObjectPath::threadsMarker(Dtor->getVarDecl())};
          End.Loc = Dtor->getVarDecl()->getLocation();
          All.push_back({Block, I, 0, std::move(End)});
        }
      Found.clear();
      Model.effectsOf((*Block)[I], Ctx, Found);
      if (CallEffects)
        CallEffects((*Block)[I], Found);
      for (LockEffect &L : Found)
        All.push_back({Block, I, 0, std::move(L)});
    }
    // A condition that tests a `try_lock()` holds the lock on its success
    // edge. `?:` yields a value rather than branching on the lock.
    const Stmt *Cond = Block->getTerminatorCondition();
    if (!Cond || Block->succ_size() != 2 ||
        isa_and_nonnull<AbstractConditionalOperator>(
            Block->getTerminatorStmt()))
      continue;
    // The true edge is the first successor, the false edge the second.
    llvm::SmallVector<LockEffect, 2> OnFalse;
    Found.clear();
    Model.conditionEffects(Cond, Ctx, Found, OnFalse);
    for (LockEffect &L : Found)
      All.push_back({Block, Block->size(), 0, std::move(L)});
    for (LockEffect &L : OnFalse)
      All.push_back({Block, Block->size(), 1, std::move(L)});
  }
  // A guard that locks in a mode of its own (`lk.ReaderLock()`) manages
  // its mutexes in that mode too.
  for (const Pending &P : All) {
    if (P.Effect.Kind != LockEffect::GuardLock || !P.Effect.InMode)
      continue;
    unsigned Guard = internGuard(P.Effect.Guard);
    llvm::SmallVector<unsigned, 2> Managed;
    for (auto [Lock, Owned] : Guards[Guard].Locks)
      Managed.push_back(lockOf(mutexOf(Lock), P.Effect.Mode));
    for (unsigned Lock : Managed)
      ownershipOf(Guard, Lock);
  }
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const Pending &P : All) {
      if (P.Effect.Kind != LockEffect::GuardMove)
        continue;
      unsigned To = internGuard(P.Effect.Guard);
      unsigned From = internGuard(P.Effect.From);
      for (unsigned J = 0; J != Guards[From].Locks.size(); ++J) {
        size_t Before = Guards[To].Locks.size();
        ownershipOf(To, Guards[From].Locks[J].first);
        Changed |= Guards[To].Locks.size() != Before;
      }
    }
  }
  BlockOps.resize(Cfg.getNumBlockIDs());
  for (const Pending &P : All) {
    if (P.Element < P.Block->size())
      lower(P.Effect, P.Element, P.BeforeElement,
            BlockOps[P.Block->getBlockID()]);
    else
      lower(P.Effect, P.Element, false, EdgeOps[P.Block->getBlockID()][P.Succ]);
  }
  ReleasedSomewhere.resize(2 * Mutexes.size());
  AcquiredSomewhere.resize(2 * Mutexes.size());
  auto Note = [&](const Op &O) {
    if (O.Kind == Op::ResetHeld || O.Kind == Op::ReleaseOwned)
      ReleasedSomewhere.set(O.Lock);
    else if (O.Kind == Op::SetHeld)
      AcquiredSomewhere.set(O.Lock);
  };
  for (const auto &Ops : BlockOps)
    llvm::for_each(Ops, Note);
  for (const auto &Edges : EdgeOps)
    for (const auto &Ops : Edges.second)
      llvm::for_each(Ops, Note);
}

void LocksetAnalysis::collectTryBodies() {
  for (const CFGBlock *Dispatch : Cfg.try_blocks()) {
    const auto *Try =
        dyn_cast_or_null<CXXTryStmt>(Dispatch->getTerminatorStmt());
    if (!Try)
      continue;
    unsigned Index = DispatchBlocks.size();
    DispatchBlocks.push_back(Dispatch);
    TryOfDispatchBlock[Dispatch] = Index;
    llvm::SmallVector<const Stmt *, 32> Stack{Try->getTryBlock()};
    while (!Stack.empty()) {
      const Stmt *S = Stack.pop_back_val();
      TryBodiesOf[S].push_back(Index);
      for (const Stmt *Child : S->children())
        if (Child)
          Stack.push_back(Child);
    }
  }
  HeldThroughoutTry.resize(DispatchBlocks.size());
}

Lockset LocksetAnalysis::emptyLockset() const {
  unsigned Again = Recursive.any() ? 2 * Mutexes.size() : 0;
  return {llvm::BitVector(2 * Mutexes.size()),
          llvm::BitVector(2 * Mutexes.size()),
          llvm::BitVector(NumOwned),
          llvm::BitVector(NumOwned),
          llvm::BitVector(Again),
          llvm::BitVector(Again)};
}

/// Meets \p State into \p Into; returns whether \p Into changed.
static bool meetInto(std::optional<Lockset> &Into, const Lockset &State) {
  if (!Into) {
    Into = State;
    return true;
  }
  Lockset Old = *Into;
  Into->Must &= State.Must;
  Into->May |= State.May;
  Into->OwnMust &= State.OwnMust;
  Into->OwnMay |= State.OwnMay;
  Into->AgainMust &= State.AgainMust;
  Into->AgainMay |= State.AgainMay;
  return *Into != Old;
}

std::optional<Lockset>
LocksetAnalysis::entryState(const CFGBlock &Block) const {
  if (&Block == &Cfg.getEntry()) {
    Lockset Entry = emptyLockset();
    for (unsigned Lock : EntryLocks) {
      Entry.Must.set(Lock);
      Entry.May.set(Lock);
    }
    return Entry;
  }
  std::optional<Lockset> State;
  for (const CFGBlock *Pred : Block.preds()) {
    if (!Pred)
      continue;
    if (const std::optional<Lockset> &PredOut = Out[Pred->getBlockID()]) {
      auto Edges = EdgeOps.find(Pred->getBlockID());
      if (Edges == EdgeOps.end()) {
        meetInto(State, *PredOut);
      } else {
        // Each edge from Pred into Block, with what its condition implies.
        unsigned Succ = 0;
        for (const CFGBlock *S : Pred->succs()) {
          if (S == &Block && Succ < 2) {
            Lockset OnEdge = *PredOut;
            for (const Op &O : Edges->second[Succ])
              apply(O, OnEdge);
            meetInto(State, OnEdge);
          }
          ++Succ;
        }
      }
    }
    auto Try = TryOfDispatchBlock.find(Pred);
    if (Try != TryOfDispatchBlock.end())
      if (const std::optional<Lockset> &Throw = HeldThroughoutTry[Try->second])
        meetInto(State, *Throw);
  }
  return State;
}

void LocksetAnalysis::releaseOnce(unsigned Lock, bool OnEveryPath,
                                  bool OnSomePath, Lockset &State) const {
  // Still held where it was held again; the count is not kept beyond two.
  if (OnSomePath && !State.AgainMust.test(Lock))
    State.Must.reset(Lock);
  if (OnEveryPath && !State.AgainMay.test(Lock))
    State.May.reset(Lock);
  if (OnSomePath)
    State.AgainMust.reset(Lock);
  if (OnEveryPath)
    State.AgainMay.reset(Lock);
}

void LocksetAnalysis::apply(const Op &O, Lockset &State) const {
  switch (O.Kind) {
  case Op::SetHeld:
    // A mutex is held in one mode at a time: locking it again in the other
    // mode (a deadlock, or undefined behaviour) leaves the held mode as it
    // was, as Clang's thread-safety analysis does.
    if (State.Must.test(O.Lock ^ 1))
      return;
    // A recursive mutex locked again is held once more.
    if (Recursive.test(mutexOf(O.Lock))) {
      if (State.Must.test(O.Lock))
        State.AgainMust.set(O.Lock);
      if (State.May.test(O.Lock))
        State.AgainMay.set(O.Lock);
    }
    State.Must.set(O.Lock);
    State.May.set(O.Lock);
    return;
  case Op::ResetHeld:
    if (Recursive.test(mutexOf(O.Lock))) {
      releaseOnce(O.Lock, /*OnEveryPath=*/true, /*OnSomePath=*/true, State);
      return;
    }
    State.Must.reset(O.Lock);
    State.May.reset(O.Lock);
    return;
  case Op::Own:
    State.OwnMust.set(O.Owned);
    State.OwnMay.set(O.Owned);
    return;
  case Op::ReleaseOwned:
    // Released, in whichever mode it is held, on the paths where the guard
    // owns it.
    if (Recursive.test(mutexOf(O.Lock))) {
      for (unsigned Lock : {O.Lock, O.Lock ^ 1})
        releaseOnce(Lock, State.OwnMust.test(O.Owned),
                    State.OwnMay.test(O.Owned), State);
    } else {
      if (State.OwnMay.test(O.Owned)) {
        State.Must.reset(O.Lock);
        State.Must.reset(O.Lock ^ 1);
      }
      if (State.OwnMust.test(O.Owned)) {
        State.May.reset(O.Lock);
        State.May.reset(O.Lock ^ 1);
      }
    }
    State.OwnMust.reset(O.Owned);
    State.OwnMay.reset(O.Owned);
    return;
  case Op::Disown:
    State.OwnMust.reset(O.Owned);
    State.OwnMay.reset(O.Owned);
    return;
  case Op::Unreachable:
    State.Must.set();
    State.May.reset();
    State.OwnMust.set();
    State.OwnMay.reset();
    State.AgainMust.set();
    State.AgainMay.reset();
    return;
  case Op::MoveOwn:
    State.OwnMust[O.Owned] = State.OwnMust.test(O.From);
    State.OwnMay[O.Owned] = State.OwnMay.test(O.From);
    State.OwnMust.reset(O.From);
    State.OwnMay.reset(O.From);
    return;
  }
}

template <typename Fn>
void LocksetAnalysis::walkBlock(const CFGBlock &Block, Lockset &State,
                                Fn BeforeElement) const {
  const auto &Ops = BlockOps[Block.getBlockID()];
  auto Next = Ops.begin();
  for (unsigned I = 0, E = Block.size(); I != E; ++I) {
    for (; Next != Ops.end() && Next->Element == I && Next->BeforeElement;
         ++Next)
      apply(*Next, State);
    BeforeElement(I, static_cast<const Lockset &>(State));
    for (; Next != Ops.end() && Next->Element == I; ++Next)
      apply(*Next, State);
  }
}

void LocksetAnalysis::run(AnalysisDeclContext &ADC, unsigned MaxBlocks) {
  In.resize(Cfg.getNumBlockIDs());
  Out.resize(Cfg.getNumBlockIDs());
  uint64_t Budget = uint64_t(VisitsPerBlock) * Cfg.getNumBlockIDs() + 1024;
  ForwardDataflowWorklist Worklist(Cfg, ADC);
  Worklist.enqueueBlock(&Cfg.getEntry());
  while (const CFGBlock *Block = Worklist.dequeue()) {
    if (Budget-- == 0) {
      Exhausted = true;
      return;
    }
    std::optional<Lockset> State = entryState(*Block);
    if (!State)
      continue; // Not reached yet.
    unsigned ID = Block->getBlockID();
    In[ID] = *State;
    walkBlock(*Block, *State, [&](unsigned I, const Lockset &Before) {
      if (TryBodiesOf.empty())
        return;
      auto S = (*Block)[I].getAs<CFGStmt>();
      if (!S)
        return;
      auto Tries = TryBodiesOf.find(S->getStmt());
      if (Tries == TryBodiesOf.end())
        return;
      for (unsigned Try : Tries->second)
        if (meetInto(HeldThroughoutTry[Try], Before))
          Worklist.enqueueSuccessors(DispatchBlocks[Try]);
    });
    if (!Out[ID] || *Out[ID] != *State) {
      Out[ID] = std::move(*State);
      Worklist.enqueueSuccessors(Block);
    }
  }
}

void LocksetAnalysis::forEachElement(ElementVisitor Visit) const {
  for (const CFGBlock *Block : Cfg) {
    const std::optional<Lockset> &Entry = In[Block->getBlockID()];
    if (!Entry)
      continue;
    Lockset State = *Entry;
    walkBlock(*Block, State, [&](unsigned I, const Lockset &Before) {
      Visit(*Block, I, Before);
    });
  }
}

std::optional<NotHeldReason> LocksetAnalysis::whyNotHeld(const CFGBlock &Block,
                                                         unsigned Index,
                                                         const Lockset &Before,
                                                         unsigned Mutex) const {
  llvm::BitVector Mine(Before.May.size());
  Mine.set(lockOf(Mutex, LockMode::Exclusive));
  Mine.set(lockOf(Mutex, LockMode::Shared));
  llvm::BitVector Partial = Before.May;
  Partial.reset(Before.Must);
  Partial &= Mine;
  llvm::BitVector Released = ReleasedSomewhere;
  Released &= Mine;
  // Held on some paths: explain those. Held on none: a release upstream is
  // still the likeliest mistake (an `unlock()` one line too early).
  const llvm::BitVector &Candidates = Partial.any() ? Partial : Released;
  if (Candidates.none())
    return std::nullopt;
  if (std::optional<NotHeldReason> Release =
          findRelease(Block, Index, Candidates))
    return Release;
  if (Partial.any())
    return findBranch(Block, Partial.find_first());
  return std::nullopt;
}

std::optional<NotHeldReason>
LocksetAnalysis::findRelease(const CFGBlock &Block, unsigned Index,
                             const llvm::BitVector &Candidates) const {
  // Breadth-first backwards, so the release found is the nearest one.
  llvm::SmallVector<std::pair<const CFGBlock *, unsigned>, 16> Queue{
      {&Block, Index}};
  llvm::BitVector Queued(Cfg.getNumBlockIDs());
  for (size_t Head = 0; Head != Queue.size(); ++Head) {
    if (ExplanationBudget == 0)
      return std::nullopt;
    --ExplanationBudget;
    const CFGBlock *Current = Queue[Head].first;
    unsigned End = Queue[Head].second;
    const auto &Ops = BlockOps[Current->getBlockID()];
    bool Reacquired = false;
    // Ops are in element order: start at the last one before End.
    auto Before = llvm::partition_point(Ops, [&](const Op &O) {
      return O.Element < End || (O.Element == End && O.BeforeElement);
    });
    for (auto It = std::make_reverse_iterator(Before), E = Ops.rend(); It != E;
         ++It) {
      if (ExplanationBudget == 0)
        return std::nullopt;
      --ExplanationBudget;
      if (!Candidates.test(It->Lock))
        continue;
      if (It->Kind == Op::ResetHeld || It->Kind == Op::ReleaseOwned)
        return NotHeldReason{NotHeldReason::ReleasedHere, It->Lock, It->Loc,
                             It->Source, It->GuardVar};
      if (It->Kind != Op::SetHeld)
        continue;
      Reacquired = true; // This path holds it again after any release.
      break;
    }
    if (Reacquired)
      continue;
    for (const CFGBlock *Pred : Current->preds()) {
      if (!Pred || !Out[Pred->getBlockID()] || Queued.test(Pred->getBlockID()))
        continue;
      Queued.set(Pred->getBlockID());
      Queue.push_back({Pred, Pred->size()});
    }
  }
  return std::nullopt;
}

/// The condition whose value decides a two-way branch, if \p Terminator is
/// one.
static const Expr *branchCondition(const Stmt *Terminator) {
  if (!Terminator)
    return nullptr;
  if (const auto *If = dyn_cast<IfStmt>(Terminator))
    return If->getCond();
  if (const auto *While = dyn_cast<WhileStmt>(Terminator))
    return While->getCond();
  if (const auto *For = dyn_cast<ForStmt>(Terminator))
    return For->getCond();
  if (const auto *Do = dyn_cast<DoStmt>(Terminator))
    return Do->getCond();
  if (const auto *Cond = dyn_cast<AbstractConditionalOperator>(Terminator))
    return Cond->getCond();
  if (const auto *BO = dyn_cast<BinaryOperator>(Terminator))
    return BO->isLogicalOp() ? BO->getLHS() : nullptr;
  return nullptr;
}

/// Names the decision that sends a path along the edge \p Pred -> \p Succ:
/// the nearest `case` label or two-way condition above it, through
/// straight-line blocks.
static std::optional<NotHeldReason>
describeBranch(const CFGBlock &Pred, const CFGBlock &Succ, unsigned Lock) {
  NotHeldReason Reason{NotHeldReason::MissingOnBranch, Lock, {}};
  const CFGBlock *Child = &Succ;
  const CFGBlock *Decision = &Pred;
  for (unsigned Steps = 0; Steps != 1000; ++Steps) {
    if (const Stmt *Label = Decision->getLabel();
        Label && isa<SwitchCase>(Label)) {
      Reason.Loc = Label->getBeginLoc();
      Reason.ThroughCase = true;
      return Reason;
    }
    const Expr *Cond = branchCondition(Decision->getTerminatorStmt());
    if (Cond && Decision->succ_size() == 2) {
      Reason.Loc = Cond->getBeginLoc();
      if (*Decision->succ_begin() == Child)
        Reason.ConditionValue = true;
      else if (*std::next(Decision->succ_begin()) == Child)
        Reason.ConditionValue = false;
      return Reason;
    }
    if (Decision->pred_size() != 1 || !*Decision->pred_begin())
      break;
    Child = Decision;
    Decision = *Decision->pred_begin();
  }
  // No condition: a `goto` or a jump out of a loop.
  if (const Stmt *Terminator = Decision->getTerminatorStmt()) {
    Reason.Loc = Terminator->getBeginLoc();
    return Reason;
  }
  return std::nullopt;
}

std::optional<NotHeldReason> LocksetAnalysis::findBranch(const CFGBlock &Block,
                                                         unsigned Lock) const {
  // Walk back through the blocks where the mutex is held on some paths only,
  // to an edge that comes from a block where it is held on none.
  llvm::SmallVector<const CFGBlock *, 16> Queue{&Block};
  llvm::BitVector Queued(Cfg.getNumBlockIDs());
  Queued.set(Block.getBlockID());
  for (size_t Head = 0; Head != Queue.size(); ++Head) {
    if (ExplanationBudget == 0)
      return std::nullopt;
    --ExplanationBudget;
    const CFGBlock *Current = Queue[Head];
    for (const CFGBlock *Pred : Current->preds()) {
      if (!Pred)
        continue;
      const std::optional<Lockset> &PredOut = Out[Pred->getBlockID()];
      if (!PredOut || PredOut->Must.test(Lock))
        continue;
      if (PredOut->May.test(Lock)) {
        if (!Queued.test(Pred->getBlockID())) {
          Queued.set(Pred->getBlockID());
          Queue.push_back(Pred);
        }
        continue;
      }
      return describeBranch(*Pred, *Current, Lock);
    }
  }
  return std::nullopt;
}

} // namespace mapguard
