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

namespace mapguard {

/// Writes \p Diagnostics to \p File. Paths below \p Root (the current
/// folder if empty) are written relative to it, as `%SRCROOT%`.
llvm::Error writeSarif(llvm::StringRef File,
                       llvm::ArrayRef<clang::tooling::Diagnostic> Diagnostics,
                       llvm::StringRef Root);

} // namespace mapguard

#endif // MAPGUARD_TOOL_SARIFREPORT_H
