// A guard whose destructor unlocks through a helper member
// (`~Lock() { unlock(); }`) releases at the end of its scope: writes inside
// are protected, the write after it is not.
//
// RUN: %check_mapguard %s %t
#include <map>
#include <mutex>
class Lock {
public:
  explicit Lock(std::mutex &mu) : mu_(mu) { mu_.lock(); }
  ~Lock() { unlock(); }
  void unlock() { mu_.unlock(); }
private:
  std::mutex &mu_;
};
std::mutex mu;
std::map<int, int> g_map;
void a(int k) {
  Lock l(mu);
  g_map[k] = k;
}
void b(int k) {
  Lock l(mu);
  g_map.erase(k);
}
void c(int k) {
  {
    Lock l(mu);
  }
  g_map[k] = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-15]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: 'mu' is released here
  // CHECK-MESSAGES: :[[@LINE-14]]:3: note: 'g_map' is written with 'mu' held at 2 of 3 sites
  // CHECK-MESSAGES: :[[@LINE-5]]:3: note: lock 'mu' around the write
}
