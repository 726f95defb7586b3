// Containers that are thread-safe by design need no mutex: oneTBB's
// concurrent containers (libtbb-dev) are never reported, even unlocked, and
// naming one in ContainerTypes is refused with the reason.
//
// REQUIRES: tbb
// RUN: %check_mapguard --real-std %s %t -- -std=c++17
// RUN: %check_mapguard --real-std --check-prefix=CONFIGURED --config="{CheckOptions: [{key: mapguard-unguarded-write.ContainerTypes, value: 'tbb::concurrent_vector;oneapi::tbb::concurrent_hash_map'}]}" %s %t.configured -- -std=c++17
// CONFIGURED: warning: 'oneapi::tbb::concurrent_hash_map' in option 'mapguard-unguarded-write.ContainerTypes' is thread-safe by design: its accesses need no mutex, and mapguard does not check them; the entry is ignored [clang-tidy-config]
// CONFIGURED: warning: 'tbb::concurrent_vector' in option 'mapguard-unguarded-write.ContainerTypes' is thread-safe by design
#include <string>
#include <tbb/concurrent_hash_map.h>
#include <tbb/concurrent_queue.h>
#include <tbb/concurrent_unordered_map.h>
#include <tbb/concurrent_vector.h>

tbb::concurrent_hash_map<std::string, int> g_ids;
tbb::concurrent_unordered_map<int, int> g_counts;
tbb::concurrent_vector<int> g_log;
tbb::concurrent_queue<int> g_jobs;

void writes(const std::string &name, int id) {
  decltype(g_ids)::accessor slot;
  g_ids.insert(slot, name);
  slot->second = id;
  g_ids.erase(name);
  g_counts[id] += 1;
  g_counts.insert({id, 1});
  g_log.push_back(id);
  g_jobs.push(id);
}
