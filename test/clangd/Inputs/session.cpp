// The program the editor session opens: every write but one holds the
// mutex.
#include <map>
#include <mutex>
#include <string>
#include <thread>

std::map<std::string, int> g_routes;
std::mutex g_routes_mu;

void add_route(const std::string &name, int port) {
  std::lock_guard<std::mutex> lock(g_routes_mu);
  g_routes[name] = port;
}

void drop_route(const std::string &name) {
  g_routes.erase(name);
}

int main() {
  std::thread adder(add_route, "a", 1);
  std::thread dropper(drop_route, "a");
  adder.join();
  dropper.join();
}
