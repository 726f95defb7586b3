// A missing header stops the parse with a clear error; nothing crashes.
//
// RUN: %check_mapguard --expect-exit=1 %s %t
#include "no-such-header.h"
// CHECK-MESSAGES: :[[@LINE-1]]:10: error: 'no-such-header.h' file not found [clang-diagnostic-error]
#include <map>

std::map<int, int> g_map;
void write() { g_map[1] = 1; }
