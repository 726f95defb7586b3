//===--- SharedObjectsTest.cpp - Which objects other threads reach --------===//

#include "checks/analysis/SharedObjects.h"
#include "AnalysisTest.h"
#include "clang/AST/Decl.h"
#include "gtest/gtest.h"

using namespace mapguard;
using namespace mapguard::test;

namespace {

TEST(SharedObjectsTest, ALocalHandedToAThreadIsSharedFromThere) {
  AnalyzedUnit U = analyze(R"cc(
#include <map>
#include <thread>
void f() {
  std::map<int, int> m;
  m[0] = 0;
  std::thread t([&] { m[1] = 1; });
  m[2] = 2;
  t.join();
}
)cc");
  const AccessFact *Before = U.accessOnLine(6);
  const AccessFact *Inside = U.accessOnLine(7);
  const AccessFact *After = U.accessOnLine(8);
  ASSERT_TRUE(Before && Inside && After);
  const MapFacts &Map = U.Facts->mapOf(*After);
  EXPECT_TRUE(Map.Shared);
  EXPECT_EQ(Map.Why, MapFacts::HandedObject);
  ASSERT_TRUE(Map.Root);
  EXPECT_EQ(Map.Root->Why, SharedRoot::HandedToThread);
  EXPECT_TRUE(Before->SingleThreaded);
  EXPECT_FALSE(Inside->SingleThreaded);
  EXPECT_FALSE(After->SingleThreaded);
}

TEST(SharedObjectsTest, ClassesReachedFromAGlobalThroughMembers) {
  AnalyzedUnit U = analyze(R"cc(
#include <map>
#include <memory>
struct Sessions {
  void add(int id) { open[id] = id; }
  std::map<int, int> open;
};
struct App {
  std::unique_ptr<Sessions> sessions;
};
App g_app;
)cc");
  const AccessFact *A = U.accessOnLine(5);
  ASSERT_TRUE(A);
  const MapFacts &Map = U.Facts->mapOf(*A);
  EXPECT_TRUE(Map.Shared);
  EXPECT_EQ(Map.Why, MapFacts::ReachedClass);
  ASSERT_TRUE(Map.Root);
  EXPECT_EQ(Map.Root->Why, SharedRoot::ReachedThrough);
  ASSERT_TRUE(Map.Root->Via);
  EXPECT_EQ(Map.Root->Via->getName(), "sessions");
  ASSERT_TRUE(Map.Root->FromRoot);
  EXPECT_EQ(Map.Root->FromRoot->Why, SharedRoot::StaticObject);
  EXPECT_EQ(Map.Root->FromRoot->Object->getName(), "g_app");
}

TEST(SharedObjectsTest, ObjectsKeptByTheirFunctionsAreNotShared) {
  AnalyzedUnit U = analyze(R"cc(
#include <map>
#include <mutex>
std::mutex g_mu;
struct Parser {
  void parse(int k) { std::lock_guard<std::mutex> l(g_mu); errors[k] = k; }
  std::map<int, int> errors;
};
void run() { Parser p; p.parse(1); }
)cc");
  const AccessFact *A = U.accessOnLine(6);
  ASSERT_TRUE(A);
  EXPECT_FALSE(U.Facts->mapOf(*A).Shared);
}

TEST(SharedObjectsTest, TheObjectAnAccessorReturns) {
  AnalyzedUnit U = analyze(R"cc(
#include <map>
struct Store {
  static Store &instance() {
    if (!inst)
      inst = new Store;
    return *inst;
  }
  void put(int k) { items[k] = k; }
  std::map<int, int> items;
  static Store *inst;
};
)cc");
  const AccessFact *A = U.accessOnLine(9);
  ASSERT_TRUE(A);
  const MapFacts &Map = U.Facts->mapOf(*A);
  EXPECT_TRUE(Map.Shared);
  EXPECT_EQ(Map.Why, MapFacts::SingletonInstance);
  ASSERT_TRUE(Map.Accessor);
  EXPECT_EQ(Map.Accessor->getName(), "instance");
}

} // namespace
