//===--- MapModel.h - Shared maps and the calls that write them -*- C++ -*-===//
//
// Which objects are shared maps (a container of a configured type with static
// storage duration, not thread_local, not const) and which calls change a
// map's structure.
//
//===----------------------------------------------------------------------===//

#ifndef MAPGUARD_ANALYSIS_MAPMODEL_H
#define MAPGUARD_ANALYSIS_MAPMODEL_H

#include "checks/analysis/Names.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <string>

namespace clang {
class VarDecl;
} // namespace clang

namespace mapguard {

/// Why a map is shared between threads.
enum class SharedMapKind : uint8_t {
  Global,       ///< Namespace scope: global, `static`, anonymous, `extern`.
  StaticMember, ///< A static data member.
  LocalStatic,  ///< A function-local static.
};

struct SharedMap {
  const clang::VarDecl *Decl; ///< The canonical declaration.
  SharedMapKind Kind;
};

/// One map that a call writes: `a.swap(b)` writes both.
struct MapWrite {
  const clang::Expr *Object; ///< The map written.
  llvm::StringRef Operation; ///< `operator[]`, `erase`, `std::swap`, ...
  bool IsSubscript = false;
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

  /// The shared map that \p E designates, if it designates one.
  std::optional<SharedMap> sharedMapOf(const clang::Expr *E) const;

  /// Appends the maps that \p Call changes the structure of.
  void writesOf(const clang::CallExpr *Call,
                llvm::SmallVectorImpl<MapWrite> &Out) const;

private:
  NameSet MapTypes;
};

} // namespace mapguard

#endif // MAPGUARD_ANALYSIS_MAPMODEL_H
