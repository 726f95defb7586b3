// A note explains why the map's guard is not held, and only the guard: a
// release of another mutex is not the reason, and "other threads may run"
// is not a lock.
//
// RUN: %check_mapguard %s %t
#include <map>
#include <mutex>
#include <thread>

std::map<int, int> g_map;
std::mutex g_mu;
std::mutex g_stats_mu;
int g_stats;

void a(int k) {
  std::lock_guard<std::mutex> guard(g_mu);
  g_map[k] = 1;
}
void b(int k) {
  std::lock_guard<std::mutex> guard(g_mu);
  g_map.erase(k);
}

void stats_then_write(int k) {
  g_stats_mu.lock();
  ++g_stats;
  g_stats_mu.unlock();
  g_map[k] = 2;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-20]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-14]]:3: note: 'g_map' is written with 'g_mu' held at 2 of 4 sites
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: lock 'g_mu' around the write
}

void work() {}

int main(int argc, char **) {
  if (argc > 1) {
    std::thread t(work);
    t.detach();
  }
  g_map[0] = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-34]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-28]]:3: note: 'g_map' is written with 'g_mu' held at 2 of 4 sites
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: lock 'g_mu' around the write
}
