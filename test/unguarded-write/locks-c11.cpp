// C11's <threads.h> (glibc): mtx_lock, mtx_unlock, mtx_trylock and
// mtx_timedlock, which succeed with thrd_success; thrd_create starts a
// thread.
//
// RUN: %check_mapguard --real-std %s %t -- -std=c++17
#include <map>
#include <threads.h>

std::map<int, int> g_jobs;
mtx_t g_mu;

int locked(void *) {
  mtx_lock(&g_mu);
  g_jobs[1] = 1;
  mtx_unlock(&g_mu);
  g_jobs.erase(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_jobs' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-9]]:20: note: 'g_jobs' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: 'g_mu' is released here
  // CHECK-MESSAGES: :[[@LINE-6]]:3: note: 'g_jobs' is written with 'g_mu' held at 4 of 5 sites
  return 0;
}

int tried(void *) {
  if (mtx_trylock(&g_mu) == thrd_success) {
    g_jobs[2] = 2;
    mtx_unlock(&g_mu);
  }
  if (mtx_trylock(&g_mu) != thrd_success)
    return 1;
  g_jobs[3] = 3;
  mtx_unlock(&g_mu);
  return 0;
}

int timed(void *) {
  struct timespec deadline = {};
  if (mtx_timedlock(&g_mu, &deadline) == thrd_success) {
    g_jobs[4] = 4;
    mtx_unlock(&g_mu);
  }
  return 0;
}

struct Queue {
  mtx_t mu;
  std::map<int, int> items;
};
Queue g_queue;

int member(void *) {
  mtx_lock(&g_queue.mu);
  g_queue.items[1] = 1;
  mtx_unlock(&g_queue.mu);
  g_queue.items[2] = 2;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_queue.items' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-8]]:7: note: 'g_queue' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: 'g_queue.mu' is released here
  // CHECK-MESSAGES: :[[@LINE-6]]:3: note: 'g_queue.items' is written with 'g_queue.mu' held at 1 of 2 sites
  return 0;
}

int main() {
  mtx_init(&g_mu, mtx_plain);
  thrd_t a, b, c, d;
  thrd_create(&a, locked, nullptr);
  thrd_create(&b, tried, nullptr);
  thrd_create(&c, timed, nullptr);
  thrd_create(&d, member, nullptr);
  thrd_join(a, nullptr);
}
