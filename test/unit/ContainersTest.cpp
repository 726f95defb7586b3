//===--- ContainersTest.cpp - Container types and what changes them -------===//

#include "checks/analysis/Containers.h"
#include "AnalysisTest.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace mapguard;
using namespace mapguard::test;

namespace {

/// What each member call in `f` does to its container, by method name;
/// "-" where the object is no container.
std::vector<std::string> effects(AnalyzedUnit &U,
                                 const ContainerVocabulary &Containers) {
  std::vector<std::pair<unsigned, std::string>> Found;
  auto Calls =
      match(functionDecl(
                hasName("f"),
                forEachDescendant(
                    cxxMemberCallExpr(unless(hasAncestor(cxxMemberCallExpr())))
                        .bind("call"))),
            U.context());
  for (const BoundNodes &Node : Calls) {
    const auto *Call = Node.getNodeAs<CXXMemberCallExpr>("call");
    const ContainerVocabulary::Type *C =
        Containers.typeOf(Call->getImplicitObjectArgument()->getType());
    unsigned Offset =
        U.context().getSourceManager().getFileOffset(Call->getBeginLoc());
    std::string Name = Call->getMethodDecl()->getNameAsString() + ":";
    auto Result = [&](std::string What) { Found.push_back({Offset, What}); };
    if (!C) {
      Result(Name + "-");
      continue;
    }
    switch (Containers.effectOf(*C, *Call->getMethodDecl())) {
    case MemberEffect::Write:
      Result(Name + "write");
      break;
    case MemberEffect::SubscriptInsert:
      Result(Name + "insert");
      break;
    case MemberEffect::Access:
      Result(Name + "access");
      break;
    case MemberEffect::Read:
      Result(Name + "read");
      break;
    }
  }
  // In the order of the source, whatever order the matches come in.
  llvm::sort(Found);
  std::vector<std::string> Result;
  for (auto &[Offset, What] : Found)
    Result.push_back(What);
  return Result;
}

TEST(ContainersTest, DerivedRuleForStandardContainers) {
  AnalyzedUnit U = analyze(R"cc(
#include <map>
#include <vector>
std::vector<int> v;
std::map<int, int> m;
void f() {
  v.push_back(1);
  v.size();
  v.begin();
  m.find(1);
  m.erase(1);
  m.count(1);
}
)cc");
  ContainerVocabulary Containers{ContainerOptions{}};
  EXPECT_EQ(
      effects(U, Containers),
      (std::vector<std::string>{"push_back:write", "size:read", "begin:access",
                                "find:access", "erase:write", "count:read"}));
}

TEST(ContainersTest, ProjectTypeByNameAlone) {
  AnalyzedUnit U = analyze(R"cc(
namespace app {
struct Table {
  void put(int);
  int get(int) const;
  int *lookup(int);
  void compact() const;
  int *peek(int);
};
struct Other {
  void put(int);
};
} // namespace app
app::Table t;
app::Other o;
void f() {
  t.put(1);
  t.get(1);
  t.lookup(1);
  t.compact();
  t.peek(1);
  o.put(1);
}
)cc");
  ContainerOptions Options;
  Options.Types.push_back("app::Table");
  EXPECT_EQ(effects(U, ContainerVocabulary(Options)),
            (std::vector<std::string>{"put:write", "get:read", "lookup:access",
                                      "compact:read", "peek:write", "put:-"}));
  // The options correct the rule where it is wrong.
  Options.WriteMethods.push_back({"app::Table", {"compact"}});
  Options.ReadMethods.push_back({"app::Table", {"peek"}});
  EXPECT_EQ(effects(U, ContainerVocabulary(Options)),
            (std::vector<std::string>{"put:write", "get:read", "lookup:access",
                                      "compact:write", "peek:read", "put:-"}));
}

TEST(ContainersTest, ThreadSafeContainersAreNone) {
  EXPECT_TRUE(
      ContainerVocabulary::isThreadSafeByDesign("tbb::concurrent_hash_map"));
  EXPECT_TRUE(ContainerVocabulary::isThreadSafeByDesign(
      "::oneapi::tbb::concurrent_vector"));
  EXPECT_TRUE(
      ContainerVocabulary::isThreadSafeByDesign("folly::ConcurrentHashMap"));
  EXPECT_FALSE(ContainerVocabulary::isThreadSafeByDesign("std::map"));
  // Named in the options, it is still no container.
  ContainerOptions Options;
  Options.Types.push_back("tbb::concurrent_hash_map");
  Options.Builtin = false;
  AnalyzedUnit U = analyze(R"cc(
namespace tbb {
template <class K, class V> struct concurrent_hash_map {
  void insert(K);
};
} // namespace tbb
tbb::concurrent_hash_map<int, int> m;
void f() { m.insert(1); }
)cc");
  EXPECT_EQ(effects(U, ContainerVocabulary(Options)),
            (std::vector<std::string>{"insert:-"}));
}

TEST(ContainersTest, TypesAnsweredThroughSugarAndReferences) {
  AnalyzedUnit U = analyze(R"cc(
#include <map>
#include <string>
using Index = std::map<int, int>;
typedef Index Alias;
struct Plain {};
Plain p;
Plain &pr = p;
std::map<int, int> m;
const Index &cr = m;
Alias a;
Alias &ar = a;
volatile Index vi;
)cc");
  ContainerVocabulary Containers{ContainerOptions{}};
  auto TypeOfVar = [&](llvm::StringRef Name) {
    auto Found = match(varDecl(hasName(Name)).bind("v"), U.context());
    EXPECT_EQ(Found.size(), 1u) << Name.str();
    return Containers.typeOf(Found[0].getNodeAs<VarDecl>("v")->getType());
  };
  // A class that is none, asked first, and through a reference.
  EXPECT_EQ(TypeOfVar("p"), nullptr);
  EXPECT_EQ(TypeOfVar("pr"), nullptr);
  // One map type, however it is spelled, referred to or qualified; asked
  // twice, answered alike.
  const ContainerVocabulary::Type *Map = TypeOfVar("m");
  ASSERT_NE(Map, nullptr);
  for (llvm::StringRef Name : {"cr", "a", "ar", "vi", "m", "cr"})
    EXPECT_EQ(TypeOfVar(Name), Map) << Name.str();
  EXPECT_EQ(TypeOfVar("p"), nullptr);
}

} // namespace
