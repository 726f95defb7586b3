// RUN: %check_mapguard %s %t
//
// Every name a shared map goes by: local references and pointers bound to
// it, members of shared objects, elements of shared arrays, and the objects
// that singleton accessors return.
#include <map>
#include <mutex>
#include <unordered_map>

std::map<int, int> g_map;

void local_aliases(int k) {
  auto &ref = g_map;
  ref[k] = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-6]]:20: note: 'g_map' is a global with static storage duration
  auto *ptr = &g_map;
  ptr->erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-10]]:20: note: 'g_map' is a global with static storage duration
  (*ptr)[k] = 2;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-13]]:20: note: 'g_map' is a global with static storage duration
}

// A reference parameter is not known to be shared.
void through_parameter(std::map<int, int> &m, int k) { m[k] = 1; }

struct State {
  std::unordered_map<int, int> by_id;
  std::map<int, int> by_name[4];
  std::mutex mu;
};
State g_state;

void members_and_elements(int k) {
  g_state.by_id[k] = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_state.by_id' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-5]]:7: note: 'g_state' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE+5]]:3: note: 'g_state.by_id' is written with 'g_state.mu' held at 1 of 2 sites
  g_state.by_name[k % 4].clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_state.by_name[]' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-9]]:7: note: 'g_state' is a global with static storage duration
  std::lock_guard<std::mutex> guard(g_state.mu);
  g_state.by_id.erase(k);
}

std::map<int, int> g_shards[8];
void array_of_maps(int k) {
  g_shards[k % 8][k] = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_shards[]' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-4]]:20: note: 'g_shards' is a global with static storage duration
  g_shards[3].clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_shards[3]' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-7]]:20: note: 'g_shards' is a global with static storage duration
}

// A heap map reached through a global pointer is as shared as the pointer.
auto *g_heap_map = new std::map<int, int>();
void through_global_pointer(int k) {
  (*g_heap_map)[k] = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_heap_map' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-4]]:7: note: 'g_heap_map' is a global with static storage duration
  g_heap_map->erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_heap_map' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-7]]:7: note: 'g_heap_map' is a global with static storage duration
}

// Meyers singletons: the accessor returns a function-local static.
struct Registry {
  std::map<int, int> entries;
};
Registry &registry() {
  static Registry instance;
  return instance;
}
std::map<int, int> *cache() {
  static std::map<int, int> storage;
  return &storage;
}

void singletons(int k) {
  registry().entries[k] = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'registry().entries' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-11]]:19: note: 'registry()' returns 'instance', a function-local static shared by every caller
  cache()->clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'cache()' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-10]]:29: note: 'cache()' returns 'storage', a function-local static shared by every caller
  auto &entries = registry().entries;
  entries.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'registry().entries' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-18]]:19: note: 'registry()' returns 'instance', a function-local static shared by every caller
}

// An accessor that returns a fresh object, or a parameter, is no singleton.
Registry make_registry();
Registry &pick(Registry &r) { return r; }
void not_singletons(Registry &r, int k) {
  make_registry().entries[k] = 1;
  pick(r).entries[k] = 1;
}
