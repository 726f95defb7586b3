// A callback's `void *` context is shared where the callback may run on
// another thread, after the registering call. It is not where the call runs
// the callback before it returns: a callee whose body only calls it
// (leveldb's `ForEachOverlapping(key, &state, &State::Match)`), or a context
// that lives in the registering function's frame (a local, or what a
// parameter points to), which a later callback would find gone. `main`'s
// locals live as long as the program's threads, and stay shared. A pointer
// member handed as the context shares what it points to, not its holder.
//
// RUN: %check_mapguard --real-std %s %t -- -std=c++17
#include <map>
#include <string>

struct State {
  std::map<int, int> matches;
  std::string last;
};

// Visible, and only calls its callback.
void for_each_overlapping(int key, void *arg, bool (*func)(void *, int)) {
  for (int level = 0; level < 7; ++level)
    if (!(*func)(arg, level))
      return;
}

static bool match(void *arg, int level) {
  State *state = static_cast<State *>(arg);
  state->matches[level] = 1;
  state->last = "match";
  return true;
}

void find(int key) {
  State state;
  for_each_overlapping(key, &state, &match);
}

extern void register_iterator(void (*cb)(void *), void *ctx);

// Not visible: the context lives in the caller's frame.
extern void table_get(int key, void *arg, void (*saver)(void *, int));
static void save(void *arg, int value) {
  static_cast<State *>(arg)->matches[value] = value;
}
void get(State *into, int key) {
  State local;
  table_get(key, &local, &save);
  table_get(key, into, &save);
}

// A pointer member's value hands what it points to, not the object that
// holds the pointer: a Version is not shared by handing its cache.
struct Cache {
  std::map<int, int> entries;
};
class Version {
public:
  void iterate() { register_iterator(&visit, cache_); }
  void rename() { name_ = "v2"; }

private:
  static void visit(void *arg) {}
  Cache *cache_;
  std::string name_;
};

// Not visible, and the context outlives the call: shared.
extern void register_handler(void (*cb)(void *), void *ctx);
static void on_event(void *ctx) { static_cast<State *>(ctx)->last = "event"; }
// CHECK-MESSAGES: :[[@LINE-1]]:35: warning: write to shared string 'ctx->last' is not protected by a mutex [mapguard-unguarded-write]
// CHECK-MESSAGES: :[[@LINE+1]]:16: note: 'ctx' refers to what is handed to the callback registered here
void start() { register_handler(on_event, new State); }
