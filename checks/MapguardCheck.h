//===--- MapguardCheck.h - What every mapguard check shares -----*- C++ -*-===//
//
// A mapguard check is thin: it reads the options, asks the analysis of the
// translation unit for its findings (once for all checks, through the
// module's AnalysisCache), selects the kinds of findings it reports and
// words them. This base holds what the checks share: the options, the notes
// that explain a report, and the wording of what every check reports alike
// (findings at callers, configuration problems).
//
//===----------------------------------------------------------------------===//

#ifndef MAPGUARD_CHECKS_MAPGUARDCHECK_H
#define MAPGUARD_CHECKS_MAPGUARDCHECK_H

#include "checks/AnalysisCache.h"
#include "checks/LockFixes.h"
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
  /// Whether this check reports findings of kind \p Kind.
  virtual bool selects(FindingKind Kind) const = 0;
  /// Words a finding of a kind it selects.
  virtual void report(const Finding &F) = 0;

  /// The notes every report carries: why the map is shared, why the guard
  /// is not held, which mutex guards the map's other accesses, and the other
  /// accesses the same mistake leaves unguarded.
  void noteWhyShared(const Finding &F);
  /// What the container is, in the words of a diagnostic: "map",
  /// "vector", "container" for a project's own.
  static llvm::StringRef nounOf(const SharedMap &Map);
  void noteWhyNotHeld(const Finding &F);
  /// Why the objects of \p Class, which has the member \p Member, are
  /// shared: from \p Root, class by class, to a shared object.
  void noteSharedClass(llvm::StringRef Member,
                       const clang::CXXRecordDecl *Class,
                       const SharedRoot *Root);
  void noteEvidence(const AccessFact &Access, const MapGuard *Guard);
  void noteOthers(const Finding &F);

  /// The note that offers the finding's fix: lock the guard around the
  /// statement, or make the shared guard that holds it exclusive. With the
  /// option SuggestAnnotations, the first such note of a map whose guard is
  /// inferred also annotates the map.
  void suggestFix(const Finding &F);

  /// Words the findings at callers (the Call kinds), the same for every
  /// check.
  void reportAtCaller(const Finding &F);

private:
  void reportOption(const Finding &F);
  /// Whether a report at \p Loc is one clang-tidy shows: in the main file,
  /// or in a header its HeaderFilterRegex (less ExcludeHeaderFilterRegex)
  /// names, a system header only with SystemHeaders. On the command line
  /// clang-tidy drops the others itself; clangd does not, and shows a
  /// header's report at the first of its notes in the main file. Asked
  /// here, the editor shows what the command line does.
  bool shownByClangTidy(clang::SourceLocation Loc);
  /// Finds the runs of adjacent statements of one block that write without
  /// the same guard: one lock block serves them all.
  void groupAdjacentWrites(const TranslationUnitFacts &Facts);
  /// Says that a configured container \p Type is safe to share.
  void refuseThreadSafe(llvm::StringRef Name, llvm::StringRef Type,
                        llvm::StringRef Option);

  /// A run of adjacent writes: its first finding, whose note offers the
  /// block, the last write, and how many writes it has.
  struct WriteRun {
    const Finding *Lead;
    const clang::Expr *First, *Last;
    unsigned Writes;
  };
  /// Each finding of a run, the lead's included.
  llvm::DenseMap<const Finding *, WriteRun> Runs;

  clang::tidy::ClangTidyContext *Tidy;
  std::shared_ptr<AnalysisCache> Cache;
  clang::ASTContext *Context = nullptr;
  const clang::Preprocessor *PP = nullptr;
  /// The parents of the statements fixes are offered for, by body.
  BodyParents Parents;
  /// Maps annotated by a fix in this translation unit.
  llvm::DenseSet<const clang::ValueDecl *> AnnotatedMaps;
  bool SuggestAnnotations;
  AnalysisOptions Analysis;
  /// shownByClangTidy's filters, for this unit, and its answers by file.
  std::optional<llvm::Regex> HeaderFilter, ExcludeHeaderFilter;
  llvm::DenseMap<clang::FileID, bool> ShownFiles;
  const std::string ContainerTypes;
  const std::string MapTypes;
  const std::string WriteMethods;
  const std::string ReadMethods;
  const std::string LockTypes;
  const std::string GuardTypes;
  const std::string ThreadStarters;
  const std::string MapGuards;
};

} // namespace mapguard

#endif // MAPGUARD_CHECKS_MAPGUARDCHECK_H
