//===--- AnalysisCache.cpp - One analysis per translation unit ------------===//

#include "checks/AnalysisCache.h"

namespace mapguard {

const TranslationUnitFacts &
AnalysisCache::facts(clang::ASTContext &Ctx, const AnalysisOptions &Options) {
  std::unique_ptr<TranslationUnitFacts> &Slot = Facts[&Ctx][Options.key()];
  if (!Slot)
    Slot = analyzeTranslationUnit(Ctx, Options);
  return *Slot;
}

void AnalysisCache::leave(const clang::ASTContext *Ctx) {
  auto It = Users.find(Ctx);
  if (It == Users.end() || --It->second != 0)
    return;
  Users.erase(It);
  Facts.erase(Ctx);
}

} // namespace mapguard
