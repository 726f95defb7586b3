// RUN: %check_mapguard --real-std %s %t -- -std=c++17
//
// Reads of sequence containers and strings race with their guarded writes
// the same way: size, element access, iteration, a comparison, a copy.
#include <mutex>
#include <string>
#include <vector>

std::vector<int> g_queue;
std::string g_status;
std::mutex g_mu;

void produce(int x) {
  std::lock_guard<std::mutex> lock(g_mu);
  g_queue.push_back(x);
  g_status = "busy";
}

int peek() {
  if (g_queue.empty())
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: read of shared vector 'g_queue' does not hold 'g_mu', which guards its writes [mapguard-unguarded-read]
  // CHECK-MESSAGES: :[[@LINE-13]]:18: note: 'g_queue' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-8]]:3: note: 'g_queue' is written with 'g_mu' held at 1 of 1 sites
    return 0;
  int first = g_queue[0];
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: read of shared vector 'g_queue' does not hold 'g_mu', which guards its writes [mapguard-unguarded-read]
  // CHECK-MESSAGES: :[[@LINE-18]]:18: note: 'g_queue' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-13]]:3: note: 'g_queue' is written with 'g_mu' held at 1 of 1 sites
  for (int x : g_queue)
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: read of shared vector 'g_queue' does not hold 'g_mu', which guards its writes [mapguard-unguarded-read]
  // CHECK-MESSAGES: :[[@LINE-22]]:18: note: 'g_queue' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-17]]:3: note: 'g_queue' is written with 'g_mu' held at 1 of 1 sites
    first += x;
  return first;
}

bool idle() { return g_status == "idle"; }
// CHECK-MESSAGES: :[[@LINE-1]]:22: warning: read of shared string 'g_status' does not hold 'g_mu', which guards its writes [mapguard-unguarded-read]
// CHECK-MESSAGES: :[[@LINE-29]]:13: note: 'g_status' is a global with static storage duration
// CHECK-MESSAGES: :[[@LINE-24]]:3: note: 'g_status' is written with 'g_mu' held at 1 of 1 sites

std::vector<int> snapshot() { return g_queue; }
// CHECK-MESSAGES: :[[@LINE-1]]:38: warning: read of shared vector 'g_queue' does not hold 'g_mu', which guards its writes [mapguard-unguarded-read]
// CHECK-MESSAGES: :[[@LINE-35]]:18: note: 'g_queue' is a global with static storage duration
// CHECK-MESSAGES: :[[@LINE-30]]:3: note: 'g_queue' is written with 'g_mu' held at 1 of 1 sites

int locked_peek() {
  std::lock_guard<std::mutex> lock(g_mu);
  return g_queue.empty() ? 0 : g_queue[0] + (g_status == "idle");
}
