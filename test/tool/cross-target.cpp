// A target without a GCC installation here (MinGW) takes Clang's builtin
// headers (stddef.h) from the resource directory of the LLVM mapguard is
// built against, found by the build tree's binary as by the installed one.
//
// RUN: %check_mapguard %s %t -- --target=x86_64-w64-mingw32
#include <stddef.h>
#include <map>

std::map<size_t, int> g_map;
void write(size_t k) { g_map[k] = 1; }
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: write to shared map 'g_map' is not protected by a mutex [mapguard-unguarded-write]
// CHECK-MESSAGES: :[[@LINE-3]]:23: note: 'g_map' is a global with static storage duration
