// RUN: %check_mapguard --fix-notes --config="{CheckOptions: [{key: mapguard-unguarded-write.MapGuards, value: 'g_routes=g_routes_mu'}]}" %s %t
//
// A guard named by the option MapGuards gets the lock fix, as an inferred or
// annotated one does, where one mutex of the unit has that name: the write
// is locked with it. The fixed program is checked again and must be clean.
#include <map>
#include <mutex>

std::map<int, int> g_routes;
std::mutex g_routes_mu;
std::mutex g_big_lock;

void add(int k) {
  std::lock_guard<std::mutex> guard(g_routes_mu);
  g_routes[k] = 1;
}

void drop(int k) {
  g_routes.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_routes' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: FIX-IT applied suggested code changes
  // CHECK-MESSAGES: :[[@LINE-3]]:21: note: FIX-IT applied suggested code changes
  // CHECK-MESSAGES: :9:20: note: 'g_routes' is a global with static storage duration
  // CHECK-MESSAGES: :9:20: note: 'g_routes' is guarded by 'g_routes_mu', as the option 'MapGuards' says
  // CHECK-MESSAGES: :[[@LINE-6]]:3: note: lock 'g_routes_mu' around the write
  // CHECK-FIXES: {{^}}void drop(int k) {{{$}}
  // CHECK-FIXES-NEXT: {{^}}  {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    std::scoped_lock lock(g_routes_mu);{{$}}
  // CHECK-FIXES-NEXT: {{^}}    g_routes.erase(k);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  }{{$}}
}
