// A thread start in a single-threaded phase (main) starts the threads of
// its owner: a std::thread variable, a container of threads, a pthread_t.
// Where every one of them is joined again (t.join(), a loop joining each
// element, pthread_join), the phase is single-threaded again; a detached
// thread runs on.
//
// RUN: %check_mapguard --real-std %s %t -- -std=c++17
#include <map>
#include <thread>
#include <vector>
#include <pthread.h>
std::map<int, int> g_m;
void work(int k) { g_m[k] = 1; }
// CHECK-MESSAGES: :[[@LINE-1]]:20: warning: write to shared map 'g_m' is not protected by a mutex [mapguard-unguarded-write]
// CHECK-MESSAGES: :[[@LINE-3]]:20: note: 'g_m' is a global with static storage duration
void *pwork(void *) { g_m[9] = 1; return nullptr; }
// CHECK-MESSAGES: :[[@LINE-1]]:23: warning: write to shared map 'g_m' is not protected by a mutex [mapguard-unguarded-write]
// CHECK-MESSAGES: :[[@LINE-6]]:20: note: 'g_m' is a global with static storage duration
int main() {
  g_m[0] = 0; // before: silent
  std::thread t(work, 1);
  g_m[1] = 1; // races: reported
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_m' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-12]]:20: note: 'g_m' is a global with static storage duration
  t.join();
  g_m[2] = 2; // after join: silent
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i)
    ts.emplace_back(work, i);
  g_m[3] = 3; // reported
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_m' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-20]]:20: note: 'g_m' is a global with static storage duration
  for (auto &w : ts)
    w.join();
  g_m[4] = 4; // silent
  std::vector<std::thread> us;
  for (int i = 0; i < 4; ++i)
    us.push_back(std::thread(work, i));
  for (unsigned i = 0; i < us.size(); ++i)
    us[i].join();
  g_m[5] = 5; // silent
  pthread_t tids[2];
  for (int i = 0; i < 2; ++i)
    pthread_create(&tids[i], nullptr, pwork, nullptr);
  g_m[6] = 6; // reported
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_m' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-35]]:20: note: 'g_m' is a global with static storage duration
  for (int i = 0; i < 2; ++i)
    pthread_join(tids[i], nullptr);
  g_m[7] = 7; // silent
  std::thread d(work, 8);
  d.detach();
  g_m[8] = 8; // reported: detached
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_m' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-43]]:20: note: 'g_m' is a global with static storage duration
  return 0;
}
