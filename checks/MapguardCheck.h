//===--- MapguardCheck.h - What every mapguard check shares -----*- C++ -*-===//
//
// A mapguard check is thin: it reads the options, asks the analysis of the
// translation unit for its facts (once for all checks, through the module's
// AnalysisCache), and words the facts it reports. This base holds what the
// checks share: the options and the notes that explain a report.
//
//===----------------------------------------------------------------------===//

#ifndef MAPGUARD_CHECKS_MAPGUARDCHECK_H
#define MAPGUARD_CHECKS_MAPGUARDCHECK_H

#include "checks/AnalysisCache.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>

namespace mapguard {

class MapguardCheck : public clang::tidy::ClangTidyCheck {
public:
  MapguardCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context,
                std::shared_ptr<AnalysisCache> Cache);

  bool isLanguageVersionSupported(
      const clang::LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;
  void registerPPCallbacks(const clang::SourceManager &SM,
                           clang::Preprocessor *PP,
                           clang::Preprocessor *ModuleExpanderPP) override;

protected:
  /// Reports what this check finds in \p Facts.
  virtual void report(const TranslationUnitFacts &Facts) = 0;

  /// How a reader names the map: `g_map`, `Cache::entries`,
  /// `g_state.by_id`, `registry().map`.
  static std::string mapName(const SharedMap &Map);

  /// The notes every report carries: why the map is shared, why no mutex
  /// is held on every path, and which mutex guards the map's other accesses.
  void noteWhyShared(const AccessFact &Access);
  void noteWhyNotHeld(const AccessFact &Access);
  void noteEvidence(const AccessFact &Access, const MapGuard *Guard);

  /// The note that offers to fix an access to \p Map at \p Site (a write,
  /// or a call that reaches one) that does not hold \p Guard: lock it
  /// around the statement, or make the shared guard that holds it
  /// exclusive. With the option SuggestAnnotations, the first such note of a
  /// map whose guard is inferred also annotates the map.
  void suggestFix(const clang::Expr *Site, const clang::FunctionDecl *Function,
                  const SharedMap &Map, const MapGuard &Guard, bool AtCall,
                  bool HeldShared);

  /// Reports the calls that do not hold what their callee's access needs,
  /// for the accesses \p Selects picks.
  void reportCallers(const TranslationUnitFacts &Facts,
                     llvm::function_ref<bool(const AccessFact &)> Selects);

private:
  std::shared_ptr<AnalysisCache> Cache;
  clang::ASTContext *Context = nullptr;
  const clang::Preprocessor *PP = nullptr;
  /// Maps annotated by a fix in this translation unit.
  llvm::DenseSet<const clang::ValueDecl *> AnnotatedMaps;
  bool SuggestAnnotations;
  AnalysisOptions Analysis;
  const std::string MapTypes;
  const std::string LockTypes;
  const std::string GuardTypes;
  const std::string ThreadStarters;
  const std::string MapGuards;
};

} // namespace mapguard

#endif // MAPGUARD_CHECKS_MAPGUARDCHECK_H
