// A lock class's assertion that it is held, whose body checks nothing
// (glog's `void AssertHeld() {}`), holds from the call on what the class's
// lock method takes, as Clang's analysis takes an assert_capability:
// glog's `LogMessage::SendToLog()` asserts `log_mutex`, which its callers
// hold, and the helpers it calls write under it.
//
// RUN: %check_mapguard --real-std --checks=-*,mapguard-* %s %t -- -std=c++17
#include <pthread.h>
#include <string>

class Mutex {
public:
  void Lock() { pthread_mutex_lock(&mu_); }
  void Unlock() { pthread_mutex_unlock(&mu_); }
  void ReaderLock() { pthread_mutex_lock(&mu_); }
  void AssertHeld() {}
  void AssertReaderHeld() {}

private:
  pthread_mutex_t mu_;
};

static Mutex log_mutex;
static std::string g_addresses;

void SetEmailLogging(const char *addresses) {
  log_mutex.Lock();
  g_addresses = addresses;
  log_mutex.Unlock();
}

static void MaybeLogToEmail() { g_addresses += ","; }

void SendToLog() {
  log_mutex.AssertHeld();
  g_addresses.clear();
  MaybeLogToEmail();
}

void SendToLogShared() {
  log_mutex.AssertReaderHeld();
  g_addresses.clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared string 'g_addresses' holds 'log_mutex.mu_' only shared; a write needs it exclusively [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-20]]:20: note: 'g_addresses' is a global with static storage duration
  // CHECK-MESSAGES: :[[@LINE-17]]:3: note: 'g_addresses' is written with 'log_mutex.mu_' held at 3 of 5 sites
}

void Unlocked() { g_addresses.clear(); }
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: write to shared string 'g_addresses' is not protected by a mutex [mapguard-unguarded-write]
// CHECK-MESSAGES: :[[@LINE-26]]:20: note: 'g_addresses' is a global with static storage duration
// CHECK-MESSAGES: :[[@LINE-23]]:3: note: 'g_addresses' is written with 'log_mutex.mu_' held at 3 of 5 sites
