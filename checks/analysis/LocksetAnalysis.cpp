//===--- LocksetAnalysis.cpp - Which mutexes are held where ---------------===//

#include "checks/analysis/LocksetAnalysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/Analyses/PostOrderCFGView.h"
#include "clang/Analysis/FlowSensitive/DataflowWorklist.h"

using namespace clang;

namespace mapguard {

// Explanations walk the CFG backwards from a write; in a function with
// thousands of unprotected writes the walks together stay within this many
// block visits, after which the notes are left out rather than the time spent.
static constexpr unsigned ExplanationBlockBudget = 200000;

LocksetAnalysis::LocksetAnalysis(AnalysisDeclContext &ADC,
                                 const LockModel &Model)
    : Cfg(*ADC.getCFG()), ExplanationBudget(ExplanationBlockBudget) {
  collectEffects(Model, ADC.getASTContext());
  collectTryBodies();
  run(ADC);
}

unsigned LocksetAnalysis::internMutex(MutexRef Mutex) {
  // A function names few mutexes; a linear search beats hashing paths.
  for (unsigned I = 0, E = Mutexes.size(); I != E; ++I)
    if (Mutexes[I] == Mutex)
      return I;
  Mutexes.push_back(std::move(Mutex));
  return Mutexes.size() - 1;
}

void LocksetAnalysis::collectEffects(const LockModel &Model, ASTContext &Ctx) {
  BlockEffects.resize(Cfg.getNumBlockIDs());
  llvm::SmallVector<LockEffect, 2> Found;
  for (const CFGBlock *Block : Cfg) {
    auto &Effects = BlockEffects[Block->getBlockID()];
    for (unsigned I = 0, E = Block->size(); I != E; ++I) {
      Found.clear();
      Model.effectsOf((*Block)[I], Ctx, Found);
      for (LockEffect &L : Found)
        Effects.push_back({I, L.Action, internMutex(std::move(L.Mutex)), L.Loc,
                           L.Source, L.Guard});
    }
  }
  ReleasedSomewhere.resize(Mutexes.size());
  for (const auto &Effects : BlockEffects)
    for (const Effect &E : Effects)
      if (E.Action == LockAction::Release)
        ReleasedSomewhere.set(E.Mutex);
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
  return {llvm::BitVector(Mutexes.size()), llvm::BitVector(Mutexes.size())};
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
  return *Into != Old;
}

std::optional<Lockset>
LocksetAnalysis::entryState(const CFGBlock &Block) const {
  if (&Block == &Cfg.getEntry())
    return emptyLockset();
  std::optional<Lockset> State;
  for (const CFGBlock *Pred : Block.preds()) {
    if (!Pred)
      continue;
    if (const std::optional<Lockset> &PredOut = Out[Pred->getBlockID()])
      meetInto(State, *PredOut);
    auto Try = TryOfDispatchBlock.find(Pred);
    if (Try != TryOfDispatchBlock.end())
      if (const std::optional<Lockset> &Throw = HeldThroughoutTry[Try->second])
        meetInto(State, *Throw);
  }
  return State;
}

void LocksetAnalysis::apply(const Effect &E, Lockset &State) const {
  if (E.Action == LockAction::Acquire) {
    State.Must.set(E.Mutex);
    State.May.set(E.Mutex);
  } else {
    State.Must.reset(E.Mutex);
    State.May.reset(E.Mutex);
  }
}

template <typename Fn>
void LocksetAnalysis::walkBlock(const CFGBlock &Block, Lockset &State,
                                Fn BeforeElement) const {
  const auto &Effects = BlockEffects[Block.getBlockID()];
  auto Next = Effects.begin();
  for (unsigned I = 0, E = Block.size(); I != E; ++I) {
    BeforeElement(I, static_cast<const Lockset &>(State));
    for (; Next != Effects.end() && Next->Element == I; ++Next)
      apply(*Next, State);
  }
}

void LocksetAnalysis::run(AnalysisDeclContext &ADC) {
  In.resize(Cfg.getNumBlockIDs());
  Out.resize(Cfg.getNumBlockIDs());
  ForwardDataflowWorklist Worklist(Cfg, ADC);
  Worklist.enqueueBlock(&Cfg.getEntry());
  while (const CFGBlock *Block = Worklist.dequeue()) {
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

std::optional<NotHeldReason>
LocksetAnalysis::whyNotHeld(const CFGBlock &Block, unsigned Index,
                            const Lockset &Before) const {
  llvm::BitVector Partial = Before.May;
  Partial.reset(Before.Must);
  // Held on some paths: explain those. Held on none: a release upstream is
  // still the likeliest mistake (an `unlock()` one line too early).
  const llvm::BitVector &Candidates =
      Partial.any() ? Partial : ReleasedSomewhere;
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
    auto [Current, End] = Queue[Head];
    const auto &Effects = BlockEffects[Current->getBlockID()];
    bool Reacquired = false;
    for (auto It = Effects.rbegin(), E = Effects.rend(); It != E; ++It) {
      if (It->Element >= End || !Candidates.test(It->Mutex))
        continue;
      if (It->Action == LockAction::Release)
        return NotHeldReason{NotHeldReason::ReleasedHere, It->Mutex, It->Loc,
                             It->Source, It->Guard};
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
describeBranch(const CFGBlock &Pred, const CFGBlock &Succ, unsigned Mutex) {
  NotHeldReason Reason{NotHeldReason::MissingOnBranch, Mutex, {}};
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
                                                         unsigned Mutex) const {
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
      if (!PredOut || PredOut->Must.test(Mutex))
        continue;
      if (PredOut->May.test(Mutex)) {
        if (!Queued.test(Pred->getBlockID())) {
          Queued.set(Pred->getBlockID());
          Queue.push_back(Pred);
        }
        continue;
      }
      return describeBranch(*Pred, *Current, Mutex);
    }
  }
  return std::nullopt;
}

} // namespace mapguard
