// RUN: %check_mapguard --fix-notes %s %t
//
// Where the mutex that guards a map is known, the report carries a note
// that offers the fix, which `--fix-notes` applies: the write gets a block
// of its own that locks the mutex first (std::scoped_lock in C++17), and a
// write under a shared lock gets an exclusive one. The fixed program is
// checked again and must be clean.
#include <map>
#include <mutex>
#include <shared_mutex>

std::map<int, int> g_counts;
std::mutex g_counts_mu;

void count(int k) {
  std::lock_guard<std::mutex> lock(g_counts_mu);
  g_counts[k] += 1;
}

void forget(int k) {
  std::lock_guard<std::mutex> lock(g_counts_mu);
  g_counts.erase(k);
}

// A statement on a line of its own moves into an indented block.
void reset(int k) {
  g_counts.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_counts' is not protected by a mutex
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: FIX-IT applied suggested code changes
  // CHECK-MESSAGES: :[[@LINE-3]]:21: note: FIX-IT applied suggested code changes
  // CHECK-MESSAGES: :[[@LINE-19]]:20: note: 'g_counts' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-15]]:3: note: 'g_counts' is written with 'g_counts_mu' held at 2 of 6 sites
  // CHECK-MESSAGES: :[[@LINE-6]]:3: note: lock 'g_counts_mu' around the write
  // CHECK-FIXES: {{^}}void reset(int k) {{{$}}
  // CHECK-FIXES-NEXT: {{^}}  {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    std::scoped_lock lock(g_counts_mu);{{$}}
  // CHECK-FIXES-NEXT: {{^}}    g_counts.erase(k);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  }{{$}}
}

// Sharing its line with other code, it gets a block on that line.
void put(int k) { g_counts[k] = 1; }
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: write to shared map 'g_counts'
// CHECK-MESSAGES: :[[@LINE-2]]:19: note: FIX-IT applied suggested code changes
// CHECK-MESSAGES: :[[@LINE-3]]:35: note: FIX-IT applied suggested code changes
// CHECK-MESSAGES: :[[@LINE-34]]:20: note: 'g_counts' is a global with static storage duration
// CHECK-MESSAGES: :[[@LINE-30]]:3: note: 'g_counts' is written with 'g_counts_mu' held at 2 of 6 sites
// CHECK-MESSAGES: :[[@LINE-6]]:19: note: lock 'g_counts_mu' around the write
// CHECK-FIXES: {{^}}void put(int k) { { std::scoped_lock lock(g_counts_mu); g_counts[k] = 1; } }{{$}}

// The body of an if without braces.
void drop_if(bool really, int k) {
  if (really) g_counts.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: write to shared map 'g_counts'
  // CHECK-MESSAGES: :[[@LINE-2]]:15: note: FIX-IT applied suggested code changes
  // CHECK-MESSAGES: :[[@LINE-3]]:33: note: FIX-IT applied suggested code changes
  // CHECK-MESSAGES: :[[@LINE-45]]:20: note: 'g_counts' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-41]]:3: note: 'g_counts' is written with 'g_counts_mu' held at 2 of 6 sites
  // CHECK-MESSAGES: :[[@LINE-6]]:15: note: lock 'g_counts_mu' around the write
  // CHECK-FIXES: {{^}}  if (really) { std::scoped_lock lock(g_counts_mu); g_counts.erase(k); }{{$}}
}

// A statement that already uses the name `lock` gets another guard name.
int lock(int);
void relock(int k) {
  g_counts[lock(k)] = 2;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_counts'
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: FIX-IT applied suggested code changes
  // CHECK-MESSAGES: :[[@LINE-3]]:25: note: FIX-IT applied suggested code changes
  // CHECK-MESSAGES: :[[@LINE-58]]:20: note: 'g_counts' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-54]]:3: note: 'g_counts' is written with 'g_counts_mu' held at 2 of 6 sites
  // CHECK-MESSAGES: :[[@LINE-6]]:3: note: lock 'g_counts_mu' around the write
  // CHECK-FIXES: {{^}}    std::scoped_lock guard(g_counts_mu);{{$}}
  // CHECK-FIXES-NEXT: {{^}}    g_counts[lock(k)] = 2;{{$}}
}

// A mutex in a namespace the writer is not in is written qualified.
namespace app {
std::map<int, int> g_routes;
std::mutex g_routes_mu;
void route(int k) {
  std::lock_guard<std::mutex> lock(g_routes_mu);
  g_routes[k] = 1;
}
void route_again(int k) {
  std::lock_guard<std::mutex> lock(g_routes_mu);
  g_routes[k] = 2;
}
} // namespace app
void unroute(int k) {
  app::g_routes.erase(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_routes'
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: FIX-IT applied suggested code changes
  // CHECK-MESSAGES: :[[@LINE-3]]:26: note: FIX-IT applied suggested code changes
  // CHECK-MESSAGES: :[[@LINE-16]]:20: note: 'g_routes' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-13]]:3: note: 'g_routes' is written with 'g_routes_mu' held at 2 of 3 sites
  // CHECK-MESSAGES: :[[@LINE-6]]:3: note: lock 'app::g_routes_mu' around the write
  // CHECK-FIXES: {{^}}    std::scoped_lock lock(app::g_routes_mu);{{$}}
}

// A member map of a class that guards it with a member mutex.
class Cache {
public:
  void put(int k, int v) {
    std::lock_guard<std::mutex> lock(mu_);
    entries_[k] = v;
  }
  void erase(int k) {
    std::lock_guard<std::mutex> lock(mu_);
    entries_.erase(k);
  }
  void clear() {
    entries_.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'entries_'
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: FIX-IT applied suggested code changes
    // CHECK-MESSAGES: :[[@LINE-3]]:22: note: FIX-IT applied suggested code changes
    // CHECK-MESSAGES: :[[@LINE+11]]:22: note: 'entries_' is a member that its class guards with a mutex
    // CHECK-MESSAGES: :[[@LINE-12]]:5: note: 'entries_' is written with 'mu_' held at 2 of 3 sites
    // CHECK-MESSAGES: :[[@LINE-6]]:5: note: lock 'mu_' around the write
    // CHECK-FIXES: {{^}}    {{{$}}
    // CHECK-FIXES-NEXT: {{^}}      std::scoped_lock lock(mu_);{{$}}
    // CHECK-FIXES-NEXT: {{^}}      entries_.clear();{{$}}
    // CHECK-FIXES-NEXT: {{^}}    }{{$}}
  }

private:
  std::mutex mu_;
  std::map<int, int> entries_;
};

// A write under a shared lock: the guard becomes exclusive.
std::map<int, int> g_table;
std::shared_mutex g_table_mu;

int lookup(int k) {
  std::shared_lock<std::shared_mutex> lock(g_table_mu);
  return g_table.count(k);
}
void insert(int k) {
  std::unique_lock<std::shared_mutex> lock(g_table_mu);
  g_table[k] = 1;
}
void insert_under_read_lock(int k) {
  std::shared_lock<std::shared_mutex> lock(g_table_mu);
  // CHECK-FIXES: {{^}}  std::unique_lock<std::shared_mutex> lock(g_table_mu);{{$}}
  if (!g_table.count(k))
    g_table[k] = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'g_table' holds 'g_table_mu' only shared; a write needs it exclusively
  // CHECK-MESSAGES: :[[@LINE-5]]:8: note: FIX-IT applied suggested code changes
  // CHECK-MESSAGES: :[[@LINE-18]]:20: note: 'g_table' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-10]]:3: note: 'g_table' is written with 'g_table_mu' held at 1 of 3 sites
  // CHECK-MESSAGES: :[[@LINE-5]]:5: note: hold 'g_table_mu' exclusively: make its guard a 'std::unique_lock'
}
void insert_deduced(int k) {
  std::shared_lock reader(g_table_mu);
  // CHECK-FIXES: {{^}}  std::unique_lock reader(g_table_mu);{{$}}
  g_table.emplace(k, 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_table' holds 'g_table_mu' only shared
  // CHECK-MESSAGES: :[[@LINE-4]]:8: note: FIX-IT applied suggested code changes
  // CHECK-MESSAGES: :[[@LINE-28]]:20: note: 'g_table' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-20]]:3: note: 'g_table' is written with 'g_table_mu' held at 1 of 3 sites
  // CHECK-MESSAGES: :[[@LINE-5]]:3: note: hold 'g_table_mu' exclusively: make its guard a 'std::unique_lock'
}

// A helper called with and without the lock: the call gets the block.
std::map<int, int> g_seen;
std::mutex g_seen_mu;
void forget_all() {
  std::lock_guard<std::mutex> lock(g_seen_mu);
  g_seen.clear();
}
static void remember(int k) { g_seen[k] = 1; }
void remember_locked(int k) {
  std::lock_guard<std::mutex> lock(g_seen_mu);
  remember(k);
}
void remember_twice(int k) {
  std::lock_guard<std::mutex> lock(g_seen_mu);
  remember(k + 1);
}
void remember_unlocked(int k) {
  remember(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'remember' writes shared map 'g_seen' without holding 'g_seen_mu'
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: FIX-IT applied suggested code changes
  // CHECK-MESSAGES: :[[@LINE-3]]:15: note: FIX-IT applied suggested code changes
  // CHECK-MESSAGES: :[[@LINE-14]]:31: note: 'remember' writes 'g_seen' here
  // CHECK-MESSAGES: :[[@LINE-12]]:3: note: other calls of 'remember' hold 'g_seen_mu'
  // CHECK-MESSAGES: :[[@LINE-6]]:3: note: lock 'g_seen_mu' around the call
  // CHECK-FIXES: {{^}}    std::scoped_lock lock(g_seen_mu);{{$}}
  // CHECK-FIXES-NEXT: {{^}}    remember(k);{{$}}
}
