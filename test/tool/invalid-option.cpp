// An invalid entry in MapTypes gets a clear message and is ignored; the
// valid entries still apply.
//
// RUN: %check_mapguard --config="{CheckOptions: [{key: mapguard-unguarded-write.MapTypes, value: 'std::map;not a type name;std::set<int>'}]}" %s %t
// CHECK-MESSAGES: warning: invalid entry 'not a type name' in option 'mapguard-unguarded-write.MapTypes': expected a qualified class name such as 'absl::flat_hash_map'; the entry is ignored [clang-tidy-config]
// CHECK-MESSAGES: warning: invalid entry 'std::set<int>' in option 'mapguard-unguarded-write.MapTypes'
#include <map>
#include <set>

std::map<int, int> g_map;
std::set<int> g_set;
void write() {
  g_map[1] = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-5]]:20: note: 'g_map' is a global with static storage duration
  g_set.insert(1);
}
