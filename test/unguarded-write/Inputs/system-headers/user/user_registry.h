// The project's header, found through -I: its code is analysed, but for
// the part a line marker says is a system header's.
#pragma once
#include <map>
#include <sys_registry.h>
extern std::map<int, int> g_user;
inline void user_write(int k) { g_user[k] = k; }
# 1 "marked_system.h" 1 3
inline void marked_write(int k) { g_user[k] = -k; }
# 11 "user_registry.h" 2
inline void user_write_after(int k) { g_user[k] = k + 1; }
