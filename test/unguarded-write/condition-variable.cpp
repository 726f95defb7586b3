// RUN: %check_mapguard %s %t
//
// A condition variable's wait unlocks while it sleeps and returns with the
// lock held again.
#include <condition_variable>
#include <map>
#include <mutex>

std::map<int, int> g_jobs;
std::mutex g_mu;
std::condition_variable g_ready;

void consume() {
  std::unique_lock<std::mutex> lock(g_mu);
  g_ready.wait(lock, [] { return true; });
  g_jobs.erase(0);
  g_ready.wait(lock);
  g_jobs.erase(1);
  g_ready.wait_for(lock, 10);
  g_jobs.erase(2);
  g_ready.wait_until(lock, 20);
  g_jobs.clear();
}
