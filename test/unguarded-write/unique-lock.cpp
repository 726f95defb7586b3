// RUN: %check_mapguard %s %t
//
// std::unique_lock's whole life: deferred, tried, adopted, unlocked and
// relocked in mid-scope, released, moved into another guard and out of a
// function.
#include <map>
#include <mutex>
#include <utility>

std::map<int, int> g_map;
std::mutex g_mu;

void deferred() {
  std::unique_lock<std::mutex> lock(g_mu, std::defer_lock);
  g_map[1] = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-7]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE+3]]:3: note: 'g_map' is written with 'g_mu' held at 13 of 18 sites
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: lock 'g_mu' around the write
  lock.lock();
  g_map[2] = 2;
}

void tried() {
  std::unique_lock<std::mutex> lock(g_mu, std::try_to_lock);
  if (lock.owns_lock())
    g_map[3] = 3;
  if (lock)
    g_map[4] = 4;
  g_map[5] = 5;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-22]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-7]]:7: note: 'g_mu' is not held when this condition is false
  // CHECK-MESSAGES: :[[@LINE-13]]:3: note: 'g_map' is written with 'g_mu' held at 13 of 18 sites
  // CHECK-MESSAGES: :[[@LINE-5]]:3: note: lock 'g_mu' around the write
  if (!lock.owns_lock())
    return;
  g_map[6] = 6;
}

void adopted() {
  g_mu.lock();
  std::unique_lock<std::mutex> lock(g_mu, std::adopt_lock);
  g_map[7] = 7;
}

void unlocked_and_relocked() {
  std::unique_lock<std::mutex> lock(g_mu);
  g_map[8] = 8;
  lock.unlock();
  g_map[9] = 9;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-43]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: 'g_mu' is released here
  // CHECK-MESSAGES: :[[@LINE-34]]:3: note: 'g_map' is written with 'g_mu' held at 13 of 18 sites
  // CHECK-MESSAGES: :[[@LINE-5]]:3: note: lock 'g_mu' around the write
  lock.lock();
  g_map[10] = 10;
}

// release() hands the locked mutex over: the guard's destructor no longer
// unlocks it, so it is still held after the guard's scope.
void released() {
  {
    std::unique_lock<std::mutex> lock(g_mu);
    lock.release();
  }
  g_map[11] = 11;
  g_mu.unlock();
}

void moved_into_another_guard() {
  std::unique_lock<std::mutex> first(g_mu);
  {
    std::unique_lock<std::mutex> second(std::move(first));
    g_map[12] = 12;
  }
  g_map[13] = 13;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-70]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: 'g_mu' is released here, where 'second' goes out of scope
  // CHECK-MESSAGES: :[[@LINE-61]]:3: note: 'g_map' is written with 'g_mu' held at 13 of 18 sites
  // CHECK-MESSAGES: :[[@LINE-5]]:3: note: lock 'g_mu' around the write
}

// Move assignment hands the lock to the outer guard; the moved-from inner
// guard owns nothing, and its destructor releases nothing.
void moved_out_of_scope() {
  std::unique_lock<std::mutex> outer;
  {
    std::unique_lock<std::mutex> inner(g_mu);
    outer = std::move(inner);
  }
  g_map[14] = 14;
  outer = std::unique_lock<std::mutex>();
  g_map[18] = 18;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-88]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: 'g_mu' is released here
  // CHECK-MESSAGES: :[[@LINE-79]]:3: note: 'g_map' is written with 'g_mu' held at 13 of 18 sites
  // CHECK-MESSAGES: :[[@LINE-5]]:3: note: lock 'g_mu' around the write
}

std::unique_lock<std::mutex> acquire_named() {
  std::unique_lock<std::mutex> lock(g_mu);
  g_map[15] = 15;
  return lock;
}

std::unique_lock<std::mutex> acquire_temporary() {
  return std::unique_lock<std::mutex>(g_mu);
}

void moved_out_of_a_function() {
  std::unique_lock<std::mutex> lock = acquire_named();
  g_map[16] = 16;
  auto other = acquire_temporary();
  g_map[17] = 17;
}
