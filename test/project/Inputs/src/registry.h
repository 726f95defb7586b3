// Included by two files: its finding must be counted once.
#pragma once
#include <map>

inline std::map<int, int> &registry() {
  static std::map<int, int> entries;
  return entries;
}

inline void register_entry(int id) { registry()[id] = 1; }
