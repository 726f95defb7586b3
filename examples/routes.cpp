// Writers that mostly hold the mutex: one releases it a line too early, one
// forgets it on one branch. mapguard's notes point at both mistakes.
#include <map>
#include <mutex>
#include <string>

std::map<std::string, int> g_routes;
auto *mutex = new std::mutex();

void add_route(const std::string &name, int port) {
  mutex->lock();
  g_routes[name] = port;
  mutex->unlock();
}

void rename_route(const std::string &from, const std::string &to) {
  mutex->lock();
  int port = g_routes.at(from);
  g_routes.erase(from);
  mutex->unlock();
  g_routes[to] = port;
}

void drop_route(const std::string &name, bool locked_by_caller) {
  if (!locked_by_caller)
    mutex->lock();
  g_routes.erase(name);
  if (!locked_by_caller)
    mutex->unlock();
}
