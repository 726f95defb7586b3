// RUN: %check_mapguard %s %t
//
// Project mutexes and guards: any class with lock() and unlock() is a
// mutex; a class whose visible constructor locks a mutex it is given and
// whose destructor unlocks it is a guard; Clang's thread-safety attributes
// say exactly what a class or function does.
#include <map>
#include <mutex>

std::map<int, int> g_map;

class SpinLock {
public:
  void lock();
  void unlock();
};
SpinLock g_spin;

void spin_directly() {
  g_spin.lock();
  g_map[1] = 1;
  g_spin.unlock();
  g_map[2] = 2;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-15]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: 'g_spin' is released here
  // CHECK-MESSAGES: :[[@LINE-6]]:3: note: 'g_map' is written with 'g_spin' held at 3 of 13 sites
  // CHECK-MESSAGES: :[[@LINE-5]]:3: note: lock 'g_spin' around the write
}

void spin_with_std_guard() {
  std::lock_guard<SpinLock> guard(g_spin);
  g_map[3] = 3;
}

// A hand-written guard, by reference and by pointer.
class Holder {
public:
  explicit Holder(SpinLock &lock) : lock_(lock) { lock_.lock(); }
  ~Holder() { lock_.unlock(); }

private:
  SpinLock &lock_;
};

class PointerHolder {
public:
  explicit PointerHolder(std::mutex *mu) : mu_(mu) { mu_->lock(); }
  ~PointerHolder() { mu_->unlock(); }

private:
  std::mutex *mu_;
};
std::mutex g_mu;

void custom_guards() {
  {
    Holder hold(g_spin);
    g_map[4] = 4;
  }
  g_map[5] = 5;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-53]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: 'g_spin' is released here, where 'hold' goes out of scope
  // CHECK-MESSAGES: :[[@LINE-44]]:3: note: 'g_map' is written with 'g_spin' held at 3 of 13 sites
  // CHECK-MESSAGES: :[[@LINE-5]]:3: note: lock 'g_spin' around the write
  PointerHolder hold(&g_mu);
  g_map[6] = 6;
}

// Clang's thread-safety attributes.
#define CAPABILITY(x) __attribute__((capability(x)))
#define SCOPED_CAPABILITY __attribute__((scoped_lockable))
#define ACQUIRE(...) __attribute__((acquire_capability(__VA_ARGS__)))
#define ACQUIRE_SHARED(...) __attribute__((acquire_shared_capability(__VA_ARGS__)))
#define RELEASE(...) __attribute__((release_capability(__VA_ARGS__)))
#define RELEASE_GENERIC(...) __attribute__((release_generic_capability(__VA_ARGS__)))
#define TRY_ACQUIRE(...) __attribute__((try_acquire_capability(__VA_ARGS__)))

class CAPABILITY("mutex") Mutex {
public:
  void Lock() ACQUIRE();
  void ReaderLock() ACQUIRE_SHARED();
  void Unlock() RELEASE_GENERIC();
  bool TryLock() TRY_ACQUIRE(true);
};
Mutex g_annotated;

class SCOPED_CAPABILITY MutexLocker {
public:
  explicit MutexLocker(Mutex *mu) ACQUIRE(mu);
  ~MutexLocker() RELEASE();
};

void annotated_mutex() {
  g_annotated.Lock();
  g_map[7] = 7;
  g_annotated.Unlock();
  g_annotated.ReaderLock();
  g_map[8] = 8;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' holds 'g_annotated' only shared; a write needs it exclusively
  // CHECK-MESSAGES: :[[@LINE-92]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-82]]:3: note: 'g_map' is written with 'g_spin' held at 3 of 13 sites
  g_annotated.Unlock();
  if (g_annotated.TryLock()) {
    g_map[9] = 9;
    g_annotated.Unlock();
  }
}

void annotated_guard() {
  {
    MutexLocker lock(&g_annotated);
    g_map[10] = 10;
  }
  g_map[11] = 11;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-108]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-98]]:3: note: 'g_map' is written with 'g_spin' held at 3 of 13 sites
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: lock 'g_spin' around the write
  // No note says 'g_annotated' is released: the map's guard is 'g_spin',
  // and only the guard's absence is explained.
}

// Functions that lock a global, declared so.
void LockRegistry() ACQUIRE(g_mu);
void UnlockRegistry() RELEASE(g_mu);
bool TryLockRegistry() TRY_ACQUIRE(true, g_mu);

void annotated_functions() {
  LockRegistry();
  g_map[12] = 12;
  UnlockRegistry();
  if (!TryLockRegistry())
    return;
  g_map[13] = 13;
  UnlockRegistry();
}
