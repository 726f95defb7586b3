//===--- Containers.h - Container types and what changes them --*- C++ -*-===//
//
// Answers: is a type a container that is unsafe to share without a lock (a
// standard container, one of a well-known library, or one the user names),
// of which family (map, vector, ...), and what a call of one of its member
// functions does to it: changes its structure, inserts through a map's
// `operator[]`, hands out an element or iterator, or only reads.
//
// The rule for member functions is derived, not listed per type: a const
// member function reads; a non-const one changes the structure, unless it is
// an accessor (iterators, lookups, element access: `accessorNames()`), which
// hands out an element or iterator and reads by itself. Assignment operators
// change the structure. A type's configured WriteMethods and ReadMethods
// come first. So a project's container works by naming the type alone.
//
// Leaves out: what is done with an element or iterator handed out (the map
// model follows it), containers reached through a class that derives from
// one (`class Registry : public std::map<...>` is not a container), and
// containers that are thread-safe by design (`tbb::concurrent_hash_map`,
// `folly::ConcurrentHashMap`): they are never containers here;
// `isThreadSafeByDesign` names them so that configuring one can be refused
// with a reason.
//
//===----------------------------------------------------------------------===//

#ifndef MAPGUARD_ANALYSIS_CONTAINERS_H
#define MAPGUARD_ANALYSIS_CONTAINERS_H

#include "clang/AST/Type.h"
#include "clang/Basic/OperatorKinds.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include <string>
#include <utility>
#include <vector>

namespace clang {
class CXXMethodDecl;
class CXXRecordDecl;
} // namespace clang

namespace mapguard {

/// What a container is, for the wording of its diagnostics and for the
/// meaning of `operator[]` (an insert only on a Map).
enum class ContainerFamily : uint8_t {
  Map,
  Set,
  Vector,
  Deque,
  List,
  String,
  Queue,
  Stack,
  PriorityQueue,
  /// A type the user names: "container".
  Other,
};

/// What a call of a container's member function does to the container.
enum class MemberEffect : uint8_t {
  /// Changes its structure: `insert`, `push_back`, `clear`, `operator=`.
  Write,
  /// `operator[]` of a map: inserts a missing key, so it writes.
  SubscriptInsert,
  /// Hands out an element or an iterator (`at`, `front`, `find`, `begin`,
  /// `operator[]` of a sequence): reads, and what is done with the result
  /// may write an element.
  Access,
  /// Only reads: a const member function, or a configured ReadMethod.
  Read,
};

/// Methods named for one container type: `WAVM::HashMap=getOrAdd,set`.
struct ContainerMethods {
  std::string Type;
  std::vector<std::string> Methods;
};

struct ContainerOptions {
  /// Project containers, added to the built-in ones.
  std::vector<std::string> Types;
  /// Whether the standard and well-known library containers count.
  bool Builtin = true;
  /// Per type, member functions that change the structure whatever their
  /// constness, and ones that only read whatever their constness. A type
  /// named here is a container.
  std::vector<ContainerMethods> WriteMethods;
  std::vector<ContainerMethods> ReadMethods;
};

/// Whether an overloaded operator changes its first operand: `=`, `+=`,
/// `++`, ...
bool isAssignmentOperator(clang::OverloadedOperatorKind Op);

class ContainerVocabulary {
public:
  struct Entry {
    llvm::StringRef Name;
    ContainerFamily Family;
  };
  /// The standard containers and those of well-known libraries (Boost,
  /// Abseil, tsl, LLVM, Qt) that are not safe to share.
  static llvm::ArrayRef<Entry> builtins();
  /// Non-const member functions that hand out an element or an iterator.
  static llvm::ArrayRef<llvm::StringRef> accessorNames();
  /// Whether \p QualifiedName (as users write it) is a container that is
  /// safe to share without a lock (`tbb::concurrent_hash_map`).
  static bool isThreadSafeByDesign(llvm::StringRef QualifiedName);

  struct Type {
    ContainerFamily Family;
    llvm::StringSet<> WriteMethods;
    llvm::StringSet<> ReadMethods;
  };

  explicit ContainerVocabulary(const ContainerOptions &Options);

  /// The container type \p T is (references, cv-qualifiers and aliases
  /// looked through), or null.
  const Type *typeOf(clang::QualType T) const;
  const Type *typeOfClass(const clang::CXXRecordDecl *RD) const;
  bool isContainer(clang::QualType T) const { return typeOf(T); }

  /// What calling \p Method on a container of type \p C does to it.
  MemberEffect effectOf(const Type &C,
                        const clang::CXXMethodDecl &Method) const;

  /// Distinguishes vocabularies built from different options.
  static std::string key(const ContainerOptions &Options);

private:
  /// By qualified name without inline namespaces (`std::map`).
  llvm::StringMap<Type> Types;
  /// The last part of each name: most classes are told apart by their
  /// identifier alone, before a qualified name is built.
  llvm::StringSet<> LastParts;
  /// Answers per class (specializations share their template's answer).
  mutable llvm::DenseMap<const clang::CXXRecordDecl *, const Type *> Cache;
  /// Answers per type node, as written (sugar and references included).
  mutable llvm::DenseMap<const clang::Type *, const Type *> ByType;

  Type &add(llvm::StringRef Name, ContainerFamily Family);
};

} // namespace mapguard

#endif // MAPGUARD_ANALYSIS_CONTAINERS_H
