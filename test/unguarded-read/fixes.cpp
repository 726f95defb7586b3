// RUN: %check_mapguard --fix-notes %s %t
//
// A call that reads a shared map through a helper without the map's mutex,
// where other calls hold it, gets the same fix as an unguarded write: a
// block around the call that locks the mutex.
#include <map>
#include <mutex>

std::map<int, int> g_prices;
std::mutex g_prices_mu;

void set_price(int k, int v) {
  std::lock_guard<std::mutex> lock(g_prices_mu);
  g_prices[k] = v;
}

static int price_of(int k) { return g_prices.count(k) ? g_prices.at(k) : 0; }

int checked_price(int k) {
  std::lock_guard<std::mutex> lock(g_prices_mu);
  return price_of(k);
}
int checked_price_twice(int k) {
  std::lock_guard<std::mutex> lock(g_prices_mu);
  return price_of(k) + price_of(k + 1);
}
int quick_price(int k) {
  return price_of(k);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: call to 'price_of' reads shared map 'g_prices' without holding 'g_prices_mu' [mapguard-unguarded-read]
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: FIX-IT applied suggested code changes
  // CHECK-MESSAGES: :[[@LINE-3]]:22: note: FIX-IT applied suggested code changes
  // CHECK-MESSAGES: :[[@LINE-15]]:57: note: 'price_of' reads 'g_prices' here
  // CHECK-MESSAGES: :[[@LINE-12]]:10: note: other calls of 'price_of' hold 'g_prices_mu'
  // CHECK-MESSAGES: :[[@LINE-6]]:10: note: lock 'g_prices_mu' around the call
  // CHECK-FIXES: {{^}}  {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    std::scoped_lock lock(g_prices_mu);{{$}}
  // CHECK-FIXES-NEXT: {{^}}    return price_of(k);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  }{{$}}
}
