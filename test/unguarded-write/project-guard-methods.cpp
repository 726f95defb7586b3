// A project's guard, named in GuardTypes, unlocks and locks again by its
// own spelling of the methods: `UnLock()`, `Unlock()`, `release()` unlock;
// `Lock()`, `Relock()` lock. `std::unique_lock::release()` lets go of the
// mutex without unlocking it, as before.
//
// RUN: %check_mapguard --config="{CheckOptions: [{key: mapguard-unguarded-write.GuardTypes, value: 'base::AutoLock'}]}" %s %t
#include <map>
#include <mutex>

namespace base {
class AutoLock {
public:
  explicit AutoLock(std::mutex &mu);
  ~AutoLock();
  void UnLock();
  void Lock();
  void release();
  void Relock();
};
} // namespace base

std::mutex mu;
std::map<int, int> g_map;

void step(int k) {
  base::AutoLock lock(mu);
  g_map[k] = k;
  lock.UnLock();
  g_map.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-8]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: 'mu' is released here
  // CHECK-MESSAGES: :[[@LINE-6]]:3: note: 'g_map' is written with 'mu' held at 3 of 5 sites
  // CHECK-MESSAGES: :[[@LINE-5]]:3: note: lock 'mu' around the write
  lock.Lock();
  g_map[k + 1] = k;
}

void hand_off(int k) {
  base::AutoLock lock(mu);
  lock.release();
  g_map[k] = k;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-21]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: 'mu' is released here
  // CHECK-MESSAGES: :[[@LINE-19]]:3: note: 'g_map' is written with 'mu' held at 3 of 5 sites
  // CHECK-MESSAGES: :[[@LINE-5]]:3: note: lock 'mu' around the write
  lock.Relock();
  g_map.erase(k);
}
