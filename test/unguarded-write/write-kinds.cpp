// RUN: %check_mapguard %s %t -- -std=c++20
//
// Every call that changes a map's structure is a write. Reads are not.
#include <map>
#include <unordered_map>
#include <utility>

std::unordered_map<int, int> g_map;
std::unordered_map<int, int> g_other;
std::unordered_map<int, int> local_copy();

void subscript_assigned(int k) {
  g_map[k] = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-7]]:30: note: 'g_map' is a global with static storage duration
}

void subscript_incremented(int k) {
  ++g_map[k];
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'g_map'
  // CHECK-MESSAGES: :[[@LINE-13]]:30: note: 'g_map' is a global with static storage duration
}

// operator[] inserts a missing key even where its result is only read: the
// diagnostic says so, and how to look up without inserting.
int subscript_only_read(int k) {
  return g_map[k];
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: write to shared map 'g_map'
  // CHECK-MESSAGES: :[[@LINE-21]]:30: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-3]]:10: note: 'operator[]' inserts a default-constructed element when the key is missing, so it writes even where its result is only read; use 'find' or 'at' to look up without inserting
}

void modifiers(int k, std::unordered_map<int, int>::const_iterator it) {
  g_map.insert({k, 1});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map'
  // CHECK-MESSAGES: :[[@LINE-28]]:30: note: 'g_map' is a global with static storage duration
  g_map.insert_or_assign(k, 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map'
  // CHECK-MESSAGES: :[[@LINE-31]]:30: note: 'g_map' is a global with static storage duration
  g_map.emplace(k, 3);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map'
  // CHECK-MESSAGES: :[[@LINE-34]]:30: note: 'g_map' is a global with static storage duration
  g_map.emplace_hint(it, k, 4);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map'
  // CHECK-MESSAGES: :[[@LINE-37]]:30: note: 'g_map' is a global with static storage duration
  g_map.try_emplace(k, 5);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map'
  // CHECK-MESSAGES: :[[@LINE-40]]:30: note: 'g_map' is a global with static storage duration
  g_map.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map'
  // CHECK-MESSAGES: :[[@LINE-43]]:30: note: 'g_map' is a global with static storage duration
  g_map.erase(it);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map'
  // CHECK-MESSAGES: :[[@LINE-46]]:30: note: 'g_map' is a global with static storage duration
  g_map.clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map'
  // CHECK-MESSAGES: :[[@LINE-49]]:30: note: 'g_map' is a global with static storage duration
  g_map.extract(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map'
  // CHECK-MESSAGES: :[[@LINE-52]]:30: note: 'g_map' is a global with static storage duration
  g_map.rehash(64);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map'
  // CHECK-MESSAGES: :[[@LINE-55]]:30: note: 'g_map' is a global with static storage duration
  g_map.reserve(64);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map'
  // CHECK-MESSAGES: :[[@LINE-58]]:30: note: 'g_map' is a global with static storage duration
}

// swap and merge change both maps.
void swaps() {
  std::unordered_map<int, int> mine;
  g_map.swap(mine);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map'
  // CHECK-MESSAGES: :[[@LINE-66]]:30: note: 'g_map' is a global with static storage duration
  mine.swap(g_other);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_other'
  // CHECK-MESSAGES: write-kinds.cpp:9:30: note: 'g_other' is a global with static storage duration
  mine.merge(g_map);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map'
  // CHECK-MESSAGES: :[[@LINE-72]]:30: note: 'g_map' is a global with static storage duration
  std::swap(g_map, mine);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map'
  // CHECK-MESSAGES: :[[@LINE-75]]:30: note: 'g_map' is a global with static storage duration
}

void assignment_and_free_functions() {
  g_map = local_copy();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map'
  // CHECK-MESSAGES: :[[@LINE-81]]:30: note: 'g_map' is a global with static storage duration
  std::erase_if(g_map, [](const auto &) { return true; });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map'
  // CHECK-MESSAGES: :[[@LINE-84]]:30: note: 'g_map' is a global with static storage duration
}

// Reads race only with writes; this check reports writes alone.
int reads(int k) {
  int n = 0;
  if (g_map.find(k) != g_map.end())
    ++n;
  n += g_map.count(k) + g_map.size() + g_map.contains(k) + g_map.at(k);
  for (auto &entry : g_map)
    n += entry.second;
  std::unordered_map<int, int> copy = g_map;
  return n + copy.empty() + g_map.empty();
}

// A map that is not shared: locals and parameters.
void not_shared(std::unordered_map<int, int> &param, int k) {
  std::unordered_map<int, int> local;
  local[k] = 1;
  local.erase(k);
  param[k] = 2;
  param.clear();
}

// Bound to a reference that can change it, the element is there to be
// written: no note that the result is only read. A const reference only
// reads it.
void subscript_bound_for_writing(int k) {
  int &slot = g_map[k];
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: write to shared map 'g_map' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-114]]:30: note: 'g_map' is a global with static storage duration
  slot = 1;
  const int &seen = g_map[k + 1];
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: write to shared map 'g_map' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-118]]:30: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-3]]:21: note: 'operator[]' inserts a default-constructed element when the key is missing, so it writes even where its result is only read; use 'find' or 'at' to look up without inserting
  (void)seen;
}
