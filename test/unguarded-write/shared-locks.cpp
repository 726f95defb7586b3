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
}

void write_under_lock_shared(int k) {
  g_rw.lock_shared();
  g_map[k] = k;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' holds 'g_rw' only shared; a write needs it exclusively
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
}

void try_shared(int k) {
  if (g_rw.try_lock_shared()) {
    g_map.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'g_map' holds 'g_rw' only shared
    g_rw.unlock_shared();
  }
}
