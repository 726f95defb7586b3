// The story mapguard starts from: the Go daemon of "fatal error: concurrent
// map writes", in C++, exactly as shipped in examples/. The unsafe program
// gets one warning per write and nothing else; the article's literal fix
// (a global mutex reached through a pointer, locked around each write) gets
// none. Both compile against the real libstdc++.
//
// RUN: %check_mapguard --real-std --check-file=%s %S/../../examples/daemon.cpp %t.unsafe
// RUN: %check_mapguard --real-std %S/../../examples/daemon_fixed.cpp %t.fixed

// CHECK-MESSAGES: daemon.cpp:24:3: warning: write to shared map 'ActiveInstances' is not protected by a mutex [mapguard-unguarded-write]
// CHECK-MESSAGES: daemon.cpp:21:51: note: 'ActiveInstances' is a global with static storage duration
// CHECK-MESSAGES: daemon.cpp:28:3: warning: write to shared map 'ActiveInstances' is not protected by a mutex [mapguard-unguarded-write]
// CHECK-MESSAGES: daemon.cpp:21:51: note: 'ActiveInstances' is a global with static storage duration
