//===--- AnalysisTest.cpp - Small programs for the analysis' unit tests ---===//

#include "AnalysisTest.h"
#include "checks/analysis/MapModel.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

namespace mapguard::test {

AnalysisOptions
defaultOptions(std::vector<std::pair<std::string, std::string>> MapGuards) {
  AnalysisOptions Options;
  Options.MapGuards = std::move(MapGuards);
  return Options;
}

AnalyzedUnit analyze(const std::string &Code, const AnalysisOptions &Options) {
  AnalyzedUnit Unit;
  Unit.AST = clang::tooling::buildASTFromCodeWithArgs(
      Code,
      {"-std=c++17", "-nostdinc++", "-isystem", MAPGUARD_FAKE_STD_DIR,
       "-Wno-unused-value"},
      "input.cc");
  EXPECT_TRUE(Unit.AST) << "the program does not parse";
  EXPECT_FALSE(Unit.AST->getDiagnostics().hasErrorOccurred())
      << "the program does not compile";
  Unit.Facts = analyzeTranslationUnit(Unit.context(), Options);
  return Unit;
}

static unsigned lineOf(clang::ASTContext &Ctx, clang::SourceLocation Loc) {
  return Ctx.getSourceManager().getExpansionLineNumber(Loc);
}

std::vector<const AccessFact *> AnalyzedUnit::accessesOnLine(unsigned Line) {
  std::vector<const AccessFact *> Found;
  for (const AccessFact &A : Facts->accesses())
    if (lineOf(context(), A.Site->getBeginLoc()) == Line)
      Found.push_back(&A);
  return Found;
}

const AccessFact *AnalyzedUnit::accessOnLine(unsigned Line) {
  std::vector<const AccessFact *> Found = accessesOnLine(Line);
  EXPECT_EQ(Found.size(), 1u) << "accesses on line " << Line;
  return Found.size() == 1 ? Found.front() : nullptr;
}

std::vector<std::string> AnalyzedUnit::heldExclusive(const AccessFact &Access) {
  std::vector<std::string> Names;
  for (unsigned Lock : Access.Held->locks())
    if (modeOfLock(Lock) == LockMode::Exclusive)
      Names.push_back(Facts->mutex(mutexOfLock(Lock)).name());
  return Names;
}

std::vector<std::pair<std::string, unsigned>> AnalyzedUnit::findingKinds() {
  std::vector<std::pair<std::string, unsigned>> Kinds;
  for (const Finding &F : Facts->findings())
    Kinds.push_back(
        {kindName(F.Kind).str(),
         F.location().isValid() ? lineOf(context(), F.location()) : 0});
  return Kinds;
}

} // namespace mapguard::test
