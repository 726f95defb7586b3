// A program for project-configuration.test: a race for each mapguard check
// that the test's .clang-tidy leaves on or off, and a warning of a check
// that is not mapguard's.
#include <map>
#include <mutex>

namespace project {}
namespace unused = project;

std::map<int, int> g_map;
std::mutex g_mu;

void locked(int k) { std::lock_guard<std::mutex> guard(g_mu); g_map[k] = 1; }
void unlocked(int k) {
  g_map[k] = 2;
  g_map.at(k) = 3;
}
int reads(int k) { return g_map.count(k); }
