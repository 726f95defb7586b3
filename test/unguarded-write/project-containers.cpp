// A project's own container works by naming its type alone: its non-const
// member functions change it, its const ones and accessors read it. Where
// the rule is wrong for a method, WriteMethods and ReadMethods say better:
// here `removeExpired() const` changes a mutable table, and `peek()` is
// non-const but only reads (`get` and `lookup` are accessors by the rule).
// The messages call it a container.
//
// RUN: %check_mapguard --config="{CheckOptions: [{key: mapguard-unguarded-write.ContainerTypes, value: 'WAVM::HashMap'}, {key: mapguard-unguarded-write.WriteMethods, value: 'app::ExpiringMap=removeExpired'}, {key: mapguard-unguarded-write.ReadMethods, value: 'app::ExpiringMap=peek'}]}" %s %t
#include <mutex>

namespace WAVM {
template <class K, class V> class HashMap {
public:
  V &getOrAdd(const K &key, const V &value);
  bool addOrFail(const K &key, const V &value);
  void set(const K &key, const V &value);
  bool remove(const K &key);
  const V *get(const K &key) const;
  V *get(const K &key);
  V &operator[](const K &key);
  bool contains(const K &key) const;
  unsigned size() const;
};
} // namespace WAVM

namespace app {
class ExpiringMap {
public:
  void put(int key, int value);
  void removeExpired() const;
  int *peek(int key);
  int count() const;
};
} // namespace app

WAVM::HashMap<int, int> g_symbols;
app::ExpiringMap g_sessions;
std::mutex g_mu;

void writes(int key) {
  g_symbols.getOrAdd(key, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared container 'g_symbols' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-7]]:25: note: 'g_symbols' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE+39]]:3: note: 'g_symbols' is written with 'g_mu' held at 1 of 6 sites
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: lock 'g_mu' around the 5 adjacent writes
  g_symbols.addOrFail(key, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared container 'g_symbols' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-12]]:25: note: 'g_symbols' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE+34]]:3: note: 'g_symbols' is written with 'g_mu' held at 1 of 6 sites
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the lock block offered at line 41 covers this write too
  g_symbols.set(key, 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared container 'g_symbols' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-17]]:25: note: 'g_symbols' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE+29]]:3: note: 'g_symbols' is written with 'g_mu' held at 1 of 6 sites
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the lock block offered at line 41 covers this write too
  g_symbols.remove(key);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared container 'g_symbols' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-22]]:25: note: 'g_symbols' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE+24]]:3: note: 'g_symbols' is written with 'g_mu' held at 1 of 6 sites
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the lock block offered at line 41 covers this write too
  // A subscript by key may insert it.
  g_symbols[key] = 3;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared container 'g_symbols' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-28]]:25: note: 'g_symbols' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE+18]]:3: note: 'g_symbols' is written with 'g_mu' held at 1 of 6 sites
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the lock block offered at line 41 covers this write too
  g_sessions.put(key, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared container 'g_sessions' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-32]]:18: note: 'g_sessions' is a global with static storage duration
  g_sessions.removeExpired();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared container 'g_sessions' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-35]]:18: note: 'g_sessions' is a global with static storage duration
}

int reads(int key) {
  return g_symbols.contains(key) + g_symbols.size() +
         (g_symbols.get(key) != nullptr) + (g_sessions.peek(key) != nullptr) +
         g_sessions.count();
}

void locked(int key) {
  std::lock_guard<std::mutex> lock(g_mu);
  g_symbols.set(key, 4);
}
