// The members of a singleton are shared, whatever its class locks: an
// accessor that returns a reference or pointer to a static object hands
// every caller the same object. A class that only some function creates
// and keeps is not a singleton.
//
// RUN: %check_mapguard %s %t
#include <map>
#include <string>
#include <thread>

class Registry {
public:
  static Registry &instance() {
    static Registry registry;
    return registry;
  }
  void add(int id, std::string name) {
    plugins_[id] = name;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'plugins_' is not protected by a mutex [mapguard-unguarded-write]
    // CHECK-MESSAGES: :[[@LINE-7]]:20: note: 'plugins_' is a member of 'Registry', whose instance is returned by 'Registry::instance()', shared by every caller
  }

private:
  std::map<int, std::string> plugins_;
};

// The pointer form.
class Cache {
public:
  static Cache *get() {
    static Cache cache;
    return &cache;
  }
  void clear() {
    entries_.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'entries_' is not protected by a mutex [mapguard-unguarded-write]
    // CHECK-MESSAGES: :[[@LINE-7]]:17: note: 'entries_' is a member of 'Cache', whose instance is returned by 'Cache::get()', shared by every caller
  }

private:
  std::map<int, int> entries_;
};

// Returned by reference, but a fresh object each time: not a singleton.
class Builder {
public:
  static Builder make() { return Builder(); }
  void put(int k) { parts_[k] = k; }

private:
  std::map<int, int> parts_;
};

void worker() {
  Registry::instance().add(1, "a");
  Cache::get()->clear();
  Builder b = Builder::make();
  b.put(1);
}

int main() {
  std::thread a(worker), b(worker);
}
