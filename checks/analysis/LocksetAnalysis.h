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

#include "checks/analysis/LockModel.h"
#include "clang/Analysis/AnalysisDeclContext.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include <optional>
#include <vector>

namespace mapguard {

/// The mutexes held before a point of a function, by their index in
/// LocksetAnalysis::mutexes().
struct Lockset {
  llvm::BitVector Must; ///< Held on every path from the function's entry.
  llvm::BitVector May;  ///< Held on at least one path.

  bool operator==(const Lockset &O) const {
    return Must == O.Must && May == O.May;
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
  unsigned Mutex;
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

class LocksetAnalysis {
public:
  /// Runs the analysis of the CFG of \p ADC to its fixed point. Each function
  /// starts with no mutex held.
  LocksetAnalysis(clang::AnalysisDeclContext &ADC, const LockModel &Model);

  /// The mutexes the function acquires or releases.
  llvm::ArrayRef<MutexRef> mutexes() const { return Mutexes; }

  using ElementVisitor = llvm::function_ref<void(
      const clang::CFGBlock &Block, unsigned Index, const Lockset &Before)>;
  /// Calls \p Visit for every element of every reachable block, with the
  /// locks held before the element.
  void forEachElement(ElementVisitor Visit) const;

  /// Why some mutex is not held before element \p Index of \p Block, where
  /// \p Before is the lockset there: the nearest release on a path leading to
  /// it, or the branch where a path without the mutex begins.
  std::optional<NotHeldReason> whyNotHeld(const clang::CFGBlock &Block,
                                          unsigned Index,
                                          const Lockset &Before) const;

private:
  struct Effect {
    unsigned Element;
    LockAction Action;
    unsigned Mutex;
    clang::SourceLocation Loc;
    LockSource Source;
    const clang::VarDecl *Guard;
  };

  const clang::CFG &Cfg;
  std::vector<MutexRef> Mutexes;
  llvm::BitVector ReleasedSomewhere;
  /// Lock effects of each block, by block ID, in element order.
  std::vector<llvm::SmallVector<Effect, 0>> BlockEffects;
  std::vector<std::optional<Lockset>> In, Out;

  /// Catch handlers: the CFG links a `try` to its handlers only through
  /// explicit `throw`s, but any call in the body may throw. A handler starts
  /// with the locks held at every point of its `try` body.
  llvm::DenseMap<const clang::Stmt *, llvm::SmallVector<unsigned, 1>>
      TryBodiesOf;
  llvm::DenseMap<const clang::CFGBlock *, unsigned> TryOfDispatchBlock;
  std::vector<const clang::CFGBlock *> DispatchBlocks;
  std::vector<std::optional<Lockset>> HeldThroughoutTry;

  /// Bounds the work spent on explanations in a pathological function.
  mutable unsigned ExplanationBudget;

  unsigned internMutex(MutexRef Mutex);
  void collectEffects(const LockModel &Model, clang::ASTContext &Ctx);
  void collectTryBodies();
  void run(clang::AnalysisDeclContext &ADC);
  std::optional<Lockset> entryState(const clang::CFGBlock &Block) const;
  Lockset emptyLockset() const;
  void apply(const Effect &E, Lockset &State) const;

  template <typename Fn>
  void walkBlock(const clang::CFGBlock &Block, Lockset &State,
                 Fn BeforeElement) const;

  std::optional<NotHeldReason>
  findRelease(const clang::CFGBlock &Block, unsigned Index,
              const llvm::BitVector &Candidates) const;
  std::optional<NotHeldReason> findBranch(const clang::CFGBlock &Block,
                                          unsigned Mutex) const;
};

} // namespace mapguard

#endif // MAPGUARD_ANALYSIS_LOCKSETANALYSIS_H
