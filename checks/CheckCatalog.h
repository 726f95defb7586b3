//===--- CheckCatalog.h - What each mapguard check is for -------*- C++ -*-===//
//
// The one registry of mapguard's checks: the module registers the checks of
// this table, SARIF's rules describe them with its words, and the index of
// the documentation (docs/checks/README.md) is its printout, which a test
// compares with the file.
//
//===----------------------------------------------------------------------===//

#ifndef MAPGUARD_CHECKS_CHECKCATALOG_H
#define MAPGUARD_CHECKS_CHECKCATALOG_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <memory>

namespace clang::tidy {
class ClangTidyCheck;
class ClangTidyContext;
} // namespace clang::tidy
namespace llvm {
class raw_ostream;
} // namespace llvm

namespace mapguard {

class AnalysisCache;

struct CheckDescription {
  llvm::StringRef Name;
  /// Creates the check; the checks of one run share \p Cache.
  std::unique_ptr<clang::tidy::ClangTidyCheck> (*Create)(
      llvm::StringRef Name, clang::tidy::ClangTidyContext *Context,
      std::shared_ptr<AnalysisCache> Cache);
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

/// Writes the index of the checks' documentation, docs/checks/README.md.
void writeCheckIndex(llvm::raw_ostream &OS);

} // namespace mapguard

#endif // MAPGUARD_CHECKS_CHECKCATALOG_H
