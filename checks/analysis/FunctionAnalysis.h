//===--- FunctionAnalysis.h - The facts of one function ---------*- C++ -*-===//
//
// Finds the accesses to shared maps in one function body and asks the
// lockset analysis which mutexes are held at each, at each call to another
// function of the translation unit, and where the function returns. The
// function is analysed in a context: the locks its callers hold, and
// whether other threads may run yet.
//
//===----------------------------------------------------------------------===//

#ifndef MAPGUARD_ANALYSIS_FUNCTIONANALYSIS_H
#define MAPGUARD_ANALYSIS_FUNCTIONANALYSIS_H

#include "checks/analysis/LockModel.h"
#include "checks/analysis/LocksetAnalysis.h"
#include "checks/analysis/MapModel.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>
#include <optional>
#include <vector>

namespace clang {
class ASTContext;
class FunctionDecl;
} // namespace clang

namespace mapguard {

/// Where a function's body accesses a map, found before any CFG is built.
struct MapAccessSite {
  const clang::Expr *Site;
  /// Which of the maps the site accesses (`a.swap(b)` writes two).
  unsigned Ordinal;
  MapAccess Access;
  SharedMap Map;
  /// An `operator[]` whose result is only read where it stands (see
  /// AccessFact::SubscriptOnlyRead).
  bool SubscriptOnlyRead = false;
};

/// One access to a map and the locks held on every path to it.
struct AccessFact {
  const clang::Expr *Site;
  /// Which of the maps the site accesses (`a.swap(b)` writes two).
  unsigned Ordinal;
  SharedMap Map;
  AccessKind Kind;
  llvm::StringRef Operation;
  /// An `operator[]` whose result is only read: it still inserts.
  bool SubscriptOnlyRead = false;
  /// The locks held on every path: mutexes held exclusively, and those held
  /// only shared (enough for a read only). One record for every point that
  /// holds the same; never null.
  const HeldLocks *Held = nullptr;
  /// Why the mutex asked about (FunctionContext::Explain) is not held here;
  /// and, for a read, the full expression it is part of. Only for the
  /// accesses asked about.
  std::optional<NotHeldReason> Why;
  const clang::Stmt *FullExpr = nullptr;
  const clang::FunctionDecl *Function = nullptr;
  /// Instantiations of a template hold different mutexes here (a static
  /// mutex per instantiation): Held names one of them.
  bool HeldVariesByInstantiation = false;
  /// No other thread can run here: static initialisation, `main` before it
  /// starts a thread, functions called only from there, `std::call_once`.
  bool SingleThreaded = false;

  bool isWrite() const { return Kind != AccessKind::Read; }
  /// Whether some mutex is held exclusively; held only shared.
  bool holdsExclusive() const { return Held->anyExclusive(); }
  bool holdsSharedOnly() const { return Held->anySharedOnly(); }
};

/// A call to a function of the translation unit (a lambda: where it is
/// defined), with the locks held there.
struct CallSiteFact {
  const clang::FunctionDecl *Callee;
  const clang::Expr *Site;
  /// Held on every path, in the caller's terms.
  const HeldLocks *Held;
  bool SingleThreaded;
  /// Made by a constructor or destructor (or a function called only so) on
  /// its own object, `helper()` or `this->helper()`: the callee's object is
  /// not shared yet, or any more.
  bool OnObjectInLifetime = false;
};

/// A call of a function, as its callee sees it.
struct IncomingCall {
  const clang::FunctionDecl *Caller;
  CallSiteFact Call;
  /// The locks held at the call, named as the callee names them.
  const HeldLocks *HeldInCallee;
};

/// How deeply a function's statements may nest for its CFG to be built and
/// walked, at most. Clang's CFG builder recurses once or twice per level of
/// nesting (a few hundred bytes of stack each); the analysis runs on a stack
/// of AnalysisStackSize bytes, of which this depth uses a fraction.
constexpr unsigned MaxNestingDepth = 100000;

/// Why the analysis of a function gave up.
enum class BudgetKind : uint8_t {
  None,
  /// More CFG blocks than the budget, or a fixed point that took too long.
  Blocks,
  /// Expressions nested deeper than the analysis' stack can follow (a
  /// generated `&&` chain of a hundred thousand terms).
  Nesting,
};

/// A function's CFG and its locksets at their fixed point, kept from the
/// analysis that found its facts (FunctionContext::KeepBody) so that the
/// explanations asked for once the guards are known read them rather than
/// build them again.
struct AnalysedBody;
struct AnalysedBodyDeleter {
  void operator()(AnalysedBody *Body) const;
};
using AnalysedBodyPtr = std::unique_ptr<AnalysedBody, AnalysedBodyDeleter>;

struct FunctionFacts {
  /// The analysis stopped at its budget; the facts below are empty.
  bool Unfinished = false;
  BudgetKind Budget = BudgetKind::None;
  std::vector<AccessFact> Accesses;
  std::vector<CallSiteFact> Calls;
  /// Where the function returns: the locks held on every path; null if it
  /// cannot return.
  const HeldLocks *HeldAtExit = nullptr;
  /// Mutexes the function releases, does not acquire, and does not hold
  /// where it returns.
  llvm::SmallVector<ObjectPath, 2> ReleasedAtExit;
  /// Mutexes the function acquires on some paths, releases on none, and may
  /// hold where it returns (`if (is_safe_) pthread_mutex_lock(&mu_);`), with
  /// the mode.
  llvm::SmallVector<std::pair<ObjectPath, LockMode>, 1> MayAcquireAtExit;
  /// Where asked for and the function accesses maps: its analysed body.
  AnalysedBodyPtr Body;
};

/// What a function's callers and the translation unit tell about it.
struct FunctionContext {
  /// Held when the function is entered: what every caller holds, and what
  /// its `requires_capability` attribute names. Null for nothing.
  const HeldLocks *HeldAtEntry = nullptr;
  /// No other thread runs when the function is entered.
  bool SingleThreadedAtEntry = false;
  /// Every call runs it on an object under construction or destruction
  /// (CallSiteFact::OnObjectInLifetime): its own members are nobody
  /// else's.
  bool ObjectInLifetimeAtEntry = false;
  /// Lock effects of calls the lock model cannot see (lock wrappers, calls
  /// that start threads); acquiring ObjectPath::threadsMarker() says that
  /// other threads may run from there on.
  CallEffectsFn CallEffects = nullptr;
  /// Which callees to record call sites for.
  llvm::function_ref<bool(const clang::FunctionDecl *)> IsTracked = nullptr;
  /// The function's accesses (a MapAccessCollector's, reads and element
  /// writes included), where the caller has them already; else they are
  /// found anew.
  const std::vector<MapAccessSite> *Accesses = nullptr;
  bool ElementWrites = true;
  bool Reads = true;
  /// The accesses to explain, by site and ordinal, with the mutex whose
  /// absence to explain; null for none. Explanations are asked for after the
  /// guards are known, for the accesses reported only.
  const llvm::DenseMap<std::pair<const clang::Expr *, unsigned>,
                       std::optional<MutexId>> *Explain = nullptr;
  /// Keep the analysed body in the facts (FunctionFacts::Body).
  bool KeepBody = false;
  /// The body a former analysis in this same context kept: the facts are
  /// read from it, with the explanations asked, rather than found anew.
  AnalysedBody *Reuse = nullptr;
  /// Functions with more CFG blocks than this are not analysed.
  unsigned MaxBlocks = LocksetAnalysis::DefaultMaxBlocks;
  /// Nor functions whose statements nest deeper than this (at most
  /// MaxNestingDepth).
  unsigned MaxNesting = MaxNestingDepth;
};

/// Collects the accesses to maps that the statements it is shown make (see
/// OwnCode.h for which statements are a function's).
class MapAccessCollector {
public:
  /// \p LocalRoots: keep the accesses to maps reached from locals and
  /// parameters too (SharedMapKind::Handed), for the caller to sift once it
  /// knows which are handed to threads.
  MapAccessCollector(const MapModel &Maps, const clang::ASTContext &Ctx,
                     bool ElementWrites = true, bool Reads = true,
                     bool LocalRoots = false);
  void visit(const clang::Stmt *S);
  /// The accesses seen so far, less the lookups that only serve an element
  /// write.
  std::vector<MapAccessSite> take();

private:
  const MapModel &Maps;
  const clang::ASTContext &Ctx;
  bool ElementWrites;
  bool Reads;
  bool LocalRoots;
  std::vector<MapAccessSite> Found;
  llvm::SmallVector<MapAccess, 2> Accesses;
  llvm::DenseSet<const clang::Expr *> Vias;
  /// The expressions whose result their parent changes (the left side of
  /// an assignment, a non-const method's object...), met before them: a
  /// walk visits parents first.
  llvm::DenseSet<const clang::Expr *> WrittenThrough;
  void noteWrittenThrough(const clang::Stmt *S);
};

/// The facts of \p Function in \p Context; its mutexes and lock sets are
/// numbered and stored in \p Pool.
FunctionFacts analyzeFunction(const clang::FunctionDecl &Function,
                              const MapModel &Maps, const LockModel &Locks,
                              HeldLocksPool &Pool,
                              const FunctionContext &Context);

} // namespace mapguard

#endif // MAPGUARD_ANALYSIS_FUNCTIONANALYSIS_H
