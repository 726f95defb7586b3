// RUN: %check_mapguard --config="{HeaderFilterRegex: 'user_registry'}" %s %t -- -isystem %S/Inputs/system-headers/system -I %S/Inputs/system-headers/user
//
// Code in system headers is the libraries', and is not analysed; the
// project's headers are, whichever order their declarations come in, but
// for what a line marker (as in preprocessed output) makes a system
// header's.
#include <sys_registry.h>
#include "user_registry.h"
// CHECK-MESSAGES: user_registry.h:7:33: warning: write to shared map 'g_user' is not protected by a mutex [mapguard-unguarded-write]
// CHECK-MESSAGES: user_registry.h:6:27: note: 'g_user' is a global with static storage duration
// CHECK-MESSAGES: user_registry.h:11:39: warning: write to shared map 'g_user' is not protected by a mutex [mapguard-unguarded-write]
// CHECK-MESSAGES: user_registry.h:6:27: note: 'g_user' is a global with static storage duration
#include <map>

std::map<int, int> g_sys;
std::map<int, int> g_user;
std::map<int, int> g_main;
// CHECK-MESSAGES: :[[@LINE+1]]:26: warning: write to shared map 'g_main' is not protected by a mutex [mapguard-unguarded-write]
void main_write(int k) { g_main[k] = k; }
// CHECK-MESSAGES: :[[@LINE-3]]:20: note: 'g_main' is a global with static storage duration
