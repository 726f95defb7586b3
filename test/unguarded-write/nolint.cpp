// RUN: %check_mapguard %s %t
//
// clang-tidy's NOLINT comments silence mapguard like any other check.
#include <map>

std::map<int, int> g_map;

void suppressed(int k) {
  g_map[k] = 1; // NOLINT(mapguard-unguarded-write)
  // NOLINTNEXTLINE(mapguard-*)
  g_map.erase(k);
  // NOLINTBEGIN
  g_map.clear();
  // NOLINTEND
}
