// Boost.Unordered and Boost.Container against their real headers
// (libboost-dev): maps, sets and sequences with the standard API, the same
// rule for their writes, element writes and reads.
//
// REQUIRES: boost-containers
// RUN: %check_mapguard --real-std %s %t -- -std=c++17
#include <boost/container/flat_map.hpp>
#include <boost/container/flat_set.hpp>
#include <boost/container/small_vector.hpp>
#include <boost/container/stable_vector.hpp>
#include <boost/unordered_map.hpp>
#include <boost/unordered_set.hpp>

boost::unordered_map<int, int> g_counts;
boost::unordered_set<int> g_seen;
boost::container::flat_map<int, int> g_sorted;
boost::container::flat_set<int> g_keys;
boost::container::small_vector<int, 4> g_small;
boost::container::stable_vector<int> g_stable;

void writes(int k) {
  g_counts[k] = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_counts' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-10]]:32: note: 'g_counts' is a global with static storage duration
  g_counts.emplace(k, 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_counts' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-13]]:32: note: 'g_counts' is a global with static storage duration
  g_counts.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_counts' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-16]]:32: note: 'g_counts' is a global with static storage duration
  g_counts.at(k) = 3;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to an element of shared map 'g_counts' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-19]]:32: note: 'g_counts' is a global with static storage duration
  g_seen.insert(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared set 'g_seen' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-21]]:27: note: 'g_seen' is a global with static storage duration
  g_sorted[k] = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_sorted' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-23]]:38: note: 'g_sorted' is a global with static storage duration
  g_sorted.insert(std::make_pair(k, 1));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_sorted' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-26]]:38: note: 'g_sorted' is a global with static storage duration
  g_sorted.at(k) = 4;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to an element of shared map 'g_sorted' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-29]]:38: note: 'g_sorted' is a global with static storage duration
  g_keys.insert(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared set 'g_keys' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-31]]:33: note: 'g_keys' is a global with static storage duration
  g_keys.reserve(8);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared set 'g_keys' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-34]]:33: note: 'g_keys' is a global with static storage duration
  g_small.push_back(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared vector 'g_small' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-36]]:40: note: 'g_small' is a global with static storage duration
  g_small[0] = k;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to an element of shared vector 'g_small' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-39]]:40: note: 'g_small' is a global with static storage duration
  g_stable.emplace_back(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared vector 'g_stable' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-41]]:38: note: 'g_stable' is a global with static storage duration
}

int reads(int k) {
  return g_counts.count(k) + (g_counts.find(k) != g_counts.end()) +
         g_seen.size() + g_sorted.at(k) + g_keys.empty() + g_small[0] +
         g_stable.front();
}
