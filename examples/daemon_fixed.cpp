// The article's fix, literally: one global mutex, reached through a pointer
// like Go's `var mutex = &sync.Mutex{}`, locked before every write to the map
// and unlocked after it. mapguard reports nothing.
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

struct Channel {
  explicit Channel(std::size_t Capacity) : Capacity(Capacity) {}
  std::size_t Capacity;
  std::vector<std::string> Messages;
};

std::unordered_map<int, std::shared_ptr<Channel>> ActiveInstances;
auto *mutex = new std::mutex();

void SetValue(int id) {
  mutex->lock();
  ActiveInstances[id] = std::make_shared<Channel>(5);
  mutex->unlock();
}

void DeleteValue(int id) {
  mutex->lock();
  ActiveInstances.erase(id);
  mutex->unlock();
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
