// Unevaluated operands run nothing: a map "written" inside `noexcept`,
// `sizeof`, `decltype` or a `requires` expression is not written.
//
// RUN: %check_mapguard %s %t -- -std=c++20
#include <map>
#include <mutex>
#include <thread>

std::map<int, int> g_map;
std::mutex g_mu;

void locked() {
  std::lock_guard<std::mutex> guard(g_mu);
  g_map[1] = 1;
}

bool no_throw = noexcept(g_map.erase(1));
unsigned long size = sizeof(g_map[2]);

void unevaluated() {
  bool b = noexcept(g_map.erase(3));
  unsigned long n = sizeof(g_map[4] = 4);
  decltype(g_map.erase(5)) erased = 0;
  bool ok = requires { g_map.clear(); };
  (void)b, (void)n, (void)erased, (void)ok;
}

template <class M>
concept Clearable = requires(M m) { m.clear(); };
static_assert(Clearable<std::map<int, int>>);

void evaluated() {
  g_map.erase(6);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-26]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-22]]:3: note: 'g_map' is written with 'g_mu' held at 1 of 2 sites
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: lock 'g_mu' around the write
}

int main() {
  std::thread a(unevaluated), b(evaluated), c(locked);
}
