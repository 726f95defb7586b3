// Routes are only added under the lock.
#include <map>
#include <mutex>
#include <string>

std::map<std::string, int> g_routes;
std::mutex g_routes_mu;

void add_route(const std::string &path, int handler) {
  std::lock_guard<std::mutex> lock(g_routes_mu);
  g_routes[path] = handler;
}

// An unused variable, for a compiler warning turned into an error.
int route_version() {
  int unused = 0;
  return 1;
}
