// The program of sequence-containers.cpp against libc++, whose containers
// live in std::__1 and implement the adapters and strings their own way.
//
// REQUIRES: libcxx
// RUN: %check_mapguard --real-std --check-file=%S/sequence-containers.cpp %S/sequence-containers.cpp %t -- -std=c++17 -stdlib=libc++
