//===--- Findings.h - What is reported, decided once ------------*- C++ -*-===//
//
// Answers: which accesses to shared maps are mistakes, of which kind, and
// why. A finding carries everything a diagnostic says: the access, its map
// (and so why the map is shared), the guard and its evidence, the mutex held
// instead, the call where it is reported at a caller, and why the guard is
// not held, explained for the guard's own lock after the guard is known.
// Checks select kinds and word them; they never re-derive a verdict.
//
// One report per mistake: reads of one map in one full expression
// (`m.find(k) == m.end()`) are one finding, and the findings of one kind
// that one release leaves unguarded in one function are one finding at the
// first, listing the others.
//
// Leaves out: the guard itself (GuardInference.h) and the locks held at an
// access (FunctionAnalysis.h); how a finding is worded (the checks).
//
//===----------------------------------------------------------------------===//

#ifndef MAPGUARD_ANALYSIS_FINDINGS_H
#define MAPGUARD_ANALYSIS_FINDINGS_H

#include "checks/analysis/GuardInference.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <optional>

namespace clang {
class FieldDecl;
} // namespace clang

namespace mapguard {

enum class FindingKind : uint8_t {
  /// A write to a shared map with no mutex held exclusively.
  UnguardedWrite,
  /// A write that holds a mutex (the guard, where known) only shared.
  WriteHeldShared,
  /// A write holding some mutex exclusively, but not the map's guard.
  WriteWrongMutex,
  /// A write in a template whose instantiations each hold a different
  /// mutex (a static mutex per instantiation).
  WriteMutexVaries,
  /// A read of a map written outside single-threaded phases, without the
  /// mutex that guards its writes.
  UnguardedRead,
  /// A call whose callee writes a shared map with no mutex of its own, and
  /// that does not hold the guard where other calls of the callee do.
  CallWritesUnguarded,
  /// The same, where the callee holds some other mutex exclusively.
  CallWritesWrongMutex,
  /// The same, where the callee reads a map written concurrently.
  CallReadsUnguarded,
  /// A function the analysis gave up on at its budget.
  AnalysisStopped,
  /// A MapGuards entry that names nothing in the translation unit.
  GuardOptionUnresolved,
  /// A member of a lock-like type that mapguard cannot read: the maps of
  /// the classes holding one are not checked (a remark, once per type).
  LockUnreadable,
};

/// The kinds' names, as docs/design.md lists them.
llvm::StringRef kindName(FindingKind Kind);

/// The fix a finding offers, where one is safe to spell.
enum class FixKind : uint8_t {
  None,
  /// Lock the guard around the statement (the access, or the call).
  LockAround,
  /// Make the shared guard that holds the guard exclusive.
  MakeExclusive,
};

struct MapFacts;
struct SharedRoot;

struct Finding {
  FindingKind Kind;
  /// The access; for the Call kinds, the callee's access.
  const AccessFact *Access = nullptr;
  /// The map's guard, where one is known.
  const MapGuard *Guard = nullptr;
  /// The mutex held instead: exclusively (WriteWrongMutex,
  /// WriteMutexVaries), or only shared (WriteHeldShared).
  const ObjectPath *Held = nullptr;
  /// Call kinds: the call that misses the guard, the function it is in, and
  /// a call of the same callee that holds it.
  const clang::Expr *Call = nullptr;
  const clang::FunctionDecl *Caller = nullptr;
  const clang::Expr *GoodCall = nullptr;
  /// Call kinds: the callee requires the guard (`requires_capability`),
  /// rather than other calls holding it.
  bool Required = false;
  /// Why the guard is not held at the access, where a release or a branch
  /// says it.
  std::optional<NotHeldReason> Why;
  FixKind Fix = FixKind::None;
  /// Other accesses the same release leaves unguarded in the same function.
  llvm::SmallVector<const AccessFact *, 0> Others;
  /// AnalysisStopped: the function and the budget.
  const clang::FunctionDecl *Function = nullptr;
  BudgetKind Budget = BudgetKind::None;
  /// What the unit knows of the access's map.
  const MapFacts *Map = nullptr;
  /// GuardOptionUnresolved: the entry.
  const ConfiguredGuards::Problem *Option = nullptr;
  /// LockUnreadable: the first member of the type, in a class whose maps
  /// are not checked for it.
  const clang::FieldDecl *Lock = nullptr;

  /// Where the finding is reported.
  clang::SourceLocation location() const;
};

/// What the translation unit knows of one map.
struct MapFacts {
  std::optional<MapGuard> Guard;
  /// Any map with static storage duration; a member map of a class meant for
  /// sharing or whose objects a shared root reaches; a map handed to a
  /// thread or callback.
  bool Shared = false;
  /// Why a member map is shared.
  enum SharedReason : uint8_t {
    /// Static storage duration (see the map's SharedMapKind).
    Storage,
    /// Its class guards it: its guard is named by an attribute or the
    /// MapGuards option, or is a member mutex held at most accesses.
    ClassGuard,
    /// Its class has a mutex member that no code of the unit names: its
    /// lock statements lock something else, or nothing.
    MutexMember,
    /// A mutex (member, parameter, global) is held at one of its accesses.
    LockedAccess,
    /// Its class's instance is a singleton's, returned by Accessor.
    SingletonInstance,
    /// Its class's objects are reached from a shared root (Root).
    ReachedClass,
    /// A map reached from a local or parameter handed to a thread or
    /// callback (Root).
    HandedObject,
    /// Not checked: its class holds a lock mapguard cannot read (Lock).
    UnreadableLock,
  };
  SharedReason Why = Storage;
  /// MutexMember: the member; LockedAccess: the access.
  const clang::FieldDecl *Mutex = nullptr;
  const AccessFact *LockedAt = nullptr;
  /// SingletonInstance: the accessor.
  const clang::FunctionDecl *Accessor = nullptr;
  /// ReachedClass, HandedObject: why the objects are shared.
  const SharedRoot *Root = nullptr;
  /// UnreadableLock: the member.
  const clang::FieldDecl *Lock = nullptr;
  /// Written outside single-threaded phases.
  bool WrittenConcurrently = false;
};

/// Accesses to explain in one function, by site and ordinal: the mutex
/// whose absence to explain, if the map has a guard.
using ExplainRequests = llvm::DenseMap<std::pair<const clang::Expr *, unsigned>,
                                       std::optional<MutexId>>;

/// What the findings need of the rest of the analysis of the unit.
class FindingInputs {
public:
  virtual ~FindingInputs() = default;
  /// Whether \p F takes its context from its callers, which are all known.
  virtual bool listensToCallers(const clang::FunctionDecl *F) = 0;
  /// Calls \p Visit with each call of \p F.
  virtual void
  forEachIncoming(const clang::FunctionDecl *F,
                  llvm::function_ref<void(const IncomingCall &)> Visit) = 0;
  /// Whether the call \p Site runs its method on an object that is a local
  /// of the caller no thread or callback is handed (`FlagValue v(...);
  /// v.ParseFrom(s);`): the callee's own members are the caller's there.
  virtual bool callsOnKeptLocal(const clang::Expr *Site) = 0;
  /// The accesses of \p F analysed anew in the context it was analysed in,
  /// with the accesses of \p Requests explained.
  virtual FunctionFacts explain(const clang::FunctionDecl *F,
                                const ExplainRequests &Requests) = 0;
};

/// The findings of the translation unit, in source order. \p MapOf gives
/// the index in \p Maps of each access's map. The findings point into
/// \p Accesses, \p Maps, \p Problems and \p Pool.
std::vector<Finding> findFindings(llvm::ArrayRef<AccessFact> Accesses,
                                  llvm::ArrayRef<unsigned> MapOf,
                                  llvm::ArrayRef<MapFacts> Maps,
                                  const HeldLocksPool &Pool,
                                  FindingInputs &Inputs,
                                  const clang::ASTContext &Ctx);

} // namespace mapguard

#endif // MAPGUARD_ANALYSIS_FINDINGS_H
