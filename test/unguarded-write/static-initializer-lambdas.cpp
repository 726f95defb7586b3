// RUN: %check_mapguard %s %t
//
// A lambda written where a global is initialised is a function of the unit
// like any other: called there, it runs before `main`, alone; handed to a
// thread started there, it runs on that thread.
#include <map>
#include <mutex>
#include <thread>

std::map<int, int> g_map;
std::mutex g_mu;

int g_first = [] {
  g_map[0] = 0;
  return 0;
}();

std::thread g_worker([] { g_map[1] = 1; });
// CHECK-MESSAGES: :[[@LINE-1]]:27: warning: write to shared map 'g_map' is not protected by a mutex [mapguard-unguarded-write]
// CHECK-MESSAGES: :[[@LINE-10]]:20: note: 'g_map' is a global with static storage duration
// CHECK-MESSAGES: :[[@LINE+5]]:3: note: 'g_map' is written with 'g_mu' held at 1 of 2 sites
// CHECK-MESSAGES: :[[@LINE-4]]:27: note: lock 'g_mu' around the write

std::thread g_locked_worker([] {
  std::lock_guard<std::mutex> lock(g_mu);
  g_map[2] = 2;
});

int main() {
  std::lock_guard<std::mutex> lock(g_mu);
  g_map[3] = 3;
}
