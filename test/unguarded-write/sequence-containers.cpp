// Sequence containers and adapters are containers like the maps: each call
// of a non-const member function that is not an accessor changes the
// structure; element access (`operator[]`, `at`, `front`, `back`, an
// iterator's `*`) writes an element only where the element is assigned; the
// const members and the accessors used to read are reads, never writes.
// `operator[]` of a sequence never inserts, and the note that says so for
// maps is not given.
//
// RUN: %check_mapguard --real-std %s %t -- -std=c++17
#include <algorithm>
#include <array>
#include <deque>
#include <forward_list>
#include <iostream>
#include <iterator>
#include <list>
#include <map>
#include <mutex>
#include <queue>
#include <stack>
#include <string>
#include <vector>

struct Type {
  int id;
};

std::vector<Type> g_types;
std::deque<int> g_pending;
std::list<int> g_cache;
std::forward_list<int> g_free;
std::string g_log;
std::queue<int> g_jobs;
std::stack<int> g_undo;
std::priority_queue<int> g_timers;

void vector_writes(Type t) {
  g_types.push_back(t);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared vector 'g_types' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-12]]:19: note: 'g_types' is a global with static storage duration
  g_types.emplace_back(t);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared vector 'g_types' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-15]]:19: note: 'g_types' is a global with static storage duration
  g_types.pop_back();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared vector 'g_types' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-18]]:19: note: 'g_types' is a global with static storage duration
  g_types.resize(4);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared vector 'g_types' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-21]]:19: note: 'g_types' is a global with static storage duration
  g_types.reserve(8);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared vector 'g_types' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-24]]:19: note: 'g_types' is a global with static storage duration
  g_types.insert(g_types.begin(), t);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared vector 'g_types' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-27]]:19: note: 'g_types' is a global with static storage duration
  g_types.erase(g_types.begin());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared vector 'g_types' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-30]]:19: note: 'g_types' is a global with static storage duration
  g_types.shrink_to_fit();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared vector 'g_types' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-33]]:19: note: 'g_types' is a global with static storage duration
  g_types.assign(2, t);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared vector 'g_types' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-36]]:19: note: 'g_types' is a global with static storage duration
  g_types.clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared vector 'g_types' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-39]]:19: note: 'g_types' is a global with static storage duration
  g_types = {};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared vector 'g_types' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-42]]:19: note: 'g_types' is a global with static storage duration
}

void vector_element_writes(Type t) {
  g_types[0] = t;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to an element of shared vector 'g_types' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-48]]:19: note: 'g_types' is a global with static storage duration
  g_types[0].id = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to an element of shared vector 'g_types' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-51]]:19: note: 'g_types' is a global with static storage duration
  g_types.at(1).id = 2;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to an element of shared vector 'g_types' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-54]]:19: note: 'g_types' is a global with static storage duration
  g_types.front() = t;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to an element of shared vector 'g_types' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-57]]:19: note: 'g_types' is a global with static storage duration
  g_types.back().id = 3;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to an element of shared vector 'g_types' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-60]]:19: note: 'g_types' is a global with static storage duration
  *g_types.begin() = t;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to an element of shared vector 'g_types' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-63]]:19: note: 'g_types' is a global with static storage duration
  for (Type &each : g_types)
    each.id = 0;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to an element of shared vector 'g_types' is not protected by a mutex [mapguard-unguarded-write]
    // CHECK-MESSAGES: :[[@LINE-67]]:19: note: 'g_types' is a global with static storage duration
}

int vector_reads() {
  int n = g_types.size() + g_types.capacity() + g_types.empty();
  n += g_types[0].id;
  n += g_types.at(0).id + g_types.front().id + g_types.back().id;
  for (const Type &each : g_types)
    n += each.id;
  return n + std::count_if(g_types.begin(), g_types.end(),
                           [](const Type &t) { return t.id; });
}

void deque_and_list_writes(int x) {
  g_pending.push_front(x);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared deque 'g_pending' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-82]]:17: note: 'g_pending' is a global with static storage duration
  g_pending.emplace_front(x);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared deque 'g_pending' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-85]]:17: note: 'g_pending' is a global with static storage duration
  g_pending.pop_front();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared deque 'g_pending' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-88]]:17: note: 'g_pending' is a global with static storage duration
  g_cache.splice(g_cache.begin(), g_cache);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared list 'g_cache' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-90]]:16: note: 'g_cache' is a global with static storage duration
  g_cache.sort();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared list 'g_cache' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-93]]:16: note: 'g_cache' is a global with static storage duration
  g_cache.unique();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared list 'g_cache' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-96]]:16: note: 'g_cache' is a global with static storage duration
  g_cache.remove(x);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared list 'g_cache' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-99]]:16: note: 'g_cache' is a global with static storage duration
  g_cache.reverse();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared list 'g_cache' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-102]]:16: note: 'g_cache' is a global with static storage duration
  g_free.push_front(x);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared list 'g_free' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-104]]:24: note: 'g_free' is a global with static storage duration
  g_free.insert_after(g_free.before_begin(), x);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared list 'g_free' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-107]]:24: note: 'g_free' is a global with static storage duration
  g_free.erase_after(g_free.before_begin());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared list 'g_free' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-110]]:24: note: 'g_free' is a global with static storage duration
}

void string_writes(const char *s) {
  g_log += s;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared string 'g_log' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-115]]:13: note: 'g_log' is a global with static storage duration
  g_log.append(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared string 'g_log' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-118]]:13: note: 'g_log' is a global with static storage duration
  g_log.push_back('\n');
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared string 'g_log' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-121]]:13: note: 'g_log' is a global with static storage duration
  g_log[0] = 'x';
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to an element of shared string 'g_log' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-124]]:13: note: 'g_log' is a global with static storage duration
  std::getline(std::cin, g_log);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared string 'g_log' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-127]]:13: note: 'g_log' is a global with static storage duration
}

std::size_t string_reads() {
  return g_log.size() + g_log.find("x") + (g_log.c_str() != nullptr) +
         g_log.compare("x") + (g_log[0] == 'x');
}

void adapter_writes(int x) {
  g_jobs.push(x);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared queue 'g_jobs' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-137]]:17: note: 'g_jobs' is a global with static storage duration
  g_jobs.pop();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared queue 'g_jobs' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-140]]:17: note: 'g_jobs' is a global with static storage duration
  g_jobs.front() = x;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to an element of shared queue 'g_jobs' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-143]]:17: note: 'g_jobs' is a global with static storage duration
  g_undo.push(x);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared stack 'g_undo' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-145]]:17: note: 'g_undo' is a global with static storage duration
  g_undo.emplace(x);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared stack 'g_undo' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-148]]:17: note: 'g_undo' is a global with static storage duration
  g_undo.pop();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared stack 'g_undo' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-151]]:17: note: 'g_undo' is a global with static storage duration
  g_undo.top() = x;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to an element of shared stack 'g_undo' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-154]]:17: note: 'g_undo' is a global with static storage duration
  g_timers.push(x);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared priority queue 'g_timers' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-156]]:26: note: 'g_timers' is a global with static storage duration
  g_timers.pop();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared priority queue 'g_timers' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-159]]:26: note: 'g_timers' is a global with static storage duration
}

int adapter_reads() {
  return g_jobs.front() + g_jobs.size() + g_undo.top() + g_timers.top() +
         g_timers.empty();
}

void standard_functions(std::vector<Type> &other) {
  std::swap(g_types, other);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared vector 'g_types' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-177]]:19: note: 'g_types' is a global with static storage duration
  std::copy(other.begin(), other.end(), std::back_inserter(g_types));
  // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: write to shared vector 'g_types' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-180]]:19: note: 'g_types' is a global with static storage duration
  std::sort(g_pending.begin(), g_pending.end());
}

// Containers held in arrays: each element is a container of its own.
std::array<std::map<int, int>, 4> g_shards;
std::vector<int> g_buckets[8];
std::vector<std::vector<int>> g_rows;

void arrays_of_containers(int i, int k) {
  g_shards[i][k] = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_shards[]' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-7]]:35: note: 'g_shards' is a global with static storage duration
  g_shards[2].erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_shards[2]' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-10]]:35: note: 'g_shards' is a global with static storage duration
  g_buckets[i].push_back(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared vector 'g_buckets[]' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-12]]:18: note: 'g_buckets' is a global with static storage duration
  g_rows[i].push_back(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared vector 'g_rows[]' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-14]]:31: note: 'g_rows' is a global with static storage duration
  g_rows[i][0] = k;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to an element of shared vector 'g_rows' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-17]]:31: note: 'g_rows' is a global with static storage duration
}

// Written only under their mutex: nothing to report.
std::mutex g_mu;
std::vector<Type> g_guarded_types;
std::string g_guarded_log;
std::queue<int> g_guarded_jobs;

void locked(Type t, int x) {
  std::lock_guard<std::mutex> lock(g_mu);
  g_guarded_types.push_back(t);
  g_guarded_types[0] = t;
  g_guarded_log += "locked";
  g_guarded_jobs.push(x);
}
