// What a program does with its guards: `std::lock` on deferred guards locks
// their mutexes, a mutex released from its guard is unlocked through the
// pointer `release()` returned, and `assert_capability` functions say a
// mutex is held.
//
// RUN: %check_mapguard %s %t
#include <map>
#include <mutex>
#include <thread>

std::map<int, int> g_map;
std::map<int, int> g_other;
std::mutex g_mu;
std::mutex g_other_mu;

void lock_both_deferred(int k) {
  std::unique_lock<std::mutex> a(g_mu, std::defer_lock);
  std::unique_lock<std::mutex> b(g_other_mu, std::defer_lock);
  std::lock(a, b);
  g_map[k] = 1;
  g_other[k] = 1;
}

void release_then_unlock(int k) {
  std::unique_lock<std::mutex> lk(g_mu);
  std::mutex *m = lk.release();
  g_map[k] = 2;
  m->unlock();
  g_map[k] = 3;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-20]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: 'g_mu' is released here
  // CHECK-MESSAGES: :[[@LINE-13]]:3: note: 'g_map' is written with 'g_mu' held at 2 of 3 sites
  // CHECK-MESSAGES: :[[@LINE-5]]:3: note: lock 'g_mu' around the write
}

class __attribute__((capability("mutex"))) Mutex {
public:
  void Lock() __attribute__((acquire_capability()));
  void Unlock() __attribute__((release_capability()));
  void AssertHeld() __attribute__((assert_capability(this)));
};

Mutex g_annotated_mu;
std::map<int, int> g_annotated __attribute__((guarded_by(g_annotated_mu)));

void called_with_the_lock_held(int k) {
  g_annotated_mu.AssertHeld();
  g_annotated[k] = 1;
}

void without_assertion(int k) {
  g_annotated[k] = 2;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_annotated' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-10]]:20: note: 'g_annotated' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-11]]:20: note: 'g_annotated' is guarded by 'g_annotated_mu', as its 'guarded_by' attribute says
}

int main() {
  std::thread a(lock_both_deferred, 1), b(release_then_unlock, 2),
      c(called_with_the_lock_held, 3), d(without_assertion, 4);
}
