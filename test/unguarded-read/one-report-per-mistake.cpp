// One report per mistake: `m.find(k) == m.end()` is one access, and the
// accesses that one early `unlock()` leaves unguarded in a function are one
// warning at the first, with a note that lists the others.
//
// RUN: %check_mapguard %s %t
#include <map>
#include <mutex>

std::map<int, int> g_map;
std::mutex g_mu;

void put(int k) {
  std::lock_guard<std::mutex> guard(g_mu);
  g_map[k] = 1;
}

bool contains(int k) {
  return g_map.find(k) == g_map.end();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: read of shared map 'g_map' does not hold 'g_mu', which guards its writes [mapguard-unguarded-read]
  // CHECK-MESSAGES: :[[@LINE-11]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-7]]:3: note: 'g_map' is written with 'g_mu' held at 1 of 1 sites
}

int early_unlock(int k) {
  g_mu.lock();
  int n = g_map.count(k);
  g_mu.unlock();
  n += g_map.count(k + 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: read of shared map 'g_map' does not hold 'g_mu', which guards its writes [mapguard-unguarded-read]
  // CHECK-MESSAGES: :[[@LINE-21]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: 'g_mu' is released here
  // CHECK-MESSAGES: :[[@LINE-18]]:3: note: 'g_map' is written with 'g_mu' held at 1 of 1 sites
  // CHECK-MESSAGES: :[[@LINE+1]]:8: note: the same release leaves 2 more accesses without 'g_mu' (lines 34, 35), not reported again
  n += g_map.count(k + 2);
  n += g_map.at(k + 3);
  return n;
}
