// The mapguard executable is clang-tidy with mapguard's checks as its
// default list: without --checks it runs mapguard-* and not the static
// analyzer.
//
// RUN: %mapguard %s -- -std=c++17 -nostdinc++ -isystem %fake_std 2>&1 | FileCheck %s
#include <map>

std::map<int, int> g_map;
void write() { g_map[1] = 1; }
// CHECK: default-checks.cpp:[[@LINE-1]]:16: warning: write to shared map 'g_map' is not protected by a mutex [mapguard-unguarded-write]

int divide(int x) {
  int zero = 0;
  return x / zero; // clang-analyzer-core.DivideZero, were the analyzer on.
}
// CHECK-NOT: clang-analyzer
