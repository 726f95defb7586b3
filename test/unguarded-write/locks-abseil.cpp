// Abseil's absl::Mutex family against its real header (libabsl-dev): the
// operations are read from their thread-safety attributes (Lock, Unlock,
// TryLock, ReaderLock, the scoped MutexLock, ReaderMutexLock,
// WriterMutexLock, ReleasableMutexLock). absl::Mutex's constructor from a
// `const volatile Mutex *` (which catches `Mutex mu(&other)`) does not make
// it a guard.
//
// REQUIRES: abseil
// RUN: %check_mapguard --real-std %s %t -- -std=c++17
#include <absl/synchronization/mutex.h>
#include <map>
#include <thread>

std::map<int, int> g_jobs;
absl::Mutex g_mu;

void lockAndUnlock(int k) {
  g_mu.Lock();
  g_jobs[k] = 1;
  g_mu.Unlock();
  g_jobs.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_jobs' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-9]]:20: note: 'g_jobs' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: 'g_mu' is released here
  // CHECK-MESSAGES: :[[@LINE-6]]:3: note: 'g_jobs' is written with 'g_mu' held at 6 of 10 sites
}

void scoped(int k) {
  absl::MutexLock lock(&g_mu);
  g_jobs[k] = 2;
}

void writerScoped(int k) {
  absl::WriterMutexLock lock(&g_mu);
  g_jobs[k] = 3;
}

void readerScoped(int k) {
  absl::ReaderMutexLock lock(&g_mu);
  g_jobs[k] = 4;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_jobs' holds 'g_mu' only shared; a write needs it exclusively [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-28]]:20: note: 'g_jobs' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-24]]:3: note: 'g_jobs' is written with 'g_mu' held at 6 of 10 sites
}

void readerLock(int k) {
  g_mu.ReaderLock();
  g_jobs.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_jobs' holds 'g_mu' only shared; a write needs it exclusively [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-36]]:20: note: 'g_jobs' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-32]]:3: note: 'g_jobs' is written with 'g_mu' held at 6 of 10 sites
  g_mu.ReaderUnlock();
}

void tryLock(int k) {
  if (g_mu.TryLock()) {
    g_jobs[k] = 5;
    g_mu.Unlock();
  }
  if (!g_mu.TryLock())
    return;
  g_jobs[k] = 6;
  g_mu.Unlock();
}

void releasable(int k) {
  absl::ReleasableMutexLock lock(&g_mu);
  g_jobs[k] = 7;
  lock.Release();
  g_jobs[k] = 8;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_jobs' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-58]]:20: note: 'g_jobs' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: 'g_mu' is released here
  // CHECK-MESSAGES: :[[@LINE-55]]:3: note: 'g_jobs' is written with 'g_mu' held at 6 of 10 sites
}

class Registry {
public:
  void add(int k) {
    absl::MutexLock lock(&mu_);
    entries_[k] = 1;
  }
  void drop(int k) { entries_.erase(k); }
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: write to shared map 'entries_' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE+5]]:22: note: 'entries_' is a member that its class guards with a mutex
  // CHECK-MESSAGES: :[[@LINE-5]]:5: note: 'entries_' is written with 'mu_' held at 1 of 2 sites

private:
  absl::Mutex mu_;
  std::map<int, int> entries_;
};

Registry g_registry;

int main() {
  std::thread a(lockAndUnlock, 1), b(scoped, 2), c(writerScoped, 3),
      d(readerScoped, 4), e(readerLock, 5), f(tryLock, 6), g(releasable, 7),
      h([] { g_registry.add(1); }), i([] { g_registry.drop(1); });
  a.join();
}
