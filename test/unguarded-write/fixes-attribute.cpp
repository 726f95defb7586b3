// RUN: %check_mapguard --fix-notes --config="{CheckOptions: [{key: mapguard-unguarded-write.SuggestAnnotations, value: true}]}" %s %t
//
// Without a GUARDED_BY macro, the annotation is Clang's attribute. A map
// declared before its mutex cannot name it at namespace scope: the lock is
// still offered, the annotation is not.
#include <map>
#include <mutex>

std::mutex g_mu;
std::map<int, int> g_routes;
// CHECK-FIXES: {{^}}std::map<int, int> g_routes __attribute__((guarded_by(g_mu)));{{$}}
std::map<int, int> g_early;
// CHECK-FIXES: {{^}}std::map<int, int> g_early;{{$}}
std::mutex g_late_mu;

void add(int k) {
  std::lock_guard<std::mutex> lock(g_mu);
  g_routes[k] = 1;
}
void add_again(int k) {
  std::scoped_lock lock(g_mu);
  g_routes[k] = 2;
}
void add_early(int k) {
  std::lock_guard<std::mutex> lock(g_late_mu);
  g_early[k] = 1;
}
void add_early_again(int k) {
  std::scoped_lock lock(g_late_mu);
  g_early[k] = 2;
}
void drop(int k) {
  g_routes.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_routes' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-25]]:28: note: FIX-IT applied suggested code changes
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: FIX-IT applied suggested code changes
  // CHECK-MESSAGES: :[[@LINE-4]]:21: note: FIX-IT applied suggested code changes
  // CHECK-MESSAGES: :[[@LINE-28]]:20: note: 'g_routes' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-21]]:3: note: 'g_routes' is written with 'g_mu' held at 2 of 3 sites
  // CHECK-MESSAGES: :[[@LINE-7]]:3: note: lock 'g_mu' around the write, and annotate 'g_routes' with the mutex that guards it
  // CHECK-FIXES: {{^}}    std::scoped_lock lock(g_mu);{{$}}
  g_early.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_early' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: FIX-IT applied suggested code changes
  // CHECK-MESSAGES: :[[@LINE-3]]:20: note: FIX-IT applied suggested code changes
  // CHECK-MESSAGES: :[[@LINE-34]]:20: note: 'g_early' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-21]]:3: note: 'g_early' is written with 'g_late_mu' held at 2 of 3 sites
  // CHECK-MESSAGES: :[[@LINE-6]]:3: note: lock 'g_late_mu' around the write{{$}}
  // CHECK-FIXES: {{^}}    std::scoped_lock lock(g_late_mu);{{$}}
}
