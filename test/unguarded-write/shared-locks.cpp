// RUN: %check_mapguard %s %t
//
// A reader/writer lock held shared lets threads read together; a write
// needs it exclusively, and a write under a shared hold is reported with a
// message of its own.
#include <map>
#include <mutex>
#include <shared_mutex>

std::map<int, int> g_map;
std::shared_mutex g_rw;

int read_shared(int k) {
  std::shared_lock<std::shared_mutex> lock(g_rw);
  return g_map.count(k);
}

void write_under_shared_guard(int k) {
  std::shared_lock<std::shared_mutex> lock(g_rw);
  g_map.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' holds 'g_rw' only shared; a write needs it exclusively
  // CHECK-MESSAGES: :[[@LINE-12]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE+15]]:3: note: 'g_map' is written with 'g_rw' held at 2 of 6 sites
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: hold 'g_rw' exclusively: make its guard a 'std::unique_lock'
}

void write_under_lock_shared(int k) {
  g_rw.lock_shared();
  g_map[k] = k;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' holds 'g_rw' only shared; a write needs it exclusively
  // CHECK-MESSAGES: :[[@LINE-21]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE+6]]:3: note: 'g_map' is written with 'g_rw' held at 2 of 6 sites
  g_rw.unlock_shared();
}

void write_exclusive(int k) {
  std::unique_lock<std::shared_mutex> lock(g_rw);
  g_map[k] = k;
}

void upgrade(int k) {
  g_rw.lock_shared();
  bool present = g_map.count(k);
  g_rw.unlock_shared();
  if (!present) {
    g_rw.lock();
    g_map[k] = k;
    g_rw.unlock();
  }
}

void write_after_shared_release(int k) {
  std::shared_lock<std::shared_mutex> lock(g_rw);
  lock.unlock();
  g_map.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-47]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: 'g_rw' is released here
  // CHECK-MESSAGES: :[[@LINE-21]]:3: note: 'g_map' is written with 'g_rw' held at 2 of 6 sites
  // CHECK-MESSAGES: :[[@LINE-5]]:3: note: lock 'g_rw' around the write
}

void try_shared(int k) {
  if (g_rw.try_lock_shared()) {
    g_map.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'g_map' holds 'g_rw' only shared
    // CHECK-MESSAGES: :[[@LINE-57]]:20: note: 'g_map' is a global with static storage duration
    // CHECK-MESSAGES: :[[@LINE-30]]:3: note: 'g_map' is written with 'g_rw' held at 2 of 6 sites
    g_rw.unlock_shared();
  }
}
