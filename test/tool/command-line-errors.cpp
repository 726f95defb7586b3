// Bad command lines fail with a clear message and a non-zero exit status.
//
// An unknown option:
// RUN: not %mapguard --no-such-option %s -- 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// UNKNOWN: Unknown command line argument '--no-such-option'
//
// -p naming a folder with no compilation database, in both spellings (the
// folder is outside the build tree, which may hold a database of its own):
// exit status 2, wrong use, as for a project run.
// RUN: %exit_status 2 %mapguard -p /nonexistent/mapguard-test %s 2>&1 | FileCheck %s --check-prefix=NODB
// RUN: %exit_status 2 %mapguard -p=/nonexistent/mapguard-test %s 2>&1 | FileCheck %s --check-prefix=NODB
// NODB: mapguard: error: no compilation database (compile_commands.json) in '/nonexistent/mapguard-test' or any folder above it
//
// A source file that does not exist:
// RUN: not %mapguard /nonexistent/no-such-file.cpp -- 2>&1 | FileCheck %s --check-prefix=NOFILE
// NOFILE: error: no such file or directory: '{{.*}}no-such-file.cpp'
void nothing();
