//===--- CommandLine.h - mapguard's own command-line options ----*- C++ -*-===//
//
// mapguard takes clang-tidy's command line plus a few options of its own for
// whole-project runs. Those are taken out here; everything else goes to
// clang-tidy untouched.
//
//===----------------------------------------------------------------------===//

#ifndef MAPGUARD_TOOL_COMMANDLINE_H
#define MAPGUARD_TOOL_COMMANDLINE_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <optional>
#include <string>
#include <vector>

namespace mapguard {

enum class ProgressMode { Auto, Always, Never };

/// The options of mapguard's project runs.
struct ProjectOptions {
  /// Whether any of them was given.
  bool Given = false;
  /// Files checked at once; 0 means the machine's cores.
  unsigned Jobs = 0;
  /// Only the files whose path this regular expression matches.
  std::optional<std::string> FileRegex;
  /// This run checks shard ShardIndex (1-based) of ShardCount.
  unsigned ShardIndex = 1;
  unsigned ShardCount = 1;
  std::optional<std::string> SarifFile;
  /// SARIF paths are relative to this folder; empty means the current one.
  std::string SarifRoot;
  ProgressMode Progress = ProgressMode::Auto;
};

/// clang-tidy's command line, split where mapguard needs to look into it.
struct ToolCommandLine {
  /// Options before `--`, in order, without mapguard's own.
  std::vector<std::string> Options;
  /// The source files named on the command line.
  std::vector<std::string> Files;
  /// `--` and the compiler arguments after it, if given.
  std::vector<std::string> CompilerArgs;
  ProjectOptions Project;

  /// The value of clang-tidy option \p Name, if the command line sets it.
  std::optional<std::string> value(llvm::StringRef Name) const;
  bool has(llvm::StringRef Name) const;
};

/// Splits \p Args (without the program name). Fails with a message on a
/// malformed mapguard option.
llvm::Expected<ToolCommandLine>
parseCommandLine(llvm::ArrayRef<const char *> Args);

/// The help text of mapguard's own options.
extern const char ProjectOptionsHelp[];

} // namespace mapguard

#endif // MAPGUARD_TOOL_COMMANDLINE_H
