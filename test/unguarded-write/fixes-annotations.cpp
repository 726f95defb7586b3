// RUN: %check_mapguard --fix-notes --config="{CheckOptions: [{key: mapguard-unguarded-write.SuggestAnnotations, value: true}]}" %s %t -- -std=c++14
//
// With SuggestAnnotations, the first fix for a map whose guard mapguard
// inferred also annotates the map's declaration with that mutex, so that
// Clang's -Wthread-safety can take over the checking. The project's
// GUARDED_BY macro is used where it has one. Before C++17 the lock is a
// std::lock_guard.
#include <map>
#include <mutex>

#define GUARDED_BY(x) __attribute__((guarded_by(x)))

std::mutex g_counts_mu;
std::map<int, int> g_counts;
// CHECK-FIXES: {{^}}std::map<int, int> g_counts GUARDED_BY(g_counts_mu);{{$}}

void count(int k) {
  std::lock_guard<std::mutex> lock(g_counts_mu);
  g_counts[k] += 1;
}
void forget(int k) {
  std::lock_guard<std::mutex> lock(g_counts_mu);
  g_counts.erase(k);
}

void reset(int k) {
  g_counts.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_counts' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-15]]:28: note: FIX-IT applied suggested code changes
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: FIX-IT applied suggested code changes
  // CHECK-MESSAGES: :[[@LINE-4]]:21: note: FIX-IT applied suggested code changes
  // CHECK-MESSAGES: :[[@LINE-18]]:20: note: 'g_counts' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-14]]:3: note: 'g_counts' is written with 'g_counts_mu' held at 2 of 4 sites
  // CHECK-MESSAGES: :[[@LINE-7]]:3: note: lock 'g_counts_mu' around the write, and annotate 'g_counts' with the mutex that guards it
  // CHECK-FIXES: {{^}}    std::lock_guard<std::mutex> lock(g_counts_mu);{{$}}
  // CHECK-FIXES-NEXT: {{^}}    g_counts.erase(k);{{$}}
}

// The map is annotated once.
void clear() {
  g_counts.clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_counts' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: FIX-IT applied suggested code changes
  // CHECK-MESSAGES: :[[@LINE-3]]:20: note: FIX-IT applied suggested code changes
  // CHECK-MESSAGES: :[[@LINE-31]]:20: note: 'g_counts' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-27]]:3: note: 'g_counts' is written with 'g_counts_mu' held at 2 of 4 sites
  // CHECK-MESSAGES: :[[@LINE-6]]:3: note: lock 'g_counts_mu' around the write{{$}}
  // CHECK-FIXES: {{^}}    std::lock_guard<std::mutex> lock(g_counts_mu);{{$}}
  // CHECK-FIXES-NEXT: {{^}}    g_counts.clear();{{$}}
}

// A member map: the attribute may name a mutex declared after it.
class Cache {
public:
  void put(int k, int v) {
    std::lock_guard<std::mutex> lock(mu_);
    entries_[k] = v;
  }
  void erase(int k) {
    std::lock_guard<std::mutex> lock(mu_);
    entries_.erase(k);
  }
  void clear() { entries_.clear(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: write to shared map 'entries_'
  // CHECK-MESSAGES: :[[@LINE-2]]:18: note: FIX-IT applied suggested code changes
  // CHECK-MESSAGES: :[[@LINE-3]]:35: note: FIX-IT applied suggested code changes
  // CHECK-MESSAGES: :[[@LINE+7]]:30: note: FIX-IT applied suggested code changes
  // CHECK-MESSAGES: :[[@LINE+6]]:22: note: 'entries_' is a member that its class guards with a mutex
  // CHECK-MESSAGES: :[[@LINE-12]]:5: note: 'entries_' is written with 'mu_' held at 2 of 3 sites
  // CHECK-MESSAGES: :[[@LINE-7]]:18: note: lock 'mu_' around the write, and annotate 'entries_' with the mutex that guards it
  // CHECK-FIXES: {{^}}  void clear() { { std::lock_guard<std::mutex> lock(mu_); entries_.clear(); } }{{$}}

private:
  std::map<int, int> entries_;
  // CHECK-FIXES: {{^}}  std::map<int, int> entries_ GUARDED_BY(mu_);{{$}}
  std::mutex mu_;
};
