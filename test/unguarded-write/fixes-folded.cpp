// RUN: %check_mapguard --fix-notes %s %t
//
// Writes that one early release leaves unprotected are reported once, at
// the first, with a note naming the others; the lock block offered there
// covers the adjacent ones too, so that the fixed program is clean.
#include <map>
#include <mutex>

std::map<int, int> g_pairs;
std::mutex g_pairs_mu;

void link(int a, int b) {
  g_pairs_mu.lock();
  g_pairs[a] = b;
  g_pairs_mu.unlock();
  g_pairs[b] = a;
  g_pairs.erase(0);
}
// CHECK-MESSAGES: :[[@LINE-3]]:3: warning: write to shared map 'g_pairs' is not protected by a mutex [mapguard-unguarded-write]
// CHECK-MESSAGES: :[[@LINE-4]]:3: note: FIX-IT applied suggested code changes
// CHECK-MESSAGES: :[[@LINE-4]]:1: note: FIX-IT applied suggested code changes
// CHECK-MESSAGES: :[[@LINE-5]]:20: note: FIX-IT applied suggested code changes
// CHECK-MESSAGES: :[[@LINE-14]]:20: note: 'g_pairs' is a global with static storage duration
// CHECK-MESSAGES: :[[@LINE-9]]:3: note: 'g_pairs_mu' is released here
// CHECK-MESSAGES: :[[@LINE-11]]:3: note: 'g_pairs' is written with 'g_pairs_mu' held at 1 of 3 sites
// CHECK-MESSAGES: :[[@LINE-9]]:3: note: the same release leaves 1 more access without 'g_pairs_mu' (line [[@LINE-9]]), not reported again
// CHECK-MESSAGES: :[[@LINE-11]]:3: note: lock 'g_pairs_mu' around the 2 adjacent writes
//
// CHECK-FIXES: {{^}}  g_pairs_mu.unlock();{{$}}
// CHECK-FIXES-NEXT: {{^}}  {{{$}}
// CHECK-FIXES-NEXT: {{^}}    std::scoped_lock lock(g_pairs_mu);{{$}}
// CHECK-FIXES-NEXT: {{^}}    g_pairs[b] = a;{{$}}
// CHECK-FIXES-NEXT: {{^}}    g_pairs.erase(0);{{$}}
// CHECK-FIXES-NEXT: {{^}}  }{{$}}
