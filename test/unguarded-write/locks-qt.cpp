// Qt 5's locks against their real headers (qtbase5-dev): QMutex (lock,
// unlock, tryLock with and without a timeout), QRecursiveMutex,
// QReadWriteLock (lockForRead, lockForWrite, tryLockForWrite, unlock), and
// the guards QMutexLocker (with unlock() and relock()), QReadLocker and
// QWriteLocker; QtConcurrent::run starts a thread.
//
// REQUIRES: qt5
// RUN: %check_mapguard --real-std %s %t -- -std=c++17 -fPIC %qt5_flags
#include <QtConcurrent/QtConcurrentRun>
#include <QtCore/QMutex>
#include <QtCore/QReadWriteLock>
#include <map>

std::map<int, int> g_jobs;
QMutex g_mu;

void direct(int k) {
  g_mu.lock();
  g_jobs[k] = 1;
  g_mu.unlock();
  if (g_mu.tryLock()) {
    g_jobs[k] = 2;
    g_mu.unlock();
  }
  if (g_mu.tryLock(100)) {
    g_jobs[k] = 3;
    g_mu.unlock();
  }
}

void locker(int k) {
  QMutexLocker lock(&g_mu);
  g_jobs[k] = 4;
  lock.unlock();
  g_jobs.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_jobs' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-23]]:20: note: 'g_jobs' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: 'g_mu' is released here
  // CHECK-MESSAGES: :[[@LINE-13]]:5: note: 'g_jobs' is written with 'g_mu' held at 5 of 6 sites
  // CHECK-MESSAGES: :[[@LINE-5]]:3: note: lock 'g_mu' around the write
  lock.relock();
  g_jobs[k] = 5;
}

std::map<int, int> g_table;
QReadWriteLock g_rw;

void readWrite(int k) {
  g_rw.lockForWrite();
  g_table[k] = 1;
  g_rw.unlock();
  g_rw.lockForRead();
  g_table[k] = 2;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_table' holds 'g_rw' only shared; a write needs it exclusively [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-10]]:20: note: 'g_table' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE+3]]:5: note: 'g_table' is written with 'g_rw' held at 3 of 5 sites
  g_rw.unlock();
  if (g_rw.tryLockForWrite()) {
    g_table[k] = 3;
    g_rw.unlock();
  }
}

void scopedReadWrite(int k) {
  {
    QWriteLocker lock(&g_rw);
    g_table[k] = 4;
  }
  QReadLocker lock(&g_rw);
  g_table.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_table' holds 'g_rw' only shared; a write needs it exclusively [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-27]]:20: note: 'g_table' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-14]]:5: note: 'g_table' is written with 'g_rw' held at 3 of 5 sites
}

std::map<int, int> g_tree;
QRecursiveMutex g_rec;

void recursive(int k) {
  QMutexLocker lock(&g_rec);
  g_tree[k] = 1;
}

void unlockedTree(int k) { g_tree[k] = 2; }
// CHECK-MESSAGES: :[[@LINE-1]]:28: warning: write to shared map 'g_tree' is not protected by a mutex [mapguard-unguarded-write]
// CHECK-MESSAGES: :[[@LINE-10]]:20: note: 'g_tree' is a global with static storage duration
// CHECK-MESSAGES: :[[@LINE-6]]:3: note: 'g_tree' is written with 'g_rec' held at 1 of 2 sites
// CHECK-MESSAGES: :[[@LINE-4]]:28: note: lock 'g_rec' around the write

int main() {
  QtConcurrent::run(direct, 1);
  QtConcurrent::run(locker, 2);
  QtConcurrent::run(readWrite, 3);
  QtConcurrent::run(scopedReadWrite, 4);
  QtConcurrent::run(recursive, 5);
  QtConcurrent::run(unlockedTree, 6);
}
