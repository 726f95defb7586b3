// A function whose statements nest deeper than the analysis' stack can
// follow is not analysed: a remark says so, and the rest of the file is
// checked as usual. The option MaxNestingDepth (default and at most 100000)
// sets the depth; here it is lowered so that a small program reaches it.
//
// RUN: %check_mapguard --config="{CheckOptions: [{key: MaxNestingDepth, value: 12}]}" %s %t
#include <map>

std::map<int, int> g_map;
bool c(int);

void deep() {
  // CHECK-MESSAGES: :[[@LINE-1]]:6: remark: analysis of 'deep' stopped at its budget: the function is nested too deeply, and its accesses are not checked [mapguard-unguarded-write]
  if (c(1) && c(2) && c(3) && c(4) && c(5) && c(6) && c(7) && c(8) && c(9) &&
      c(10) && c(11) && c(12) && c(13))
    g_map[1] = 1;
}

void shallow() { g_map[0] = 0; }
// CHECK-MESSAGES: :[[@LINE-1]]:18: warning: write to shared map 'g_map' is not protected by a mutex [mapguard-unguarded-write]
// CHECK-MESSAGES: :9:20: note: 'g_map' is a global with static storage duration
