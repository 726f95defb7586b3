// A try-lock whose success value is `true` or 1 (an int, a pointer, by
// try_acquire_capability) succeeds with any result but 0 or null: `if
// (mu.TryLock())`, `if (mu.TryLockPtr())`, `if (p != nullptr)`. Its
// failures are the other edges.
//
// RUN: %check_mapguard %s %t
#include <map>
class __attribute__((capability("mutex"))) Mutex {
public:
  void Lock() __attribute__((acquire_capability()));
  void Unlock() __attribute__((release_capability()));
  int TryLock() __attribute__((try_acquire_capability(1)));
  Mutex *TryLockPtr() __attribute__((try_acquire_capability(true)));
};
Mutex mu;
std::map<int, int> g_map;
void a(int k) {
  if (mu.TryLock()) {
    g_map[k] = k;
    mu.Unlock();
  }
}
void b(int k) {
  if (mu.TryLock() == 1) {
    g_map[k] = k;
    mu.Unlock();
  }
}
void c(int k) {
  if (mu.TryLockPtr()) {
    g_map[k] = k;
    mu.Unlock();
  }
}
void d(int k) {
  if (mu.TryLockPtr() != nullptr) {
    g_map[k] = k;
    mu.Unlock();
  }
}
void e(int k) {
  mu.Lock();
  g_map[k] = k;
  mu.Unlock();
}
void f(int k) {
  if (!mu.TryLock()) {
    g_map[k] = k;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'g_map' is not protected by a mutex [mapguard-unguarded-write]
    // CHECK-MESSAGES: :[[@LINE-34]]:20: note: 'g_map' is a global with static storage duration
    // CHECK-MESSAGES: :[[@LINE-32]]:5: note: 'g_map' is written with 'mu' held at 7 of 9 sites
    return;
  }
  g_map[k + 1] = k;
  mu.Unlock();
}
void g(int k) {
  if (mu.TryLockPtr() == nullptr) {
    g_map[k] = k;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'g_map' is not protected by a mutex [mapguard-unguarded-write]
    // CHECK-MESSAGES: :[[@LINE-45]]:20: note: 'g_map' is a global with static storage duration
    // CHECK-MESSAGES: :[[@LINE-43]]:5: note: 'g_map' is written with 'mu' held at 7 of 9 sites
    return;
  }
  g_map[k + 1] = k;
  mu.Unlock();
}
