//===--- AnalysisCache.h - One analysis per translation unit ----*- C++ -*-===//
//
// mapguard's checks ask the same questions of the same translation unit.
// The module hands every check it creates one cache, so that the analysis
// runs once per translation unit and options, however many checks are on.
// It lives as long as the clang-tidy run's check factories, not longer: no
// process-wide state.
//
//===----------------------------------------------------------------------===//

#ifndef MAPGUARD_CHECKS_ANALYSISCACHE_H
#define MAPGUARD_CHECKS_ANALYSISCACHE_H

#include "checks/analysis/TranslationUnitAnalysis.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include <memory>

namespace clang {
class ASTContext;
} // namespace clang

namespace mapguard {

class AnalysisCache {
public:
  /// A check starts working on the translation unit of \p Ctx.
  void enter(const clang::ASTContext *Ctx) { ++Users[Ctx]; }

  /// The facts of the translation unit of \p Ctx under \p Options, analysed
  /// on first request.
  const TranslationUnitFacts &facts(clang::ASTContext &Ctx,
                                    const AnalysisOptions &Options);

  /// A check is done with the translation unit of \p Ctx; the last one to
  /// leave drops its facts (the next unit may reuse the address).
  void leave(const clang::ASTContext *Ctx);

private:
  llvm::DenseMap<const clang::ASTContext *, unsigned> Users;
  llvm::DenseMap<const clang::ASTContext *,
                 llvm::StringMap<std::unique_ptr<TranslationUnitFacts>>>
      Facts;
};

} // namespace mapguard

#endif // MAPGUARD_CHECKS_ANALYSISCACHE_H
