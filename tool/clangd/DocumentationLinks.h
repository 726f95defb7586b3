//===--- DocumentationLinks.h - mapguard's pages in LSP diagnostics -*- C++
//-*-===//
//
// Where an editor's "open the documentation" link of a mapguard diagnostic
// goes. clangd gives every clang-tidy diagnostic a `codeDescription` link
// into LLVM's clang-tidy documentation (clang.llvm.org/extra/clang-tidy/
// checks/<module>/<check>.html), built inside its library with no hook to
// change it; for mapguard's checks that page does not exist. This file
// answers how the messages clangd writes are mended: mapguard-clangd's
// standard output runs through a pipe, and every LSP message on it that
// names one of mapguard's checks has that link replaced by mapguard's own
// page (the page SARIF reports give). Every other byte passes unchanged, in
// order, including what is not an LSP message (`--help`, `--version`).
//
// What it leaves out: clangd's other transports (XPC, macOS only),
// messages on standard error (`--check` prints there, without links), and
// `--pretty` for the messages it rewrites (they are written compact).
//
//===----------------------------------------------------------------------===//

#ifndef MAPGUARD_TOOL_CLANGD_DOCUMENTATIONLINKS_H
#define MAPGUARD_TOOL_CLANGD_DOCUMENTATIONLINKS_H

#include "llvm/ADT/StringRef.h"
#include <string>

namespace mapguard {

/// Routes this process's standard output through the rewriting of
/// rewriteLSPMessage() until it exits. Does nothing if the pipe cannot be
/// made: clangd then writes LLVM's links, and nothing else changes.
void rewriteDocumentationLinksOnStdout();

/// \p Body, one LSP message's JSON, with the `codeDescription` of each of
/// mapguard's diagnostics in it pointing at mapguard's page; \p Body itself
/// if it has none or is not JSON.
std::string rewriteLSPMessage(llvm::StringRef Body);

} // namespace mapguard

#endif // MAPGUARD_TOOL_CLANGD_DOCUMENTATIONLINKS_H
