//===--- FastChecks.cpp - mapguard's checks in clangd's timing table ------===//
//
// clangd runs, by default (`FastCheckFilter: Strict`), only the clang-tidy
// checks its table `TidyFastChecks.inc` lists as fast: a check it has no
// timing for is dropped without a word, and a `.clang-tidy` that enables
// `mapguard-*` would show nothing in the editor. The table is compiled into
// clangd's library and read through one function,
// `clang::clangd::isFastTidyCheck`; mapguard-clangd is linked with
// `-Wl,--wrap=` on it (tool/CMakeLists.txt), so that every caller in clangd
// (the filter of ParsedAST.cpp, the config warnings of ConfigCompile.cpp)
// reaches this function first. It lets mapguard's checks run: a project
// that enables them asked for them, and they are what mapguard-clangd is
// for. They are not fast by clangd's measure: `--check-tidy-time` puts each
// at 10-24% over the main file's rebuild on leveldb's db_impl.cc (165 ms),
// where clangd's table calls a check fast below 8%; in the editor, a
// re-check of that file takes 0.46 s with them and 0.39 s without
// (docs/clangd.md, bench/RESULTS.md). Every other check gets clangd's own
// answer: a check clangd knows as slow stays slow, and `FastCheckFilter`
// works as in clangd. A `.clangd` that removes `mapguard-*` turns them off.
//
// What it leaves out: the `--check-tidy-time` measurement, which clangd
// makes itself.
//
//===----------------------------------------------------------------------===//

#include "checks/CheckCatalog.h"
#include "llvm/ADT/StringRef.h"
#include <optional>

// MAPGUARD_IS_FAST_TIDY_CHECK: the mangled name of `std::optional<bool>
// clang::clangd::isFastTidyCheck(llvm::StringRef)`, as clangd's library
// calls it (tool/CMakeLists.txt reads it there).
#ifndef MAPGUARD_IS_FAST_TIDY_CHECK
#error "MAPGUARD_IS_FAST_TIDY_CHECK: the mangled isFastTidyCheck"
#endif
#define MAPGUARD_CONCAT_(A, B) A##B
#define MAPGUARD_CONCAT(A, B) MAPGUARD_CONCAT_(A, B)

#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wreturn-type-c-linkage"
#pragma clang diagnostic ignored "-Wreserved-identifier"
extern "C" {
// clangd's own answer, as the linker names the wrapped original.
std::optional<bool>
    MAPGUARD_CONCAT(__real_,
                    MAPGUARD_IS_FAST_TIDY_CHECK)(llvm::StringRef Check);

std::optional<bool>
MAPGUARD_CONCAT(__wrap_, MAPGUARD_IS_FAST_TIDY_CHECK)(llvm::StringRef Check) {
  if (mapguard::describeCheck(Check))
    return true;
  return MAPGUARD_CONCAT(__real_, MAPGUARD_IS_FAST_TIDY_CHECK)(Check);
}
}
#pragma clang diagnostic pop
