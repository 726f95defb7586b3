// A function that never returns, though not declared [[noreturn]] (it
// logs and aborts, or calls one that does), ends the path of its caller:
// what follows it is reached only where it was not called.
//
// RUN: %check_mapguard %s %t -- -std=c++17
#include <map>
#include <mutex>
#include <thread>

void abort() __attribute__((noreturn));
void log(const char *message);

void fatal(const char *message) {
  log(message);
  abort();
}

void die(const char *message) {
  log("dying");
  fatal(message);
}

void mayReturn(bool really) {
  if (really)
    return;
  abort();
}

std::map<int, int> g_jobs;
std::mutex g_mu;

void direct(int k) {
  if (!g_mu.try_lock())
    fatal("lock");
  g_jobs[k] = 1;
  g_mu.unlock();
}

void indirect(int k) {
  if (!g_mu.try_lock())
    die("lock");
  g_jobs[k] = 2;
  g_mu.unlock();
}

void returns(int k) {
  if (!g_mu.try_lock())
    mayReturn(k > 0);
  g_jobs[k] = 3;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_jobs' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-22]]:20: note: 'g_jobs' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-5]]:7: note: 'g_mu' is not held when this condition is true
  // CHECK-MESSAGES: :[[@LINE-18]]:3: note: 'g_jobs' is written with 'g_mu' held at 2 of 3 sites
  // CHECK-MESSAGES: :[[@LINE-5]]:3: note: lock 'g_mu' around the write
  g_mu.unlock();
}

int main() {
  std::thread a(direct, 1), b(indirect, 2), c(returns, 3);
  a.join();
}
