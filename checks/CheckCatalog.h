//===--- CheckCatalog.h - What each mapguard check is for -------*- C++ -*-===//
//
// The one place that describes the checks, under the names the module
// registers them by: reports in other formats (SARIF's rules) describe them
// with these words.
//
//===----------------------------------------------------------------------===//

#ifndef MAPGUARD_CHECKS_CHECKCATALOG_H
#define MAPGUARD_CHECKS_CHECKCATALOG_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace mapguard {

struct CheckDescription {
  llvm::StringRef Name;
  /// One sentence: what a report means.
  llvm::StringRef Summary;
  /// A paragraph: what the check looks for.
  llvm::StringRef Description;
  /// A paragraph: how to fix what it reports.
  llvm::StringRef Fix;
  /// The check's page under docs/checks/.
  llvm::StringRef DocPage;
};

llvm::ArrayRef<CheckDescription> checkCatalog();

/// The description of check \p Name, or null if it is not one of ours.
const CheckDescription *describeCheck(llvm::StringRef Name);

} // namespace mapguard

#endif // MAPGUARD_CHECKS_CHECKCATALOG_H
