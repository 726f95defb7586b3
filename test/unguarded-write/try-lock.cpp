// RUN: %check_mapguard %s %t
//
// A try_lock() in a condition holds the mutex on its success edge only; the
// analysis follows each edge of the branch.
#include <map>
#include <mutex>

std::map<int, int> g_map;
std::mutex g_mu;
std::mutex g_other;
std::timed_mutex g_timed;
bool ready();

void if_try_lock() {
  if (g_mu.try_lock()) {
    g_map[1] = 1;
    g_mu.unlock();
  } else {
    g_map[2] = 2;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'g_map' is not protected by a mutex
    // CHECK-MESSAGES: :[[@LINE-13]]:20: note: 'g_map' is a global with static storage duration
    // CHECK-MESSAGES: :[[@LINE-6]]:5: note: 'g_map' is written with 'g_mu' held at 9 of 13 sites
    // CHECK-MESSAGES: :[[@LINE-4]]:5: note: lock 'g_mu' around the write
  }
}

void return_unless_locked() {
  if (!g_mu.try_lock())
    return;
  g_map[3] = 3;
  g_mu.unlock();
}

void compared_with_false() {
  if (g_mu.try_lock() == false)
    return;
  g_map[4] = 4;
  g_mu.unlock();
}

void remembered_in_a_variable() {
  bool locked = g_mu.try_lock();
  if (locked) {
    g_map[5] = 5;
    g_mu.unlock();
  }
}

void spin_until_locked() {
  while (!g_mu.try_lock()) {
  }
  g_map[6] = 6;
  g_mu.unlock();
}

void after_another_condition(bool wanted) {
  if (wanted && g_mu.try_lock()) {
    g_map[7] = 7;
    g_mu.unlock();
  }
}

void timed() {
  if (g_timed.try_lock_for(10)) {
    g_map[8] = 8;
    g_timed.unlock();
  }
  if (g_timed.try_lock_until(20)) {
    g_map[9] = 9;
    g_timed.unlock();
  }
}

void lock_many() {
  std::lock(g_mu, g_other);
  g_map[10] = 10;
  g_mu.unlock();
  g_other.unlock();
}

void try_lock_many() {
  if (std::try_lock(g_mu, g_other) == -1) {
    g_map[11] = 11;
    g_mu.unlock();
    g_other.unlock();
  }
  if (std::try_lock(g_mu, g_other) == 0) {
    g_map[12] = 12; // 0 means the first mutex could not be locked.
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'g_map' is not protected by a mutex
    // CHECK-MESSAGES: :[[@LINE-82]]:20: note: 'g_map' is a global with static storage duration
    // CHECK-MESSAGES: :[[@LINE-7]]:5: note: 'g_mu' is released here
    // CHECK-MESSAGES: :[[@LINE-76]]:5: note: 'g_map' is written with 'g_mu' held at 9 of 13 sites
    // CHECK-MESSAGES: :[[@LINE-5]]:5: note: lock 'g_mu' around the write
  }
}

void lock_many_then_adopt() {
  std::lock(g_mu, g_other);
  std::lock_guard<std::mutex> first(g_mu, std::adopt_lock);
  std::lock_guard<std::mutex> second(g_other, std::adopt_lock);
  g_map[13] = 13;
}
