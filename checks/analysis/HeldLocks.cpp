//===--- HeldLocks.cpp - Sets of held locks, each stored once -------------===//

#include "checks/analysis/HeldLocks.h"
#include "llvm/ADT/Hashing.h"
#include "llvm/ADT/STLExtras.h"
#include <algorithm>

namespace mapguard {

std::optional<MutexId> HeldLocks::firstExclusive() const {
  for (unsigned Lock : Locks)
    if (modeOfLock(Lock) == LockMode::Exclusive)
      return mutexOfLock(Lock);
  return std::nullopt;
}

std::optional<MutexId> HeldLocks::firstSharedOnly() const {
  for (unsigned Lock : Locks)
    if (modeOfLock(Lock) == LockMode::Shared &&
        !holdsExclusive(mutexOfLock(Lock)))
      return mutexOfLock(Lock);
  return std::nullopt;
}

HeldLocksPool::HeldLocksPool() {
  llvm::SmallVector<unsigned, 1> None;
  Empty = get(None);
}

MutexId HeldLocksPool::intern(const ObjectPath &Mutex) {
  MutexId Id = Mutexes.intern(Mutex);
  if (Id == Global.size())
    Global.push_back(Mutex.isGlobal());
  return Id;
}

const HeldLocks *HeldLocksPool::get(llvm::SmallVectorImpl<unsigned> &Locks) {
  llvm::sort(Locks);
  Locks.erase(std::unique(Locks.begin(), Locks.end()), Locks.end());
  unsigned Hash = static_cast<unsigned>(
                      llvm::hash_combine_range(Locks.begin(), Locks.end())) &
                  0x7fffffffu; // Off DenseMap's reserved keys.
  auto &Bucket = ByHash[Hash];
  for (const HeldLocks *Set : Bucket)
    if (llvm::ArrayRef<unsigned>(Set->Locks) == llvm::ArrayRef<unsigned>(Locks))
      return Set;
  HeldLocks *Set = new (Storage.Allocate()) HeldLocks();
  Set->Locks.assign(Locks.begin(), Locks.end());
  Set->AllGlobal = llvm::all_of(
      Locks, [&](unsigned Lock) { return Global[mutexOfLock(Lock)]; });
  Bucket.push_back(Set);
  return Set;
}

const HeldLocks *HeldLocksPool::intersect(const HeldLocks *A,
                                          const HeldLocks *B) {
  if (A == B)
    return A;
  llvm::SmallVector<unsigned, 4> Both;
  std::set_intersection(A->Locks.begin(), A->Locks.end(), B->Locks.begin(),
                        B->Locks.end(), std::back_inserter(Both));
  if (Both.size() == A->size())
    return A;
  if (Both.size() == B->size())
    return B;
  return get(Both);
}

const HeldLocks *HeldLocksPool::unite(const HeldLocks *A, const HeldLocks *B) {
  if (A == B || B->empty())
    return A;
  if (A->empty())
    return B;
  llvm::SmallVector<unsigned, 4> Either;
  std::set_union(A->Locks.begin(), A->Locks.end(), B->Locks.begin(),
                 B->Locks.end(), std::back_inserter(Either));
  return get(Either);
}

const HeldLocks *HeldLocksPool::of(llvm::ArrayRef<GuardedMutex> Held) {
  llvm::SmallVector<unsigned, 4> Locks;
  for (const GuardedMutex &M : Held)
    Locks.push_back(lockNumber(intern(M.Mutex), M.Mode));
  return get(Locks);
}

llvm::SmallVector<GuardedMutex, 2>
HeldLocksPool::list(const HeldLocks *Set) const {
  llvm::SmallVector<GuardedMutex, 2> Out;
  for (unsigned Lock : Set->locks())
    Out.push_back({mutex(mutexOfLock(Lock)), modeOfLock(Lock)});
  return Out;
}

} // namespace mapguard
