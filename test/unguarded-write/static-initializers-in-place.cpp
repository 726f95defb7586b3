// Static initialisation runs alone. A function handed to the constructor of
// a global object (or a function called in a static initialiser) that runs
// the callbacks it is given in place runs at static initialisation too, and
// the functions it calls: glog's `REGISTER_MODULE_INITIALIZER`, a global
// `GoogleInitializer` whose constructor calls its argument. A constructor
// that stores its callback lets it run at any time.
//
// RUN: %check_mapguard --real-std %s %t -- -std=c++17
#include <map>
#include <string>

class Initializer {
public:
  typedef void (*Function)();
  Initializer(const char *, Function f) { f(); }
};

static std::string g_user;
static std::map<int, int> g_table;

static void init_user() {
  g_user = "root";
  g_table[1] = 1;
}

namespace {
void init_module() { init_user(); }
Initializer module_initializer("module", init_module);
} // namespace

class Registrar {
public:
  typedef void (*Function)();
  explicit Registrar(Function f) : f_(f) {}
  Function f_;
};

static void later() { g_table[2] = 2; }
// CHECK-MESSAGES: :[[@LINE-1]]:23: warning: write to shared map 'g_table' is not protected by a mutex [mapguard-unguarded-write]
// CHECK-MESSAGES: :[[@LINE-21]]:27: note: 'g_table' is a global with static storage duration
Registrar g_registrar(later);
