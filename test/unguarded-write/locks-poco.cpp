// POCO's locks against their real headers (libpoco-dev): Poco::Mutex and
// Poco::FastMutex (lock, lock with a timeout, which throws where it fails,
// tryLock, unlock), their ScopedLock typedefs, ScopedLockWithUnlock,
// Poco::RWLock (readLock, writeLock, tryWriteLock, unlock) and its scoped
// ScopedReadRWLock and ScopedWriteRWLock, and RWLock::ScopedLock, which
// writes where its second argument is true; Poco::ScopedUnlock, a scoped
// unlocker, releases the mutex for its scope and takes it again.
//
// REQUIRES: poco
// RUN: %check_mapguard --real-std %s %t -- -std=c++17
#include <Poco/Mutex.h>
#include <Poco/RWLock.h>
#include <Poco/ScopedUnlock.h>
#include <map>
#include <thread>

std::map<int, int> g_jobs;
Poco::Mutex g_mu;

void direct(int k) {
  g_mu.lock();
  g_jobs[k] = 1;
  g_mu.unlock();
  g_mu.lock(100);
  g_jobs[k] = 2;
  g_mu.unlock();
  if (g_mu.tryLock()) {
    g_jobs[k] = 3;
    g_mu.unlock();
  }
}

void scoped(int k) {
  Poco::Mutex::ScopedLock lock(g_mu);
  g_jobs[k] = 4;
}

void withUnlock(int k) {
  Poco::ScopedLockWithUnlock<Poco::Mutex> lock(g_mu);
  g_jobs[k] = 5;
  lock.unlock();
  g_jobs.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_jobs' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-27]]:20: note: 'g_jobs' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: 'g_mu' is released here
  // CHECK-MESSAGES: :[[@LINE-18]]:5: note: 'g_jobs' is written with 'g_mu' held at 7 of 9 sites
}

std::map<int, int> g_fast;
Poco::FastMutex g_fast_mu;

void fast(int k) {
  Poco::FastMutex::ScopedLock lock(g_fast_mu);
  g_fast[k] = 1;
}

void unlockedFast(int k) { g_fast.erase(k); }
// CHECK-MESSAGES: :[[@LINE-1]]:28: warning: write to shared map 'g_fast' is not protected by a mutex [mapguard-unguarded-write]
// CHECK-MESSAGES: :[[@LINE-10]]:20: note: 'g_fast' is a global with static storage duration
// CHECK-MESSAGES: :[[@LINE-6]]:3: note: 'g_fast' is written with 'g_fast_mu' held at 1 of 2 sites

std::map<int, int> g_table;
Poco::RWLock g_rw;

void readWrite(int k) {
  g_rw.writeLock();
  g_table[k] = 1;
  g_rw.unlock();
  g_rw.readLock();
  g_table[k] = 2;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_table' holds 'g_rw' only shared; a write needs it exclusively [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-10]]:20: note: 'g_table' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE+3]]:5: note: 'g_table' is written with 'g_rw' held at 4 of 7 sites
  g_rw.unlock();
  if (g_rw.tryWriteLock()) {
    g_table[k] = 3;
    g_rw.unlock();
  }
}

void scopedReadWrite(int k) {
  {
    Poco::ScopedWriteRWLock lock(g_rw);
    g_table[k] = 4;
  }
  Poco::ScopedReadRWLock lock(g_rw);
  g_table.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_table' holds 'g_rw' only shared; a write needs it exclusively [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-27]]:20: note: 'g_table' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-14]]:5: note: 'g_table' is written with 'g_rw' held at 4 of 7 sites
}

void modeByArgument(int k) {
  {
    Poco::RWLock::ScopedLock lock(g_rw, true);
    g_table[k] = 5;
  }
  Poco::RWLock::ScopedLock lock(g_rw);
  g_table[k] = 6;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_table' holds 'g_rw' only shared; a write needs it exclusively [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-39]]:20: note: 'g_table' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-26]]:5: note: 'g_table' is written with 'g_rw' held at 4 of 7 sites
}

void unlocker(int k) {
  Poco::Mutex::ScopedLock lock(g_mu);
  g_jobs[k] = 6;
  {
    Poco::ScopedUnlock<Poco::Mutex> unlock(g_mu);
    g_jobs[k] = 7;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'g_jobs' is not protected by a mutex [mapguard-unguarded-write]
    // CHECK-MESSAGES: :[[@LINE-95]]:20: note: 'g_jobs' is a global with static storage duration
    // CHECK-MESSAGES: :[[@LINE-4]]:37: note: 'g_mu' is released here
    // CHECK-MESSAGES: :[[@LINE-86]]:5: note: 'g_jobs' is written with 'g_mu' held at 7 of 9 sites
  }
  g_jobs[k] = 8;
}

int main() {
  std::thread a(direct, 1), b(scoped, 2), c(withUnlock, 3), d(fast, 4),
      e(unlockedFast, 5), f(readWrite, 6), g(scopedReadWrite, 7),
      h(unlocker, 8), i(modeByArgument, 9);
  a.join();
}
