//===--- DefaultChecks.h - Which checks mapguard runs by default -*- C++
//-*-===//
//
// Answers: which checks `mapguard` runs on a file when its command line
// names none. mapguard is the race checker: it runs mapguard's checks only,
// as the project's configuration (the `.clang-tidy` files that apply to the
// file, or `--config`/`--config-file`) enables or disables them, with that
// configuration's CheckOptions. The configuration's other checks do not run;
// `--checks` asks for them. The drop-in `clang-tidy-mapguard` is clang-tidy
// and never comes here.
//
// Leaves out: a run whose files have different configurations (the first
// file's decides, as for one clang-tidy invocation's `--checks`; project
// runs check one file per process).
//
//===----------------------------------------------------------------------===//

#ifndef MAPGUARD_TOOL_DEFAULTCHECKS_H
#define MAPGUARD_TOOL_DEFAULTCHECKS_H

#include "tool/CommandLine.h"
#include <string>

namespace mapguard {

/// The `--checks` value for a run of \p CommandLine that gives none: `-*`
/// (`-clang-*` where the configuration names no other checks than
/// mapguard's, to the same effect), then `mapguard-*` and the
/// configuration's entries that name mapguard's checks
/// (`-mapguard-unguarded-read`), in their order.
std::string defaultChecks(const ToolCommandLine &CommandLine);

} // namespace mapguard

#endif // MAPGUARD_TOOL_DEFAULTCHECKS_H
