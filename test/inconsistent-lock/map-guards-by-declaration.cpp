// MapGuards names declarations, not spellings: an unrelated class's `mu`
// does not satisfy `g_map=mu`, static members are named with their class,
// an unqualified mutex of a member map is looked up in the map's class, and
// an entry whose mutex names nothing is said to be ignored.
//
// RUN: %check_mapguard --config="{CheckOptions: [{key: mapguard-inconsistent-lock.MapGuards, value: 'g_map=mu;Registry::s_entries=Registry::s_mu;Cache::entries=mu;g_other=no_such_mutex'}]}" %s %t
#include <map>
#include <mutex>

std::map<int, int> g_map;
std::mutex mu;

struct Unrelated {
  std::mutex mu;
  void put(int k) {
    std::lock_guard<std::mutex> guard(mu);
    g_map[k] = 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'g_map' holds 'this->mu' but not '::mu', which guards it [mapguard-inconsistent-lock]
    // CHECK-MESSAGES: :[[@LINE-9]]:20: note: 'g_map' is a global with static storage duration
    // CHECK-MESSAGES: :[[@LINE-10]]:20: note: 'g_map' is guarded by 'mu', as the option 'MapGuards' says
  }
};

struct Registry {
  static std::map<int, int> s_entries;
  static std::mutex s_mu;
  static std::mutex s_other_mu;
  static void add(int k) {
    std::lock_guard<std::mutex> guard(s_other_mu);
    s_entries[k] = 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'Registry::s_entries' holds 'Registry::s_other_mu' but not 'Registry::s_mu', which guards it [mapguard-inconsistent-lock]
    // CHECK-MESSAGES: :[[@LINE-7]]:29: note: 'Registry::s_entries' is a static data member, shared by every instance
    // CHECK-MESSAGES: :[[@LINE-8]]:29: note: 'Registry::s_entries' is guarded by 'Registry::s_mu', as the option 'MapGuards' says
  }
  static void remove(int k) {
    std::lock_guard<std::mutex> guard(s_mu);
    s_entries.erase(k);
  }
};

struct Cache {
  std::map<int, int> entries;
  std::mutex mu;
  std::mutex stats_mu;
  void put(int k) {
    std::lock_guard<std::mutex> guard(stats_mu);
    entries[k] = 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'entries' holds 'stats_mu' but not 'mu', which guards it [mapguard-inconsistent-lock]
    // CHECK-MESSAGES: :[[@LINE-7]]:22: note: 'entries' is a member that its class guards with a mutex
    // CHECK-MESSAGES: :[[@LINE-8]]:22: note: 'entries' is guarded by 'mu', as the option 'MapGuards' says
  }
};

std::map<int, int> g_other;
// CHECK-MESSAGES: :[[@LINE-1]]:20: warning: option 'MapGuards' names 'no_such_mutex' as the guard of 'g_other', but no variable or member of that name is visible from 'g_other'; the entry 'g_other=no_such_mutex' is ignored [mapguard-inconsistent-lock]
