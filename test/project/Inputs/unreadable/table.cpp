// A table guarded by a lock class whose bodies are in another file.
#include <map>

namespace base {
class SpinLock {
public:
  void Lock();
  void Unlock();
};
} // namespace base

class Table {
public:
  void put(int k, int v) {
    lock_.Lock();
    rows_[k] = v;
    lock_.Unlock();
  }
  void drop(int k) { rows_.erase(k); }

private:
  base::SpinLock lock_;
  std::map<int, int> rows_;
};

Table g_table;
