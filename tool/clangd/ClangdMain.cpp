//===--- ClangdMain.cpp - The mapguard-clangd executable ------------------===//
//
// clangd's own main, `clang::clangd::clangdMain` from the LLVM's
// libclangdMain.a, with the mapguard module linked in: every clangd flag,
// `.clangd` file and `.clang-tidy` file works as in clangd, and a project
// whose `.clang-tidy` enables `mapguard-*` gets mapguard's diagnostics.
//
// Four things differ from clangd, each in a file of its own:
// - FastChecks.cpp: clangd's table of checks it has timed lets mapguard's
//   run, so that its default `FastCheckFilter: Strict` does not drop them;
// - PreambleBodies.cpp: preambles keep the bodies of the functions of the
//   project's own headers, which mapguard reads as on the command line;
// - DocumentationLinks.h: the diagnostics' documentation links of
//   mapguard's checks point at mapguard's own pages, not LLVM's;
// - RemoteIndex.cpp: no remote index (Debian's client needs gRPC).
// This file adds the resource directory of Clang's builtin headers.
//
//===----------------------------------------------------------------------===//

#include "checks/analysis/Compat.h"
#include "tool/clangd/DocumentationLinks.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"

// Debian's libclang-N-dev ships clangd's libraries but not their headers;
// this is the one declaration of clangd's tool/ClangdMain.h mapguard needs.
namespace clang {
namespace clangd {
int clangdMain(int argc, char *argv[]);
} // namespace clangd
} // namespace clang

extern volatile int MapguardModuleAnchorSource;
static int MapguardModuleAnchorDestination = MapguardModuleAnchorSource;

/// \p Args with `--resource-dir` naming Clang's builtin headers (stddef.h,
/// the intrinsics) of the LLVM mapguard-clangd is built against, unless the
/// command line names a folder itself. clangd looks for them beside its
/// executable, which finds them for /usr/bin/clangd and not for
/// build/bin/mapguard-clangd.
static void addResourceDir(llvm::SmallVectorImpl<char *> &Args) {
#ifdef MAPGUARD_CLANG_RESOURCE_DIR
  for (llvm::StringRef A : llvm::ArrayRef<char *>(Args).drop_front())
    if (mapguard::startsWith(A.ltrim('-'), "resource-dir"))
      return;
  static char Option[] = "--resource-dir=" MAPGUARD_CLANG_RESOURCE_DIR;
  if (llvm::sys::fs::is_directory(MAPGUARD_CLANG_RESOURCE_DIR))
    Args.insert(Args.begin() + 1, Option);
#endif
}

int main(int Argc, char **Argv) {
  (void)MapguardModuleAnchorDestination;
  llvm::SmallVector<char *, 16> Args(Argv, Argv + Argc);
  addResourceDir(Args);
  Args.push_back(nullptr);
  mapguard::rewriteDocumentationLinksOnStdout();
  return clang::clangd::clangdMain(static_cast<int>(Args.size() - 1),
                                   Args.data());
}
