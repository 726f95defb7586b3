// A project's own lock classes, as gflags writes them: a mutex class whose
// Lock() locks on a condition (`if (is_safe_) ...`) and reports nothing, a
// registry whose Lock() forwards to it, a guard class built on the
// registry, and callers that reach the one registry by different names.
// All of it is read as the one mutex `Registry::Global()->mu_.mutex_`. A
// lock class that locks nothing mapguard can see is said to be unreadable,
// and the maps of its holders are not checked.
//
// RUN: %check_mapguard %s %t
#include <map>
#include <pthread.h>

void abort();

class Mutex {
public:
  void Lock() {
    if (is_safe_ && pthread_mutex_lock(&mutex_) != 0)
      abort();
  }
  void Unlock() {
    if (is_safe_ && pthread_mutex_unlock(&mutex_) != 0)
      abort();
  }

private:
  pthread_mutex_t mutex_;
  bool is_safe_ = true;
};

class Registry {
public:
  static Registry *Global() {
    if (!global_)
      global_ = new Registry;
    return global_;
  }
  void Lock() { mu_.Lock(); }
  void Unlock() { mu_.Unlock(); }
  void Add(int k) {
    Lock();
    flags_[k] = k;
    Unlock();
  }
  void Remove(int k) { flags_.erase(k); }
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: write to shared map 'flags_' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE+6]]:22: note: 'flags_' is a member that its class guards with a mutex
  // CHECK-MESSAGES: :[[@LINE-6]]:5: note: 'flags_' is written with 'mu_.mutex_' held at 1 of 2 sites
  int FindLocked(int k) { return flags_.count(k); }

private:
  Mutex mu_;
  std::map<int, int> flags_;
  static Registry *global_;
};
Registry *Registry::global_ = nullptr;

class RegistryLock {
public:
  explicit RegistryLock(Registry *r) : r_(r) { r_->Lock(); }
  ~RegistryLock() { r_->Unlock(); }

private:
  Registry *const r_;
};

class Parser {
public:
  explicit Parser(Registry *r) : registry_(r) {}
  int ParseLocked(int k) { return registry_->FindLocked(k); }

private:
  Registry *const registry_;
};

int Get(int k) {
  Registry *const registry = Registry::Global();
  RegistryLock lock(registry);
  return registry->FindLocked(k);
}

int Parse(int k) {
  Registry *const registry = Registry::Global();
  Parser parser(registry);
  registry->Lock();
  int v = parser.ParseLocked(k);
  registry->Unlock();
  return v;
}

int Peek(int k) {
  int v;
  {
    RegistryLock lock(Registry::Global());
    v = Registry::Global()->FindLocked(k);
  }
  Registry::Global()->Add(v);
  return v;
}

// A lock class whose methods lock nothing mapguard can see.
class SpinLock {
public:
  void Lock();
  void Unlock();
};

class Table {
public:
  static Table &Instance() {
    static Table table;
    return table;
  }
  void Put(int k) {
    lock_.Lock();
    rows_[k] = k;
    lock_.Unlock();
  }

private:
  SpinLock lock_;
  std::map<int, int> rows_;
};
