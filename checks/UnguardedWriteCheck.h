//===--- UnguardedWriteCheck.h - mapguard-unguarded-write -------*- C++ -*-===//
//
// Reports each write to a shared map that is not dominated by a held mutex.
// The analysis finds the writes and the locks held at them; this check only
// chooses what to analyse and words the report.
//
//===----------------------------------------------------------------------===//

#ifndef MAPGUARD_CHECKS_UNGUARDEDWRITECHECK_H
#define MAPGUARD_CHECKS_UNGUARDEDWRITECHECK_H

#include "checks/analysis/LockModel.h"
#include "checks/analysis/MapModel.h"
#include "checks/analysis/MapWriteAnalysis.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseSet.h"

namespace mapguard {

class UnguardedWriteCheck : public clang::tidy::ClangTidyCheck {
public:
  UnguardedWriteCheck(llvm::StringRef Name,
                      clang::tidy::ClangTidyContext *Context);

  bool isLanguageVersionSupported(
      const clang::LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  const std::string MapTypesOption;
  const std::string LockTypesOption;
  const std::string GuardTypesOption;
  const bool ReportElementWrites;
  MapModel Maps;
  LockModel Locks;
  llvm::DenseSet<const clang::FunctionDecl *> Analyzed;
  MapWriteLog Log;

  void report(const WriteFact &Write);
};

} // namespace mapguard

#endif // MAPGUARD_CHECKS_UNGUARDEDWRITECHECK_H
