// A function that requires a mutex (`requires_capability(mu)`) writes as if
// it were held; a call that does not hold it is reported at the call. One
// that holds it, and one in a single-threaded phase, are not.
//
// RUN: %check_mapguard %s %t
#include <map>
#include <mutex>
#include <thread>

class __attribute__((capability("mutex"))) Mutex {
public:
  void Lock() __attribute__((acquire_capability()));
  void Unlock() __attribute__((release_capability()));
};

Mutex mu;
std::map<int, int> g_map;

static void insert_locked(int k) __attribute__((requires_capability(mu))) {
  g_map[k] = k;
}

void good(int k) {
  mu.Lock();
  insert_locked(k);
  mu.Unlock();
}

void bad(int k) { insert_locked(k); }
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: call to 'insert_locked' writes shared map 'g_map' without holding 'mu' [mapguard-unguarded-write]
// CHECK-MESSAGES: :[[@LINE-11]]:3: note: 'insert_locked' writes 'g_map' here
// CHECK-MESSAGES: :[[@LINE-13]]:13: note: 'insert_locked' requires 'mu' (requires_capability), so its callers must hold it

int main() {
  insert_locked(0);
  std::thread t(good, 1);
  t.join();
}
