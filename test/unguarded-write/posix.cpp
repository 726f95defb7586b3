// RUN: %check_mapguard %s %t
//
// POSIX mutexes and reader/writer locks. pthread_*_trylock returns 0 when it
// locked.
#include <map>
#include <pthread.h>

std::map<int, int> g_map;
pthread_mutex_t g_mu;
pthread_rwlock_t g_rw;

void mutex_lock(int k) {
  pthread_mutex_lock(&g_mu);
  g_map[k] = k;
  pthread_mutex_unlock(&g_mu);
  g_map.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-10]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: 'g_mu' is released here
  // CHECK-MESSAGES: :[[@LINE-6]]:3: note: 'g_map' is written with 'g_mu' held at 4 of 9 sites
}

void mutex_trylock(int k) {
  if (pthread_mutex_trylock(&g_mu) == 0) {
    g_map[k] = k;
    pthread_mutex_unlock(&g_mu);
  }
  if (pthread_mutex_trylock(&g_mu) != 0)
    return;
  g_map[k] = k;
  pthread_mutex_unlock(&g_mu);
  if (!pthread_mutex_trylock(&g_mu)) {
    g_map[k] = k;
    pthread_mutex_unlock(&g_mu);
  }
  if (pthread_mutex_trylock(&g_mu)) {
    g_map[k] = k;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'g_map' is not protected by a mutex
    // CHECK-MESSAGES: :[[@LINE-31]]:20: note: 'g_map' is a global with static storage duration
    // CHECK-MESSAGES: :[[@LINE-6]]:5: note: 'g_mu' is released here
    // CHECK-MESSAGES: :[[@LINE-27]]:3: note: 'g_map' is written with 'g_mu' held at 4 of 9 sites
  }
}

void rwlock(int k) {
  pthread_rwlock_wrlock(&g_rw);
  g_map[k] = k;
  pthread_rwlock_unlock(&g_rw);
  pthread_rwlock_rdlock(&g_rw);
  g_map.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' holds 'g_rw' only shared; a write needs it exclusively
  // CHECK-MESSAGES: :[[@LINE-44]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-39]]:3: note: 'g_map' is written with 'g_mu' held at 4 of 9 sites
  pthread_rwlock_unlock(&g_rw);
}

void through_a_pointer(pthread_mutex_t *mu, int k) {
  pthread_mutex_lock(mu);
  g_map[k] = k;
  pthread_mutex_unlock(mu);
}
