// Invalid entries in the container options get a clear message and are
// ignored; the valid entries still apply. A container that is thread-safe by
// design is refused with the reason: it needs no mutex.
//
// RUN: %check_mapguard --config="{CheckOptions: [{key: mapguard-unguarded-write.BuiltinContainers, value: false}, {key: mapguard-unguarded-write.MapTypes, value: 'std::map;not a type name;std::set<int>'}, {key: mapguard-unguarded-write.ContainerTypes, value: 'tbb::concurrent_hash_map'}, {key: mapguard-unguarded-write.WriteMethods, value: 'app::Bag;=put;app::Bag=put it;app::Bag=put'}]}" %s %t
// CHECK-MESSAGES: warning: 'tbb::concurrent_hash_map' in option 'mapguard-unguarded-write.ContainerTypes' is thread-safe by design: its accesses need no mutex, and mapguard does not check them; the entry is ignored [clang-tidy-config]
// CHECK-MESSAGES: warning: invalid entry '=put' in option 'mapguard-unguarded-write.WriteMethods': expected 'type=method,method', such as 'WAVM::HashMap=getOrAdd,set'; the entry is ignored [clang-tidy-config]
// CHECK-MESSAGES: warning: invalid entry 'app::Bag' in option 'mapguard-unguarded-write.WriteMethods'
// CHECK-MESSAGES: warning: invalid entry 'app::Bag=put it' in option 'mapguard-unguarded-write.WriteMethods'
// CHECK-MESSAGES: warning: invalid entry 'not a type name' in option 'mapguard-unguarded-write.MapTypes': expected a qualified class name such as 'absl::flat_hash_map'; the entry is ignored [clang-tidy-config]
// CHECK-MESSAGES: warning: invalid entry 'std::set<int>' in option 'mapguard-unguarded-write.MapTypes'
#include <map>
#include <set>

namespace app {
struct Bag {
  void put(int) const;
};
} // namespace app

std::map<int, int> g_map;
std::set<int> g_set;
app::Bag g_bag;
void write() {
  g_map[1] = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-6]]:20: note: 'g_map' is a global with static storage duration
  g_set.insert(1);
  g_bag.put(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared container 'g_bag' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-8]]:10: note: 'g_bag' is a global with static storage duration
}
