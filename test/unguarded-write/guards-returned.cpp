// A guard returned by a function whose body is not visible (a header's
// `MutexLocker Lock();`, and in the editor every header's body) locks at
// the call: the mutex it locks is named by the call, `this->Lock()`, the
// same for every call on the same object. The guard's `UnLock()` and
// `Lock()` act on it in mid-scope, and its destructor releases it.
//
// RUN: %check_mapguard %s %t
#include <map>

class Mutex {
public:
  void Lock();
  void Unlock();
};

class MutexLocker {
public:
  explicit MutexLocker(Mutex *mu);
  ~MutexLocker();
  MutexLocker(const MutexLocker &) = delete;
  MutexLocker &operator=(const MutexLocker &) = delete;
  void UnLock();
  void Lock();
};

class Cache {
public:
  MutexLocker Lock();

  void put(int k) {
    auto l = this->Lock();
    entries_[k] = 1;
  }
  void replace(int k) {
    auto l = Lock();
    entries_.erase(k);
    entries_[k] = 2;
  }
  void drop(int k) {
    auto l = Lock();
    l.UnLock();
    entries_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'entries_' is not protected by a mutex [mapguard-unguarded-write]
    // CHECK-MESSAGES: :[[@LINE+24]]:22: note: 'entries_' is a member that its class guards with a mutex
    // CHECK-MESSAGES: :[[@LINE-4]]:5: note: 'Lock()' is released here
    // CHECK-MESSAGES: :[[@LINE-14]]:5: note: 'entries_' is written with 'Lock()' held at 5 of 7 sites
  }
  void relock(int k) {
    auto l = Lock();
    l.UnLock();
    l.Lock();
    entries_.erase(k);
  }
  void after_scope(int k) {
    {
      auto l = Lock();
      entries_[k] = 3;
    }
    entries_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'entries_' is not protected by a mutex [mapguard-unguarded-write]
    // CHECK-MESSAGES: :[[@LINE+7]]:22: note: 'entries_' is a member that its class guards with a mutex
    // CHECK-MESSAGES: :[[@LINE-4]]:5: note: 'Lock()' is released here, where 'l' goes out of scope
    // CHECK-MESSAGES: :[[@LINE-31]]:5: note: 'entries_' is written with 'Lock()' held at 5 of 7 sites
  }

private:
  Mutex mu_;
  std::map<int, int> entries_;
};
