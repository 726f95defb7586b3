// With -p, the compilation database gives each file its flags: here the
// include path of the stand-in headers and the language standard.
//
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/input.cpp
// RUN: printf '[{"directory": "%t", "file": "%t/input.cpp", "command": "clang++ -std=c++17 -nostdinc++ -isystem %fake_std -c input.cpp"}]' > %t/compile_commands.json
// RUN: %mapguard -p %t %t/input.cpp 2>&1 | FileCheck %s
#include <map>

std::map<int, int> g_map;
void write() { g_map.clear(); }
// CHECK: input.cpp:[[@LINE-1]]:16: warning: write to shared map 'g_map' is not protected by a mutex [mapguard-unguarded-write]
