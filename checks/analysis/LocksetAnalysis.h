//===--- LocksetAnalysis.h - Which mutexes are held where -------*- C++ -*-===//
//
// A forward dataflow over one function's CFG whose state is the set of held
// mutexes. It tracks the mutexes held on every path (intersected where paths
// join: the must-set that decides whether a write is protected) and those held
// on some path (united: what lets a note explain a lock held on some paths
// only). It iterates a worklist in reverse post-order to a fixed point and
// never enumerates paths.
//
//===----------------------------------------------------------------------===//

#ifndef MAPGUARD_ANALYSIS_LOCKSETANALYSIS_H
#define MAPGUARD_ANALYSIS_LOCKSETANALYSIS_H

#include "checks/analysis/HeldLocks.h"
#include "checks/analysis/LockModel.h"
#include "clang/Analysis/AnalysisDeclContext.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include <array>
#include <optional>
#include <vector>

namespace mapguard {

/// The locks held before a point of a function. A lock is a mutex held in a
/// mode (LocksetAnalysis::lockOf), numbered among the function's own
/// mutexes, so that the sets are as wide as the function names mutexes, not
/// the unit; guards' ownership of their mutexes is tracked beside them, so
/// that a guard's destructor releases only what it still owns.
struct Lockset {
  llvm::BitVector Must;    ///< Held on every path from the function's entry.
  llvm::BitVector May;     ///< Held on at least one path.
  llvm::BitVector OwnMust; ///< Owned by its guard on every path.
  llvm::BitVector OwnMay;  ///< Owned by its guard on at least one path.
  /// A recursive mutex's lock held a second time (or more), on every path
  /// and on some: one unlock leaves it held. Empty in a function that locks
  /// no recursive mutex.
  llvm::BitVector AgainMust, AgainMay;

  bool operator==(const Lockset &O) const {
    return Must == O.Must && May == O.May && OwnMust == O.OwnMust &&
           OwnMay == O.OwnMay && AgainMust == O.AgainMust &&
           AgainMay == O.AgainMay;
  }
  bool operator!=(const Lockset &O) const { return !(*this == O); }
};

/// Why a mutex is not held at a point, for a reader to act on.
struct NotHeldReason {
  enum KindType : uint8_t {
    /// The nearest release on a path to the point: an `unlock()`, or a guard
    /// going out of scope.
    ReleasedHere,
    /// The mutex is held on some paths to the point; this branch starts a
    /// path on which it is not.
    MissingOnBranch,
  };
  KindType Kind;
  unsigned Lock; ///< See LocksetAnalysis::lockOf.
  clang::SourceLocation Loc;
  /// ReleasedHere: what releases it, and the guard if a guard does.
  LockSource Source = LockSource::Call;
  const clang::VarDecl *Guard = nullptr;
  /// MissingOnBranch: the value of the condition on that path, where the
  /// branch is a two-way condition.
  std::optional<bool> ConditionValue;
  /// MissingOnBranch: the path goes through a `case` or `default` label.
  bool ThroughCase = false;
};

/// Appends the lock effects of a CFG element (a call, a constructor call, the
/// implicit destructor of a local) that the lock model cannot see by itself:
/// a lock wrapper summarised from its body, a call that starts threads.
using CallEffectsFn = llvm::function_ref<void(
    const clang::CFGElement &Element, llvm::SmallVectorImpl<LockEffect> &Out)>;

class LocksetAnalysis {
public:
  /// Runs the analysis of the CFG of \p ADC to its fixed point, starting with
  /// \p HeldAtEntry held (what every caller holds, or what the function
  /// requires; null for nothing). Mutexes are numbered in \p Pool.
  /// A function whose CFG has more than \p MaxBlocks blocks is not
  /// analysed: exhausted() says so.
  LocksetAnalysis(clang::AnalysisDeclContext &ADC, const LockModel &Model,
                  HeldLocksPool &Pool, const HeldLocks *HeldAtEntry = nullptr,
                  CallEffectsFn CallEffects = nullptr,
                  unsigned MaxBlocks = DefaultMaxBlocks);

  static constexpr unsigned DefaultMaxBlocks = 200000;

  /// Whether the fixed point was given up on: the function exceeded the
  /// analysis budget. Nothing it says is then to be relied on.
  bool exhausted() const { return Exhausted; }

  /// Whether the function releases \p Mutex somewhere.
  bool releases(unsigned Mutex) const {
    return ReleasedSomewhere.test(lockOf(Mutex, LockMode::Exclusive)) ||
           ReleasedSomewhere.test(lockOf(Mutex, LockMode::Shared));
  }
  /// Whether the function acquires \p Mutex somewhere.
  bool acquires(unsigned Mutex) const {
    return AcquiredSomewhere.test(lockOf(Mutex, LockMode::Exclusive)) ||
           AcquiredSomewhere.test(lockOf(Mutex, LockMode::Shared));
  }

  /// The locks held where the function returns, if it can.
  const std::optional<Lockset> &exitState() const {
    return In[Cfg.getExit().getBlockID()];
  }

  /// The mutexes the function acquires or releases, by their number in the
  /// function: their numbers in the pool.
  llvm::ArrayRef<MutexId> mutexes() const { return Mutexes; }

  /// Locks are numbered by the function's mutex number and mode.
  static unsigned lockOf(unsigned Mutex, LockMode Mode) {
    return 2 * Mutex + static_cast<unsigned>(Mode);
  }
  static unsigned mutexOf(unsigned Lock) { return Lock / 2; }
  static LockMode modeOf(unsigned Lock) {
    return static_cast<LockMode>(Lock % 2);
  }

  using ElementVisitor = llvm::function_ref<void(
      const clang::CFGBlock &Block, unsigned Index, const Lockset &Before)>;
  /// Calls \p Visit for every element of every reachable block, with the
  /// locks held before the element.
  void forEachElement(ElementVisitor Visit) const;

  /// The function's number of the unit's mutex \p Mutex, if the function
  /// acquires or releases it.
  std::optional<unsigned> localMutexOf(MutexId Mutex) const {
    auto It = LocalOf.find(Mutex);
    return It == LocalOf.end() ? std::nullopt
                               : std::optional<unsigned>(It->second);
  }

  /// Why mutex \p Mutex (the function's number) is not held before element
  /// \p Index of \p Block, where \p Before is the lockset there: the
  /// nearest release on a path leading to it, or the branch where a path
  /// without the mutex begins.
  std::optional<NotHeldReason> whyNotHeld(const clang::CFGBlock &Block,
                                          unsigned Index, const Lockset &Before,
                                          unsigned Mutex) const;

private:
  /// A lock effect lowered to what it does to the state.
  struct Op {
    enum KindType : uint8_t {
      SetHeld,      ///< Lock becomes held (once more, for a recursive
                    ///< mutex).
      ResetHeld,    ///< Lock is released (once, for a recursive mutex).
      Own,          ///< A guard comes to own Lock (ownership Owned).
      ReleaseOwned, ///< Lock is released if its guard owns it.
      Disown,       ///< The guard no longer owns it; it stays held.
      MoveOwn,      ///< Ownership Owned takes over ownership From.
      Unreachable,  ///< The path ends: every lock is held on every path
                    ///< and on none, the meet's identity.
    };
    KindType Kind;
    unsigned Element;
    /// Applied before Element rather than after it: the entry into an
    /// OpenMP region, whose directive the CFG places after its block.
    bool BeforeElement;
    unsigned Lock = 0;
    unsigned Owned = 0;
    unsigned From = 0;
    clang::SourceLocation Loc;
    LockSource Source = LockSource::Call;
    const clang::VarDecl *GuardVar = nullptr;
  };

  /// A guard object: each lock it manages, with the bit that says it owns
  /// it. A guard that is assigned from another manages that one's locks too.
  struct GuardInfo {
    llvm::SmallVector<std::pair<unsigned, unsigned>, 2> Locks;
  };

  const clang::CFG &Cfg;
  const LockModel &Model;
  clang::ASTContext &Ctx;
  HeldLocksPool &Pool;
  std::vector<MutexId> Mutexes;
  /// Per mutex of the function, whether it is recursive.
  llvm::BitVector Recursive;
  llvm::DenseMap<MutexId, unsigned> LocalOf;
  std::vector<GuardInfo> Guards;
  llvm::DenseMap<GuardKey, unsigned> GuardIndex;
  unsigned NumOwned = 0;
  llvm::BitVector ReleasedSomewhere;
  llvm::BitVector AcquiredSomewhere;
  /// Ops of each block, by block ID, in element order.
  std::vector<llvm::SmallVector<Op, 0>> BlockOps;
  /// Ops on the edges out of a block whose condition is a `try_lock()`, by
  /// block ID and successor.
  llvm::DenseMap<unsigned, std::array<llvm::SmallVector<Op, 1>, 2>> EdgeOps;
  std::vector<std::optional<Lockset>> In, Out;
  llvm::SmallVector<unsigned, 2> EntryLocks;

  /// Catch handlers: the CFG links a `try` to its handlers only through
  /// explicit `throw`s, but any call in the body may throw. A handler starts
  /// with the locks held at every point of its `try` body.
  llvm::DenseMap<const clang::Stmt *, llvm::SmallVector<unsigned, 1>>
      TryBodiesOf;
  llvm::DenseMap<const clang::CFGBlock *, unsigned> TryOfDispatchBlock;
  std::vector<const clang::CFGBlock *> DispatchBlocks;
  std::vector<std::optional<Lockset>> HeldThroughoutTry;

  bool Exhausted = false;
  /// Bounds the work spent on explanations in a pathological function.
  mutable unsigned ExplanationBudget;

  unsigned internMutex(const ObjectPath &Mutex);
  unsigned localMutex(MutexId Mutex);
  unsigned internGuard(GuardKey Guard);
  unsigned ownershipOf(unsigned Guard, unsigned Lock);
  /// Releases a recursive mutex's \p Lock once, on every path (a guard
  /// that owns it on every path) or on some.
  void releaseOnce(unsigned Lock, bool OnEveryPath, bool OnSomePath,
                   Lockset &State) const;
  void lower(const LockEffect &Effect, unsigned Element, bool BeforeElement,
             llvm::SmallVectorImpl<Op> &Ops);
  void collectOps(clang::AnalysisDeclContext &ADC, const HeldLocks *HeldAtEntry,
                  CallEffectsFn CallEffects);
  void collectTryBodies();
  void run(clang::AnalysisDeclContext &ADC, unsigned MaxBlocks);
  std::optional<Lockset> entryState(const clang::CFGBlock &Block) const;
  Lockset emptyLockset() const;
  void apply(const Op &O, Lockset &State) const;

  template <typename Fn>
  void walkBlock(const clang::CFGBlock &Block, Lockset &State,
                 Fn BeforeElement) const;

  std::optional<NotHeldReason>
  findRelease(const clang::CFGBlock &Block, unsigned Index,
              const llvm::BitVector &Candidates) const;
  std::optional<NotHeldReason> findBranch(const clang::CFGBlock &Block,
                                          unsigned Lock) const;
};

} // namespace mapguard

#endif // MAPGUARD_ANALYSIS_LOCKSETANALYSIS_H
