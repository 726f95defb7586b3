// A class is meant for sharing when one of its methods holds a mutex around
// an access to its containers; not when only its constructor or destructor
// does: they have their object to themselves, and what they lock guards
// other objects (log4cplus' HierarchyLocker locks every logger's mutex in
// its constructor and unlocks them in its destructor).
//
// RUN: %check_mapguard --real-std %s %t -- -std=c++17
#include <mutex>
#include <vector>

struct Logger {
  std::mutex mu;
  int level = 0;
};

class HierarchyLocker {
public:
  explicit HierarchyLocker(const std::vector<Logger *> &loggers) {
    for (Logger *l : loggers) {
      l->mu.lock();
      locked_.push_back(l);
    }
  }
  ~HierarchyLocker() {
    for (Logger *l : locked_)
      l->mu.unlock();
  }
  void reset() {
    for (Logger *l : locked_)
      l->level = 0;
    locked_.clear();
  }

private:
  std::vector<Logger *> locked_;
};

class Batch {
public:
  void add(std::mutex &mu, Logger *l) {
    std::lock_guard<std::mutex> lock(mu);
    items_.push_back(l);
  }
  void drop() { items_.clear(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: write to shared vector 'items_' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-4]]:5: note: 'items_' is accessed with a mutex held here, so the objects of 'Batch' are shared
  // CHECK-MESSAGES: :[[@LINE-5]]:5: note: 'items_' is written with 'mu' held at 1 of 2 sites

private:
  std::vector<Logger *> items_;
};
