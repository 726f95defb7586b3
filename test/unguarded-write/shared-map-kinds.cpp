// RUN: %check_mapguard %s %t
//
// A shared map is an object of a map type with static storage duration, not
// thread_local and not const, whatever its type is spelled as. The first note
// of each warning says why the map is shared, at its declaration.
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

std::map<int, int> g_plain;
void plain(int k) {
  g_plain[k] = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_plain' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-4]]:20: note: 'g_plain' is a global with static storage duration
}

static std::map<int, int> g_static;
void internal_linkage(int k) {
  g_static[k] = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_static'
  // CHECK-MESSAGES: :[[@LINE-4]]:27: note: 'g_static' is a global with static storage duration
}

namespace {
std::map<int, int> g_anonymous;
}
void anonymous_namespace(int k) {
  g_anonymous[k] = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_anonymous'
  // CHECK-MESSAGES: :[[@LINE-5]]:20: note: 'g_anonymous' is a global with static storage duration
}

extern std::map<int, int> g_extern;
void defined_elsewhere(int k) {
  g_extern[k] = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_extern'
  // CHECK-MESSAGES: :[[@LINE-4]]:27: note: 'g_extern' is a global with static storage duration
}

namespace app {
std::map<int, int> in_namespace;
}
void qualified(int k) {
  app::in_namespace[k] = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'in_namespace'
  // CHECK-MESSAGES: :[[@LINE-5]]:20: note: 'in_namespace' is a global with static storage duration
}

// Types are compared after aliases, typedefs and `auto`.
using Registry = std::unordered_map<int, int>;
typedef std::unordered_map<long, int> OldRegistry;
Registry g_alias;
OldRegistry g_typedef;
auto g_auto = std::unordered_map<int, int>{};
void spelled_differently(int k) {
  g_alias[k] = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_alias'
  // CHECK-MESSAGES: :[[@LINE-6]]:10: note: 'g_alias' is a global with static storage duration
  g_typedef[k] = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_typedef'
  // CHECK-MESSAGES: :[[@LINE-8]]:13: note: 'g_typedef' is a global with static storage duration
  g_auto[k] = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_auto'
  // CHECK-MESSAGES: :[[@LINE-10]]:6: note: 'g_auto' is a global with static storage duration
}

// All eight standard associative containers.
std::multimap<int, int> g_multimap;
std::unordered_multimap<int, int> g_unordered_multimap;
std::set<int> g_set;
std::multiset<int> g_multiset;
std::unordered_set<int> g_unordered_set;
std::unordered_multiset<int> g_unordered_multiset;
void every_container_kind(int k) {
  g_multimap.insert({k, 1});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_multimap'
  // CHECK-MESSAGES: :[[@LINE-9]]:25: note: 'g_multimap' is a global with static storage duration
  g_unordered_multimap.insert({k, 1});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_unordered_multimap'
  // CHECK-MESSAGES: :[[@LINE-11]]:35: note: 'g_unordered_multimap' is a global with static storage duration
  g_set.insert(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared set 'g_set'
  // CHECK-MESSAGES: :[[@LINE-13]]:15: note: 'g_set' is a global with static storage duration
  g_multiset.insert(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared set 'g_multiset'
  // CHECK-MESSAGES: :[[@LINE-15]]:20: note: 'g_multiset' is a global with static storage duration
  g_unordered_set.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared set 'g_unordered_set'
  // CHECK-MESSAGES: :[[@LINE-17]]:25: note: 'g_unordered_set' is a global with static storage duration
  g_unordered_multiset.clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared set 'g_unordered_multiset'
  // CHECK-MESSAGES: :[[@LINE-19]]:30: note: 'g_unordered_multiset' is a global with static storage duration
}

// Static data members, however they are named.
struct Cache {
  static std::map<int, int> entries;
  std::map<int, int> per_object;
  void add(int k) {
    entries[k] = 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'Cache::entries' is not protected by a mutex
    // CHECK-MESSAGES: :[[@LINE-5]]:29: note: 'Cache::entries' is a static data member, shared by every instance
    per_object[k] = 1; // One per object: not known to be shared.
  }
};
std::map<int, int> Cache::entries;

void static_member_spellings(Cache &c, int k) {
  Cache::entries.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'Cache::entries'
  // CHECK-MESSAGES: :[[@LINE-14]]:29: note: 'Cache::entries' is a static data member, shared by every instance
  c.entries.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'Cache::entries'
  // CHECK-MESSAGES: :[[@LINE-17]]:29: note: 'Cache::entries' is a static data member, shared by every instance
}

void function_local_static(int k) {
  static std::map<int, int> memo;
  memo[k] = k;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'memo'
  // CHECK-MESSAGES: :[[@LINE-3]]:29: note: 'memo' is a function-local static, shared by every call
}

// Not shared, or not writable: nothing to report.
thread_local std::map<int, int> t_per_thread;
const std::map<int, int> k_table = {};
void not_shared(std::map<int, int> &param, std::map<int, int> byvalue, int k) {
  t_per_thread[k] = 1;
  static thread_local std::map<int, int> t_local;
  t_local[k] = 1;
  param[k] = 1;
  byvalue.clear();
  std::map<int, int> local;
  local[k] = 1;
  (void)k_table.find(k);
}
