// RUN: %check_mapguard %s %t
// RUN: %check_mapguard --check-prefix=POOL --config="{CheckOptions: [{key: mapguard-unguarded-write.ThreadStarters, value: 'app::ThreadPool::submit'}]}" %s %t.pool
//
// A function handed to a thread starts with no lock held, whatever its
// creator holds. A lambda called where it is defined, or handed to a
// synchronous callee, runs under its caller's locks.
#include <algorithm>
#include <future>
#include <map>
#include <mutex>
#include <pthread.h>
#include <thread>
#include <vector>

std::map<int, int> g_map;
std::mutex g_mu;

void spawn_under_lock() {
  std::lock_guard<std::mutex> guard(g_mu);
  std::thread worker([] {
    g_map[1] = 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'g_map' is not protected by a mutex
    // CHECK-MESSAGES: :[[@LINE-8]]:20: note: 'g_map' is a global with static storage duration
    // CHECK-MESSAGES: :[[@LINE+119]]:5: note: 'g_map' is written with 'g_mu' held at 6 of 12 sites
    // CHECK-MESSAGES: :[[@LINE-4]]:5: note: lock 'g_mu' around the write
    // POOL: :[[@LINE-5]]:5: warning: write to shared map 'g_map' is not protected by a mutex
    // POOL: :[[@LINE-12]]:20: note: 'g_map' is a global with static storage duration
    // POOL: :[[@LINE+115]]:5: note: 'g_map' is written with 'g_mu' held at 5 of 12 sites
    // POOL: :[[@LINE-8]]:5: note: lock 'g_mu' around the write
  });
  worker.join();
}

void spawn_locking_inside() {
  std::thread worker([] {
    std::lock_guard<std::mutex> guard(g_mu);
    g_map[2] = 2;
  });
  worker.join();
}

void called_in_place(int k) {
  std::lock_guard<std::mutex> guard(g_mu);
  auto insert = [&] { g_map[k] = 3; };
  insert();
  [&] { g_map.erase(k); }();
  std::vector<int> keys;
  std::for_each(keys.begin(), keys.end(), [](int key) { g_map[key] = 4; });
}

// Functions, functors and every standard way to start a thread.
void entry_function() {
  g_map[5] = 5;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-40]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE+87]]:5: note: 'g_map' is written with 'g_mu' held at 6 of 12 sites
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: lock 'g_mu' around the write
  // POOL: :[[@LINE-5]]:3: warning: write to shared map 'g_map' is not protected by a mutex
  // POOL: :[[@LINE-44]]:20: note: 'g_map' is a global with static storage duration
  // POOL: :[[@LINE+83]]:5: note: 'g_map' is written with 'g_mu' held at 5 of 12 sites
  // POOL: :[[@LINE-8]]:3: note: lock 'g_mu' around the write
}
struct Functor {
  void operator()() const {
    g_map[6] = 6;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'g_map' is not protected by a mutex
    // CHECK-MESSAGES: :[[@LINE-52]]:20: note: 'g_map' is a global with static storage duration
    // CHECK-MESSAGES: :[[@LINE+75]]:5: note: 'g_map' is written with 'g_mu' held at 6 of 12 sites
    // CHECK-MESSAGES: :[[@LINE-4]]:5: note: lock 'g_mu' around the write
    // POOL: :[[@LINE-5]]:5: warning: write to shared map 'g_map' is not protected by a mutex
    // POOL: :[[@LINE-56]]:20: note: 'g_map' is a global with static storage duration
    // POOL: :[[@LINE+71]]:5: note: 'g_map' is written with 'g_mu' held at 5 of 12 sites
    // POOL: :[[@LINE-8]]:5: note: lock 'g_mu' around the write
  }
};
void *posix_entry(void *) {
  g_map[7] = 7;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_map' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-64]]:20: note: 'g_map' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE+63]]:5: note: 'g_map' is written with 'g_mu' held at 6 of 12 sites
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: lock 'g_mu' around the write
  // POOL: :[[@LINE-5]]:3: warning: write to shared map 'g_map' is not protected by a mutex
  // POOL: :[[@LINE-68]]:20: note: 'g_map' is a global with static storage duration
  // POOL: :[[@LINE+59]]:5: note: 'g_map' is written with 'g_mu' held at 5 of 12 sites
  // POOL: :[[@LINE-8]]:3: note: lock 'g_mu' around the write
  return nullptr;
}
void start_all() {
  std::lock_guard<std::mutex> guard(g_mu);
  entry_function();
  std::thread a(entry_function);
  std::thread b(Functor{});
  pthread_t t;
  pthread_create(&t, nullptr, posix_entry, nullptr);
  std::async(std::launch::async, [] {
    g_map[8] = 8;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'g_map' is not protected by a mutex
    // CHECK-MESSAGES: :[[@LINE-83]]:20: note: 'g_map' is a global with static storage duration
    // CHECK-MESSAGES: :[[@LINE+44]]:5: note: 'g_map' is written with 'g_mu' held at 6 of 12 sites
    // CHECK-MESSAGES: :[[@LINE-4]]:5: note: lock 'g_mu' around the write
    // POOL: :[[@LINE-5]]:5: warning: write to shared map 'g_map' is not protected by a mutex
    // POOL: :[[@LINE-87]]:20: note: 'g_map' is a global with static storage duration
    // POOL: :[[@LINE+40]]:5: note: 'g_map' is written with 'g_mu' held at 5 of 12 sites
    // POOL: :[[@LINE-8]]:5: note: lock 'g_mu' around the write
  });
  std::jthread c([] {
    g_map[9] = 9;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'g_map' is not protected by a mutex
    // CHECK-MESSAGES: :[[@LINE-94]]:20: note: 'g_map' is a global with static storage duration
    // CHECK-MESSAGES: :[[@LINE+33]]:5: note: 'g_map' is written with 'g_mu' held at 6 of 12 sites
    // CHECK-MESSAGES: :[[@LINE-4]]:5: note: lock 'g_mu' around the write
    // POOL: :[[@LINE-5]]:5: warning: write to shared map 'g_map' is not protected by a mutex
    // POOL: :[[@LINE-98]]:20: note: 'g_map' is a global with static storage duration
    // POOL: :[[@LINE+29]]:5: note: 'g_map' is written with 'g_mu' held at 5 of 12 sites
    // POOL: :[[@LINE-8]]:5: note: lock 'g_mu' around the write
  });
}

// A project's own thread starter, named in the option ThreadStarters.
namespace app {
class ThreadPool {
public:
  template <class F> void submit(F f) {}
};
} // namespace app
void submit_work(app::ThreadPool &pool) {
  std::lock_guard<std::mutex> guard(g_mu);
  pool.submit([] {
    g_map[10] = 10;
    // POOL: :[[@LINE-1]]:5: warning: write to shared map 'g_map' is not protected by a mutex
    // POOL: :[[@LINE-116]]:20: note: 'g_map' is a global with static storage duration
    // POOL: :[[@LINE+11]]:5: note: 'g_map' is written with 'g_mu' held at 5 of 12 sites
    // POOL: :[[@LINE-4]]:5: note: lock 'g_mu' around the write
  });
}

struct Service {
  void start() {
    std::thread([this] { refresh(); }).detach();
  }
  void refresh() {
    std::unique_lock<std::mutex> lock(g_mu);
    g_map.clear();
  }
};
