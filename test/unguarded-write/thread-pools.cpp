// A pool of threads in a container: `threads.emplace_back(worker, i)`
// starts a thread that runs `worker`, and `main` is not single-threaded
// after it.
//
// RUN: %check_mapguard %s %t
#include <map>
#include <mutex>
#include <thread>
#include <vector>

std::map<int, int> g_map;
std::mutex g_mu;

void worker(int k) {
  std::lock_guard<std::mutex> guard(g_mu);
  g_map[k] = k;
}

int main() {
  g_map[0] = 0; // Before any thread: single-threaded.
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back(worker, i);
  g_map[1] = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-15]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-11]]:3: note: 'g_map' is written with 'g_mu' held at 1 of 2 sites
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: lock 'g_mu' around the write
  for (std::thread &t : threads)
    t.join();
}
