// RUN: %check_mapguard --fix-notes %s %t -- -std=c++17 -fopenmp
//
// Where the other writes of a map are in an OpenMP `critical` region, the
// fix puts the unprotected one in a region of the same name: the pragma on
// a line of its own before the statement, and a block around the adjacent
// writes it covers.
#include <map>

std::map<int, int> g_hist;
std::map<int, int> g_pairs;

void count(int n) {
#pragma omp parallel for
  for (int i = 0; i < n; ++i) {
#pragma omp critical(hist)
    g_hist[i] = 1;
    g_hist[i + 1] = 2;
  }
}
// CHECK-MESSAGES: :[[@LINE-3]]:5: warning: write to shared map 'g_hist' is not protected by a mutex [mapguard-unguarded-write]
// CHECK-MESSAGES: :[[@LINE-4]]:5: note: FIX-IT applied suggested code changes
// CHECK-MESSAGES: :[[@LINE-13]]:20: note: 'g_hist' is a global with static storage duration
// CHECK-MESSAGES: :[[@LINE-7]]:17: note: 'omp critical(hist)' is released here, where its region ends
// CHECK-MESSAGES: :[[@LINE-8]]:5: note: 'g_hist' is written with 'omp critical(hist)' held at 1 of 2 sites
// CHECK-MESSAGES: :[[@LINE-8]]:5: note: lock 'omp critical(hist)' around the write

void pairs(int n) {
#pragma omp parallel for
  for (int i = 0; i < n; ++i) {
#pragma omp critical
    g_pairs[i] = 1;
    g_pairs[i + 1] = 2;
    g_pairs[i + 2] = 3;
  }
}
// CHECK-MESSAGES: :[[@LINE-4]]:5: warning: write to shared map 'g_pairs' is not protected by a mutex [mapguard-unguarded-write]
// CHECK-MESSAGES: :[[@LINE-5]]:5: note: FIX-IT applied suggested code changes
// CHECK-MESSAGES: :[[@LINE-5]]:1: note: FIX-IT applied suggested code changes
// CHECK-MESSAGES: :[[@LINE-6]]:24: note: FIX-IT applied suggested code changes
// CHECK-MESSAGES: :[[@LINE-30]]:20: note: 'g_pairs' is a global with static storage duration
// CHECK-MESSAGES: :[[@LINE-10]]:18: note: 'omp critical' is released here, where its region ends
// CHECK-MESSAGES: :[[@LINE-11]]:5: note: 'g_pairs' is written with 'omp critical' held at 1 of 3 sites
// CHECK-MESSAGES: :[[@LINE-10]]:5: note: the same release leaves 1 more access without 'omp critical' (line [[@LINE-10]]), not reported again
// CHECK-MESSAGES: :[[@LINE-12]]:5: note: lock 'omp critical' around the 2 adjacent writes

int main() {
  count(10);
  pairs(10);
}

// The fixed program:
// CHECK-FIXES: {{^}}    g_hist[i] = 1;{{$}}
// CHECK-FIXES-NEXT: {{^}}    #pragma omp critical(hist){{$}}
// CHECK-FIXES-NEXT: {{^}}    g_hist[i + 1] = 2;{{$}}
// CHECK-FIXES: {{^}}    g_pairs[i] = 1;{{$}}
// CHECK-FIXES-NEXT: {{^}}    #pragma omp critical{{$}}
// CHECK-FIXES-NEXT: {{^}}    {{{$}}
// CHECK-FIXES-NEXT: {{^}}      g_pairs[i + 1] = 2;{{$}}
// CHECK-FIXES-NEXT: {{^}}      g_pairs[i + 2] = 3;{{$}}
// CHECK-FIXES-NEXT: {{^}}    }{{$}}
