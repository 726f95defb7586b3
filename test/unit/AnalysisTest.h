//===--- AnalysisTest.h - Small programs for the analysis' unit tests -----===//
//
// Parses a small program against the stand-in standard headers of
// test/Inputs/fake-std and analyses its translation unit, so that a test can
// ask the analysis' questions directly: the locks at an access, an object's
// identity, a map's guard, the findings.
//
//===----------------------------------------------------------------------===//

#ifndef MAPGUARD_TEST_UNIT_ANALYSISTEST_H
#define MAPGUARD_TEST_UNIT_ANALYSISTEST_H

#include "checks/analysis/TranslationUnitAnalysis.h"
#include "clang/Frontend/ASTUnit.h"
#include <memory>
#include <string>
#include <vector>

namespace mapguard::test {

struct AnalyzedUnit {
  std::unique_ptr<clang::ASTUnit> AST;
  std::unique_ptr<TranslationUnitFacts> Facts;

  clang::ASTContext &context() { return AST->getASTContext(); }
  /// The accesses to maps on line \p Line of the program.
  std::vector<const AccessFact *> accessesOnLine(unsigned Line);
  /// The one access on line \p Line; null, and the test fails, if there
  /// is not one.
  const AccessFact *accessOnLine(unsigned Line);
  /// The names of the mutexes \p Access holds exclusively.
  std::vector<std::string> heldExclusive(const AccessFact &Access);
  /// The kinds of the findings, in order, with the line each is on.
  std::vector<std::pair<std::string, unsigned>> findingKinds();
};

/// The options the checks use by default, with \p MapGuards.
AnalysisOptions
defaultOptions(std::vector<std::pair<std::string, std::string>> MapGuards = {});

/// \p Code parsed as C++17 against the stand-in headers, and analysed.
AnalyzedUnit analyze(const std::string &Code,
                     const AnalysisOptions &Options = defaultOptions());

} // namespace mapguard::test

#endif // MAPGUARD_TEST_UNIT_ANALYSISTEST_H
