// Under the name clang-tidy-mapguard, the executable is a drop-in
// clang-tidy for editors and CI tools that take "a clang-tidy": clang-tidy's
// own default checks, the caller's --checks, the project's .clang-tidy, and
// mapguard's checks beside the standard ones.
//
// Without --checks: what clang-tidy itself does by default (clang-tidy 19
// runs the static analyzer; clang-tidy 22 has no default check at all), and
// no mapguard check.
// RUN: %clang_tidy %s -- -std=c++17 -nostdinc++ -isystem %fake_std > %t.host 2>&1 || true
// RUN: %clang_tidy_mapguard %s -- -std=c++17 -nostdinc++ -isystem %fake_std > %t.ours 2>&1 || true
// RUN: sed -e 's/clang-tidy-mapguard/clang-tidy/g' %t.ours | diff %t.host -
// RUN: FileCheck %s --check-prefix=DEFAULTS --input-file=%t.ours
// DEFAULTS-NOT: mapguard-
//
// A standard check and mapguard's in one run, as the caller asks:
// RUN: %clang_tidy_mapguard --checks=-*,bugprone-integer-division,mapguard-* %s -- -std=c++17 -nostdinc++ -isystem %fake_std 2>&1 | FileCheck %s --check-prefix=BOTH
//
// The project's .clang-tidy, as clang-tidy reads it:
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/input.cpp
// RUN: printf "Checks: '-*,mapguard-unguarded-write'\n" > %t/.clang-tidy
// RUN: %clang_tidy_mapguard %t/input.cpp -- -std=c++17 -nostdinc++ -isystem %fake_std 2>&1 | FileCheck %s --check-prefix=CONFIG
#include <map>
std::map<int, int> g_map;
void write() { g_map[1] = 1; }
// BOTH: drop-in-clang-tidy.cpp:[[@LINE-1]]:16: warning: write to shared map 'g_map' is not protected by a mutex [mapguard-unguarded-write]
// CONFIG: input.cpp:[[@LINE-2]]:16: warning: write to shared map 'g_map' is not protected by a mutex [mapguard-unguarded-write]
int divide(int x) {
  int zero = 0;
  return x / zero;
}
double ratio(int a, int b) { return a / b; }
// BOTH: drop-in-clang-tidy.cpp:[[@LINE-1]]:37: warning: result of integer division used in a floating point context; possible loss of precision [bugprone-integer-division]
