// A guard class whose bodies are in another file (only its header is
// visible, as in an editor, where clangd skips the bodies of headers) is
// read from its declaration: a non-copyable class with a destructor of its
// own whose constructor takes a lock by reference or pointer. Its
// `UnLock()` and `Lock()` act on it. A condition variable has the same
// shape and waits: it is no guard. GuardsFromDeclarations=false turns the
// rule off; the lock class then cannot be read, and a remark says so.
//
// RUN: %check_mapguard %s %t
// RUN: %check_mapguard --check-prefix=OFF --config="{CheckOptions: [{key: mapguard-unguarded-write.GuardsFromDeclarations, value: false}]}" %s %t.off
#include <map>

class Mutex {
public:
  void Lock();
  void Unlock();
};

class MutexLocker {
public:
  explicit MutexLocker(Mutex *mu);
  MutexLocker(const MutexLocker &) = delete;
  ~MutexLocker();
  void UnLock();
  void Lock();
};

class CondVar {
public:
  explicit CondVar(Mutex *mu);
  CondVar(const CondVar &) = delete;
  ~CondVar();
  void Wait();
};

class Cache {
public:
  void Put(int k) {
    MutexLocker lock(&mu_);
    entries_[k] = k;
  }
  void Take(int k) {
    MutexLocker lock(&mu_);
    entries_.erase(k);
  }
  void Evict(int k) {
    MutexLocker lock(&mu_);
    lock.UnLock();
    entries_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'entries_' is not protected by a mutex [mapguard-unguarded-write]
    // CHECK-MESSAGES: :[[@LINE+16]]:22: note: 'entries_' is a member that its class guards with a mutex
    // CHECK-MESSAGES: :[[@LINE-4]]:5: note: 'mu_' is released here
    // CHECK-MESSAGES: :[[@LINE-13]]:5: note: 'entries_' is written with 'mu_' held at 3 of 5 sites
    lock.Lock();
    entries_[k] = 0;
  }
  void Await(int k) {
    CondVar cv(&mu_);
    entries_[k] = 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'entries_' is not protected by a mutex [mapguard-unguarded-write]
    // CHECK-MESSAGES: :[[@LINE+6]]:22: note: 'entries_' is a member that its class guards with a mutex
    // CHECK-MESSAGES: :[[@LINE-22]]:5: note: 'entries_' is written with 'mu_' held at 3 of 5 sites
  }

private:
  Mutex mu_;
  std::map<int, int> entries_;
  // OFF: :[[@LINE-2]]:9: remark: 'Mutex' looks like a lock, but mapguard cannot tell what it locks: the containers of 'Cache', which holds one in 'mu_', are not checked; name 'Mutex' in the option 'LockTypes' (its guard in 'GuardTypes') to check them [mapguard-unguarded-write]
};

