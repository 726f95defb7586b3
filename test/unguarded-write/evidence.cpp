// RUN: %check_mapguard %s %t
//
// When other writes to the same map hold a mutex, the warning says how many
// do and points at one of them: that is the mutex the unprotected write most
// likely forgot.
#include <map>
#include <mutex>

std::map<int, int> g_routes;
auto *mutex = new std::mutex();

void add_route(int k, int v) {
  mutex->lock();
  g_routes[k] = v;
  mutex->unlock();
}

void replace_route(int k, int v) {
  std::lock_guard<std::mutex> guard(*mutex);
  g_routes.insert_or_assign(k, v);
}

void drop_route(int k) {
  g_routes.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_routes' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-17]]:20: note: 'g_routes' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-13]]:3: note: 'g_routes' is written with 'mutex' held at 2 of 3 sites
}

std::map<int, int> g_unguarded_everywhere;
void write_without_any_lock(int k) {
  g_unguarded_everywhere[k] = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_unguarded_everywhere' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-4]]:20: note: 'g_unguarded_everywhere' is a global with static storage duration
  // CHECK-MESSAGES-NOT: is written with
}
