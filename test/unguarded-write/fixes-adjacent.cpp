// RUN: %check_mapguard --fix-notes %s %t
//
// Adjacent writes of one block without the same guard get one lock block,
// offered at the first: another thread could act between two blocks. The
// other writes' notes point to it.
#include <map>
#include <mutex>

std::map<int, int> g_counts;
std::mutex g_counts_mu;

void count(int k) {
  std::lock_guard<std::mutex> lock(g_counts_mu);
  g_counts[k] += 1;
}
void forget(int k) {
  std::lock_guard<std::mutex> lock(g_counts_mu);
  g_counts.erase(k);
}

void move_entry(int from, int to) {
  g_counts[to] = g_counts.at(from);
  g_counts.erase(from);
}
// CHECK-MESSAGES: :[[@LINE-3]]:3: warning: write to shared map 'g_counts' is not protected by a mutex [mapguard-unguarded-write]
// CHECK-MESSAGES: :[[@LINE-4]]:3: note: FIX-IT applied suggested code changes
// CHECK-MESSAGES: :[[@LINE-4]]:1: note: FIX-IT applied suggested code changes
// CHECK-MESSAGES: :[[@LINE-5]]:24: note: FIX-IT applied suggested code changes
// CHECK-MESSAGES: :[[@LINE-20]]:20: note: 'g_counts' is a global with static storage duration
// CHECK-MESSAGES: :[[@LINE-16]]:3: note: 'g_counts' is written with 'g_counts_mu' held at 2 of 4 sites
// CHECK-MESSAGES: :[[@LINE-9]]:3: note: lock 'g_counts_mu' around the 2 adjacent writes
// CHECK-MESSAGES: :[[@LINE-9]]:3: warning: write to shared map 'g_counts' is not protected by a mutex [mapguard-unguarded-write]
// CHECK-MESSAGES: :[[@LINE-24]]:20: note: 'g_counts' is a global with static storage duration
// CHECK-MESSAGES: :[[@LINE-20]]:3: note: 'g_counts' is written with 'g_counts_mu' held at 2 of 4 sites
// CHECK-MESSAGES: :[[@LINE-12]]:3: note: the lock block offered at line 22 covers this write too
//
// CHECK-FIXES: {{^}}void move_entry(int from, int to) {{{$}}
// CHECK-FIXES-NEXT: {{^}}  {{{$}}
// CHECK-FIXES-NEXT: {{^}}    std::scoped_lock lock(g_counts_mu);{{$}}
// CHECK-FIXES-NEXT: {{^}}    g_counts[to] = g_counts.at(from);{{$}}
// CHECK-FIXES-NEXT: {{^}}    g_counts.erase(from);{{$}}
// CHECK-FIXES-NEXT: {{^}}  }{{$}}
// CHECK-FIXES-NEXT: {{^}}}{{$}}
