// Abseil's containers against their real headers (libabsl-dev), whose names
// live in an inline namespace (absl::lts_20220623) and whose methods are
// their bases' (raw_hash_set, btree_container).
//
// REQUIRES: abseil
// RUN: %check_mapguard --real-std %s %t -- -std=c++17
#include <absl/container/btree_map.h>
#include <absl/container/btree_set.h>
#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>
#include <absl/container/inlined_vector.h>
#include <absl/container/node_hash_map.h>
#include <mutex>
#include <string>

absl::flat_hash_map<std::string, int> g_ids;
absl::node_hash_map<int, std::string> g_names;
absl::flat_hash_set<int> g_seen;
absl::btree_map<int, int> g_ordered;
absl::btree_set<int> g_sorted;
absl::InlinedVector<int, 4> g_recent;
std::mutex g_mu;

void writes(const std::string &name, int id) {
  g_ids[name] = id;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_ids' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-11]]:39: note: 'g_ids' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE+59]]:3: note: 'g_ids' is written with 'g_mu' held at 1 of 5 sites
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: lock 'g_mu' around the 3 adjacent writes
  g_ids.try_emplace(name, id);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_ids' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-16]]:39: note: 'g_ids' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE+54]]:3: note: 'g_ids' is written with 'g_mu' held at 1 of 5 sites
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the lock block offered at line 25 covers this write too
  g_ids.erase(name);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_ids' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-21]]:39: note: 'g_ids' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE+49]]:3: note: 'g_ids' is written with 'g_mu' held at 1 of 5 sites
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the lock block offered at line 25 covers this write too
  g_names.insert({id, name});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_names' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-25]]:39: note: 'g_names' is a global with static storage duration
  g_names.at(id) = name;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to an element of shared map 'g_names' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-28]]:39: note: 'g_names' is a global with static storage duration
  g_seen.insert(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared set 'g_seen' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-30]]:26: note: 'g_seen' is a global with static storage duration
  g_seen.clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared set 'g_seen' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-33]]:26: note: 'g_seen' is a global with static storage duration
  g_ordered[id] = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_ordered' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-35]]:27: note: 'g_ordered' is a global with static storage duration
  g_ordered.erase(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_ordered' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-38]]:27: note: 'g_ordered' is a global with static storage duration
  g_sorted.insert(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared set 'g_sorted' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-40]]:22: note: 'g_sorted' is a global with static storage duration
  g_recent.push_back(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared vector 'g_recent' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-42]]:29: note: 'g_recent' is a global with static storage duration
  g_recent[0] = id;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to an element of shared vector 'g_recent' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-45]]:29: note: 'g_recent' is a global with static storage duration
}

int lookup(const std::string &name) {
  // 'operator[]' inserts the name when it is missing: a write.
  return g_ids[name];
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: write to shared map 'g_ids' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-57]]:39: note: 'g_ids' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE+13]]:3: note: 'g_ids' is written with 'g_mu' held at 1 of 5 sites
  // CHECK-MESSAGES: :[[@LINE-4]]:10: note: 'operator[]' inserts a default-constructed element when the key is missing, so it writes even where its result is only read; use 'find' or 'at' to look up without inserting
  // CHECK-MESSAGES: :[[@LINE-5]]:10: note: lock 'g_mu' around the write
}

int reads(const std::string &name, int id) {
  return g_ids.contains(name) + g_ids.count(name) + g_names.size() +
         (g_seen.find(id) != g_seen.end()) + g_ordered.at(id) +
         g_sorted.empty() + g_recent.front();
}

void locked(const std::string &name, int id) {
  std::lock_guard<std::mutex> lock(g_mu);
  g_ids[name] = id;
}
