// Two mutexes that read the same are told apart in a message: a member as
// `this->mu`, a global by its qualified name.
//
// RUN: %check_mapguard %s %t
#include <map>
#include <mutex>

std::map<int, int> g_map;
std::mutex mu;

void a(int k) {
  std::lock_guard<std::mutex> guard(mu);
  g_map[k] = 1;
}
void b(int k) {
  std::lock_guard<std::mutex> guard(mu);
  g_map.erase(k);
}

struct Worker {
  std::mutex mu;
  void flush(int k) {
    std::lock_guard<std::mutex> guard(mu);
    g_map[k] = 0;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'g_map' holds 'this->mu' but not '::mu', which guards it [mapguard-inconsistent-lock]
    // CHECK-MESSAGES: :[[@LINE-18]]:20: note: 'g_map' is a global with static storage duration
    // CHECK-MESSAGES: :[[@LINE-14]]:3: note: 'g_map' is written with 'mu' held at 2 of 4 sites
  }
};

namespace app {
std::mutex mu;
void c(int k) {
  std::lock_guard<std::mutex> guard(mu);
  g_map[k] = 2;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' holds 'app::mu' but not '::mu', which guards it [mapguard-inconsistent-lock]
  // CHECK-MESSAGES: :[[@LINE-29]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-25]]:3: note: 'g_map' is written with 'mu' held at 2 of 4 sites
}
} // namespace app
