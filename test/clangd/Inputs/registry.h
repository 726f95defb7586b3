// A project's header: its mutex, its guard, its lock functions and its
// singleton, every body here. clangd builds this into the preamble without
// the bodies.
#include <map>
#include <mutex>

class Mutex {
public:
  void Lock() { mu_.lock(); }
  void Unlock() { mu_.unlock(); }

private:
  std::mutex mu_;
};

class MutexLock {
public:
  explicit MutexLock(Mutex *mu) : mu_(mu) { mu_->Lock(); }
  ~MutexLock() { mu_->Unlock(); }
  MutexLock(const MutexLock &) = delete;
  MutexLock &operator=(const MutexLock &) = delete;

private:
  Mutex *const mu_;
};

extern std::mutex g_table_mu;
inline void lock_table() { g_table_mu.lock(); }
inline void unlock_table() { g_table_mu.unlock(); }

class Registry {
public:
  static Registry &instance() {
    static Registry registry;
    return registry;
  }
  Mutex mu;
  std::map<int, int> entries;
};
