//===--- LockSemanticsTest.cpp - Counted, scoped and ended locks ----------===//
//
// The lock semantics beyond lock and unlock: recursive mutexes counted,
// scoped unlockers, joined threads ending the multi-threaded phase, OpenMP
// critical regions, calls that never return, and the library vocabulary's
// shapes.
//
//===----------------------------------------------------------------------===//

#include "AnalysisTest.h"
#include "checks/analysis/LockVocabulary.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace mapguard;
using namespace mapguard::test;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

namespace {

TEST(LockSemanticsTest, RecursiveMutexHeldUntilUnlockedAsOften) {
  AnalyzedUnit U = analyze(R"cc(
#include <map>
#include <mutex>
std::map<int, int> g_map;
std::recursive_mutex g_mu;
void f(int k) {
  g_mu.lock();
  g_mu.lock();
  g_mu.unlock();
  g_map[k] = 1;
  g_mu.unlock();
  g_map[k] = 2;
}
)cc");
  const AccessFact *Once = U.accessOnLine(10);
  const AccessFact *None = U.accessOnLine(12);
  ASSERT_TRUE(Once && None);
  EXPECT_THAT(U.heldExclusive(*Once), ElementsAre("g_mu"));
  EXPECT_THAT(U.heldExclusive(*None), IsEmpty());
}

TEST(LockSemanticsTest, PlainMutexReleasedByOneUnlock) {
  AnalyzedUnit U = analyze(R"cc(
#include <map>
#include <mutex>
std::map<int, int> g_map;
std::mutex g_mu;
void f(int k) {
  g_mu.lock();
  g_mu.lock();
  g_mu.unlock();
  g_map[k] = 1;
}
)cc");
  const AccessFact *A = U.accessOnLine(10);
  ASSERT_TRUE(A);
  EXPECT_THAT(U.heldExclusive(*A), IsEmpty());
}

TEST(LockSemanticsTest, ScopedUnlockerReleasesForItsScope) {
  AnalyzedUnit U = analyze(R"cc(
#include <map>
#include <mutex>
std::map<int, int> g_map;
std::mutex g_mu;
struct Unlocker {
  explicit Unlocker(std::mutex &mu) : mu_(mu) { mu.unlock(); }
  ~Unlocker() { mu_.lock(); }
  std::mutex &mu_;
};
void f(int k) {
  std::lock_guard<std::mutex> guard(g_mu);
  {
    Unlocker u(g_mu);
    g_map[k] = 1;
  }
  g_map[k] = 2;
}
)cc");
  const AccessFact *Inside = U.accessOnLine(15);
  const AccessFact *After = U.accessOnLine(17);
  ASSERT_TRUE(Inside && After);
  EXPECT_THAT(U.heldExclusive(*Inside), IsEmpty());
  EXPECT_THAT(U.heldExclusive(*After), ElementsAre("g_mu"));
}

TEST(LockSemanticsTest, JoiningEveryThreadEndsTheMultiThreadedPhase) {
  AnalyzedUnit U = analyze(R"cc(
#include <map>
#include <thread>
#include <vector>
std::map<int, int> g_map;
void work() {}
int main() {
  std::vector<std::thread> pool;
  for (int i = 0; i < 4; ++i)
    pool.emplace_back(work);
  g_map[1] = 1;
  for (auto &t : pool)
    t.join();
  g_map[2] = 2;
}
)cc");
  const AccessFact *Running = U.accessOnLine(11);
  const AccessFact *Joined = U.accessOnLine(14);
  ASSERT_TRUE(Running && Joined);
  EXPECT_FALSE(Running->SingleThreaded);
  EXPECT_TRUE(Joined->SingleThreaded);
}

TEST(LockSemanticsTest, CalleeThatNeverReturnsEndsThePath) {
  AnalyzedUnit U = analyze(R"cc(
#include <map>
#include <mutex>
void abort() __attribute__((noreturn));
void fatal() { abort(); }
std::map<int, int> g_map;
std::mutex g_mu;
void f(int k) {
  if (!g_mu.try_lock())
    fatal();
  g_map[k] = 1;
  g_mu.unlock();
}
)cc");
  const AccessFact *A = U.accessOnLine(11);
  ASSERT_TRUE(A);
  EXPECT_THAT(U.heldExclusive(*A), ElementsAre("g_mu"));
}

/// What the vocabulary says the first call of a method named \p Method in
/// \p Code does: "acquire", "release", "try", or "-".
std::string methodOperation(const std::string &Code,
                            const std::string &Method) {
  AnalyzedUnit U = analyze(Code);
  auto Calls = match(
      cxxMemberCallExpr(callee(cxxMethodDecl(hasName(Method)))).bind("call"),
      U.context());
  if (Calls.empty())
    return "no call";
  const auto *Call = Calls.front().getNodeAs<CXXMemberCallExpr>("call");
  std::optional<LockOperation> Op =
      lockVocabulary().method(Call->getMethodDecl()->getParent(), *Call);
  if (!Op)
    return "-";
  std::string Mode = Op->Mode == LockMode::Shared ? " shared" : "";
  switch (Op->Kind) {
  case LockOperation::Acquire:
    return "acquire" + Mode;
  case LockOperation::Release:
    return "release" + Mode;
  case LockOperation::TryAcquire:
    return "try" + Mode;
  }
  return "-";
}

TEST(LockSemanticsTest, VocabularyReadsNamesAndShapes) {
  const std::string Lock = R"cc(
struct Lock {
  void ReaderLock();
  void Unlock();
  bool TryLock();
  void lock(int timeout);
  void lock();
};
void f(Lock &l) { l.ReaderLock(); l.Unlock(); l.TryLock(); l.lock(3); }
)cc";
  EXPECT_EQ(methodOperation(Lock, "ReaderLock"), "acquire shared");
  EXPECT_EQ(methodOperation(Lock, "Unlock"), "release");
  EXPECT_EQ(methodOperation(Lock, "TryLock"), "try");
  // `lock(int)` is another operation by the standard name.
  EXPECT_EQ(methodOperation(Lock, "lock"), "-");
}

} // namespace
