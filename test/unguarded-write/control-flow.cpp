// RUN: %check_mapguard %s %t
//
// Whether a write is protected is decided on every path through the
// function's control-flow graph: a mutex must be held on all of them. Where
// it is held on some paths only, a note shows the branch or the release.
#include <map>
#include <mutex>

std::map<int, int> g_map;
std::mutex g_mu;
bool ready();
void work();

void locked_in_one_branch(bool fast) {
  if (fast)
    g_mu.lock();
  g_map[1] = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-10]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-5]]:7: note: 'g_mu' is not held when this condition is false
  // CHECK-MESSAGES: :[[@LINE+11]]:3: note: 'g_map' is written with 'g_mu' held at 12 of 20 sites
  // CHECK-MESSAGES: :[[@LINE-5]]:3: note: lock 'g_mu' around the write
  if (fast)
    g_mu.unlock();
}

void locked_in_both_branches(bool fast) {
  if (fast)
    g_mu.lock();
  else
    g_mu.lock();
  g_map[1] = 1;
  g_mu.unlock();
}

void unlocked_before_the_write() {
  g_mu.lock();
  g_map[2] = 2;
  g_mu.unlock();
  g_map.erase(2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-33]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: 'g_mu' is released here
  // CHECK-MESSAGES: :[[@LINE-12]]:3: note: 'g_map' is written with 'g_mu' held at 12 of 20 sites
  // CHECK-MESSAGES: :[[@LINE-5]]:3: note: lock 'g_mu' around the write
}

void unlocked_in_one_branch(bool abort) {
  g_mu.lock();
  if (abort)
    g_mu.unlock();
  g_map.erase(3);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-45]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-4]]:5: note: 'g_mu' is released here
  // CHECK-MESSAGES: :[[@LINE-24]]:3: note: 'g_map' is written with 'g_mu' held at 12 of 20 sites
  // CHECK-MESSAGES: :[[@LINE-5]]:3: note: lock 'g_mu' around the write
}

// An early return leaves the guard's scope; the rest of the function still
// holds the lock.
int early_return(int k) {
  std::lock_guard<std::mutex> guard(g_mu);
  if (k < 0)
    return -1;
  g_map[k] = k;
  return 0;
}

// The guard is gone after the block that returned early.
void write_after_guarded_block(int k) {
  {
    std::lock_guard<std::mutex> guard(g_mu);
    if (k < 0)
      return;
    g_map[k] = k;
  }
  g_map.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-71]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: 'g_mu' is released here, where 'guard' goes out of scope
  // CHECK-MESSAGES: :[[@LINE-50]]:3: note: 'g_map' is written with 'g_mu' held at 12 of 20 sites
  // CHECK-MESSAGES: :[[@LINE-5]]:3: note: lock 'g_mu' around the write
}

// Loops are iterated to a fixed point: the lock taken before the loop and
// released on the way out by `break` does not protect the write after it.
void loop_that_unlocks_and_breaks() {
  g_mu.lock();
  for (int i = 0; i < 10; ++i) {
    g_map[i] = i;
    if (!ready()) {
      g_mu.unlock();
      break;
    }
  }
  g_map.clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-90]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-7]]:7: note: 'g_mu' is released here
  // CHECK-MESSAGES: :[[@LINE-69]]:3: note: 'g_map' is written with 'g_mu' held at 12 of 20 sites
  // CHECK-MESSAGES: :[[@LINE-5]]:3: note: lock 'g_mu' around the write
}

// The second iteration enters without the lock the first one released.
void loop_releasing_at_the_end() {
  g_mu.lock();
  while (ready()) {
    g_map[0] = 0;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'g_map' is not protected by a mutex
    // CHECK-MESSAGES: :[[@LINE-102]]:20: note: 'g_map' is a global with static storage duration
    // CHECK-MESSAGES: :[[@LINE+3]]:5: note: 'g_mu' is released here
    // CHECK-MESSAGES: :[[@LINE-81]]:3: note: 'g_map' is written with 'g_mu' held at 12 of 20 sites
    // CHECK-MESSAGES: :[[@LINE-5]]:5: note: lock 'g_mu' around the write
    g_mu.unlock();
  }
}

void loop_guard_per_iteration() {
  for (int i = 0; i < 10; ++i) {
    std::lock_guard<std::mutex> guard(g_mu);
    if (i == 5)
      continue;
    g_map[i] = i;
  }
}

void switch_with_unlocked_case(int mode) {
  switch (mode) {
  case 0:
    g_mu.lock();
    break;
  case 1:
    break;
  default:
    g_mu.lock();
    break;
  }
  g_map[mode] = mode;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-132]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-9]]:3: note: 'g_mu' is not held on the path through this case
  // CHECK-MESSAGES: :[[@LINE-111]]:3: note: 'g_map' is written with 'g_mu' held at 12 of 20 sites
  // CHECK-MESSAGES: :[[@LINE-5]]:3: note: lock 'g_mu' around the write
}

void switch_locked_in_every_case(int mode) {
  switch (mode) {
  case 0: {
    std::lock_guard<std::mutex> guard(g_mu);
    g_map[0] = 0;
    break;
  }
  default: {
    std::lock_guard<std::mutex> guard(g_mu);
    g_map[mode] = mode;
  }
  }
}

// The C idiom of a single exit: every path reaches the cleanup label with
// the lock held, and the write there is protected.
int goto_cleanup(int k) {
  int status = 0;
  g_mu.lock();
  if (k < 0) {
    status = -1;
    goto out;
  }
  g_map[k] = k;
out:
  g_map.erase(-1);
  g_mu.unlock();
  return status;
}

// `goto` past the lock.
int goto_skipping_the_lock(int k) {
  if (k < 0)
    goto out;
  g_mu.lock();
out:
  g_map.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-176]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-7]]:7: note: 'g_mu' is not held when this condition is true
  // CHECK-MESSAGES: :[[@LINE-155]]:3: note: 'g_map' is written with 'g_mu' held at 12 of 20 sites
  g_mu.unlock();
  return 0;
}

// A guard declared by a macro is a guard like any other.
#define LOCKED(mu) std::lock_guard<std::mutex> guard_##mu(mu)
void guard_from_macro(int k) {
  LOCKED(g_mu);
  g_map[k] = k;
}

void short_circuit(bool a, bool b) {
  if (a && (g_mu.try_lock(), b)) {
  }
  if (a) {
    std::lock_guard<std::mutex> guard(g_mu);
    g_map[0] = 0;
  }
}
