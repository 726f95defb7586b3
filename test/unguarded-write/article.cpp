// The programs shipped in examples/, checked against the real libstdc++.
//
// The story mapguard starts from: the Go daemon of "fatal error: concurrent
// map writes", in C++. The unsafe program gets one warning per write and
// nothing else; the article's literal fix (a global mutex reached through a
// pointer, locked around each write) gets none.
//
// RUN: %check_mapguard --real-std --check-file=%s --check-prefix=DAEMON %S/../../examples/daemon.cpp %t.unsafe
// RUN: %check_mapguard --real-std %S/../../examples/daemon_fixed.cpp %t.fixed
//
// DAEMON: daemon.cpp:24:3: warning: write to shared map 'ActiveInstances' is not protected by a mutex [mapguard-unguarded-write]
// DAEMON: daemon.cpp:21:51: note: 'ActiveInstances' is a global with static storage duration
// DAEMON: daemon.cpp:28:3: warning: write to shared map 'ActiveInstances' is not protected by a mutex [mapguard-unguarded-write]
// DAEMON: daemon.cpp:21:51: note: 'ActiveInstances' is a global with static storage duration
//
// The README's second example: one writer releases the mutex too early,
// another skips it on one branch.
//
// RUN: %check_mapguard --real-std --check-file=%s --check-prefix=ROUTES %S/../../examples/routes.cpp %t.routes
//
// ROUTES: routes.cpp:21:3: warning: write to shared map 'g_routes' is not protected by a mutex [mapguard-unguarded-write]
// ROUTES: routes.cpp:7:28: note: 'g_routes' is a global with static storage duration
// ROUTES: routes.cpp:20:3: note: 'mutex' is released here
// ROUTES: routes.cpp:12:3: note: 'g_routes' is written with 'mutex' held at 2 of 4 sites
// ROUTES: routes.cpp:27:3: warning: write to shared map 'g_routes' is not protected by a mutex [mapguard-unguarded-write]
// ROUTES: routes.cpp:7:28: note: 'g_routes' is a global with static storage duration
// ROUTES: routes.cpp:25:7: note: 'mutex' is not held when this condition is false
// ROUTES: routes.cpp:12:3: note: 'g_routes' is written with 'mutex' held at 2 of 4 sites
