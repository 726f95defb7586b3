// A project header whose class writes its map without a lock.
#include <map>

struct Counter {
  std::map<int, int> counts;
  void add(int k) { counts[k] += 1; }
};
