// RUN: %check_mapguard %s %t
//
// A catch handler runs after an exception left its try block at any call:
// it holds only the mutexes held at every point of that block. Guards
// declared inside the try block are destroyed before the handler runs.
#include <map>
#include <mutex>

std::map<int, int> g_map;
std::mutex g_mu;
void work();

void guard_inside_try(int k) {
  try {
    std::lock_guard<std::mutex> guard(g_mu);
    g_map[k] = k;
    work();
  } catch (...) {
    g_map.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'g_map' is not protected by a mutex
    // CHECK-MESSAGES: :[[@LINE-12]]:20: note: 'g_map' is a global with static storage duration
    // CHECK-MESSAGES: :[[@LINE-6]]:5: note: 'g_map' is written with 'g_mu' held at 8 of 10 sites
    // CHECK-MESSAGES: :[[@LINE-4]]:5: note: lock 'g_mu' around the write
  }
}

void lock_inside_try(int k) {
  try {
    g_mu.lock();
    g_map[k] = k;
    g_mu.unlock();
  } catch (...) {
    g_map.erase(k);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'g_map' is not protected by a mutex
    // CHECK-MESSAGES: :[[@LINE-26]]:20: note: 'g_map' is a global with static storage duration
    // CHECK-MESSAGES: :[[@LINE-20]]:5: note: 'g_map' is written with 'g_mu' held at 8 of 10 sites
    // CHECK-MESSAGES: :[[@LINE-4]]:5: note: lock 'g_mu' around the write
  }
}

void guard_around_try(int k) {
  std::lock_guard<std::mutex> guard(g_mu);
  try {
    g_map[k] = k;
    work();
  } catch (...) {
    g_map.erase(k);
  }
}

void held_throughout_with_explicit_throw(int k) {
  g_mu.lock();
  try {
    if (k < 0)
      throw k;
    g_map[k] = k;
    work();
  } catch (int) {
    g_map.erase(k);
    g_mu.unlock();
    throw;
  }
  g_mu.unlock();
}

void nested_try(int k) {
  std::lock_guard<std::mutex> guard(g_mu);
  try {
    try {
      work();
    } catch (int) {
      g_map.erase(k);
    }
  } catch (...) {
    g_map.clear();
  }
}
