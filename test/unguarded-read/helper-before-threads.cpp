// A table filled in `main` before any thread starts is never written
// concurrently: its reads are not reported, not even at the callers of a
// helper that some calls make with the mutex held and others without.
//
// RUN: %check_mapguard %s %t
#include <map>
#include <mutex>
#include <thread>

std::map<int, int> g_table;
std::mutex g_mu;

static int lookup(int k) { return g_table.find(k)->second; }

void with_lock(int k) {
  std::lock_guard<std::mutex> guard(g_mu);
  lookup(k);
}
void without_lock(int k) { lookup(k); }

int main() {
  g_table[1] = 1;
  g_table[2] = 2;
  std::thread a(with_lock, 1);
  std::thread b(without_lock, 2);
  a.join();
  b.join();
}
