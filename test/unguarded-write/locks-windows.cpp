// Windows' critical sections and SRW locks, against MinGW-w64's headers
// (mingw-w64-x86-64-dev) for the x86_64-w64-mingw32 target:
// EnterCriticalSection, LeaveCriticalSection, TryEnterCriticalSection,
// AcquireSRWLockExclusive/Shared, ReleaseSRWLockExclusive/Shared,
// TryAcquireSRWLockExclusive; CreateThread and _beginthreadex start
// threads.
//
// REQUIRES: mingw
// RUN: %check_mapguard %s %t -- -std=c++17 %mingw_flags
#include <map>
#include <process.h>
#include <windows.h>

std::map<int, int> g_jobs;
CRITICAL_SECTION g_cs;

DWORD WINAPI critical(LPVOID) {
  EnterCriticalSection(&g_cs);
  g_jobs[1] = 1;
  LeaveCriticalSection(&g_cs);
  g_jobs.erase(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_jobs' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-9]]:20: note: 'g_jobs' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: 'g_cs' is released here
  // CHECK-MESSAGES: :[[@LINE+2]]:5: note: 'g_jobs' is written with 'g_cs' held at 2 of 3 sites
  if (TryEnterCriticalSection(&g_cs)) {
    g_jobs[2] = 2;
    LeaveCriticalSection(&g_cs);
  }
  return 0;
}

std::map<int, int> g_table;
SRWLOCK g_srw = SRWLOCK_INIT;

unsigned __stdcall slim(void *) {
  AcquireSRWLockExclusive(&g_srw);
  g_table[1] = 1;
  ReleaseSRWLockExclusive(&g_srw);
  AcquireSRWLockShared(&g_srw);
  g_table[2] = 2;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_table' holds 'g_srw' only shared; a write needs it exclusively [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-10]]:20: note: 'g_table' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE+3]]:5: note: 'g_table' is written with 'g_srw' held at 2 of 3 sites
  ReleaseSRWLockShared(&g_srw);
  if (TryAcquireSRWLockExclusive(&g_srw)) {
    g_table[3] = 3;
    ReleaseSRWLockExclusive(&g_srw);
  }
  return 0;
}

int main() {
  InitializeCriticalSection(&g_cs);
  CreateThread(nullptr, 0, critical, nullptr, 0, nullptr);
  _beginthreadex(nullptr, 0, slim, nullptr, 0, nullptr);
}
