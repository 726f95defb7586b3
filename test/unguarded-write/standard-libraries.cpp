// Against libstdc++ in every language mode from C++11 to C++20 (libc++.cpp
// runs the same program against libc++).
//
// RUN: %check_mapguard --real-std %s %t.cxx11 -- -std=c++11
// RUN: %check_mapguard --real-std %s %t.cxx14 -- -std=c++14
// RUN: %check_mapguard --real-std --check-prefixes=CHECK-MESSAGES,CXX17 %s %t.cxx17 -- -std=c++17
// RUN: %check_mapguard --real-std --check-prefixes=CHECK-MESSAGES,CXX17,CXX20 %s %t.cxx20 -- -std=c++20
#include <map>
#include <mutex>
#include <thread>
#include <unordered_map>

std::unordered_map<int, int> g_map;
std::mutex g_mu;

void unguarded(int k) {
  g_map[k] = k;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-6]]:30: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE+6]]:3: note: 'g_map' is written with 'g_mu' held at {{[0-9]+}} of {{[0-9]+}} sites
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: lock 'g_mu' around the write
}

void guarded(int k) {
  std::lock_guard<std::mutex> guard(g_mu);
  g_map.erase(k);
}

// Before C++17, `auto` copies the guard out of a temporary.
void guarded_by_copy(int k) {
  auto guard = std::unique_lock<std::mutex>(g_mu);
  g_map.erase(k);
}

#if __cplusplus >= 201703L
void scoped(int k) {
  std::scoped_lock guard(g_mu);
  g_map.clear();
}
void deduced(int k) {
  g_map.insert_or_assign(k, 1);
  // CXX17: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex
  // CXX17: :[[@LINE-30]]:30: note: 'g_map' is a global with static storage duration
  // CXX17: :[[@LINE-18]]:3: note: 'g_map' is written with 'g_mu' held at {{[0-9]+}} of {{[0-9]+}} sites
  // CXX17: :[[@LINE-4]]:3: note: lock 'g_mu' around the write
}
#endif

#if __cplusplus >= 202002L
void joined_thread() {
  std::jthread worker([] {
    g_map[0] = 0;
    // CXX20: :[[@LINE-1]]:5: warning: write to shared map 'g_map' is not protected by a mutex
    // CXX20: :[[@LINE-41]]:30: note: 'g_map' is a global with static storage duration
    // CXX20: :[[@LINE-29]]:3: note: 'g_map' is written with 'g_mu' held at {{[0-9]+}} of {{[0-9]+}} sites
    // CXX20: :[[@LINE-4]]:5: note: lock 'g_mu' around the write
  });
}
#endif
