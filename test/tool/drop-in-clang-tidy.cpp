// Under the name clang-tidy-mapguard, the executable is a drop-in
// clang-tidy for editors and CI tools that take "a clang-tidy": clang-tidy's
// own default checks, the caller's --checks, the project's .clang-tidy, and
// mapguard's checks beside the standard ones.
//
// Without --checks: clang-tidy's defaults, the static analyzer included, and
// no mapguard check.
// RUN: %clang_tidy_mapguard %s -- -std=c++17 -nostdinc++ -isystem %fake_std 2>&1 | FileCheck %s --check-prefix=DEFAULTS
// DEFAULTS: drop-in-clang-tidy.cpp:27:12: warning: Division by zero [clang-analyzer-core.DivideZero]
// DEFAULTS-NOT: mapguard-
//
// A standard check and mapguard's in one run, as the caller asks:
// RUN: %clang_tidy_mapguard --checks=-*,bugprone-integer-division,mapguard-* %s -- -std=c++17 -nostdinc++ -isystem %fake_std 2>&1 | FileCheck %s --check-prefix=BOTH
// BOTH: drop-in-clang-tidy.cpp:24:16: warning: write to shared map 'g_map' is not protected by a mutex [mapguard-unguarded-write]
// BOTH: drop-in-clang-tidy.cpp:29:37: warning: result of integer division used in a floating point context; possible loss of precision [bugprone-integer-division]
//
// The project's .clang-tidy, as clang-tidy reads it:
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/input.cpp
// RUN: printf "Checks: '-*,mapguard-unguarded-write'\n" > %t/.clang-tidy
// RUN: %clang_tidy_mapguard %t/input.cpp -- -std=c++17 -nostdinc++ -isystem %fake_std 2>&1 | FileCheck %s --check-prefix=CONFIG
// CONFIG: input.cpp:24:16: warning: write to shared map 'g_map' is not protected by a mutex [mapguard-unguarded-write]
#include <map>
std::map<int, int> g_map;
void write() { g_map[1] = 1; }
int divide(int x) {
  int zero = 0;
  return x / zero;
}
double ratio(int a, int b) { return a / b; }
