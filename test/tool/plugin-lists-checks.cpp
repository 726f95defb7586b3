// The plugin registers mapguard's checks with the clang-tidy that loads it,
// and the executable carries them built in, beside clang-tidy's own.
//
// REQUIRES: plugin
// RUN: %clang_tidy --load %plugin --checks='-*,mapguard-*' --list-checks | FileCheck %s
// RUN: %mapguard --list-checks | FileCheck %s
// RUN: %mapguard --checks='-*,mapguard-*,bugprone-use-after-move' --list-checks | FileCheck %s --check-prefix=BOTH
// CHECK: mapguard-unguarded-write
// BOTH: bugprone-use-after-move
// BOTH: mapguard-unguarded-write
