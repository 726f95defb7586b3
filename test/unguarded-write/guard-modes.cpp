// Scoped guards that change the mode they hold: a `scoped_lockable`
// guard's annotated ReaderLock(), DemoteExclusive() and PromoteShared() (as
// in Clang's own warn-thread-safety-analysis.cpp), and a project guard's by
// their names.
//
// RUN: %check_mapguard %s %t -- -std=c++17
#include <map>
#include <thread>

struct __attribute__((capability("mutex"))) Mutex {
  void Lock() __attribute__((acquire_capability()));
  void ReaderLock() __attribute__((acquire_shared_capability()));
  void Unlock() __attribute__((release_generic_capability()));
};

struct __attribute__((scoped_lockable)) RelockableMutexLock {
  explicit RelockableMutexLock(Mutex *mu) __attribute__((acquire_capability(mu)));
  ~RelockableMutexLock() __attribute__((release_capability()));
  void Lock() __attribute__((acquire_capability()));
  void Unlock() __attribute__((release_capability()));
  void ReaderLock() __attribute__((acquire_shared_capability()));
  void ReaderUnlock() __attribute__((release_shared_capability()));
  void DemoteExclusive() __attribute__((release_capability()))
  __attribute__((acquire_shared_capability()));
  void PromoteShared() __attribute__((release_shared_capability()))
  __attribute__((acquire_capability()));
};

Mutex g_mu;
std::map<int, int> g_table;

void demote(int k) {
  RelockableMutexLock lock(&g_mu);
  g_table[k] = 1;
  lock.DemoteExclusive();
  g_table.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_table' holds 'g_mu' only shared; a write needs it exclusively [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-8]]:20: note: 'g_table' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-5]]:3: note: 'g_table' is written with 'g_mu' held at 5 of 8 sites
  lock.PromoteShared();
  g_table[k] = 2;
}

void reader(int k) {
  RelockableMutexLock lock(&g_mu);
  lock.Unlock();
  lock.ReaderLock();
  g_table[k] = 3;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_table' holds 'g_mu' only shared; a write needs it exclusively [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-20]]:20: note: 'g_table' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-17]]:3: note: 'g_table' is written with 'g_mu' held at 5 of 8 sites
  lock.ReaderUnlock();
  lock.Lock();
  g_table[k] = 4;
}

class ProjectLock {
public:
  explicit ProjectLock(Mutex *mu);
  ProjectLock(const ProjectLock &) = delete;
  ~ProjectLock();
  void Demote();
  void Promote();
};

void project(int k) {
  ProjectLock lock(&g_mu);
  g_table[k] = 5;
  lock.Demote();
  g_table[k] = 6;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_table' holds 'g_mu' only shared; a write needs it exclusively [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-42]]:20: note: 'g_table' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-39]]:3: note: 'g_table' is written with 'g_mu' held at 5 of 8 sites
  lock.Promote();
  g_table[k] = 7;
}

int main() {
  std::thread a(demote, 1), b(reader, 2), c(project, 3);
  a.join();
}
