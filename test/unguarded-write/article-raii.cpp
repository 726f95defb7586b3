// RUN: %check_mapguard --real-std %s %t
//
// The article's fix written the C++ way: a std::lock_guard on the global
// mutex in each writer. Against the real libstdc++; nothing to report.
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

struct Channel {
  std::vector<std::string> Messages;
};

std::unordered_map<int, std::shared_ptr<Channel>> ActiveInstances;
std::mutex ActiveInstancesMutex;

void SetValue(int id) {
  std::lock_guard<std::mutex> lock(ActiveInstancesMutex);
  ActiveInstances[id] = std::make_shared<Channel>();
}

void DeleteValue(int id) {
  std::lock_guard lock(ActiveInstancesMutex); // class template argument deduction
  ActiveInstances.erase(id);
}

void Replace(int id) {
  std::scoped_lock lock(ActiveInstancesMutex);
  ActiveInstances.insert_or_assign(id, std::make_shared<Channel>());
}

void Reset() {
  std::unique_lock<std::mutex> lock(ActiveInstancesMutex);
  ActiveInstances.clear();
}

int main() {
  std::thread a(SetValue, 1), b(DeleteValue, 1), c(Replace, 2), d(Reset);
  a.join();
  b.join();
  c.join();
  d.join();
}
