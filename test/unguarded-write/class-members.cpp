// RUN: %check_mapguard %s %t
//
// A map data member of a class that also has a mutex member, written under
// that mutex in one member function, is shared like a global: the other
// member functions that write it without the mutex are reported. Private
// helpers called only under the lock are covered by their callers.
#include <map>
#include <mutex>
#include <string>

class SessionTable {
public:
  void open(int id) {
    std::lock_guard<std::mutex> guard(mu_);
    sessions_[id] = "open";
    touch(id);
  }
  void close(int id) {
    sessions_.erase(id);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'sessions_' is not protected by a mutex
    // CHECK-MESSAGES: :[[@LINE+10]]:30: note: 'sessions_' is a member that its class guards with a mutex
    // CHECK-MESSAGES: :[[@LINE-7]]:5: note: 'sessions_' is written with 'mu_' held at 2 of 3 sites
    // CHECK-MESSAGES: :[[@LINE-4]]:5: note: lock 'mu_' around the write
  }

private:
  // Called only with mu_ held.
  void touch(int id) { sessions_[id] = "touched"; }

  std::mutex mu_;
  std::map<int, std::string> sessions_;
};

// No mutex member, or never written under one: a class that is not meant
// to be shared, and not reported.
class Cache {
public:
  void put(int k, int v) { entries_[k] = v; }
  void drop(int k) { entries_.erase(k); }

private:
  std::map<int, int> entries_;
};

class Meyers {
public:
  static Meyers &instance() {
    static Meyers m;
    return m;
  }
  void add(int k) {
    std::lock_guard<std::mutex> guard(mu_);
    items_[k] = k;
  }
  void remove(int k) {
    items_.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'items_' is not protected by a mutex
    // CHECK-MESSAGES: :[[@LINE+7]]:22: note: 'items_' is a member that its class guards with a mutex
    // CHECK-MESSAGES: :[[@LINE-6]]:5: note: 'items_' is written with 'mu_' held at 1 of 2 sites
    // CHECK-MESSAGES: :[[@LINE-4]]:5: note: lock 'mu_' around the write
  }

private:
  std::mutex mu_;
  std::map<int, int> items_;
};
