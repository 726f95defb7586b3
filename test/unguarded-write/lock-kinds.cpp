// RUN: %check_mapguard %s %t
//
// Every way of holding a mutex exclusively that mapguard understands. Each
// function below holds one on every path to its write: nothing is reported
// except where a comment says so.
#include <map>
#include <mutex>
#include <shared_mutex>

std::map<int, int> g_map;
std::mutex g_mu;
std::recursive_mutex g_recursive;
std::timed_mutex g_timed;
std::recursive_timed_mutex g_recursive_timed;
std::shared_mutex g_shared;
std::mutex g_second;
std::mutex *g_mu_ptr = new std::mutex();
std::mutex g_mutexes[2];

struct Holder {
  std::mutex mu;
} g_holder;

void manual() {
  g_mu.lock();
  g_map[1] = 1;
  g_mu.unlock();
}

void each_mutex_type() {
  g_recursive.lock();
  g_map.erase(1);
  g_recursive.unlock();
  g_timed.lock();
  g_map.erase(2);
  g_timed.unlock();
  g_recursive_timed.lock();
  g_map.erase(3);
  g_recursive_timed.unlock();
  g_shared.lock(); // Exclusive.
  g_map.erase(4);
  g_shared.unlock();
}

// The article's `var mutex = &sync.Mutex{}`: a global pointer to a mutex.
void through_pointer() {
  g_mu_ptr->lock();
  g_map[2] = 2;
  g_mu_ptr->unlock();
  (*g_mu_ptr).lock();
  g_map[3] = 3;
  (*g_mu_ptr).unlock();
}

void through_member_and_array() {
  g_holder.mu.lock();
  g_map.clear();
  g_holder.mu.unlock();
  g_mutexes[1].lock();
  g_map.clear();
  g_mutexes[1].unlock();
}

void lock_guard() {
  std::lock_guard<std::mutex> guard(g_mu);
  g_map.insert({1, 1});
}

void lock_guard_deduced() {
  std::lock_guard guard(g_mu);
  g_map.insert({1, 1});
}

void lock_guard_through_pointer() {
  std::lock_guard<std::mutex> guard(*g_mu_ptr);
  g_map.insert({1, 1});
}

void lock_guard_adopting() {
  g_mu.lock();
  std::lock_guard<std::mutex> guard(g_mu, std::adopt_lock);
  g_map.insert({1, 1});
}

void unique_lock() {
  std::unique_lock<std::mutex> lock(g_mu);
  g_map.emplace(1, 1);
}

void scoped_lock_one() {
  std::scoped_lock lock(g_mu);
  g_map.emplace(1, 1);
}

void scoped_lock_many() {
  std::scoped_lock lock(g_mu, g_second);
  g_map.emplace(1, 1);
}

// A guard's own lock() and unlock() act on its mutex.
void unique_lock_relocked() {
  std::unique_lock<std::mutex> lock(g_mu);
  lock.unlock();
  g_map.erase(5);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-96]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: 'g_mu' is released here
  // CHECK-MESSAGES: :[[@LINE-82]]:3: note: 'g_map' is written with 'g_mu' held at 12 of 26 sites
  // CHECK-MESSAGES: :[[@LINE-5]]:3: note: lock 'g_mu' around the write
  lock.lock();
  g_map.erase(6);
}

// Deferred: not held until lock().
void unique_lock_deferred() {
  std::unique_lock<std::mutex> lock(g_mu, std::defer_lock);
  g_map.erase(7);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-109]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-94]]:3: note: 'g_map' is written with 'g_mu' held at 12 of 26 sites
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: lock 'g_mu' around the write
  lock.lock();
  g_map.erase(8);
}

// A guard releases its mutex where its scope ends.
void guard_in_nested_scope() {
  {
    std::lock_guard<std::mutex> guard(g_mu);
    g_map[9] = 9;
  }
  g_map[10] = 10;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-124]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: 'g_mu' is released here, where 'guard' goes out of scope
  // CHECK-MESSAGES: :[[@LINE-110]]:3: note: 'g_map' is written with 'g_mu' held at 12 of 26 sites
  // CHECK-MESSAGES: :[[@LINE-5]]:3: note: lock 'g_mu' around the write
}

// Another name for a mutex is the same mutex.
void through_reference() {
  std::mutex &alias = g_mu;
  alias.lock();
  g_map[11] = 11;
  g_mu.unlock();
  g_map[12] = 12;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-138]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: 'g_mu' is released here
  // CHECK-MESSAGES: :[[@LINE-124]]:3: note: 'g_map' is written with 'g_mu' held at 12 of 26 sites
  // CHECK-MESSAGES: :[[@LINE-5]]:3: note: lock 'g_mu' around the write
}

// A temporary guard unlocks at the end of its full expression.
void temporary_guard() {
  std::lock_guard<std::mutex>{g_mu};
  g_map[13] = 13;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-149]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-4]]:35: note: 'g_mu' is released here, at the end of the full expression that created the temporary guard
  // CHECK-MESSAGES: :[[@LINE-135]]:3: note: 'g_map' is written with 'g_mu' held at 12 of 26 sites
  // CHECK-MESSAGES: :[[@LINE-5]]:3: note: lock 'g_mu' around the write
}

// Within the full expression, the temporary still holds the mutex.
void temporary_guard_same_expression() {
  (std::unique_lock<std::mutex>(g_mu), g_map.erase(14));
}
