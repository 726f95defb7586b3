// Project lock types whose bodies are not visible are named in options:
// LockTypes for mutexes, GuardTypes for guards.
//
// RUN: %check_mapguard --config="{CheckOptions: [{key: mapguard-unguarded-write.LockTypes, value: 'base::Lock'}, {key: mapguard-unguarded-write.GuardTypes, value: 'base::AutoLock;base::ReaderLock'}]}" %s %t
// RUN: %check_mapguard --check-prefix=DEFAULT %s %t.default
#include <map>

namespace base {
class Lock {
public:
  void Acquire();
  void Release();
};
class AutoLock {
public:
  explicit AutoLock(Lock &lock);
  ~AutoLock();
};
class ReaderLock {
public:
  explicit ReaderLock(Lock *lock);
  ~ReaderLock();
};
} // namespace base

std::map<int, int> g_map;
base::Lock g_lock;

void guarded(int k) {
  base::AutoLock hold(g_lock);
  g_map[k] = k;
  // DEFAULT: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex
  // DEFAULT: :[[@LINE-7]]:20: note: 'g_map' is a global with static storage duration
}

void guarded_by_pointer(int k) {
  base::ReaderLock hold(&g_lock);
  g_map.erase(k);
  // DEFAULT: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex
  // DEFAULT: :[[@LINE-14]]:20: note: 'g_map' is a global with static storage duration
}

void unguarded(int k) {
  g_map.clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-20]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-16]]:3: note: 'g_map' is written with 'g_lock' held at 2 of 3 sites
  // DEFAULT: :[[@LINE-4]]:3: warning: write to shared map 'g_map' is not protected by a mutex
  // DEFAULT: :[[@LINE-23]]:20: note: 'g_map' is a global with static storage duration
}
