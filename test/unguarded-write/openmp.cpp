// OpenMP: the block of a `parallel` (or `task`, `teams`) region runs on a
// team of threads; a `critical` region holds a lock of its name (all
// unnamed ones share one). Locals the region's block uses are shared with
// its threads unless a clause makes them private; an element indexed by a
// worksharing loop's own counter is its iteration's alone.
//
// RUN: %check_mapguard --real-std %s %t -- -std=c++17 -fopenmp
#include <map>
#include <vector>

std::map<int, int> g_hist;

void histogram(const std::vector<int> &v) {
  g_hist.clear(); // before the region: one thread
#pragma omp parallel for
  for (int i = 0; i < 100; ++i) {
#pragma omp critical
    g_hist[v[i]] += 1;
  }
#pragma omp parallel for
  for (int i = 0; i < 100; ++i)
    g_hist[v[i]] = 0;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'g_hist' is not protected by a mutex [mapguard-unguarded-write]
    // CHECK-MESSAGES: :[[@LINE-13]]:20: note: 'g_hist' is a global with static storage duration
    // CHECK-MESSAGES: :[[@LINE-7]]:21: note: 'omp critical' is released here, where its region ends
    // CHECK-MESSAGES: :[[@LINE-8]]:5: note: 'g_hist' is written with 'omp critical' held at 1 of 2 sites
    // CHECK-MESSAGES: :[[@LINE-5]]:5: note: lock 'omp critical' around the write
  g_hist.erase(0); // after the region: one thread again
}

std::map<int, int> g_named;

void named(int n) {
#pragma omp parallel
  {
#pragma omp critical(update)
    g_named[n] = 1;
#pragma omp critical(other)
    g_named[n] = 2;
  }
}

int locals(const std::vector<int> &v) {
  std::map<int, int> counts;
#pragma omp parallel for
  for (int i = 0; i < 100; ++i)
    counts[v[i]]++;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'counts' is not protected by a mutex [mapguard-unguarded-write]
    // CHECK-MESSAGES: :[[@LINE-4]]:1: note: 'counts' is shared by the threads of this OpenMP region
  std::map<int, int> scratch;
#pragma omp parallel for private(scratch)
  for (int i = 0; i < 100; ++i)
    scratch[i] = 1;
  int total = 0;
#pragma omp parallel reduction(+ : total)
  {
    std::map<int, int> mine; // declared in the region: each thread's own
    mine[1] = 1;
    total += mine.size();
  }
  return counts.size() + total;
}

void elements(std::vector<int> &out) {
  std::vector<int> squares(100);
#pragma omp parallel for
  for (int i = 0; i < 100; ++i) {
    squares[i] = i * i; // its own element
    out[i] = squares[i];
    out[0] = i;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to an element of shared vector 'out' is not protected by a mutex [mapguard-unguarded-write]
    // CHECK-MESSAGES: :[[@LINE-6]]:1: note: 'out' is shared by the threads of this OpenMP region
    squares.push_back(i);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared vector 'squares' is not protected by a mutex [mapguard-unguarded-write]
    // CHECK-MESSAGES: :[[@LINE-9]]:1: note: 'squares' is shared by the threads of this OpenMP region
  }
#pragma omp parallel for collapse(2)
  for (int i = 0; i < 10; ++i)
    for (int j = 0; j < 10; ++j)
      out[i * 10 + j] = 0;
}

class Index {
public:
  void add(int k) { entries_[k] = 1; }
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: write to shared map 'entries_' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE+2]]:1: note: 'entries_' is a member of 'Index', whose object the threads of this OpenMP region share
  void build(int n) {
#pragma omp parallel for
    for (int i = 0; i < n; ++i)
      add(i);
  }

private:
  std::map<int, int> entries_;
};

void tasks(std::map<int, int> &m) {
#pragma omp parallel
#pragma omp single
  {
#pragma omp task
    m[1] = 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'm' is not protected by a mutex [mapguard-unguarded-write]
    // CHECK-MESSAGES: :[[@LINE-6]]:1: note: 'm' is shared by the threads of this OpenMP region
#pragma omp task
    m[2] = 2;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to shared map 'm' is not protected by a mutex [mapguard-unguarded-write]
    // CHECK-MESSAGES: :[[@LINE-10]]:1: note: 'm' is shared by the threads of this OpenMP region
  }
}

int main() {
  std::vector<int> v(100), out(100);
  histogram(v);
  named(1);
  locals(v);
  elements(out);
  Index index;
  index.build(10);
  std::map<int, int> m;
  tasks(m);
}
