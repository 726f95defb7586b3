//===--- SarifReport.h - Diagnostics as SARIF 2.1.0 -------------*- C++ -*-===//
//
// Writes a run's diagnostics in the Static Analysis Results Interchange
// Format, as GitHub code scanning and other CI dashboards read it.
//
//===----------------------------------------------------------------------===//

#ifndef MAPGUARD_TOOL_SARIFREPORT_H
#define MAPGUARD_TOOL_SARIFREPORT_H

#include "clang/Tooling/Core/Diagnostic.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"
#include <string>

namespace mapguard {

/// A file the run could not check, or checked only as far as it compiles,
/// and why.
struct UncheckedFile {
  std::string Path;
  std::string Reason;
  /// It did not compile, and was checked as far as it parses.
  bool Partly = false;
};

/// Writes \p Diagnostics to \p File. Paths below \p Root (the current
/// folder if empty) are written relative to it, as `%SRCROOT%`. Files the
/// run could not check make its invocation unsuccessful, each with a
/// notification.
llvm::Error writeSarif(llvm::StringRef File,
                       llvm::ArrayRef<clang::tooling::Diagnostic> Diagnostics,
                       llvm::ArrayRef<UncheckedFile> Unchecked,
                       llvm::StringRef Root);

} // namespace mapguard

#endif // MAPGUARD_TOOL_SARIFREPORT_H
