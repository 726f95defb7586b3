//===--- MapModel.h - Shared maps and what writes them ----------*- C++ -*-===//
//
// Which objects are shared containers ("maps" for short: a container
// (Containers.h) that lives in an object with static storage duration, not
// thread_local, not const, or is reached from a shared root) and which
// expressions change one: its structure (`insert`, `push_back`, `erase`, a
// map's `operator[]`...) or the value of one of its elements (`m.at(k) = v`,
// `it->second = v`, `v[i] = x`), and which only read it.
//
//===----------------------------------------------------------------------===//

#ifndef MAPGUARD_ANALYSIS_MAPMODEL_H
#define MAPGUARD_ANALYSIS_MAPMODEL_H

#include "checks/analysis/Containers.h"
#include "checks/analysis/Names.h"
#include "checks/analysis/ObjectPath.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/OperatorKinds.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace clang {
class ASTContext;
class FunctionDecl;
class Stmt;
class VarDecl;
} // namespace clang

namespace mapguard {

/// The storage that makes a map shared.
enum class SharedMapKind : uint8_t {
  Global,       ///< Namespace scope: global, `static`, anonymous, `extern`.
  StaticMember, ///< A static data member.
  LocalStatic,  ///< A function-local static.
  Member,       ///< A data member of the object a method runs on: shared if
                ///< its class is meant for sharing, or its objects are
                ///< reached from a shared root (SharedObjects.h).
  Handed,       ///< Reached from a local or parameter: shared if it is
                ///< handed to a thread or callback (SharedObjects.h).
};

struct SharedMap {
  /// The map as reached: `g_map`, `g_state.by_id`, `registry().map`.
  ObjectPath Path;
  /// The object with static storage duration the map is, or lives in (or a
  /// pointer to it); for a Member, the map's field (the last of the path);
  /// for Handed, the local or parameter.
  const clang::ValueDecl *Storage;
  SharedMapKind Kind;
  /// The accessor that returns Storage, for a Meyers singleton.
  const clang::FunctionDecl *Singleton = nullptr;
  /// What the container is, for the wording.
  ContainerFamily Family = ContainerFamily::Map;
};

enum class AccessKind : uint8_t {
  Write,        ///< The map's structure changes.
  ElementWrite, ///< The value of an element changes.
  Read,
};

/// One map that an expression accesses: `a.swap(b)` writes both.
struct MapAccess {
  const clang::Expr *Object; ///< The map, or a pointer to it.
  bool ObjectIsPointer = false;
  llvm::StringRef Operation; ///< `operator[]`, `erase`, `std::swap`, `find`...
  AccessKind Kind = AccessKind::Write;
  bool IsSubscript = false;
  /// An element write's call on the map (`at`, `find`), which is not a read
  /// of its own.
  const clang::Expr *Via = nullptr;
  /// Another reading of the access before it, to be used only where that
  /// one reaches no shared container: `g_index.at(k).push_back(x)` writes
  /// the vector `g_index.at(k)`, which has no name of its own, so it is an
  /// element write of `g_index`.
  bool Fallback = false;
};

class MapModel {
public:
  explicit MapModel(const ContainerOptions &Options);

  bool isMapType(clang::QualType T) const { return Containers.isContainer(T); }
  const ContainerVocabulary &containers() const { return Containers; }
  /// The family of the container type \p T (Other if it is none).
  ContainerFamily familyOf(clang::QualType T) const;

  /// The shared map that \p Access reaches, if the map is shared or is a
  /// data member of the object a method runs on (Member); with
  /// \p LocalRoots, also a map reached from a local or parameter (Handed).
  std::optional<SharedMap> sharedMapOf(const MapAccess &Access,
                                       const clang::ASTContext &Ctx,
                                       bool LocalRoots = false) const;

  /// Appends the maps that \p S changes, where \p S is a call, an
  /// assignment or an increment.
  void writesOf(const clang::Stmt *S,
                llvm::SmallVectorImpl<MapAccess> &Out) const;

  /// Appends the maps that \p S reads: lookups, iteration, size, copies.
  void readsOf(const clang::Stmt *S,
               llvm::SmallVectorImpl<MapAccess> &Out) const;

private:
  ContainerVocabulary Containers;
  /// Accessors known to return a static object (or not: null).
  mutable llvm::DenseMap<const clang::FunctionDecl *, const clang::VarDecl *>
      Singletons;

  void callWrites(const clang::CallExpr *Call,
                  llvm::SmallVectorImpl<MapAccess> &Out) const;
  void structuralWrite(const clang::Expr *Object, bool IsPointer,
                       llvm::StringRef Operation, bool IsSubscript,
                       llvm::SmallVectorImpl<MapAccess> &Out) const;
  void argumentsWritten(const clang::CallExpr *Call, unsigned First,
                        const clang::FunctionDecl *Callee,
                        llvm::StringRef Operation,
                        llvm::SmallVectorImpl<MapAccess> &Out) const;
  /// The container type of \p Object (or of what it points to), as
  /// declared or as converted to a base.
  const ContainerVocabulary::Type *containerOf(const clang::Expr *Object,
                                               bool IsPointer = false) const;
  /// The container whose member \p Call calls, and what the call does.
  const ContainerVocabulary::Type *
  containerCalled(const clang::CXXMemberCallExpr *Call,
                  MemberEffect &Effect) const;
  /// The last call containerCalled answered for, and its answer.
  mutable struct {
    const clang::CXXMemberCallExpr *Call = nullptr;
    const ContainerVocabulary::Type *Type = nullptr;
    MemberEffect Effect = MemberEffect::Read;
  } LastCalled;
  std::optional<MapAccess> elementOwner(const clang::Expr *E,
                                        unsigned Depth) const;
  std::optional<MapAccess> iteratorOwner(const clang::Expr *E,
                                         unsigned Depth) const;
  const clang::VarDecl *singletonStorage(const clang::FunctionDecl *F) const;
};

} // namespace mapguard

#endif // MAPGUARD_ANALYSIS_MAPMODEL_H
