// RUN: %check_mapguard %s %t
//
// Code that runs before any other thread can exist is not reported: static
// initialisation, `main` before it starts its first thread, the functions
// called only from there, and the body of std::call_once.
#include <map>
#include <mutex>
#include <string>
#include <thread>

std::map<std::string, int> g_registry;
std::mutex g_mu;

// Self-registration from a static initialiser, before `main`.
static bool register_type(const char *name) {
  g_registry[name] = 1;
  return true;
}
static bool g_registered = register_type("builtin");

std::map<int, int> g_config;
static void load_config() { g_config[1] = 1; }
static void reload_config() {
  g_config[1] = 2;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_config' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-5]]:20: note: 'g_config' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE+12]]:26: note: 'g_config' is accessed with 'g_mu' held here
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: lock 'g_mu' around the write
}

std::once_flag g_once;
std::map<int, int> g_cache;
void warm_cache() {
  std::call_once(g_once, [] { g_cache[0] = 0; });
}

void worker() {
  std::lock_guard<std::mutex> guard(g_mu);
  g_registry["worker"] = g_config.at(1);
}

int main() {
  load_config();
  g_config[2] = 2;
  std::thread t(worker);
  g_config[3] = 3;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_config' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-27]]:20: note: 'g_config' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-10]]:26: note: 'g_config' is accessed with 'g_mu' held here
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: lock 'g_mu' around the write
  reload_config();
  t.join();
}

// A library's own call_once forwards to std::call_once: its body runs once.
namespace lib {
template <typename... Args> void call_once(Args &&...args) {
  std::call_once(static_cast<Args &&>(args)...);
}
} // namespace lib
std::once_flag g_types_once;
std::map<int, int> *g_types;
static void init_types() {
  g_types = new std::map<int, int>();
  (*g_types)[1] = 1;
}
void ensure_types() { lib::call_once(g_types_once, init_types); }
