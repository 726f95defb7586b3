//===--- GuardInference.h - Which mutex guards each map ---------*- C++ -*-===//
//
// Answers: which mutex guards a shared map, and on what evidence. In order
// of authority: the MapGuards option (resolved to declarations once per
// translation unit), the map's `guarded_by` attribute, and else the mutex
// held at most of the map's accesses outside single-threaded phases.
//
// Leaves out: whether a given access holds the guard, and what is reported
// (Findings.h); which locks an access holds (FunctionAnalysis.h).
//
//===----------------------------------------------------------------------===//

#ifndef MAPGUARD_ANALYSIS_GUARDINFERENCE_H
#define MAPGUARD_ANALYSIS_GUARDINFERENCE_H

#include "checks/analysis/FunctionAnalysis.h"
#include "llvm/ADT/ArrayRef.h"
#include <optional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class ValueDecl;
} // namespace clang

namespace mapguard {

/// The mutex that guards a map, and the evidence for it.
struct MapGuard {
  enum SourceKind : uint8_t {
    Inferred,   ///< Held at most of the map's accesses.
    Annotated,  ///< Named by the map's `guarded_by` attribute.
    Configured, ///< Named by the MapGuards option.
  };
  ObjectPath Mutex;
  SourceKind Source;
  /// The number of the mutex in the unit's pool; none if no code locks it.
  std::optional<MutexId> Id = std::nullopt;
  /// Writes outside single-threaded phases, and how many of them hold it.
  unsigned Writes = 0;
  unsigned GuardedWrites = 0;
  /// An access that holds it, if any.
  const AccessFact *Example = nullptr;

  /// Whether \p Access holds this mutex as much as it needs: exclusively
  /// for a write, in either mode for a read.
  bool isHeldAt(const AccessFact &Access) const {
    return Id && Access.Held->holdsFor(*Id, Access.isWrite());
  }
  bool isHeldIn(const HeldLocks &Held, bool Write) const {
    return Id && Held.holdsFor(*Id, Write);
  }
};

/// The MapGuards option's `map=mutex` entries, resolved to declarations in
/// one translation unit. A name is read as C++ reads a qualified name from
/// the global namespace (`g_routes`, `app::g_routes`, `Registry::entries`);
/// an unqualified mutex is looked up from the map's scope outwards, so that
/// `Registry::entries=mu` names the member `Registry::mu`.
class ConfiguredGuards {
public:
  ConfiguredGuards(clang::ASTContext &Ctx,
                   llvm::ArrayRef<std::pair<std::string, std::string>> Entries);

  /// The configured guard of \p Map, as the map's object names it
  /// (`g_state.mu` for `g_state.by_id`), if an entry names the map.
  std::optional<ObjectPath> mutexFor(const SharedMap &Map) const;

  /// An entry that does not name what it must in this translation unit.
  struct Problem {
    std::string Entry;
    std::string Name; ///< The part that names nothing.
    /// The map, where that part resolved and the mutex did not.
    const clang::ValueDecl *Map = nullptr;
  };
  llvm::ArrayRef<Problem> problems() const { return Problems; }

private:
  struct Entry {
    const clang::ValueDecl *Map;
    const clang::ValueDecl *Mutex;
  };
  std::vector<Entry> Entries;
  std::vector<Problem> Problems;
};

/// The guard of the map whose accesses (outside single-threaded phases or
/// not) are \p Accesses, all of one map, and its evidence. \p Configured is
/// the option's mutex for this map, if any.
std::optional<MapGuard> inferGuard(llvm::ArrayRef<const AccessFact *> Accesses,
                                   std::optional<ObjectPath> Configured,
                                   const HeldLocksPool &Pool,
                                   const clang::ASTContext &Ctx);

} // namespace mapguard

#endif // MAPGUARD_ANALYSIS_GUARDINFERENCE_H
