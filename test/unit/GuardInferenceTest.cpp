//===--- GuardInferenceTest.cpp - Which mutex guards each map -------------===//

#include "AnalysisTest.h"
#include "gtest/gtest.h"

using namespace mapguard;
using namespace mapguard::test;

namespace {

const char *const Program = R"cc(
#include <map>
#include <mutex>
std::map<int, int> g_map;
std::mutex g_mu;
std::mutex g_other_mu;
void a(int k) { std::lock_guard<std::mutex> l(g_mu); g_map[k] = 1; }
void b(int k) { std::lock_guard<std::mutex> l(g_mu); g_map.erase(k); }
void c(int k) { std::lock_guard<std::mutex> l(g_other_mu); g_map[k] = 3; }
void d(int k) { g_map[k] = 4; }
)cc";

TEST(GuardInferenceTest, TheMutexHeldAtMostWrites) {
  AnalyzedUnit U = analyze(Program);
  const AccessFact *A = U.accessOnLine(10);
  ASSERT_TRUE(A);
  const MapGuard *Guard = U.Facts->guardOf(*A);
  ASSERT_TRUE(Guard);
  EXPECT_EQ(Guard->Source, MapGuard::Inferred);
  EXPECT_EQ(Guard->Mutex.name(), "g_mu");
  EXPECT_EQ(Guard->Writes, 4u);
  EXPECT_EQ(Guard->GuardedWrites, 2u);
  EXPECT_FALSE(Guard->isHeldAt(*A));
  EXPECT_TRUE(U.Facts->mapOf(*A).Shared);
}

TEST(GuardInferenceTest, ConfiguredByDeclaration) {
  AnalyzedUnit U = analyze(Program, defaultOptions({{"g_map", "g_other_mu"}}));
  const AccessFact *A = U.accessOnLine(9);
  ASSERT_TRUE(A);
  const MapGuard *Guard = U.Facts->guardOf(*A);
  ASSERT_TRUE(Guard);
  EXPECT_EQ(Guard->Source, MapGuard::Configured);
  EXPECT_EQ(Guard->Mutex.name(), "g_other_mu");
  EXPECT_TRUE(Guard->isHeldAt(*A));
}

TEST(GuardInferenceTest, ConfiguredStaticMembersAndMembers) {
  AnalyzedUnit U =
      analyze(R"cc(
#include <map>
#include <mutex>
struct Registry {
  static std::map<int, int> s_entries;
  static std::mutex s_mu;
  std::map<int, int> entries;
  std::mutex mu;
  void add(int k) { s_entries[k] = k; entries[k] = k; }
};
)cc",
              defaultOptions({{"Registry::s_entries", "Registry::s_mu"},
                              {"Registry::entries", "mu"}}));
  std::vector<const AccessFact *> Accesses = U.accessesOnLine(9);
  ASSERT_EQ(Accesses.size(), 2u);
  for (const AccessFact *A : Accesses) {
    const MapGuard *Guard = U.Facts->guardOf(*A);
    ASSERT_TRUE(Guard);
    EXPECT_EQ(Guard->Source, MapGuard::Configured);
  }
  EXPECT_EQ(U.Facts->guardOf(*Accesses[0])->Mutex.name(), "Registry::s_mu");
  EXPECT_EQ(U.Facts->guardOf(*Accesses[1])->Mutex.name(), "mu");
}

TEST(GuardInferenceTest, AnEntryThatNamesNothingIsAFinding) {
  AnalyzedUnit U = analyze(Program, defaultOptions({{"g_map", "no_such_mu"}}));
  bool Found = false;
  for (const Finding &F : U.Facts->findings())
    if (F.Kind == FindingKind::GuardOptionUnresolved) {
      Found = true;
      ASSERT_TRUE(F.Option);
      EXPECT_EQ(F.Option->Name, "no_such_mu");
      EXPECT_TRUE(F.Option->Map);
    }
  EXPECT_TRUE(Found);
}

} // namespace
