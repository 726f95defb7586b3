//===--- ProjectRun.h - Checking many files in parallel ---------*- C++ -*-===//
//
// A project run checks the files of a compilation database (or those named),
// each in a process of its own, several at once, and then reports on the
// whole: a summary, merged fixes, SARIF, one exit status.
//
//===----------------------------------------------------------------------===//

#ifndef MAPGUARD_TOOL_PROJECTRUN_H
#define MAPGUARD_TOOL_PROJECTRUN_H

#include "tool/CommandLine.h"

namespace clang::tooling {
class CompilationDatabase;
} // namespace clang::tooling

namespace mapguard {

/// Exit statuses of a project run.
enum ProjectStatus {
  Clean = 0,
  /// Diagnostics were reported as errors (--warnings-as-errors).
  FindingsAsErrors = 1,
  /// A file could not be checked, or mapguard was used wrongly.
  ToolError = 2,
};

/// Runs \p CommandLine as a project run on the named files, or else every
/// file of \p Database (null without `-p`); \p Executable checks one file
/// when given clang-tidy's command line.
int runProject(const ToolCommandLine &CommandLine,
               const clang::tooling::CompilationDatabase *Database,
               llvm::StringRef Executable);

} // namespace mapguard

#endif // MAPGUARD_TOOL_PROJECTRUN_H
