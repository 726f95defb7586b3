// RUN: %check_mapguard %s %t
//
// A read races with the writes of other threads: lookups, iteration, size
// and copies of a map written concurrently must hold its guarding mutex
// (shared is enough). A map only read after its initialisation is never
// reported.
#include <map>
#include <mutex>
#include <shared_mutex>
#include <thread>

std::map<int, int> g_map;
std::shared_mutex g_mu;

void writer(int k) {
  std::unique_lock<std::shared_mutex> lock(g_mu);
  g_map[k] = k;
}

int reads(int k) {
  int n = g_map.count(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: read of shared map 'g_map' does not hold 'g_mu', which guards its writes [mapguard-unguarded-read]
  // CHECK-MESSAGES: :[[@LINE-11]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-7]]:3: note: 'g_map' is written with 'g_mu' held at 1 of 1 sites
  for (auto &entry : g_map)
    // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: read of shared map 'g_map' does not hold 'g_mu'
    // CHECK-MESSAGES: :[[@LINE-15]]:20: note: 'g_map' is a global with static storage duration
    // CHECK-MESSAGES: :[[@LINE-11]]:3: note: 'g_map' is written with 'g_mu' held at 1 of 1 sites
    n += entry.second;
  std::map<int, int> copy = g_map;
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: read of shared map 'g_map' does not hold 'g_mu'
  // CHECK-MESSAGES: :[[@LINE-20]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-16]]:3: note: 'g_map' is written with 'g_mu' held at 1 of 1 sites
  return n + g_map.size() + copy.size();
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: read of shared map 'g_map' does not hold 'g_mu'
  // CHECK-MESSAGES: :[[@LINE-24]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-20]]:3: note: 'g_map' is written with 'g_mu' held at 1 of 1 sites
}

int guarded_reads(int k) {
  std::shared_lock<std::shared_mutex> lock(g_mu);
  int n = g_map.count(k);
  for (auto &entry : g_map)
    n += entry.second;
  return n;
}

// A lookup table: written only before any thread starts.
std::map<int, const char *> g_names;
const char *name_of(int k) { return g_names.at(k); }

int main() {
  g_names[1] = "one";
  std::thread t(writer, 1);
  const char *one = name_of(1);
  t.join();
  return one != nullptr;
}

// An object's constructor and destructor have it to themselves: its member
// map is not shared while it is built or torn down.
class Table {
public:
  Table() { entries_[0] = 0; }
  ~Table() {
    for (auto &entry : entries_)
      (void)entry;
  }
  void put(int k) {
    std::lock_guard<std::shared_mutex> lock(mu_);
    entries_[k] = k;
  }
  int get(int k) {
    return entries_.count(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: read of shared map 'entries_' does not hold 'mu_', which guards its writes
    // CHECK-MESSAGES: :[[@LINE+6]]:22: note: 'entries_' is a member that its class guards with a mutex
    // CHECK-MESSAGES: :[[@LINE-6]]:5: note: 'entries_' is written with 'mu_' held at 1 of 1 sites
  }

private:
  std::shared_mutex mu_;
  std::map<int, int> entries_;
};
