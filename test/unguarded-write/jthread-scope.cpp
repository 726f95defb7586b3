// A std::jthread joins its thread where it is destroyed: after its scope,
// the phase is single-threaded again.
//
// RUN: %check_mapguard --real-std %s %t -- -std=c++20
#include <map>
#include <thread>

std::map<int, int> g_results;

void work(int k) { g_results[k] = 1; }
// CHECK-MESSAGES: :[[@LINE-1]]:20: warning: write to shared map 'g_results' is not protected by a mutex [mapguard-unguarded-write]
// CHECK-MESSAGES: :[[@LINE-4]]:20: note: 'g_results' is a global with static storage duration

int main() {
  {
    std::jthread worker(work, 1);
    g_results[0] = 0;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'g_results' is not protected by a mutex [mapguard-unguarded-write]
    // CHECK-MESSAGES: :[[@LINE-11]]:20: note: 'g_results' is a global with static storage duration
  }
  g_results[2] = 2;
}
