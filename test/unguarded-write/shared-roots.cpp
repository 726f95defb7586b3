// Objects other threads reach are shared: a singleton's instance (also one
// created lazily behind a static pointer), an object with static storage
// duration and the objects its members, pointers and smart pointers reach,
// an object handed to a thread (by pointer, std::ref, capture by reference,
// `this`) or as a registered callback's `void *` context, and what a
// thread's entry receives by pointer or reference. Each report says why. Not
// shared: locals kept by the function that creates them, a local before it
// is handed on, a copy handed by value, a constructor's own object,
// thread_local objects.
//
// RUN: %check_mapguard %s %t
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <pthread.h>
#include <shared_mutex>
#include <string>
#include <thread>

// A lazily created singleton, and a getter of its member.
class Store {
public:
  static Store &instance() {
    if (!s_inst)
      s_inst = new Store;
    return *s_inst;
  }
  void put(int k) { items_[k] = k; }
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: write to shared map 'items_' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-7]]:17: note: 'items_' is a member of 'Store', whose instance is returned by 'Store::instance()', shared by every caller
  std::map<int, std::string> &names() { return names_; }

private:
  static Store *s_inst;
  std::map<int, int> items_;
  std::map<int, std::string> names_;
};
Store *Store::s_inst = nullptr;

void rename(int id) { Store::instance().names()[id] = "x"; }
// CHECK-MESSAGES: :[[@LINE-1]]:23: warning: write to shared map 'Store::instance().names_' is not protected by a mutex [mapguard-unguarded-write]
// CHECK-MESSAGES: :[[@LINE-8]]:17: note: 'instance()' returns '*Store::s_inst', a static data member shared by every caller

// A global object, and a class its members reach.
class Sessions {
public:
  void add(int id) { open_[id] = id; }
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: write to shared map 'open_' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE+12]]:29: note: 'open_' is a member of 'Sessions', reached through 'sessions_' from the objects of 'App'
  // CHECK-MESSAGES: :[[@LINE+18]]:5: note: 'sessions_' is a member of 'App', whose objects are shared: 'g_app' has static storage duration
  Sessions() { open_[0] = 0; } // Its own object, not shared yet: silent.

private:
  std::map<int, int> open_;
};
class App {
public:
  void start(int id) { sessions_->add(id); counts_[id]++; }
  // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: write to shared map 'counts_' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE+8]]:5: note: 'counts_' is a member of 'App', whose objects are shared: 'g_app' has static storage duration
  std::unique_ptr<Sessions> sessions_;
  std::map<int, int> counts_;
  std::unique_ptr<std::map<int, int>> index_;
  void reindex() { index_->clear(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: write to shared map 'index_' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE+2]]:5: note: 'index_' is a member of 'App', whose objects are shared: 'g_app' has static storage duration
};
App g_app;

// A plain struct handed by pointer to threads.
struct Job {
  std::map<int, int> results;
};
void run(Job *job) { job->results[1] = 2; }
// CHECK-MESSAGES: :[[@LINE-1]]:22: warning: write to shared map 'job->results' is not protected by a mutex [mapguard-unguarded-write]
// CHECK-MESSAGES: :[[@LINE+102]]:15: note: 'job' refers to what is handed to the thread started here
void *entry(void *arg) {
  auto *job = static_cast<Job *>(arg);
  job->results.erase(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'arg->results' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE+102]]:3: note: 'arg' refers to what is handed to the thread started here
  return nullptr;
}
void run_copy(Job job) { job.results[1] = 1; } // A copy: silent.

extern void register_handler(void (*cb)(void *), void *ctx);
struct Server {
  std::map<int, int> routes;
};
void on_event(void *ctx) { static_cast<Server *>(ctx)->routes.clear(); }
// CHECK-MESSAGES: :[[@LINE-1]]:28: warning: write to shared map 'ctx->routes' is not protected by a mutex [mapguard-unguarded-write]
// CHECK-MESSAGES: :[[@LINE+94]]:3: note: 'ctx' refers to what is handed to the callback registered here

void fill(std::map<int, int> &m) { m[1] = 1; }
// CHECK-MESSAGES: :[[@LINE-1]]:36: warning: write to shared map 'm' is not protected by a mutex [mapguard-unguarded-write]
// CHECK-MESSAGES: :[[@LINE+96]]:15: note: 'm' refers to what is handed to the thread started here

class Worker {
public:
  void start() { t_ = std::thread(&Worker::loop, this); }
  void loop() { seen_[1] = 1; }
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: write to shared map 'seen_' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-3]]:23: note: 'seen_' is a member of 'Worker', whose object is handed to the thread started here

private:
  std::thread t_;
  std::map<int, int> seen_;
};

class Poller {
public:
  void start() {
    t_ = std::thread([this] { polled_.clear(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: write to shared map 'polled_' is not protected by a mutex [mapguard-unguarded-write]
    // CHECK-MESSAGES: :[[@LINE-2]]:10: note: 'polled_' is a member of 'Poller', whose object is handed to the thread started here
  }

private:
  std::thread t_;
  std::map<int, int> polled_;
};

// Kept by the function that creates them: silent.
void alone() {
  std::map<int, int> mine;
  mine[1] = 1;
  Job kept;
  kept.results[1] = 1;
}

// Each thread's own object.
class Scratch {
public:
  void note(int k) { seen_[k] = k; }

private:
  std::map<int, int> seen_;
};
thread_local Scratch t_scratch;
void per_thread() { t_scratch.note(1); }

// A class that locks a mutex it is given: its maps are shared.
class Table {
public:
  explicit Table(std::mutex &mu) : mu_(mu) {}
  void put(int k) {
    std::lock_guard<std::mutex> lock(mu_);
    rows_[k] = k;
  }
  void drop(int k) { rows_.erase(k); }
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: write to shared map 'rows_' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE+5]]:22: note: 'rows_' is a member that its class guards with a mutex
  // CHECK-MESSAGES: :[[@LINE-5]]:5: note: 'rows_' is written with 'mu_' held at 1 of 2 sites

private:
  std::mutex &mu_;
  std::map<int, int> rows_;
};

// A class that locks its mutex only in shared mode.
class Index {
public:
  void add(int k) {
    std::shared_lock<std::shared_mutex> lock(mu_);
    keys_[k] = k;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'keys_' holds 'mu_' only shared; a write needs it exclusively [mapguard-unguarded-write]
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: 'keys_' is accessed with a mutex held here, so the objects of 'Index' are shared
  }

private:
  std::shared_mutex mu_;
  std::map<int, int> keys_;
};

int launch() {
  Job job;
  job.results[0] = 0; // Not handed on yet: silent.
  std::thread t(run, &job);
  job.results[3] = 4;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'job.results' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-3]]:15: note: 'job' is handed to the thread started here
  pthread_t p;
  pthread_create(&p, nullptr, entry, &job);
  std::thread c(run_copy, job);
  Server *server = new Server;
  register_handler(on_event, server);
  std::map<int, int> local;
  std::thread l([&] { local[1] = 1; });
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: write to shared map 'local' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-2]]:15: note: 'local' is handed to the thread started here
  std::map<int, int> byref;
  std::thread r(fill, std::ref(byref));
  t.join();
  l.join();
  r.join();
  c.join();
  return 0;
}
