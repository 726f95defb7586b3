#include <map>
#include <mutex>

std::map<int, int> g_counts;
std::mutex g_counts_mu;

void add(int k) {
  std::lock_guard<std::mutex> guard(g_counts_mu);
  ++g_counts[k];
}
void reset() { g_counts.clear(); }
