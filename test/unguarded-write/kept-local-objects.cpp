// A class whose methods lock another object's mutex (a parser that locks
// the registry it reads) is meant for sharing only where its objects are
// shared. One that the unit only ever creates as locals, kept by the
// functions that create them, is not reported; the same class handed to a
// thread is.
//
// RUN: %check_mapguard %s %t
#include <map>
#include <mutex>
#include <thread>

std::mutex g_registry_mu;
std::map<int, int> g_registry;

class Parser {
public:
  void Parse(int k) {
    std::lock_guard<std::mutex> lock(g_registry_mu);
    g_registry[k] = k;
    errors_[k] = k;
  }
  void Clear() { errors_.clear(); }

private:
  std::map<int, int> errors_;
};

int ParseAll() {
  Parser parser;
  parser.Parse(1);
  parser.Clear();
  return 0;
}

class Loader {
public:
  void Load(int k) {
    std::lock_guard<std::mutex> lock(g_registry_mu);
    g_registry[k] = k;
    loaded_[k] = k;
  }
  void Reset() { loaded_.clear(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: write to shared map 'loaded_' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-4]]:5: note: 'loaded_' is accessed with a mutex held here, so the objects of 'Loader' are shared
  // CHECK-MESSAGES: :[[@LINE-5]]:5: note: 'loaded_' is written with 'g_registry_mu' held at 1 of 2 sites
  // CHECK-MESSAGES: :[[@LINE-4]]:18: note: lock 'g_registry_mu' around the write

private:
  std::map<int, int> loaded_;
};

int LoadInBackground() {
  Loader loader;
  std::thread t([&] { loader.Load(1); });
  loader.Reset();
  t.join();
  return 0;
}
