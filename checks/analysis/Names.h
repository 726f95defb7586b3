//===--- Names.h - Matching declarations against configured names -*- C++ -*-//
//
// Users name types as they spell them (`std::map`, `absl::flat_hash_map`);
// standard libraries put them in inline namespaces (`std::__1::map`,
// `absl::lts_2023::flat_hash_map`). These helpers compare the two.
//
//===----------------------------------------------------------------------===//

#ifndef MAPGUARD_ANALYSIS_NAMES_H
#define MAPGUARD_ANALYSIS_NAMES_H

#include "clang/AST/Type.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include <string>

namespace clang {
class CXXRecordDecl;
class NamedDecl;
} // namespace clang

namespace mapguard {

/// `std::map` for `std::__1::map`: the qualified name without inline
/// namespaces, and without template arguments.
std::string qualifiedName(const clang::NamedDecl *D);

/// A set of qualified names as users write them; a leading `::` is optional.
class NameSet {
public:
  NameSet() = default;
  explicit NameSet(llvm::ArrayRef<llvm::StringRef> Names);

  void insert(llvm::StringRef Name);
  bool contains(const clang::NamedDecl *D) const;
  /// Whether \p T (references and cv-qualifiers ignored, aliases looked
  /// through) is a class in the set, or a specialization of a class template
  /// in the set.
  bool containsClassOf(clang::QualType T) const;
  /// Whether \p RD is a class in the set, or a specialization of a class
  /// template in the set.
  bool containsClass(const clang::CXXRecordDecl *RD) const;

private:
  llvm::StringSet<> Names;
  /// The last part of each name (`map` of `std::map`): most declarations
  /// are told apart by their identifier alone, before any qualified name is
  /// built.
  llvm::StringSet<> LastParts;
};

/// Splits a `;`-separated option value into its trimmed, non-empty entries.
llvm::SmallVector<llvm::StringRef, 8> splitList(llvm::StringRef Value);

/// Whether \p Name is a qualified C++ name such as `absl::flat_hash_map`.
bool isQualifiedIdentifier(llvm::StringRef Name);

} // namespace mapguard

#endif // MAPGUARD_ANALYSIS_NAMES_H
