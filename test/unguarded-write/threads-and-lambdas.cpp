// RUN: %check_mapguard %s %t
//
// Every function body is analysed on its own, starting with no lock held:
// a lambda handed to a thread does not inherit its creator's locks.
#include <map>
#include <mutex>
#include <thread>

std::map<int, int> g_map;
std::mutex g_mu;

void spawn_under_lock() {
  std::lock_guard<std::mutex> guard(g_mu);
  std::thread worker([] {
    g_map[1] = 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'g_map' is not protected by a mutex
  });
  worker.join();
}

void spawn_locking_inside() {
  std::thread worker([] {
    std::lock_guard<std::mutex> guard(g_mu);
    g_map[2] = 2;
  });
  worker.join();
}

struct Service {
  void start() {
    std::thread([this] { refresh(); }).detach();
  }
  void refresh() {
    std::unique_lock<std::mutex> lock(g_mu);
    g_map.clear();
  }
};
