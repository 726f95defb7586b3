// One mutex, however it is spelled: through a reference getter
// (`std::mutex &mu() { return mu_; }`), a `lock_returned` getter, a smart
// pointer's `get()`, `*p` and `p->`.
//
// RUN: %check_mapguard %s %t
#include <map>
#include <memory>
#include <mutex>

class __attribute__((capability("mutex"))) Mutex {
public:
  void Lock() __attribute__((acquire_capability()));
  void Unlock() __attribute__((release_capability()));
};

class Table {
public:
  std::mutex &mu() { return mu_; }
  Mutex *lock() __attribute__((lock_returned(lock_))) { return &lock_; }
  void put(int k) {
    std::lock_guard<std::mutex> guard(mu());
    rows_[k] = k;
  }
  void take(int k) {
    std::lock_guard<std::mutex> guard(mu_);
    rows_.erase(k);
  }
  void clear() { rows_.clear(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: write to shared map 'rows_' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE+22]]:22: note: 'rows_' is a member that its class guards with a mutex
  // CHECK-MESSAGES: :[[@LINE-9]]:5: note: 'rows_' is written with 'mu_' held at 2 of 3 sites
  // CHECK-MESSAGES: :[[@LINE-4]]:18: note: lock 'mu_' around the write
  void mark(int k) {
    lock()->Lock();
    marks_[k] = k;
    lock_.Unlock();
  }
  void unmark(int k) {
    lock_.Lock();
    marks_.erase(k);
    lock()->Unlock();
    marks_.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'marks_' is not protected by a mutex [mapguard-unguarded-write]
    // CHECK-MESSAGES: :[[@LINE+9]]:22: note: 'marks_' is a member that its class guards with a mutex
    // CHECK-MESSAGES: :[[@LINE-4]]:5: note: 'lock_' is released here
    // CHECK-MESSAGES: :[[@LINE-11]]:5: note: 'marks_' is written with 'lock_' held at 2 of 3 sites
  }

private:
  std::mutex mu_;
  Mutex lock_;
  std::map<int, int> rows_;
  std::map<int, int> marks_;
};

std::unique_ptr<std::mutex> g_mu;
std::map<int, int> g_map;

void a(int k) {
  std::lock_guard<std::mutex> guard(*g_mu);
  g_map[k] = k;
}
void b(int k) {
  g_mu.get()->lock();
  g_map.erase(k);
  g_mu->unlock();
  g_map.clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-12]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: 'g_mu' is released here
  // CHECK-MESSAGES: :[[@LINE-10]]:3: note: 'g_map' is written with 'g_mu' held at 2 of 3 sites
}
