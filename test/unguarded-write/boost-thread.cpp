// Boost.Thread's guards, against the real headers (libboost-thread-dev):
// boost::lock_guard, boost::unique_lock (and boost::mutex::scoped_lock, its
// typedef) with unlock() in mid-scope, boost::shared_lock holding shared;
// boost::reverse_lock, a scoped unlocker, lets a unique_lock's mutex go for
// its scope.
//
// REQUIRES: boost-thread
// RUN: %check_mapguard --real-std %s %t -- -std=c++17
#include <boost/thread/locks.hpp>
#include <boost/thread/mutex.hpp>
#include <boost/thread/reverse_lock.hpp>
#include <boost/thread/shared_mutex.hpp>
#include <map>

boost::mutex mu;
boost::shared_mutex rw;
std::map<int, int> g_map;
std::map<int, int> g_rw;

void a(int k) {
  boost::lock_guard<boost::mutex> lock(mu);
  g_map[k] = k;
}
void b(int k) {
  boost::unique_lock<boost::mutex> lock(mu);
  g_map.erase(k);
  lock.unlock();
  g_map.clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-13]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: 'mu' is released here
  // CHECK-MESSAGES: :[[@LINE-10]]:3: note: 'g_map' is written with 'mu' held at 3 of 5 sites
  // CHECK-MESSAGES: :[[@LINE-5]]:3: note: lock 'mu' around the write
}
void c(int k) {
  boost::mutex::scoped_lock lock(mu);
  g_map[k + 1] = k;
}
void d(int k) {
  boost::unique_lock<boost::shared_mutex> lock(rw);
  g_rw[k] = k;
}
void e(int k) {
  boost::shared_lock<boost::shared_mutex> lock(rw);
  g_rw[k] = k;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_rw' holds 'rw' only shared; a write needs it exclusively [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-29]]:20: note: 'g_rw' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-7]]:3: note: 'g_rw' is written with 'rw' held at 1 of 2 sites
}
void f(int k) {
  g_map[k] = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-36]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-32]]:3: note: 'g_map' is written with 'mu' held at 3 of 5 sites
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: lock 'mu' around the write
}

boost::mutex queue_mu;
std::map<int, int> g_queue;
void g(int k) {
  boost::unique_lock<boost::mutex> lock(queue_mu);
  g_queue[k] = 1;
  {
    boost::reverse_lock<boost::unique_lock<boost::mutex>> unlocked(lock);
    g_queue.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'g_queue' is not protected by a mutex [mapguard-unguarded-write]
    // CHECK-MESSAGES: :[[@LINE-8]]:20: note: 'g_queue' is a global with static storage duration
    // CHECK-MESSAGES: :[[@LINE-4]]:59: note: 'queue_mu' is released here
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: 'g_queue' is written with 'queue_mu' held at 2 of 3 sites
    // CHECK-MESSAGES: :[[@LINE-5]]:5: note: lock 'queue_mu' around the write
  }
  g_queue[k] = 2;
}
