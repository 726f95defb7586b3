// With -p, the compilation database gives each file its flags: here the
// include path of the stand-in headers and the language standard.
//
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/input.cpp
// RUN: printf '[{"directory": "%t", "file": "%t/input.cpp", "command": "clang++ -std=c++17 -nostdinc++ -isystem %fake_std -c input.cpp"}]' > %t/compile_commands.json
// RUN: %mapguard -p %t %t/input.cpp 2>&1 | FileCheck %s
//
// Without -p and without `--`, the database is looked for in the file's
// folder and those above it, as clang-tidy does:
// RUN: mkdir -p %t/src && cp %s %t/src/input.cpp
// RUN: printf '[{"directory": "%t", "file": "%t/src/input.cpp", "command": "clang++ -std=c++17 -nostdinc++ -isystem %fake_std -c src/input.cpp"}]' > %t/compile_commands.json
// RUN: %mapguard %t/src/input.cpp 2>&1 | FileCheck %s
//
// and where there is none, that is said, and the run fails (status 2)
// rather than check the file without its flags:
// RUN: rm -rf %t.none && mkdir -p %t.none && cp %s %t.none/input.cpp
// RUN: %exit_status 2 %mapguard %t.none/input.cpp 2>&1 | FileCheck --check-prefix=NONE %s
// NONE: mapguard: error: no compilation database (compile_commands.json) for '{{.*}}input.cpp' in its folder or any folder above it; pass the build folder with -p, or the compiler flags after '--'
#include <map>

std::map<int, int> g_map;
void write() { g_map.clear(); }
// CHECK: input.cpp:[[@LINE-1]]:16: warning: write to shared map 'g_map' is not protected by a mutex [mapguard-unguarded-write]
