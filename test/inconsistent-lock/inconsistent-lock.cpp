// RUN: %check_mapguard %s %t
//
// A write that holds some mutex, but not the one that guards the map: the
// mutex held at most of its accesses, named by a guarded_by attribute, or
// given by the option MapGuards.
#include <map>
#include <mutex>

std::map<int, int> g_map;
std::mutex g_mu;
std::mutex g_stats_mu;

void add(int k) {
  std::lock_guard<std::mutex> guard(g_mu);
  g_map[k] = k;
}
void replace(int k) {
  std::lock_guard<std::mutex> guard(g_mu);
  g_map.insert_or_assign(k, k);
}
void record(int k) {
  std::lock_guard<std::mutex> guard(g_stats_mu);
  g_map.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' holds 'g_stats_mu' but not 'g_mu', which guards it [mapguard-inconsistent-lock]
  // CHECK-MESSAGES: :[[@LINE-16]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-11]]:3: note: 'g_map' is written with 'g_mu' held at 2 of 4 sites
}

// A static mutex per instantiation guards nothing shared by all of them.
std::map<int, int> g_by_size;
template <typename T> void remember(const T &) {
  static std::mutex per_type;
  std::lock_guard<std::mutex> guard(per_type);
  g_by_size[sizeof(T)] = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_by_size' holds 'per_type', a different mutex in each instantiation of 'remember' [mapguard-inconsistent-lock]
  // CHECK-MESSAGES: :[[@LINE-6]]:20: note: 'g_by_size' is a global with static storage duration
}
void use() {
  remember(1);
  remember(2.0);
}

// An unrelated per-object mutex.
struct Worker {
  std::mutex mu;
  void flush(int k) {
    std::lock_guard<std::mutex> guard(mu);
    g_map[k] = 0;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'g_map' holds 'mu' but not 'g_mu', which guards it
    // CHECK-MESSAGES: :[[@LINE-41]]:20: note: 'g_map' is a global with static storage duration
    // CHECK-MESSAGES: :[[@LINE-36]]:3: note: 'g_map' is written with 'g_mu' held at 2 of 4 sites
  }
};

// The guard named by the map's own annotation wins over the majority.
#define GUARDED_BY(x) __attribute__((guarded_by(x)))
std::mutex g_index_mu;
std::map<int, int> g_index GUARDED_BY(g_index_mu);
void index_a(int k) {
  std::lock_guard<std::mutex> guard(g_mu);
  g_index[k] = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_index' holds 'g_mu' but not 'g_index_mu', which guards it
  // CHECK-MESSAGES: :[[@LINE-5]]:20: note: 'g_index' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-6]]:20: note: 'g_index' is guarded by 'g_index_mu', as its 'guarded_by' attribute says
}
void index_b(int k) {
  std::lock_guard<std::mutex> guard(g_index_mu);
  g_index.erase(k);
}
