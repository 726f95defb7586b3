// The option MapGuards names a map's guard when the code cannot say it.
//
// RUN: %check_mapguard --config="{CheckOptions: [{key: mapguard-inconsistent-lock.MapGuards, value: 'g_routes=g_routes_mu'}]}" %s %t
// RUN: %check_mapguard --check-prefix=INFERRED %s %t.inferred
#include <map>
#include <mutex>

std::map<int, int> g_routes;
std::mutex g_routes_mu;
std::mutex g_big_lock;

void a(int k) {
  std::lock_guard<std::mutex> guard(g_big_lock);
  g_routes[k] = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_routes' holds 'g_big_lock' but not 'g_routes_mu', which guards it
  // CHECK-MESSAGES: :[[@LINE-8]]:20: note: 'g_routes' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-9]]:20: note: 'g_routes' is guarded by 'g_routes_mu', as the option 'MapGuards' says
}
void b(int k) {
  std::lock_guard<std::mutex> guard(g_big_lock);
  g_routes.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_routes' holds 'g_big_lock' but not 'g_routes_mu'
  // CHECK-MESSAGES: :[[@LINE-15]]:20: note: 'g_routes' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-16]]:20: note: 'g_routes' is guarded by 'g_routes_mu', as the option 'MapGuards' says
}
void c(int k) {
  std::lock_guard<std::mutex> guard(g_routes_mu);
  g_routes.clear();
  // INFERRED: :[[@LINE-1]]:3: warning: write to shared map 'g_routes' holds 'g_routes_mu' but not 'g_big_lock', which guards it
  // INFERRED: :[[@LINE-22]]:20: note: 'g_routes' is a global with static storage duration
  // INFERRED: :[[@LINE-17]]:3: note: 'g_routes' is written with 'g_big_lock' held at 2 of 3 sites
}
