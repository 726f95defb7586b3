// A file that does not compile still gets the diagnostics for what parsed,
// and the host process exits with clang-tidy's status for compiler errors.
//
// RUN: %check_mapguard --expect-exit=1 %s %t
#include <map>

std::map<int, int> g_map;

void fine(int k) {
  g_map[k] = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-5]]:20: note: 'g_map' is a global with static storage duration
}

void broken(int k) {
  g_map[k] = 2;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-11]]:20: note: 'g_map' is a global with static storage duration
  int x = undeclared_thing;
  // CHECK-MESSAGES: :[[@LINE-1]]:11: error: use of undeclared identifier 'undeclared_thing' [clang-diagnostic-error]
  g_map.erase(k, k, k);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: error: no matching member function for call to 'erase' [clang-diagnostic-error]
  // The compiler's own notes, in the stand-in header:
  // CHECK-MESSAGES: __fake_containers.h:{{[0-9]+}}:{{[0-9]+}}: note: candidate function not viable: requires 1 argument, but 3 were provided
  // CHECK-MESSAGES: __fake_containers.h:{{[0-9]+}}:{{[0-9]+}}: note: expanded from macro '__MAPGUARD_MAP_MEMBERS'
  // CHECK-MESSAGES: __fake_containers.h:{{[0-9]+}}:{{[0-9]+}}: note: candidate function not viable: requires 1 argument, but 3 were provided
  // CHECK-MESSAGES: __fake_containers.h:{{[0-9]+}}:{{[0-9]+}}: note: expanded from macro '__MAPGUARD_MAP_MEMBERS'
}

// CHECK-MESSAGES: :[[@LINE+3]]:23: error: expected ')' [clang-diagnostic-error]
// CHECK-MESSAGES: :[[@LINE+2]]:16: note: to match this '('
// CHECK-MESSAGES: :[[@LINE+1]]:24: error: expected function body after function declarator [clang-diagnostic-error]
void unbalanced(int k {
