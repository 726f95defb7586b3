//===--- LocksetTest.cpp - Which locks are held at an access --------------===//

#include "AnalysisTest.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

using namespace mapguard;
using namespace mapguard::test;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

namespace {

TEST(LocksetTest, ScopedGuardHoldsItsMutexInItsScopeOnly) {
  AnalyzedUnit U = analyze(R"cc(
#include <map>
#include <mutex>
std::map<int, int> g_map;
std::mutex g_mu;
void f(int k) {
  {
    std::lock_guard<std::mutex> guard(g_mu);
    g_map[k] = 1;
  }
  g_map[k] = 2;
}
)cc");
  const AccessFact *Inside = U.accessOnLine(9);
  const AccessFact *After = U.accessOnLine(11);
  ASSERT_TRUE(Inside && After);
  EXPECT_THAT(U.heldExclusive(*Inside), ElementsAre("g_mu"));
  EXPECT_THAT(U.heldExclusive(*After), IsEmpty());
}

TEST(LocksetTest, HeldOnEveryPathOnly) {
  AnalyzedUnit U = analyze(R"cc(
#include <map>
#include <mutex>
std::map<int, int> g_map;
std::mutex g_mu;
void f(bool b) {
  if (b)
    g_mu.lock();
  g_map[1] = 1;
  if (b)
    g_mu.unlock();
}
)cc");
  const AccessFact *A = U.accessOnLine(9);
  ASSERT_TRUE(A);
  EXPECT_TRUE(A->Held->empty());
}

TEST(LocksetTest, SharedLockHoldsOnlyShared) {
  AnalyzedUnit U = analyze(R"cc(
#include <map>
#include <shared_mutex>
std::map<int, int> g_map;
std::shared_mutex g_mu;
int f(int k) {
  std::shared_lock<std::shared_mutex> guard(g_mu);
  return g_map.count(k);
}
)cc");
  const AccessFact *A = U.accessOnLine(8);
  ASSERT_TRUE(A);
  EXPECT_FALSE(A->holdsExclusive());
  EXPECT_TRUE(A->holdsSharedOnly());
}

TEST(LocksetTest, CallersLocksReachTheCallee) {
  AnalyzedUnit U = analyze(R"cc(
#include <map>
#include <mutex>
std::map<int, int> g_map;
std::mutex g_mu;
static void put(int k) { g_map[k] = k; }
void a(int k) {
  std::lock_guard<std::mutex> guard(g_mu);
  put(k);
}
)cc");
  const AccessFact *A = U.accessOnLine(6);
  ASSERT_TRUE(A);
  EXPECT_THAT(U.heldExclusive(*A), ElementsAre("g_mu"));
}

TEST(LocksetTest, MainBeforeItsFirstThreadIsSingleThreaded) {
  AnalyzedUnit U = analyze(R"cc(
#include <map>
#include <thread>
std::map<int, int> g_map;
void work() {}
int main() {
  g_map[0] = 0;
  std::thread t(work);
  g_map[1] = 1;
  t.join();
}
)cc");
  const AccessFact *Before = U.accessOnLine(7);
  const AccessFact *After = U.accessOnLine(9);
  ASSERT_TRUE(Before && After);
  EXPECT_TRUE(Before->SingleThreaded);
  EXPECT_FALSE(After->SingleThreaded);
}

TEST(LocksetTest, AssertCapabilityHolds) {
  AnalyzedUnit U = analyze(R"cc(
#include <map>
class __attribute__((capability("mutex"))) Mutex {
public:
  void AssertHeld() __attribute__((assert_capability(this)));
};
Mutex g_mu;
std::map<int, int> g_map;
void f() {
  g_mu.AssertHeld();
  g_map[1] = 1;
}
)cc");
  const AccessFact *A = U.accessOnLine(11);
  ASSERT_TRUE(A);
  EXPECT_THAT(U.heldExclusive(*A), ElementsAre("g_mu"));
}

} // namespace
