// The program of standard-libraries.cpp against libc++, whose names live in
// std::__1: MapTypes and the lock model look through inline namespaces.
// C++20's std::jthread: libcxx-jthread.cpp.
//
// REQUIRES: libcxx
// RUN: %check_mapguard --real-std --check-file=%S/standard-libraries.cpp %S/standard-libraries.cpp %t.cxx11 -- -std=c++11 -stdlib=libc++
// RUN: %check_mapguard --real-std --check-prefixes=CHECK-MESSAGES,CXX17 --check-file=%S/standard-libraries.cpp %S/standard-libraries.cpp %t.cxx17 -- -std=c++17 -stdlib=libc++
