// RUN: %check_mapguard --real-std %s %t
//
// A race in a header that this file's threads reach is reported in the
// header, which clang-tidy shows only where HeaderFilterRegex names it: by
// default, neither the command line nor mapguard-clangd shows it (clangd
// would show a header's report at its first note in the main file: here
// the thread's start, where the counter is handed over).
#include "Inputs/racy.h"
#include <thread>

void work(Counter *c) { c->add(1); }

int main() {
  Counter c;
  std::thread a(work, &c), b(work, &c);
  a.join(), b.join();
}
