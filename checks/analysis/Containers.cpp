//===--- Containers.cpp - Container types and what changes them -----------===//

#include "checks/analysis/Containers.h"
#include "checks/analysis/Names.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"

using namespace clang;

namespace mapguard {

using F = ContainerFamily;

llvm::ArrayRef<ContainerVocabulary::Entry> ContainerVocabulary::builtins() {
  static const Entry Builtins[] = {
      // The standard library.
      {"std::map", F::Map},
      {"std::multimap", F::Map},
      {"std::unordered_map", F::Map},
      {"std::unordered_multimap", F::Map},
      {"std::flat_map", F::Map},
      {"std::flat_multimap", F::Map},
      {"std::set", F::Set},
      {"std::multiset", F::Set},
      {"std::unordered_set", F::Set},
      {"std::unordered_multiset", F::Set},
      {"std::flat_set", F::Set},
      {"std::flat_multiset", F::Set},
      {"std::vector", F::Vector},
      {"std::deque", F::Deque},
      {"std::list", F::List},
      {"std::forward_list", F::List},
      {"std::basic_string", F::String},
      {"std::queue", F::Queue},
      {"std::stack", F::Stack},
      {"std::priority_queue", F::PriorityQueue},
      // Boost (Boost.Unordered, Boost.Container).
      {"boost::unordered::unordered_map", F::Map},
      {"boost::unordered::unordered_multimap", F::Map},
      {"boost::unordered::unordered_flat_map", F::Map},
      {"boost::unordered::unordered_node_map", F::Map},
      {"boost::unordered::unordered_set", F::Set},
      {"boost::unordered::unordered_multiset", F::Set},
      {"boost::unordered::unordered_flat_set", F::Set},
      {"boost::unordered::unordered_node_set", F::Set},
      {"boost::container::map", F::Map},
      {"boost::container::multimap", F::Map},
      {"boost::container::flat_map", F::Map},
      {"boost::container::flat_multimap", F::Map},
      {"boost::container::set", F::Set},
      {"boost::container::multiset", F::Set},
      {"boost::container::flat_set", F::Set},
      {"boost::container::flat_multiset", F::Set},
      {"boost::container::vector", F::Vector},
      {"boost::container::small_vector", F::Vector},
      {"boost::container::static_vector", F::Vector},
      {"boost::container::stable_vector", F::Vector},
      {"boost::container::devector", F::Vector},
      {"boost::container::deque", F::Deque},
      {"boost::container::list", F::List},
      {"boost::container::slist", F::List},
      {"boost::container::basic_string", F::String},
      // Abseil.
      {"absl::flat_hash_map", F::Map},
      {"absl::node_hash_map", F::Map},
      {"absl::btree_map", F::Map},
      {"absl::btree_multimap", F::Map},
      {"absl::flat_hash_set", F::Set},
      {"absl::node_hash_set", F::Set},
      {"absl::btree_set", F::Set},
      {"absl::btree_multiset", F::Set},
      {"absl::InlinedVector", F::Vector},
      // Tessil's hash tables.
      {"tsl::robin_map", F::Map},
      {"tsl::robin_pg_map", F::Map},
      {"tsl::hopscotch_map", F::Map},
      {"tsl::sparse_map", F::Map},
      {"tsl::ordered_map", F::Map},
      {"tsl::robin_set", F::Set},
      {"tsl::robin_pg_set", F::Set},
      {"tsl::hopscotch_set", F::Set},
      {"tsl::sparse_set", F::Set},
      {"tsl::ordered_set", F::Set},
      // LLVM's ADT.
      {"llvm::DenseMap", F::Map},
      {"llvm::SmallDenseMap", F::Map},
      {"llvm::StringMap", F::Map},
      {"llvm::MapVector", F::Map},
      {"llvm::DenseSet", F::Set},
      {"llvm::SmallDenseSet", F::Set},
      {"llvm::SmallSet", F::Set},
      {"llvm::SmallPtrSet", F::Set},
      {"llvm::StringSet", F::Set},
      {"llvm::SetVector", F::Set},
      {"llvm::SmallSetVector", F::Set},
      {"llvm::SmallVector", F::Vector},
      // Qt (outside any namespace unless Qt is built with one).
      {"QMap", F::Map},
      {"QMultiMap", F::Map},
      {"QHash", F::Map},
      {"QMultiHash", F::Map},
      {"QSet", F::Set},
      {"QList", F::List},
      {"QVector", F::Vector},
      {"QLinkedList", F::List},
      {"QQueue", F::Queue},
      {"QStack", F::Stack},
  };
  return Builtins;
}

llvm::ArrayRef<llvm::StringRef> ContainerVocabulary::accessorNames() {
  static const llvm::StringRef Names[] = {
      // Iterators.
      "begin", "end", "rbegin", "rend", "cbegin", "cend", "crbegin", "crend",
      "before_begin", "cbefore_begin",
      // Lookups.
      "find", "count", "contains", "lower_bound", "upper_bound", "equal_range",
      "get", "lookup",
      // Element access.
      "at", "front", "back", "top", "data", "first", "last", "value"};
  return Names;
}

bool ContainerVocabulary::isThreadSafeByDesign(llvm::StringRef Name) {
  Name.consume_front("::");
  Name.consume_front("oneapi::");
  static constexpr llvm::StringLiteral Names[] = {
      "tbb::concurrent_hash_map",
      "tbb::concurrent_unordered_map",
      "tbb::concurrent_unordered_multimap",
      "tbb::concurrent_unordered_set",
      "tbb::concurrent_unordered_multiset",
      "tbb::concurrent_map",
      "tbb::concurrent_multimap",
      "tbb::concurrent_set",
      "tbb::concurrent_multiset",
      "tbb::concurrent_vector",
      "tbb::concurrent_queue",
      "tbb::concurrent_bounded_queue",
      "tbb::concurrent_priority_queue",
      "folly::ConcurrentHashMap",
      "folly::ConcurrentHashMapSIMD",
      "folly::AtomicHashMap",
      "folly::AtomicUnorderedInsertMap",
      "folly::ConcurrentSkipList",
      "folly::MPMCQueue",
      "folly::UnboundedQueue",
      "folly::Synchronized",
      "boost::concurrent_flat_map",
      "boost::concurrent_flat_set",
      "boost::unordered::concurrent_flat_map",
      "boost::unordered::concurrent_flat_set",
      "boost::lockfree::queue",
      "boost::lockfree::stack",
      "boost::lockfree::spsc_queue",
      "libcuckoo::cuckoohash_map",
      "cuckoohash_map",
      "concurrency::concurrent_unordered_map",
      "concurrency::concurrent_vector",
      "concurrency::concurrent_queue",
      "concurrency::concurrent_unordered_set"};
  return llvm::is_contained(Names, Name);
}

ContainerVocabulary::Type &ContainerVocabulary::add(llvm::StringRef Name,
                                                    ContainerFamily Family) {
  Name.consume_front("::");
  auto [It, Inserted] = Types.try_emplace(Name);
  if (Inserted)
    It->second.Family = Family;
  llvm::StringRef Last = Name.rsplit("::").second;
  LastParts.insert(Last.empty() ? Name : Last);
  return It->second;
}

ContainerVocabulary::ContainerVocabulary(const ContainerOptions &Options) {
  if (Options.Builtin)
    for (const Entry &E : builtins())
      add(E.Name, E.Family);
  // A built-in container named in the options keeps its family.
  auto FamilyOf = [](llvm::StringRef Name) {
    Name.consume_front("::");
    for (const Entry &E : builtins())
      if (E.Name == Name)
        return E.Family;
    return F::Other;
  };
  for (const std::string &Name : Options.Types)
    if (!isThreadSafeByDesign(Name))
      add(Name, FamilyOf(Name));
  for (const ContainerMethods &M : Options.WriteMethods)
    if (!isThreadSafeByDesign(M.Type)) {
      Type &T = add(M.Type, FamilyOf(M.Type));
      for (const std::string &Method : M.Methods)
        T.WriteMethods.insert(Method);
    }
  for (const ContainerMethods &M : Options.ReadMethods)
    if (!isThreadSafeByDesign(M.Type)) {
      Type &T = add(M.Type, FamilyOf(M.Type));
      for (const std::string &Method : M.Methods)
        T.ReadMethods.insert(Method);
    }
}

const ContainerVocabulary::Type *
ContainerVocabulary::typeOfClass(const CXXRecordDecl *RD) const {
  if (!RD)
    return nullptr;
  // Every class asked about is answered once, a container or not: most
  // calls are on other classes, and a pointer's lookup costs less than the
  // hash of a name.
  auto [It, Inserted] = Cache.try_emplace(RD, nullptr);
  if (!Inserted)
    return It->second;
  const NamedDecl *Named = RD;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    Named = Spec->getSpecializedTemplate();
  if (!Named->getIdentifier() || !LastParts.count(Named->getName()))
    return nullptr;
  auto Found = Types.find(qualifiedName(Named));
  if (Found != Types.end())
    It->second = &Found->second;
  return It->second;
}

const ContainerVocabulary::Type *ContainerVocabulary::typeOf(QualType T) const {
  if (T.isNull())
    return nullptr;
  // Each type node is answered once: the analysis asks about the types of
  // most expressions it meets, and a pointer's lookup costs less than
  // looking through references and sugar to the class. The qualifiers a
  // QualType adds change no answer.
  auto [It, Inserted] = ByType.try_emplace(T.getTypePtr(), nullptr);
  if (Inserted)
    It->second = typeOfClass(T.getNonReferenceType()->getAsCXXRecordDecl());
  return It->second;
}

bool isAssignmentOperator(OverloadedOperatorKind Op) {
  switch (Op) {
  case OO_Equal:
  case OO_PlusEqual:
  case OO_MinusEqual:
  case OO_StarEqual:
  case OO_SlashEqual:
  case OO_PercentEqual:
  case OO_AmpEqual:
  case OO_PipeEqual:
  case OO_CaretEqual:
  case OO_LessLessEqual:
  case OO_GreaterGreaterEqual:
  case OO_PlusPlus:
  case OO_MinusMinus:
    return true;
  default:
    return false;
  }
}

MemberEffect ContainerVocabulary::effectOf(const Type &C,
                                           const CXXMethodDecl &Method) const {
  OverloadedOperatorKind Op = Method.getOverloadedOperator();
  if (!C.WriteMethods.empty() || !C.ReadMethods.empty()) {
    std::string Name = Method.getIdentifier() ? Method.getName().str()
                       : Op != OO_None
                           ? "operator" + std::string(getOperatorSpelling(Op))
                           : std::string();
    if (C.WriteMethods.count(Name))
      return MemberEffect::Write;
    if (C.ReadMethods.count(Name))
      return MemberEffect::Read;
  }
  if (Op == OO_Subscript) {
    if (Method.isConst())
      return MemberEffect::Access;
    if (C.Family == F::Map)
      return MemberEffect::SubscriptInsert;
    // A project's container: a subscript by key (taken by reference) may
    // insert it; one by position (an integer by value) cannot.
    if (C.Family == F::Other && Method.getNumParams() == 1 &&
        !(Method.getParamDecl(0)->getType()->isIntegralOrEnumerationType()))
      return MemberEffect::SubscriptInsert;
    return MemberEffect::Access;
  }
  if (isAssignmentOperator(Op))
    return MemberEffect::Write;
  if (Method.isConst() || Method.isStatic())
    return MemberEffect::Read;
  if (const IdentifierInfo *II = Method.getIdentifier())
    if (llvm::is_contained(accessorNames(), II->getName()))
      return MemberEffect::Access;
  // Conversions and operators other than assignment (`operator<<` of a
  // Qt list appends, and is non-const for it) follow the same rule.
  return MemberEffect::Write;
}

std::string ContainerVocabulary::key(const ContainerOptions &Options) {
  std::string Key = Options.Builtin ? "B" : "-";
  for (const std::string &S : Options.Types)
    Key += S + ";";
  for (const auto *List : {&Options.WriteMethods, &Options.ReadMethods}) {
    Key += "|";
    for (const ContainerMethods &M : *List) {
      Key += M.Type + "=";
      for (const std::string &Method : M.Methods)
        Key += Method + ",";
      Key += ";";
    }
  }
  return Key;
}

} // namespace mapguard
