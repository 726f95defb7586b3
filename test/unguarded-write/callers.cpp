// RUN: %check_mapguard %s %t
//
// A function is analysed with the locks that every one of its calls in the
// translation unit holds. A helper always called under the lock is not
// reported; one called with and without it is reported at the calls that
// do not hold it.
#include <map>
#include <mutex>

std::map<int, int> g_map;
std::mutex g_mu;

static void insert_locked(int k) { g_map[k] = k; }
void add(int k) {
  std::lock_guard<std::mutex> guard(g_mu);
  insert_locked(k);
}
void add_twice(int k) {
  std::lock_guard<std::mutex> guard(g_mu);
  insert_locked(k);
  insert_locked(k + 1);
}

// Two levels down, still under the callers' lock.
static void bump(int k) { ++g_map[k]; }
static void bump_twice(int k) {
  bump(k);
  bump(k);
}
void bump_locked(int k) {
  g_mu.lock();
  bump_twice(k);
  g_mu.unlock();
}

static void erase_impl(int k) { g_map.erase(k); }
void erase_locked(int k) {
  std::lock_guard<std::mutex> guard(g_mu);
  erase_impl(k);
}
void erase_racy(int k) {
  erase_impl(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'erase_impl' writes shared map 'g_map' without holding 'g_mu' [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-8]]:33: note: 'erase_impl' writes 'g_map' here
  // CHECK-MESSAGES: :[[@LINE-6]]:3: note: other calls of 'erase_impl' hold 'g_mu'
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: lock 'g_mu' around the call
}

// Lock wrappers act at their calls.
void lock_map() { g_mu.lock(); }
void unlock_map() { g_mu.unlock(); }
void through_wrappers(int k) {
  lock_map();
  g_map[k] = 1;
  unlock_map();
  g_map[k] = 2;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-48]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: 'g_mu' is released here
  // CHECK-MESSAGES: :[[@LINE-47]]:36: note: 'g_map' is written with 'g_mu' held at 5 of 9 sites
  // CHECK-MESSAGES: :[[@LINE-5]]:3: note: lock 'g_mu' around the write
}

// A function that requires the lock says so.
#define REQUIRES(x) __attribute__((requires_capability(x)))
void clear_locked() REQUIRES(g_mu);
void clear_locked() { g_map.clear(); }

// A function with external linkage and no call here can be called from
// anywhere: no lock is assumed.
void set_from_outside(int k) {
  g_map[k] = 3;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-64]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-62]]:36: note: 'g_map' is written with 'g_mu' held at 5 of 9 sites
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: lock 'g_mu' around the write
}

// Recursion settles: every call from outside and from itself holds the lock.
static void fill(int k) {
  g_map[k] = k;
  if (k > 0)
    fill(k - 1);
}
void fill_locked(int k) {
  std::lock_guard<std::mutex> guard(g_mu);
  fill(k);
}

// A function whose address escapes may be called from anywhere.
static void callback(int k) {
  g_map[k] = 4;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-84]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-82]]:36: note: 'g_map' is written with 'g_mu' held at 5 of 9 sites
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: lock 'g_mu' around the write
}
void register_callback(void (*)(int));
void install() {
  std::lock_guard<std::mutex> guard(g_mu);
  callback(1);
  register_callback(callback);
}
