//===--- ObjectPathTest.cpp - Objects are identified by declarations ------===//

#include "checks/analysis/ObjectPath.h"
#include "AnalysisTest.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace mapguard;
using namespace mapguard::test;

namespace {

/// The object each argument of a call of `use` designates, in order.
std::vector<ObjectPath> argumentsOfUse(AnalyzedUnit &U) {
  std::vector<ObjectPath> Paths;
  for (const BoundNodes &Node :
       match(callExpr(callee(functionDecl(hasName("use")))).bind("call"),
             U.context()))
    for (const Expr *Arg : Node.getNodeAs<CallExpr>("call")->arguments())
      Paths.push_back(ObjectPath::fromExpr(Arg, U.context()));
  return Paths;
}

TEST(ObjectPathTest, SameDeclarationSameObject) {
  AnalyzedUnit U = analyze(R"cc(
int g;
void use(int &);
void f() {
  int &r = g;
  use(g);
  use(r);
}
)cc");
  std::vector<ObjectPath> Paths = argumentsOfUse(U);
  ASSERT_EQ(Paths.size(), 2u);
  EXPECT_EQ(Paths[0], Paths[1]);
  EXPECT_EQ(Paths[0].name(), "g");
}

TEST(ObjectPathTest, SameNameDifferentObjects) {
  AnalyzedUnit U = analyze(R"cc(
int mu;
void use(int &);
struct S {
  int mu;
  void f() {
    use(::mu);
    use(mu);
  }
};
)cc");
  std::vector<ObjectPath> Paths = argumentsOfUse(U);
  ASSERT_EQ(Paths.size(), 2u);
  EXPECT_NE(Paths[0], Paths[1]);
  EXPECT_EQ(Paths[0].name(), Paths[1].name());
  EXPECT_EQ(Paths[0].nameApartFrom(Paths[1]), "::mu");
  EXPECT_EQ(Paths[1].nameApartFrom(Paths[0]), "this->mu");
}

TEST(ObjectPathTest, StaticMembersAreNamedWithTheirClass) {
  AnalyzedUnit U = analyze(R"cc(
void use(int &);
struct Registry {
  static int count;
  void f() { use(count); }
};
)cc");
  std::vector<ObjectPath> Paths = argumentsOfUse(U);
  ASSERT_EQ(Paths.size(), 1u);
  EXPECT_EQ(Paths[0].name(), "Registry::count");
  EXPECT_TRUE(Paths[0].isGlobal());
}

TEST(ObjectPathTest, MembersOfDifferentObjects) {
  AnalyzedUnit U = analyze(R"cc(
struct S { int m; };
S a, b;
void use(int &);
void f() {
  use(a.m);
  use(b.m);
  use(a.m);
}
)cc");
  std::vector<ObjectPath> Paths = argumentsOfUse(U);
  ASSERT_EQ(Paths.size(), 3u);
  EXPECT_NE(Paths[0], Paths[1]);
  EXPECT_EQ(Paths[0], Paths[2]);
  EXPECT_EQ(Paths[1].name(), "b.m");
}

} // namespace
