// A function too large or too branchy for the analysis budget is not
// analysed: a remark says so, and the rest of the file is checked as usual.
// The option MaxFunctionBlocks (default 200000) sets the budget.
//
// RUN: %check_mapguard --config="{CheckOptions: [{key: MaxFunctionBlocks, value: 6}]}" %s %t
#include <map>

std::map<int, int> g_map;
bool cond();

void branchy() {
  // CHECK-MESSAGES: :[[@LINE-1]]:6: remark: analysis of 'branchy' stopped at its budget: the function is too large or too branchy, and its accesses are not checked [mapguard-unguarded-write]
  if (cond())
    g_map[1] = 1;
  if (cond())
    g_map[2] = 1;
  if (cond())
    g_map[3] = 1;
}

void small() { g_map[0] = 0; }
// CHECK-MESSAGES: :[[@LINE-1]]:16: warning: write to shared map 'g_map' is not protected by a mutex
// CHECK-MESSAGES: :[[@LINE-15]]:20: note: 'g_map' is a global with static storage duration
