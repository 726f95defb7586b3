// The daemon from "Golang fatal error: concurrent map writes", in C++.
//
// A global map from instance id to a channel, written by two kinds of worker
// thread: SetValue assigns an entry, DeleteValue erases one. Go's runtime
// kills such a program with "concurrent map writes"; in C++ the same race is
// silent undefined behaviour. mapguard reports both writes.
#include <cstddef>
#include <memory>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

// Stands for Go's `chan string`: a bounded queue of messages.
struct Channel {
  explicit Channel(std::size_t Capacity) : Capacity(Capacity) {}
  std::size_t Capacity;
  std::vector<std::string> Messages;
};

std::unordered_map<int, std::shared_ptr<Channel>> ActiveInstances;

void SetValue(int id) {
  ActiveInstances[id] = std::make_shared<Channel>(5);
}

void DeleteValue(int id) {
  ActiveInstances.erase(id);
}

int main() {
  std::vector<std::thread> workers;
  for (int id = 0; id < 100; ++id) {
    workers.emplace_back(SetValue, id);
    workers.emplace_back(DeleteValue, id);
  }
  for (std::thread &worker : workers)
    worker.join();
}
