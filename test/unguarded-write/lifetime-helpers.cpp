// A helper that only a constructor or destructor calls on its own object
// (`clear()` from `~Pool()`) runs on an object no other thread reaches yet,
// or any more: its writes to its own members are not reported. Called
// elsewhere too, it is judged as before.
//
// RUN: %check_mapguard %s %t -- -std=c++17
#include <map>
#include <mutex>
#include <thread>

class Pool {
public:
  Pool() { reset(); }
  ~Pool() { clear(); }
  void put(int k) {
    std::lock_guard<std::mutex> lock(mu_);
    blocks_[k] = k;
  }
  void drain() { clear2(); }

private:
  void reset() { blocks_[0] = 0; }
  void clear() { blocks_.clear(); }
  void clear2() { blocks_.erase(1); }
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: write to shared map 'blocks_' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE+4]]:22: note: 'blocks_' is a member that its class guards with a mutex
  // CHECK-MESSAGES: :[[@LINE-10]]:5: note: 'blocks_' is written with 'mu_' held at 1 of 2 sites
  // CHECK-MESSAGES: :[[@LINE-4]]:19: note: lock 'mu_' around the write
  std::mutex mu_;
  std::map<int, int> blocks_;
};

Pool g_pool;

int main() {
  std::thread a([] { g_pool.put(1); }), b([] { g_pool.drain(); });
  a.join();
  b.join();
}
