// Calls by familiar names with unfamiliar shapes: a project's own
// `call_once()`, `lock(int)`, `pthread_mutex_trylock(long)`. None of them
// crashes the analysis, and none is read as a lock operation, a thread start
// or a call_once body: the writes after them are unprotected.
//
// RUN: %check_mapguard %s %t
#include <map>
#include <mutex>

std::map<int, int> g_map;
// CHECK-MESSAGES-DAG: :[[@LINE-1]]:20: note: 'g_map' is a global with static storage duration

// Free functions named like the standard library's, without its arguments.
void call_once();
template <class... T> void call_once(T...);
void lock();
void unlock();
int try_lock();
void async();
struct Flag {};
void call_once(Flag &);

namespace lib {
void call_once();
void lock(int);
struct thread {
  thread();
};
void pthread_create();
} // namespace lib

extern "C" int pthread_mutex_lock();
extern "C" int pthread_mutex_unlock(int);
extern "C" int pthread_mutex_trylock(long);
extern "C" int pthread_create();
extern "C" int pthread_rwlock_rdlock(...);

// Members named like a mutex's operations, with other shapes: not a mutex.
struct Odd {
  void call_once();
  void lock(int);
  void unlock(int, int);
  bool try_lock(int);
  void lock_shared(int);
  static void lock();
  Odd &operator=(int);
};

// A mutex whose lock operations also come with other shapes.
struct Lockable {
  void lock();
  void unlock();
  void lock(int timeout);
  bool try_lock(int attempts);
};

void shapes(Odd &o, Flag &f, Lockable &l) {
  call_once();
  call_once(1);
  call_once(f);
  lib::call_once();
  o.call_once();
  lock();
  unlock();
  if (try_lock())
    g_map[0] = 0;
  // CHECK-MESSAGES-DAG: :[[@LINE-1]]:5: warning: write to shared map 'g_map' is not protected by a mutex [mapguard-unguarded-write]
  lib::lock(1);
  lib::thread t;
  lib::pthread_create();
  pthread_mutex_lock();
  pthread_mutex_unlock(1);
  if (pthread_mutex_trylock(2) == 0)
    g_map[1] = 1;
  // CHECK-MESSAGES-DAG: :[[@LINE-1]]:5: warning: write to shared map 'g_map' is not protected by a mutex [mapguard-unguarded-write]
  pthread_create();
  pthread_rwlock_rdlock();
  o.lock(1);
  o.unlock(1, 2);
  if (o.try_lock(3))
    g_map[2] = 2;
  // CHECK-MESSAGES-DAG: :[[@LINE-1]]:5: warning: write to shared map 'g_map' is not protected by a mutex [mapguard-unguarded-write]
  o.lock_shared(1);
  Odd::lock();
  o = 1;
  l.lock(5);
  if (l.try_lock(3))
    g_map[3] = 3;
  // CHECK-MESSAGES-DAG: :[[@LINE-1]]:5: warning: write to shared map 'g_map' is not protected by a mutex [mapguard-unguarded-write]
  async();
  g_map[4] = 4;
  // CHECK-MESSAGES-DAG: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex [mapguard-unguarded-write]
}
