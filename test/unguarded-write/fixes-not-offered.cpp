// RUN: %check_mapguard %s %t
//
// The lock is offered only where wrapping the statement is sure to compile
// and keep its meaning; elsewhere the warning stands without a fix.
#include <map>
#include <mutex>
#include <pthread.h>

std::map<int, int> g_counts;
std::mutex g_counts_mu;

void count(int k) {
  std::lock_guard<std::mutex> lock(g_counts_mu);
  g_counts[k] += 1;
  g_counts[k + 1] += 1;
  g_counts[k + 2] += 1;
}

// A declaration: its variable would leave scope with the block.
int read_and_insert(int k) {
  int n = g_counts[k];
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: write to shared map 'g_counts'
  // CHECK-MESSAGES: :[[@LINE-14]]:20: note: 'g_counts' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-10]]:3: note: 'g_counts' is written with 'g_counts_mu' held at 3 of 6 sites
  // CHECK-MESSAGES: :[[@LINE-4]]:11: note: 'operator[]' inserts a default-constructed element when the key is missing, so it writes even where its result is only read; use 'find' or 'at' to look up without inserting
  // CHECK-MESSAGES-NOT: note: lock
  return n;
}

// A condition: the lock would have to cover the whole statement.
void drop_if_present(int k) {
  if (g_counts.erase(k))
    return;
  // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: write to shared map 'g_counts'
  // CHECK-MESSAGES: :[[@LINE-26]]:20: note: 'g_counts' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-22]]:3: note: 'g_counts' is written with 'g_counts_mu' held at 3 of 6 sites
  // CHECK-MESSAGES-NOT: note: lock
}

// A statement written by a macro.
#define DROP(k) g_counts.erase(k)
void drop(int k) {
  DROP(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_counts'
  // CHECK-MESSAGES: :[[@LINE-4]]:17: note: expanded from macro 'DROP'
  // CHECK-MESSAGES: :[[@LINE-37]]:20: note: 'g_counts' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-33]]:3: note: 'g_counts' is written with 'g_counts_mu' held at 3 of 6 sites
  // CHECK-MESSAGES-NOT: note: lock
}

// No mutex guards the map's other writes: nothing to suggest.
std::map<int, int> g_unguarded;
void put(int k) {
  g_unguarded[k] = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_unguarded'
  // CHECK-MESSAGES: :[[@LINE-4]]:20: note: 'g_unguarded' is a global with static storage duration
  // CHECK-MESSAGES-NOT: note: lock
}

// A POSIX mutex, which std::lock_guard cannot lock.
std::map<int, int> g_posix;
pthread_mutex_t g_posix_mu;
void posix_put(int k) {
  pthread_mutex_lock(&g_posix_mu);
  g_posix[k] = 1;
  g_posix[k + 1] = 1;
  pthread_mutex_unlock(&g_posix_mu);
}
void posix_drop(int k) {
  g_posix.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_posix'
  // CHECK-MESSAGES: :[[@LINE-11]]:20: note: 'g_posix' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-8]]:3: note: 'g_posix' is written with 'g_posix_mu' held at 2 of 3 sites
  // CHECK-MESSAGES-NOT: note: lock
}

// A reference to the element inserted, returned to the caller: the element
// is changed beyond any block around the insert, and a note says so.
std::map<int, int> g_slots;
std::mutex g_slots_mu;
void reset_slot(int k) {
  std::lock_guard<std::mutex> lock(g_slots_mu);
  g_slots[k] = 0;
}
int &slot(int k) {
  int &value = g_slots[k];
  value += 1;
  return value;
  // CHECK-MESSAGES: :[[@LINE-3]]:16: warning: write to shared map 'g_slots'
  // CHECK-MESSAGES: :[[@LINE-11]]:20: note: 'g_slots' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-8]]:3: note: 'g_slots' is written with 'g_slots_mu' held at 1 of 3 sites
  // CHECK-MESSAGES: :[[@LINE-6]]:16: note: no lock block is offered: 'value' is used where a block around this statement cannot reach, so 'g_slots_mu' must be held there too
}

// A variable declared among the reference's uses and used after them would
// leave scope with the block.
int bump_slot(int k) {
  int &value = g_slots[k];
  int before = value;
  value += 1;
  return before;
  // CHECK-MESSAGES: :[[@LINE-4]]:16: warning: write to shared map 'g_slots'
  // CHECK-MESSAGES: :[[@LINE-24]]:20: note: 'g_slots' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-21]]:3: note: 'g_slots' is written with 'g_slots_mu' held at 1 of 3 sites
  // CHECK-MESSAGES: :[[@LINE-7]]:16: note: no lock block is offered: 'value' is used where a block around this statement cannot reach, so 'g_slots_mu' must be held there too
}
