// Writes to an element's value race with every other access to the map too;
// they are reported as a kind of their own, and the option
// ReportElementWrites (default on) switches them off.
//
// RUN: %check_mapguard %s %t -- -std=c++17
// RUN: %check_mapguard --check-prefix=OFF --config="{CheckOptions: [{key: mapguard-unguarded-write.ReportElementWrites, value: false}]}" %s %t.off -- -std=c++17
#include <map>
#include <mutex>
#include <vector>

std::map<int, int> g_counts;
std::map<int, std::vector<int>> g_lists;
std::mutex g_mu;

void element_writes(int k) {
  g_counts.at(k) = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to an element of shared map 'g_counts' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-7]]:20: note: 'g_counts' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE+48]]:7: note: 'g_counts' is written with 'g_mu' held at 2 of 8 sites
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: lock 'g_mu' around the 2 adjacent writes
  ++g_counts.at(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to an element of shared map 'g_counts'
  // CHECK-MESSAGES: :[[@LINE-12]]:20: note: 'g_counts' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE+43]]:7: note: 'g_counts' is written with 'g_mu' held at 2 of 8 sites
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the lock block offered at line 16 covers this write too
  g_lists.at(k).push_back(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to an element of shared map 'g_lists'
  // CHECK-MESSAGES: :[[@LINE-16]]:33: note: 'g_lists' is a global with static storage duration
  auto it = g_counts.find(k);
  it->second = 2;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to an element of shared map 'g_counts'
  // CHECK-MESSAGES: :[[@LINE-21]]:20: note: 'g_counts' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE+34]]:7: note: 'g_counts' is written with 'g_mu' held at 2 of 8 sites
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: lock 'g_mu' around the 3 adjacent writes
  (*it).second += 3;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to an element of shared map 'g_counts'
  // CHECK-MESSAGES: :[[@LINE-26]]:20: note: 'g_counts' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE+29]]:7: note: 'g_counts' is written with 'g_mu' held at 2 of 8 sites
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the lock block offered at line 30 covers this write too
  g_counts.find(k)->second = 4;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to an element of shared map 'g_counts'
  // CHECK-MESSAGES: :[[@LINE-31]]:20: note: 'g_counts' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE+24]]:7: note: 'g_counts' is written with 'g_mu' held at 2 of 8 sites
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the lock block offered at line 30 covers this write too
  for (auto &entry : g_counts)
    entry.second = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to an element of shared map 'g_counts'
  // CHECK-MESSAGES: :[[@LINE-37]]:20: note: 'g_counts' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE+18]]:7: note: 'g_counts' is written with 'g_mu' held at 2 of 8 sites
  // CHECK-MESSAGES: :[[@LINE-4]]:5: note: lock 'g_mu' around the write
}

// operator[] inserts: a write to the map itself, whatever follows.
void subscript_is_a_structural_write(int k) {
  g_lists[k].push_back(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_lists' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-45]]:33: note: 'g_lists' is a global with static storage duration
  // OFF: :[[@LINE-3]]:3: warning: write to shared map 'g_lists' is not protected by a mutex
  // OFF: :[[@LINE-47]]:33: note: 'g_lists' is a global with static storage duration
}

void guarded_and_read_only(int k) {
  {
    std::lock_guard<std::mutex> guard(g_mu);
    g_counts.at(k) = 1;
    for (auto &entry : g_counts)
      entry.second = 0;
  }
  int total = g_counts.at(k);
  for (const auto &entry : g_counts)
    total += entry.second;
  auto copy = g_counts.at(k);
  copy = 3;
  (void)total;
}
