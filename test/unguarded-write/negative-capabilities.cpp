// A negative capability (`requires_capability(!mu)`: the caller must not
// hold `mu`) is never a held lock, and never a map's guard.
//
// RUN: %check_mapguard %s %t
#include <map>

class __attribute__((capability("mutex"))) Mutex {
public:
  void Lock() __attribute__((acquire_capability()));
  void Unlock() __attribute__((release_capability()));
  const Mutex &operator!() const { return *this; }
};

Mutex mu;
std::map<int, int> g_map;

void refill() __attribute__((requires_capability(!mu))) { g_map[1] = 1; }
// CHECK-MESSAGES: :[[@LINE-1]]:59: warning: write to shared map 'g_map' is not protected by a mutex [mapguard-unguarded-write]
// CHECK-MESSAGES: :[[@LINE-4]]:20: note: 'g_map' is a global with static storage duration
// CHECK-MESSAGES: :[[@LINE+4]]:3: note: 'g_map' is written with 'mu' held at 2 of 3 sites

void refill_locked() __attribute__((requires_capability(!mu))) {
  mu.Lock();
  g_map[2] = 2;
  mu.Unlock();
}

void add(int k) {
  mu.Lock();
  g_map[k] = k;
  mu.Unlock();
}
