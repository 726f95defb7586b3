//===--- CompilerFlags.h - Flags of other compilers, dropped ----*- C++ -*-===//
//
// Answers: which arguments of a compilation database's commands Clang does
// not know, so that a database written for GCC still checks. Dropped, the
// way clangd drops them: arguments Clang's driver does not recognise
// (`-fno-semantic-interposition` of an older Clang, GCC's `-fno-gcc-only`),
// and warning options of groups Clang does not have (`-Wstringop-truncation`,
// `-Werror=maybe-uninitialized`), which `-Werror` would make errors.
//
// Leaves out: arguments Clang knows but treats differently from GCC, and
// commands given after `--` (the user wrote those for Clang).
//
//===----------------------------------------------------------------------===//

#ifndef MAPGUARD_TOOL_COMPILERFLAGS_H
#define MAPGUARD_TOOL_COMPILERFLAGS_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/ArrayRef.h"
#include <string>
#include <vector>

namespace mapguard {

struct AdjustedCommands {
  /// The commands of the files, unknown arguments dropped.
  std::vector<clang::tooling::CompileCommand> Commands;
  /// The arguments dropped, each once, in the order first met.
  std::vector<std::string> Dropped;
};

/// The commands \p Database gives \p Files, without the arguments Clang does
/// not know.
AdjustedCommands
dropUnknownFlags(const clang::tooling::CompilationDatabase &Database,
                 llvm::ArrayRef<std::string> Files);

} // namespace mapguard

#endif // MAPGUARD_TOOL_COMPILERFLAGS_H
