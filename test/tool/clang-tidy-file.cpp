// A project's .clang-tidy file applies: its CheckOptions configure mapguard
// (here the project's own container type replaces the built-in ones). Its other
// checks run under clang-tidy, beside mapguard's; the mapguard executable
// runs mapguard's checks only (project-configuration.test).
//
// REQUIRES: plugin
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/input.cpp
// RUN: printf "Checks: '-*,readability-braces-around-statements'\nCheckOptions:\n  - key: mapguard-unguarded-write.ContainerTypes\n    value: '::app::Table'\n  - key: mapguard-unguarded-write.BuiltinContainers\n    value: false\n" > %t/.clang-tidy
// RUN: %mapguard %t/input.cpp -- -std=c++17 -nostdinc++ -isystem %fake_std 2>&1 | FileCheck %s --implicit-check-not=readability
// RUN: %clang_tidy --load %plugin --checks='mapguard-*' %t/input.cpp -- -std=c++17 -nostdinc++ -isystem %fake_std 2>&1 | FileCheck %s --check-prefixes=CHECK,PLUGIN
#include <map>

namespace app {
inline namespace v2 {
template <class K, class V> struct Table {
  V &operator[](const K &);
  void erase(const K &);
};
} // namespace v2
} // namespace app

app::Table<int, int> g_table;
std::map<int, int> g_std;

void update(bool add) {
  if (add)
    g_table[1] = 1;
  // PLUGIN: input.cpp:[[@LINE-2]]:11: warning: statement should be inside braces [readability-braces-around-statements]
  // CHECK: input.cpp:[[@LINE-2]]:5: warning: write to shared container 'g_table' is not protected by a mutex [mapguard-unguarded-write]
  g_table.erase(2);
  // CHECK: input.cpp:[[@LINE-1]]:3: warning: write to shared container 'g_table'
  g_std[1] = 1;
}
// CHECK-NOT: g_std
