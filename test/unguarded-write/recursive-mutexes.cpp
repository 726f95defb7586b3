// Recursive mutexes are counted: a thread that locks one twice holds it
// until it has unlocked it twice, by calls or by guards; a plain mutex is
// released by one unlock (recursive types: std::recursive_mutex,
// std::recursive_timed_mutex, Boost's, QRecursiveMutex, Poco::Mutex, a
// Windows critical section).
//
// RUN: %check_mapguard %s %t -- -std=c++17
#include <map>
#include <mutex>
#include <thread>
std::map<int, int> g_m;
std::recursive_mutex g_mu;
void twice(int k) {
  g_mu.lock();
  g_mu.lock();
  g_m[k] = 1;
  g_mu.unlock();
  g_m[k] = 2; // still held once
  g_mu.unlock();
  g_m[k] = 3; // released
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_m' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-11]]:20: note: 'g_m' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: 'g_mu' is released here
  // CHECK-MESSAGES: :[[@LINE-8]]:3: note: 'g_m' is written with 'g_mu' held at 6 of 7 sites
  // CHECK-MESSAGES: :[[@LINE-5]]:3: note: lock 'g_mu' around the write
}
void guards(int k) {
  std::lock_guard<std::recursive_mutex> outer(g_mu);
  {
    std::lock_guard<std::recursive_mutex> inner(g_mu);
    g_m[k] = 4;
  }
  g_m[k] = 5; // outer still holds it
}
void helper(int k) {
  std::lock_guard<std::recursive_mutex> inner(g_mu);
  g_m[k] = 6;
}
void nested(int k) {
  std::lock_guard<std::recursive_mutex> outer(g_mu);
  helper(k);
  g_m[k] = 7;
}
std::mutex g_plain;
std::map<int, int> g_p;
void plain(int k) {
  g_plain.lock();
  g_p[k] = 1;
  g_plain.unlock();
  g_p[k] = 2;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_p' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-7]]:20: note: 'g_p' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: 'g_plain' is released here
  // CHECK-MESSAGES: :[[@LINE-6]]:3: note: 'g_p' is written with 'g_plain' held at 1 of 2 sites
  // CHECK-MESSAGES: :[[@LINE-5]]:3: note: lock 'g_plain' around the write
}
int main() { std::thread a(twice, 1), b(guards, 2), c(nested, 3), d(plain, 4); a.join(); }
