// RUN: %check_mapguard --real-std %s %t
//
// Guards, lock functions and singletons whose bodies are in a header: the
// command line reads the bodies, clangd's preamble has none, and both must
// report the same.
#include "Inputs/registry.h"
#include <thread>

std::map<int, int> g_table;
std::mutex g_table_mu;

void put(int k) {
  lock_table();
  g_table[k] = 1;
  unlock_table();
}

void erase(int k) {
  g_table.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_table' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-12]]:20: note: 'g_table' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-8]]:3: note: 'g_table' is written with 'g_table_mu' held at 1 of 2 sites
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: lock 'g_table_mu' around the write
}

void add(int k) {
  Registry &r = Registry::instance();
  MutexLock l(&r.mu);
  r.entries[k] = 1;
}

void drop(int k) {
  Registry::instance().entries.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'Registry::instance().entries' is not protected by a mutex
  // CHECK-MESSAGES: registry.h:34:21: note: 'instance()' returns 'registry', a function-local static shared by every caller
  // CHECK-MESSAGES: :[[@LINE-7]]:3: note: 'Registry::instance().entries' is written with 'Registry::instance().mu.mu_' held at 1 of 2 sites
}

int main() {
  std::thread a(put, 1), b(erase, 1), c(add, 1), d(drop, 1);
  a.join(), b.join(), c.join(), d.join();
}
