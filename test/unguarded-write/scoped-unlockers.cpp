// Scoped unlockers: a guard that releases a held mutex for its scope and
// takes it again in its destructor. Clang's `scoped_lockable` class whose
// constructor has `release_capability` (as in Clang's own
// warn-thread-safety-analysis.cpp), a class whose visible constructor
// unlocks the mutex it is given and whose destructor locks it again; the
// library ones (Poco::ScopedUnlock, boost::reverse_lock) are tested against
// their headers.
//
// RUN: %check_mapguard %s %t -- -std=c++17
#include <map>
#include <thread>

struct __attribute__((capability("mutex"))) Mutex {
  void Lock() __attribute__((acquire_capability()));
  void Unlock() __attribute__((release_capability()));
};

struct __attribute__((scoped_lockable)) MutexLock {
  explicit MutexLock(Mutex *mu) __attribute__((acquire_capability(mu)));
  ~MutexLock() __attribute__((release_capability()));
};

struct __attribute__((scoped_lockable)) MutexUnlock {
  explicit MutexUnlock(Mutex *mu) __attribute__((release_capability(mu)));
  ~MutexUnlock() __attribute__((release_capability()));
};

Mutex g_mu;
std::map<int, int> g_cache;

void slowPath(int k);

void refresh(int k) {
  MutexLock lock(&g_mu);
  g_cache[k] = 1;
  {
    MutexUnlock unlocked(&g_mu);
    slowPath(k);
    g_cache.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'g_cache' is not protected by a mutex [mapguard-unguarded-write]
    // CHECK-MESSAGES: :[[@LINE-12]]:20: note: 'g_cache' is a global with static storage duration
    // CHECK-MESSAGES: :[[@LINE-5]]:17: note: 'g_mu' is released here
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: 'g_cache' is written with 'g_mu' held at 4 of 5 sites
  }
  g_cache[k] = 2;
}

void direct(int k) {
  g_mu.Lock();
  g_cache[k] = 3;
  if (k > 0) {
    MutexUnlock unlocked(&g_mu);
    return;
  }
  g_cache[k] = 4;
  g_mu.Unlock();
}

class Unlocker {
public:
  explicit Unlocker(Mutex &mu) : mu_(mu) { mu.Unlock(); }
  ~Unlocker() { mu_.Lock(); }

private:
  Mutex &mu_;
};

std::map<int, int> g_index;
Mutex g_index_mu;

void reindex(int k) {
  g_index_mu.Lock();
  g_index[k] = 1;
  {
    Unlocker unlocked(g_index_mu);
    g_index.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'g_index' is not protected by a mutex [mapguard-unguarded-write]
    // CHECK-MESSAGES: :[[@LINE-10]]:20: note: 'g_index' is a global with static storage duration
    // CHECK-MESSAGES: :[[@LINE-4]]:14: note: 'g_index_mu' is released here
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: 'g_index' is written with 'g_index_mu' held at 2 of 3 sites
  }
  g_index[k] = 2;
  g_index_mu.Unlock();
}

int main() {
  std::thread a(refresh, 1), b(direct, 2), c(reindex, 3);
  a.join();
  b.join();
}
