//===--- TranslationUnitAnalysis.h - Facts in their context -----*- C++ -*-===//
//
// Analyses the functions of a translation unit in the context a reviewer
// would use: the locks held at every call of a function, the functions
// handed to threads (which start with no lock held), the single-threaded
// phases (static initialisation, `main` before its first thread, functions
// called only from there, `std::call_once`), lock wrappers summarised from
// their bodies, and each map's guarding mutex with the evidence for it.
//
//===----------------------------------------------------------------------===//

#ifndef MAPGUARD_ANALYSIS_TRANSLATIONUNITANALYSIS_H
#define MAPGUARD_ANALYSIS_TRANSLATIONUNITANALYSIS_H

#include "checks/analysis/FunctionAnalysis.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
} // namespace clang

namespace mapguard {

struct AnalysisOptions {
  std::vector<std::string> MapTypes;
  std::vector<std::string> LockTypes;
  std::vector<std::string> GuardTypes;
  /// Functions (or classes, for their constructors) that run a callable
  /// argument on another thread, beside the standard ones.
  std::vector<std::string> ThreadStarters;
  /// Guarding mutexes given by name: map name, mutex name.
  std::vector<std::pair<std::string, std::string>> MapGuards;
  bool ElementWrites = true;
  /// Functions with more CFG blocks than this are not analysed.
  unsigned MaxFunctionBlocks = LocksetAnalysis::DefaultMaxBlocks;
  /// Nor functions whose statements nest deeper than this.
  unsigned MaxNestingDepth = mapguard::MaxNestingDepth;

  /// Distinguishes analyses run with different options.
  std::string key() const;
};

/// The mutex that guards a map, and the evidence for it.
struct MapGuard {
  enum SourceKind : uint8_t {
    Inferred,   ///< Held at most of the map's accesses.
    Annotated,  ///< Named by the map's `guarded_by` attribute.
    Configured, ///< Named by the MapGuards option.
  };
  ObjectPath Mutex;
  SourceKind Source;
  /// The numbers of the unit's mutexes that are this one (for a configured
  /// mutex, every mutex of its name); none if no code locks it.
  llvm::SmallVector<MutexId, 1> Ids = {};
  /// Writes outside single-threaded phases, and how many of them hold it.
  unsigned Writes = 0;
  unsigned GuardedWrites = 0;
  /// An access that holds it, if any.
  const AccessFact *Example = nullptr;
};

/// A call that does not hold the mutex its callee's access needs, where
/// other calls of that callee do.
struct CallerFinding {
  const clang::FunctionDecl *Caller;
  CallSiteFact Call;
  const AccessFact *Access;
  /// A call of the same callee that holds the mutex.
  const clang::Expr *GoodCall;
};

class TranslationUnitFacts {
public:
  /// Every access to a map of the translation unit, one per source site.
  const std::vector<AccessFact> &accesses() const { return Accesses; }

  /// Whether the map of \p Access is shared between threads: any map with
  /// static storage duration, and a member map whose class guards it.
  bool isShared(const AccessFact &Access) const;
  /// The guarding mutex of the map of \p Access, if any.
  const MapGuard *guardOf(const AccessFact &Access) const;
  /// Whether the map of \p Access is written outside single-threaded phases.
  bool isWrittenConcurrently(const AccessFact &Access) const;
  /// Whether \p Access holds the guarding mutex \p Guard.
  static bool holds(const AccessFact &Access, const MapGuard &Guard);
  /// The first mutex \p Access holds exclusively, and the first it holds
  /// only shared, if any: what a message names.
  const ObjectPath *heldExclusive(const AccessFact &Access) const;
  const ObjectPath *heldSharedOnly(const AccessFact &Access) const;

  /// Whether \p Access is protected by its callers on some calls but not
  /// others: it is reported at those calls instead.
  bool isReportedAtCallers(const AccessFact &Access) const;
  const std::vector<CallerFinding> &callerFindings() const {
    return CallerFindings;
  }

  /// Functions whose analysis stopped at its budget, and which budget.
  const std::vector<std::pair<const clang::FunctionDecl *, BudgetKind>> &
  unfinishedFunctions() const {
    return Unfinished;
  }

private:
  friend class TranslationUnitAnalyzer;
  /// Owns the lock sets the accesses point to.
  std::unique_ptr<HeldLocksPool> Pool;
  std::vector<AccessFact> Accesses;
  /// Per access, the index of its map in MapInfos.
  std::vector<unsigned> MapOf;
  struct MapInfo {
    std::optional<MapGuard> Guard;
    bool Shared = false;
    bool WrittenConcurrently = false;
  };
  std::vector<MapInfo> Maps;
  std::vector<CallerFinding> CallerFindings;
  std::vector<std::pair<const clang::FunctionDecl *, BudgetKind>> Unfinished;
  llvm::DenseMap<const AccessFact *, bool> AtCallers;
  unsigned indexOf(const AccessFact &Access) const {
    return &Access - Accesses.data();
  }
};

/// The stack the analysis of a translation unit runs on: its own thread's,
/// whatever the host's (clangd's workers have 8 MiB). Only the pages used
/// are ever touched.
constexpr unsigned AnalysisStackSize = 256u << 20;

/// Analyses the translation unit of \p Ctx, on a thread with a stack of
/// AnalysisStackSize bytes.
std::unique_ptr<TranslationUnitFacts>
analyzeTranslationUnit(clang::ASTContext &Ctx, const AnalysisOptions &Options);

} // namespace mapguard

#endif // MAPGUARD_ANALYSIS_TRANSLATIONUNITANALYSIS_H
