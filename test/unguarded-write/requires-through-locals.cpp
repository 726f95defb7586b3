// A lock taken through a local pointer to a new object (`auto *impl = new
// Impl; impl->mu.Lock();`) is that object's mutex at the calls made on it:
// the call under the lock holds what the callee requires, the call after
// the unlock does not.
//
// RUN: %check_mapguard %s %t
#include <map>
#include <mutex>
class __attribute__((capability("mutex"))) Mutex {
public:
  void Lock() __attribute__((acquire_capability()));
  void Unlock() __attribute__((release_capability()));
};
struct Impl {
  Mutex mu;
  std::map<int, int> files __attribute__((guarded_by(mu)));
  void Remove() __attribute__((requires_capability(mu))) { files.erase(1); }
};
Impl *Open() {
  Impl *impl = new Impl;
  impl->mu.Lock();
  impl->Remove();
  impl->mu.Unlock();
  impl->Remove();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'Remove' writes shared map 'files' without holding 'mu' [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-9]]:60: note: 'Remove' writes 'files' here
  // CHECK-MESSAGES: :[[@LINE-10]]:8: note: 'Remove' requires 'mu' (requires_capability), so its callers must hold it
  return impl;
}
