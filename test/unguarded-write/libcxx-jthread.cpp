// The program of standard-libraries.cpp against libc++ in C++20, with
// std::jthread, which libc++ has from 18 on, behind -fexperimental-library
// (LLVM 14's has none).
//
// REQUIRES: libcxx-jthread
// RUN: %check_mapguard --real-std --check-prefixes=CHECK-MESSAGES,CXX17,CXX20 --check-file=%S/standard-libraries.cpp %S/standard-libraries.cpp %t.cxx20 -- -std=c++20 -stdlib=libc++ -fexperimental-library
