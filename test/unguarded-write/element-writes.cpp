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
  ++g_counts.at(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to an element of shared map 'g_counts'
  g_lists.at(k).push_back(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to an element of shared map 'g_lists'
  auto it = g_counts.find(k);
  it->second = 2;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to an element of shared map 'g_counts'
  (*it).second += 3;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to an element of shared map 'g_counts'
  g_counts.find(k)->second = 4;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to an element of shared map 'g_counts'
  for (auto &entry : g_counts)
    entry.second = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to an element of shared map 'g_counts'
}

// operator[] inserts: a write to the map itself, whatever follows.
void subscript_is_a_structural_write(int k) {
  g_lists[k].push_back(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_lists' is not protected by a mutex
  // OFF: :[[@LINE-2]]:3: warning: write to shared map 'g_lists' is not protected by a mutex
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
