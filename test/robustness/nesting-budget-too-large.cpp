// MaxNestingDepth cannot exceed what the analysis' stack can follow: a larger
// value is reported, and the largest one is used instead.
//
// RUN: %check_mapguard --config="{CheckOptions: [{key: mapguard-unguarded-write.MaxNestingDepth, value: 5000000}]}" %s %t
// CHECK-MESSAGES: warning: option 'mapguard-unguarded-write.MaxNestingDepth' is 5000000, more than the analysis' stack can follow; 100000 is used [clang-tidy-config]
#include <map>

std::map<int, int> g_map;

void write() { g_map[1] = 1; }
// CHECK-MESSAGES: :[[@LINE-1]]:16: warning: write to shared map 'g_map' is not protected by a mutex [mapguard-unguarded-write]
// CHECK-MESSAGES: :8:20: note: 'g_map' is a global with static storage duration
