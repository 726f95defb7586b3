//===--- MapguardMain.cpp - The mapguard executable -----------------------===//
//
// clang-tidy's own driver with the mapguard module linked in: every
// clang-tidy flag, configuration file and NOLINT comment works. The only
// difference is the default check list, `mapguard-*`.
//
//===----------------------------------------------------------------------===//

#include "clang-tidy/tool/ClangTidyMain.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

extern volatile int MapguardModuleAnchorSource;
static int MapguardModuleAnchorDestination = MapguardModuleAnchorSource;

// clang-tidy's default list enables the static analyzer, which is slow and
// not what a user of mapguard asked for. A `.clang-tidy` file's `Checks` still
// apply: clang-tidy appends command-line checks after the file's.
static const char DefaultChecks[] = "--checks=-clang-analyzer-*,mapguard-*";

static bool hasChecksFlag(llvm::ArrayRef<const char *> Args) {
  for (llvm::StringRef Arg : Args) {
    if (Arg == "--")
      return false;
    if (Arg.consume_front("--") || Arg.consume_front("-"))
      if (Arg == "checks" || Arg.consume_front("checks="))
        return true;
  }
  return false;
}

int main(int Argc, const char **Argv) {
  (void)MapguardModuleAnchorDestination;
  llvm::SmallVector<const char *, 16> Args(Argv, Argv + Argc);
  if (!hasChecksFlag(llvm::ArrayRef<const char *>(Args).drop_front()))
    Args.insert(Args.begin() + 1, DefaultChecks);
  return clang::tidy::clangTidyMain(static_cast<int>(Args.size()), Args.data());
}
