// Tessil's robin_map and robin_set against their real headers
// (robin-map-dev). Their iterators' values are changed through `value()`,
// not `->second`: an element write all the same.
//
// REQUIRES: robin-map
// RUN: %check_mapguard --real-std %s %t -- -std=c++17
#include <string>
#include <tsl/robin_map.h>
#include <tsl/robin_set.h>

tsl::robin_map<std::string, int> g_hits;
tsl::robin_set<int> g_open;

void writes(const std::string &page, int fd) {
  g_hits[page] += 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_hits' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-6]]:34: note: 'g_hits' is a global with static storage duration
  g_hits.insert({page, 1});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_hits' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-9]]:34: note: 'g_hits' is a global with static storage duration
  g_hits.erase(page);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_hits' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-12]]:34: note: 'g_hits' is a global with static storage duration
  g_hits.at(page) = 2;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to an element of shared map 'g_hits' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-15]]:34: note: 'g_hits' is a global with static storage duration
  g_hits.find(page).value() = 3;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to an element of shared map 'g_hits' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-18]]:34: note: 'g_hits' is a global with static storage duration
  for (auto it = g_hits.begin(); it != g_hits.end(); ++it)
    it.value() = 0;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to an element of shared map 'g_hits' is not protected by a mutex [mapguard-unguarded-write]
    // CHECK-MESSAGES: :[[@LINE-22]]:34: note: 'g_hits' is a global with static storage duration
  g_open.insert(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared set 'g_open' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-24]]:21: note: 'g_open' is a global with static storage duration
  g_open.erase(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared set 'g_open' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-27]]:21: note: 'g_open' is a global with static storage duration
  g_open.rehash(64);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared set 'g_open' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-30]]:21: note: 'g_open' is a global with static storage duration
}

int reads(const std::string &page, int fd) {
  return g_hits.count(page) + (g_hits.find(page) != g_hits.end()) +
         g_open.size() + g_open.contains(fd);
}
