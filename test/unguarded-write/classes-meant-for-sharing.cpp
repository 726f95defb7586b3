// A class is meant for sharing when its methods hold a mutex (a member, a
// parameter, a global; in any mode) around its map's accesses, or it has a
// mutex member that no code names (its lock statements lock something
// else, or nothing): its member maps are shared, and the report says why.
// A class with neither is left alone; so is a class whose mutex member
// code uses around other members only (it guards those).
//
// RUN: %check_mapguard %s %t
#include <map>
#include <mutex>
#include <shared_mutex>

// Every write holds the mutex, but only shared: there is no exclusive
// holder to infer a guard from.
class ReaderLockedTable {
public:
  void put(int k) {
    std::shared_lock<std::shared_mutex> lock(mu_);
    entries_[k] = k;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'entries_' holds 'mu_' only shared; a write needs it exclusively [mapguard-unguarded-write]
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: 'entries_' is accessed with a mutex held here, so the objects of 'ReaderLockedTable' are shared
  }
  void drop(int k) {
    std::shared_lock<std::shared_mutex> lock(mu_);
    entries_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'entries_' holds 'mu_' only shared; a write needs it exclusively [mapguard-unguarded-write]
    // CHECK-MESSAGES: :[[@LINE-8]]:5: note: 'entries_' is accessed with a mutex held here, so the objects of 'ReaderLockedTable' are shared
  }

private:
  std::map<int, int> entries_;
  std::shared_mutex mu_;
};

// The lock statement declares a new, empty lock named like the mutex, so
// nothing is ever locked: the evidence a guard would be inferred from is
// what the bug destroys.
class ShadowedLock {
public:
  void put(int k) {
    std::unique_lock<std::mutex> mu_;
    entries_[k] = k;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'entries_' is not protected by a mutex [mapguard-unguarded-write]
    // CHECK-MESSAGES: :[[@LINE+5]]:14: note: 'ShadowedLock' has a mutex member 'mu_' that no code here locks, so its objects are shared
  }

private:
  std::map<int, int> entries_;
  std::mutex mu_;
};

// No mutex member, but a method holds a mutex handed to it around the
// map: the class is shared, and its other writes race.
class Registry {
public:
  void add(std::mutex &mu, int k) {
    std::lock_guard<std::mutex> lock(mu);
    entries_[k] = k;
  }
  void remove(int k) {
    entries_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'entries_' is not protected by a mutex [mapguard-unguarded-write]
    // CHECK-MESSAGES: :[[@LINE-5]]:5: note: 'entries_' is accessed with a mutex held here, so the objects of 'Registry' are shared
    // CHECK-MESSAGES: :[[@LINE-6]]:5: note: 'entries_' is written with 'mu' held at 1 of 2 sites
  }

private:
  std::map<int, int> entries_;
};

// Neither a mutex member nor a lock: not meant to be shared, not reported.
class Local {
public:
  void put(int k) { entries_[k] = k; }

private:
  std::map<int, int> entries_;
};

// The mutex guards another member; this map is never accessed under it
// (written while the object is built, before it is handed out): not shared.
class Tables {
public:
  void add(int k) { by_number_[k] = k; }
  int unknown(int k) {
    std::lock_guard<std::mutex> lock(unknown_mu_);
    return ++unknown_count_[k];
  }

private:
  std::map<int, int> by_number_;
  std::map<int, int> unknown_count_;
  std::mutex unknown_mu_;
};
