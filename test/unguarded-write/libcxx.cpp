// The program of standard-libraries.cpp against libc++, whose names live in
// std::__1: MapTypes and the lock model look through inline namespaces.
// (libc++ 19 keeps std::jthread behind -fexperimental-library.)
//
// REQUIRES: libcxx
// RUN: %check_mapguard --real-std --check-file=%S/standard-libraries.cpp %S/standard-libraries.cpp %t.cxx11 -- -std=c++11 -stdlib=libc++
// RUN: %check_mapguard --real-std --check-prefixes=CHECK-MESSAGES,CXX17,CXX20 --check-file=%S/standard-libraries.cpp %S/standard-libraries.cpp %t.cxx20 -- -std=c++20 -stdlib=libc++ -fexperimental-library
