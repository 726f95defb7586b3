// RUN: %check_mapguard %s %t
//
// A write in a template is one write site, however many times the template
// is instantiated: it is reported once.
#include <map>
#include <mutex>

std::map<int, int> g_sizes;
std::mutex g_mu;

template <typename T> void record(const T &) {
  g_sizes[sizeof(T)] = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_sizes' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-6]]:20: note: 'g_sizes' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE+31]]:3: note: 'g_sizes' is written with 'g_mu' held at 1 of 4 sites
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: lock 'g_mu' around the write
}

// Each specialization has a map of its own, written at one site.
template <typename T> struct Registry {
  static std::map<int, T> entries;
  void add(int k, T v) {
    entries[k] = v;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'Registry::entries' is not protected by a mutex
    // CHECK-MESSAGES: :[[@LINE-4]]:27: note: 'Registry::entries' is a static data member, shared by every instance
  }
};
template <typename T> std::map<int, T> Registry<T>::entries;

// Two accesses that start at the same token are two sites: the insert, and
// the write to the element it returns.
template <typename T> void insert_then_assign(const T &) {
  g_sizes.insert({sizeof(T), 1}).first->second = 2;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to an element of shared map 'g_sizes' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-27]]:20: note: 'g_sizes' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE+10]]:3: note: 'g_sizes' is written with 'g_mu' held at 1 of 4 sites
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the lock block offered at line 33 covers this write too
  // CHECK-MESSAGES: :[[@LINE-5]]:3: warning: write to shared map 'g_sizes' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-31]]:20: note: 'g_sizes' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE+6]]:3: note: 'g_sizes' is written with 'g_mu' held at 1 of 4 sites
  // CHECK-MESSAGES: :[[@LINE-8]]:3: note: lock 'g_mu' around the 2 adjacent writes
}

template <typename T> void record_locked(const T &) {
  std::lock_guard<std::mutex> guard(g_mu);
  g_sizes[sizeof(T)] = 2;
}

void use() {
  record(1);
  record(2.0);
  record('c');
  Registry<int>().add(1, 1);
  Registry<long>().add(1, 1);
  Registry<char>().add(1, 'c');
  insert_then_assign(1);
  insert_then_assign(2.0);
  record_locked(1);
  record_locked(2.0);
  record_locked('c');
}
