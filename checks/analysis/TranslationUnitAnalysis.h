//===--- TranslationUnitAnalysis.h - Facts in their context -----*- C++ -*-===//
//
// Answers: what holds at each access to a map in the context a reviewer
// would use, and so which accesses are mistakes. The context of a function
// is what every call of it holds (solved over the call graph to a fixed
// point, recursion included), whether other threads may run (not in static
// initialisation, not in `main` before its first thread, not in functions
// called only from there, not in a `std::call_once` body), and what its
// `requires_capability` attribute says. The instantiations of a template are
// merged into one access per source site. The analysis of a unit runs on a
// thread with a stack of its own.
//
// Leaves out: the call graph itself (CallGraph.h), lock wrappers
// (LockWrappers.h), the locks within one function (FunctionAnalysis.h),
// guards (GuardInference.h) and what is reported (Findings.h). A function's
// callers in other translation units are not seen: a function with external
// linkage that no code of the unit calls is analysed with no lock held.
//
//===----------------------------------------------------------------------===//

#ifndef MAPGUARD_ANALYSIS_TRANSLATIONUNITANALYSIS_H
#define MAPGUARD_ANALYSIS_TRANSLATIONUNITANALYSIS_H

#include "checks/analysis/Findings.h"
#include "checks/analysis/FunctionAnalysis.h"
#include "checks/analysis/SharedObjects.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace clang {
class ASTContext;
} // namespace clang

namespace mapguard {

struct AnalysisOptions {
  /// Which types are containers, and their methods (Containers.h).
  ContainerOptions Containers;
  std::vector<std::string> LockTypes;
  std::vector<std::string> GuardTypes;
  /// Functions (or classes, for their constructors) that run a callable
  /// argument on another thread, beside the standard ones.
  std::vector<std::string> ThreadStarters;
  /// Guarding mutexes given by name: map, mutex (see ConfiguredGuards).
  std::vector<std::pair<std::string, std::string>> MapGuards;
  bool ElementWrites = true;
  /// Read guard classes from their declarations where no body is visible
  /// (LockModel).
  bool GuardsFromDeclarations = true;
  /// Functions with more CFG blocks than this are not analysed.
  unsigned MaxFunctionBlocks = LocksetAnalysis::DefaultMaxBlocks;
  /// Nor functions whose statements nest deeper than this.
  unsigned MaxNestingDepth = mapguard::MaxNestingDepth;

  /// Distinguishes analyses run with different options.
  std::string key() const;
};

/// What the analysis of a translation unit concludes: its findings, and
/// the facts they rest on (for tests and tools that ask).
class TranslationUnitFacts {
public:
  /// The mistakes found, in source order.
  const std::vector<Finding> &findings() const { return Findings; }

  /// Every access to a map of the translation unit, one per source site.
  const std::vector<AccessFact> &accesses() const { return Accesses; }
  /// What the unit knows of the map of \p Access.
  const MapFacts &mapOf(const AccessFact &Access) const {
    return Maps[MapOf[&Access - Accesses.data()]];
  }
  /// The guarding mutex of the map of \p Access, if any.
  const MapGuard *guardOf(const AccessFact &Access) const {
    const auto &Guard = mapOf(Access).Guard;
    return Guard ? &*Guard : nullptr;
  }
  /// The unit's mutexes.
  const ObjectPath &mutex(MutexId Id) const { return Pool->mutex(Id); }

  /// Whether the configuration findings (GuardOptionUnresolved) are still
  /// to be reported: true for the first check that asks, so that the checks
  /// sharing one analysis report them once.
  bool claimConfigurationFindings() const {
    return !std::exchange(ConfigurationClaimed, true);
  }

private:
  friend class TranslationUnitAnalyzer;
  /// Owns the lock sets the accesses point to.
  std::unique_ptr<HeldLocksPool> Pool;
  /// What the findings' why-shared roots point into.
  std::unique_ptr<SharedObjects> Shared;
  std::unique_ptr<ConfiguredGuards> Configured;
  std::vector<AccessFact> Accesses;
  /// Per access, the index of its map in Maps.
  std::vector<unsigned> MapOf;
  std::vector<MapFacts> Maps;
  std::vector<Finding> Findings;
  mutable bool ConfigurationClaimed = false;
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
