// RUN: %check_mapguard --fix-notes %s %t
//
// A reference bound to what a write returns (`Entry &slot = m[k];`) is
// reported at the write, the insert; the lock block offered covers the
// statements of the block that use the reference, so that the element is
// changed under the lock too. Where a use escapes such a block, no block
// is offered and a note says why (fixes-not-offered.cpp).
#include <map>
#include <mutex>
#include <string>

struct Entry {
  int hits;
  std::string name;
};
std::map<int, Entry> g_entries;
std::mutex g_mu;

void guarded(int k) {
  std::lock_guard<std::mutex> lock(g_mu);
  g_entries[k].hits = 0;
}

void covered(int k, const std::string &name) {
  Entry &slot = g_entries[k];
  slot.hits += 1;
  slot.name = name;
}
// CHECK-MESSAGES: :[[@LINE-4]]:17: warning: write to shared map 'g_entries' is not protected by a mutex [mapguard-unguarded-write]
// CHECK-MESSAGES: :[[@LINE-5]]:3: note: FIX-IT applied suggested code changes
// CHECK-MESSAGES: :[[@LINE-5]]:1: note: FIX-IT applied suggested code changes
// CHECK-MESSAGES: :[[@LINE-5]]:1: note: FIX-IT applied suggested code changes
// CHECK-MESSAGES: :[[@LINE-6]]:20: note: FIX-IT applied suggested code changes
// CHECK-MESSAGES: :[[@LINE-18]]:22: note: 'g_entries' is a global with static storage duration
// CHECK-MESSAGES: :[[@LINE-14]]:3: note: 'g_entries' is written with 'g_mu' held at 1 of 3 sites
// CHECK-MESSAGES: :[[@LINE-11]]:17: note: lock 'g_mu' around the write and the uses of 'slot'
// CHECK-FIXES: void covered(int k, const std::string &name) {
// CHECK-FIXES-NEXT: {{^}}  {{{$}}
// CHECK-FIXES-NEXT: {{^}}    std::scoped_lock lock(g_mu);
// CHECK-FIXES-NEXT: {{^}}    Entry &slot = g_entries[k];
// CHECK-FIXES-NEXT: {{^}}    slot.hits += 1;
// CHECK-FIXES-NEXT: {{^}}    slot.name = name;
// CHECK-FIXES-NEXT: {{^}}  }

int through_a_branch(int k) {
  int before = 0;
  Entry &slot = g_entries[k];
  if (k > 2) {
    slot.hits = 3;
  }
  before = slot.hits;
  return before;
}
// CHECK-MESSAGES: :[[@LINE-7]]:17: warning: write to shared map 'g_entries' is not protected by a mutex [mapguard-unguarded-write]
// CHECK-MESSAGES: :[[@LINE-8]]:3: note: FIX-IT applied suggested code changes
// CHECK-MESSAGES: :[[@LINE-8]]:1: note: FIX-IT applied suggested code changes
// CHECK-MESSAGES: :[[@LINE-8]]:1: note: FIX-IT applied suggested code changes
// CHECK-MESSAGES: :[[@LINE-8]]:1: note: FIX-IT applied suggested code changes
// CHECK-MESSAGES: :[[@LINE-8]]:1: note: FIX-IT applied suggested code changes
// CHECK-MESSAGES: :[[@LINE-9]]:22: note: FIX-IT applied suggested code changes
// CHECK-MESSAGES: :[[@LINE-45]]:22: note: 'g_entries' is a global with static storage duration
// CHECK-MESSAGES: :[[@LINE-41]]:3: note: 'g_entries' is written with 'g_mu' held at 1 of 3 sites
// CHECK-MESSAGES: :[[@LINE-16]]:17: note: lock 'g_mu' around the write and the uses of 'slot'
// CHECK-FIXES: int through_a_branch(int k) {
// CHECK-FIXES-NEXT: {{^}}  int before = 0;
// CHECK-FIXES-NEXT: {{^}}  {{{$}}
// CHECK-FIXES-NEXT: {{^}}    std::scoped_lock lock(g_mu);
// CHECK-FIXES-NEXT: {{^}}    Entry &slot = g_entries[k];
// CHECK-FIXES-NEXT: {{^}}    if (k > 2) {
// CHECK-FIXES-NEXT: {{^}}      slot.hits = 3;
// CHECK-FIXES-NEXT: {{^}}    }
// CHECK-FIXES-NEXT: {{^}}    before = slot.hits;
// CHECK-FIXES-NEXT: {{^}}  }
// CHECK-FIXES-NEXT: {{^}}  return before;
