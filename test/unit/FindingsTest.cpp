//===--- FindingsTest.cpp - What is reported, decided once ----------------===//

#include "AnalysisTest.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

using namespace mapguard;
using namespace mapguard::test;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;

namespace {

TEST(FindingsTest, OneKindPerMistake) {
  AnalyzedUnit U = analyze(R"cc(
#include <map>
#include <mutex>
std::map<int, int> g_map;
std::mutex g_mu;
std::mutex g_other_mu;
void a(int k) { std::lock_guard<std::mutex> l(g_mu); g_map[k] = 1; }
void b(int k) { std::lock_guard<std::mutex> l(g_mu); g_map.erase(k); }
void c(int k) { std::lock_guard<std::mutex> l(g_other_mu); g_map[k] = 3; }
void d(int k) { g_map[k] = 4; }
int e(int k) { return g_map.count(k); }
)cc");
  EXPECT_THAT(U.findingKinds(), ElementsAre(Pair("write-wrong-mutex", 9),
                                            Pair("unguarded-write", 10),
                                            Pair("unguarded-read", 11)));
  const Finding &Wrong = U.Facts->findings()[0];
  ASSERT_TRUE(Wrong.Held && Wrong.Guard);
  EXPECT_EQ(Wrong.Held->name(), "g_other_mu");
  EXPECT_EQ(Wrong.Guard->Mutex.name(), "g_mu");
  EXPECT_EQ(U.Facts->findings()[1].Fix, FixKind::LockAround);
}

TEST(FindingsTest, ReportedAtTheCallerThatMissesTheGuard) {
  AnalyzedUnit U = analyze(R"cc(
#include <map>
#include <mutex>
std::map<int, int> g_map;
std::mutex g_mu;
static void put(int k) { g_map[k] = k; }
void with(int k) { std::lock_guard<std::mutex> l(g_mu); put(k); }
void without(int k) { put(k); }
void erase(int k) { std::lock_guard<std::mutex> l(g_mu); g_map.erase(k); }
)cc");
  EXPECT_THAT(U.findingKinds(), ElementsAre(Pair("call-writes-unguarded", 8)));
  const Finding &F = U.Facts->findings()[0];
  ASSERT_TRUE(F.Caller && F.GoodCall);
  EXPECT_EQ(F.Caller->getName(), "without");
}

TEST(FindingsTest, TableFilledBeforeThreadsIsNotReported) {
  AnalyzedUnit U = analyze(R"cc(
#include <map>
#include <mutex>
#include <thread>
std::map<int, int> g_table;
std::mutex g_mu;
static int lookup(int k) { return g_table.count(k); }
void with(int k) { std::lock_guard<std::mutex> l(g_mu); lookup(k); }
void without(int k) { lookup(k); }
int main() {
  g_table[1] = 1;
  std::thread a(with, 1), b(without, 2);
}
)cc");
  EXPECT_THAT(U.findingKinds(), IsEmpty());
}

TEST(FindingsTest, TheExplanationIsAboutTheGuard) {
  AnalyzedUnit U = analyze(R"cc(
#include <map>
#include <mutex>
std::map<int, int> g_map;
std::mutex g_mu, g_stats_mu;
void a(int k) { std::lock_guard<std::mutex> l(g_mu); g_map[k] = 1; }
void b(int k) {
  g_mu.lock();
  g_stats_mu.lock();
  g_stats_mu.unlock();
  g_mu.unlock();
  g_map[k] = 2;
}
)cc");
  ASSERT_THAT(U.findingKinds(), ElementsAre(Pair("unguarded-write", 12)));
  const Finding &F = U.Facts->findings()[0];
  ASSERT_TRUE(F.Why);
  EXPECT_EQ(F.Why->Kind, NotHeldReason::ReleasedHere);
  EXPECT_EQ(U.context().getSourceManager().getExpansionLineNumber(F.Why->Loc),
            11u);
}

TEST(FindingsTest, OneReleaseOneFinding) {
  AnalyzedUnit U = analyze(R"cc(
#include <map>
#include <mutex>
std::map<int, int> g_map;
std::mutex g_mu;
void a(int k) { std::lock_guard<std::mutex> l(g_mu); g_map[k] = 1; }
int b(int k) {
  g_mu.lock();
  g_mu.unlock();
  int n = g_map.count(k);
  n += g_map.count(k + 1);
  return n + (g_map.find(k) == g_map.end());
}
)cc");
  ASSERT_THAT(U.findingKinds(), ElementsAre(Pair("unguarded-read", 10)));
  EXPECT_EQ(U.Facts->findings()[0].Others.size(), 2u);
}

} // namespace
