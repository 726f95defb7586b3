// A method that writes its object's containers, called with the guard at
// some calls and without it at others, is reported at the calls without it;
// not where its object is a local of the caller that no thread or callback
// is handed (gflags' `FlagValue ifv(new T, true); ifv.ParseFrom(s);`): there
// its members are the caller's own.
//
// RUN: %check_mapguard --real-std %s %t -- -std=c++17
#include <mutex>
#include <string>

namespace {
class Value {
public:
  void parse(const char *s) { text_ = s; }
  void set(const char *s) {
    std::lock_guard<std::mutex> lock(mu_);
    parse(s);
  }
  void clear() {
    std::lock_guard<std::mutex> lock(mu_);
    text_.clear();
  }
  void append(const char *s) {
    std::lock_guard<std::mutex> lock(mu_);
    text_ += s;
  }
  bool empty() const { return text_.empty(); }

private:
  std::mutex mu_;
  std::string text_;
};
} // namespace

Value g_value;

bool valid(const char *s) {
  Value scratch;
  scratch.parse(s);
  return !scratch.empty();
}

void unlocked(const char *s) { g_value.parse(s); }
// CHECK-MESSAGES: :[[@LINE-1]]:32: warning: call to 'parse' writes shared string 'text_' without holding 'mu_' [mapguard-unguarded-write]
// CHECK-MESSAGES: :[[@LINE-31]]:31: note: 'parse' writes 'text_' here
// CHECK-MESSAGES: :[[@LINE-29]]:5: note: other calls of 'parse' hold 'mu_'
