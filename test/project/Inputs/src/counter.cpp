// Counts events; one path forgets the lock.
#include "registry.h"
#include <map>
#include <mutex>

std::map<int, int> g_counts;
std::mutex g_counts_mu;

void count(int event) {
  std::lock_guard<std::mutex> lock(g_counts_mu);
  g_counts[event] += 1;
}

void reset(int event) {
  g_counts.erase(event);
}

void forget(int event) {
  std::lock_guard<std::mutex> lock(g_counts_mu);
  g_counts.erase(event);
}
