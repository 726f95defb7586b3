//===--- HeldLocks.h - Sets of held locks, each stored once -----*- C++ -*-===//
//
// Which locks are held at a point, stored so that the cost does not grow with
// the number of mutexes of the translation unit times the points that hold
// them. Every mutex of the unit is numbered once (an ObjectPathTable); a
// lock is a mutex number and a mode; every distinct set of held locks is
// stored once, sorted, and shared by each access, call and context that
// holds exactly it. Equal sets are the same pointer; an intersection or a
// membership test costs the sizes of the sets involved, never the unit's
// mutex count.
//
// Leaves out: what locks a statement takes (LockModel) and where in a
// function they are held (LocksetAnalysis).
//
//===----------------------------------------------------------------------===//

#ifndef MAPGUARD_ANALYSIS_HELDLOCKS_H
#define MAPGUARD_ANALYSIS_HELDLOCKS_H

#include "checks/analysis/LockModel.h"
#include "checks/analysis/ObjectPath.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Allocator.h"
#include <optional>

namespace mapguard {

using MutexId = ObjectPathTable::Id;

/// A lock: a mutex of the unit in a mode, as one number.
inline unsigned lockNumber(MutexId Mutex, LockMode Mode) {
  return 2 * Mutex + static_cast<unsigned>(Mode);
}
inline MutexId mutexOfLock(unsigned Lock) { return Lock / 2; }
inline LockMode modeOfLock(unsigned Lock) {
  return static_cast<LockMode>(Lock % 2);
}

/// A set of locks held together, interned by HeldLocksPool: compare
/// pointers, not contents.
class HeldLocks {
public:
  /// The lock numbers, ascending.
  llvm::ArrayRef<unsigned> locks() const { return Locks; }
  bool empty() const { return Locks.empty(); }
  size_t size() const { return Locks.size(); }

  /// Whether \p Mutex is held exclusively.
  bool holdsExclusive(MutexId Mutex) const {
    return contains(lockNumber(Mutex, LockMode::Exclusive));
  }
  /// Whether \p Mutex is held in shared mode only (held both ways counts as
  /// exclusive).
  bool holdsSharedOnly(MutexId Mutex) const {
    return contains(lockNumber(Mutex, LockMode::Shared)) &&
           !holdsExclusive(Mutex);
  }
  /// Whether \p Mutex is held enough for an access: exclusively for a
  /// write, in either mode for a read.
  bool holdsFor(MutexId Mutex, bool Write) const {
    return holdsExclusive(Mutex) || (!Write && holdsSharedOnly(Mutex));
  }
  /// The first mutex held exclusively, and the first held shared only, in
  /// number order.
  std::optional<MutexId> firstExclusive() const;
  std::optional<MutexId> firstSharedOnly() const;
  bool anyExclusive() const { return firstExclusive().has_value(); }
  bool anySharedOnly() const { return firstSharedOnly().has_value(); }

  /// Whether every mutex is named the same in every function (a global, or
  /// a function's result): the set reads the same in a callee.
  bool allGlobal() const { return AllGlobal; }

private:
  friend class HeldLocksPool;
  llvm::SmallVector<unsigned, 2> Locks;
  bool AllGlobal = true;

  bool contains(unsigned Lock) const {
    return std::binary_search(Locks.begin(), Locks.end(), Lock);
  }
};

/// The mutexes of a translation unit, numbered, and the distinct sets of
/// locks held together. Sets live as long as the pool.
class HeldLocksPool {
public:
  HeldLocksPool();
  HeldLocksPool(const HeldLocksPool &) = delete;
  HeldLocksPool &operator=(const HeldLocksPool &) = delete;

  MutexId intern(const ObjectPath &Mutex);
  std::optional<MutexId> find(const ObjectPath &Mutex) const {
    return Mutexes.find(Mutex);
  }
  const ObjectPath &mutex(MutexId Id) const { return Mutexes.path(Id); }
  size_t numMutexes() const { return Mutexes.size(); }

  /// The set of no lock.
  const HeldLocks *none() const { return Empty; }
  /// The set of \p Locks (lock numbers, in any order, repeats allowed).
  const HeldLocks *get(llvm::SmallVectorImpl<unsigned> &Locks);
  /// The locks of both sets.
  const HeldLocks *intersect(const HeldLocks *A, const HeldLocks *B);
  /// The locks of either set.
  const HeldLocks *unite(const HeldLocks *A, const HeldLocks *B);
  /// The set of \p Mutexes.
  const HeldLocks *of(llvm::ArrayRef<GuardedMutex> Mutexes);
  /// \p Set as a list of mutexes and modes, in number order.
  llvm::SmallVector<GuardedMutex, 2> list(const HeldLocks *Set) const;

private:
  ObjectPathTable Mutexes;
  /// Per mutex number: whether its path is global.
  std::vector<bool> Global;
  llvm::SpecificBumpPtrAllocator<HeldLocks> Storage;
  /// By hash of the lock numbers, the sets with that hash.
  llvm::DenseMap<unsigned, llvm::SmallVector<const HeldLocks *, 1>> ByHash;
  const HeldLocks *Empty;
};

} // namespace mapguard

#endif // MAPGUARD_ANALYSIS_HELDLOCKS_H
