//===--- MapModel.h - Shared maps and what writes them ----------*- C++ -*-===//
//
// Which objects are shared maps (a container of a configured type that lives
// in an object with static storage duration, not thread_local, not const) and
// which expressions change a map: its structure (`insert`, `erase`,
// `operator[]`...) or the value of one of its elements (`m.at(k) = v`,
// `it->second = v`).
//
//===----------------------------------------------------------------------===//

#ifndef MAPGUARD_ANALYSIS_MAPMODEL_H
#define MAPGUARD_ANALYSIS_MAPMODEL_H

#include "checks/analysis/Names.h"
#include "checks/analysis/ObjectPath.h"
#include "clang/AST/Expr.h"
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
};

struct SharedMap {
  /// The map as reached: `g_map`, `g_state.by_id`, `registry().map`.
  ObjectPath Path;
  /// The object with static storage duration the map is, or lives in.
  const clang::VarDecl *Storage;
  SharedMapKind Kind;
  /// The accessor that returns Storage, for a Meyers singleton.
  const clang::FunctionDecl *Singleton = nullptr;
};

/// One map that an expression changes: `a.swap(b)` changes both.
struct MapWrite {
  const clang::Expr *Object; ///< The map, or a pointer to it.
  bool ObjectIsPointer = false;
  llvm::StringRef Operation; ///< `operator[]`, `erase`, `std::swap`, ...
  bool IsSubscript = false;
  /// The value of an element changes, not the map's structure.
  bool IsElementWrite = false;
};

class MapModel {
public:
  /// The eight standard associative containers.
  static llvm::ArrayRef<llvm::StringRef> defaultMapTypes();

  /// \p MapTypes: qualified names of the container templates (or classes)
  /// that count as maps.
  explicit MapModel(llvm::ArrayRef<llvm::StringRef> MapTypes);

  bool isMapType(clang::QualType T) const {
    return MapTypes.containsClassOf(T);
  }

  /// The shared map that \p Write changes, if the map is shared.
  std::optional<SharedMap> sharedMapOf(const MapWrite &Write,
                                       const clang::ASTContext &Ctx) const;

  /// Appends the maps that \p S changes, where \p S is a call, an
  /// assignment or an increment.
  void writesOf(const clang::Stmt *S,
                llvm::SmallVectorImpl<MapWrite> &Out) const;

private:
  NameSet MapTypes;
  /// Accessors known to return a static object (or not: null).
  mutable llvm::DenseMap<const clang::FunctionDecl *, const clang::VarDecl *>
      Singletons;

  void callWrites(const clang::CallExpr *Call,
                  llvm::SmallVectorImpl<MapWrite> &Out) const;
  std::optional<MapWrite> elementOwner(const clang::Expr *E,
                                       unsigned Depth) const;
  std::optional<MapWrite> iteratorOwner(const clang::Expr *E,
                                        unsigned Depth) const;
  const clang::VarDecl *singletonStorage(const clang::FunctionDecl *F) const;
};

} // namespace mapguard

#endif // MAPGUARD_ANALYSIS_MAPMODEL_H
