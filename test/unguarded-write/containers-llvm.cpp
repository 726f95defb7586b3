// LLVM's ADT containers against the headers of the LLVM mapguard is built
// with: DenseMap's methods are DenseMapBase's, StringMap's `operator[]`
// inserts like a standard map's, SmallVector's methods are
// SmallVectorImpl's.
//
// RUN: %check_mapguard --real-std %s %t -- -std=c++17 -I %llvm_include
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"

llvm::DenseMap<int, int> g_slots;
llvm::DenseSet<int> g_live;
llvm::StringMap<unsigned> g_counts;
llvm::SmallVector<int, 8> g_stack;

void writes(llvm::StringRef name, int id) {
  g_slots[id] = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_slots' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-8]]:26: note: 'g_slots' is a global with static storage duration
  g_slots.try_emplace(id, 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_slots' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-11]]:26: note: 'g_slots' is a global with static storage duration
  g_slots.erase(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_slots' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-14]]:26: note: 'g_slots' is a global with static storage duration
  g_slots.shrink_and_clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_slots' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-17]]:26: note: 'g_slots' is a global with static storage duration
  g_live.insert(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared set 'g_live' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-19]]:21: note: 'g_live' is a global with static storage duration
  ++g_counts[name];
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'g_counts' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-21]]:27: note: 'g_counts' is a global with static storage duration
  g_counts.erase(name);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_counts' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-24]]:27: note: 'g_counts' is a global with static storage duration
  g_stack.push_back(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared vector 'g_stack' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-26]]:27: note: 'g_stack' is a global with static storage duration
  g_stack.pop_back_val();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared vector 'g_stack' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-29]]:27: note: 'g_stack' is a global with static storage duration
  g_stack[0] = id;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to an element of shared vector 'g_stack' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-32]]:27: note: 'g_stack' is a global with static storage duration
}

unsigned reads(llvm::StringRef name, int id) {
  return g_slots.lookup(id) + g_slots.count(id) + g_live.contains(id) +
         g_counts.lookup(name) + g_stack.size() + g_stack.back();
}
