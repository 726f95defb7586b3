//===--- InconsistentLockCheck.cpp - mapguard-inconsistent-lock -----------===//

#include "checks/InconsistentLockCheck.h"

using namespace clang;

namespace mapguard {

bool InconsistentLockCheck::selects(FindingKind Kind) const {
  return Kind == FindingKind::WriteWrongMutex ||
         Kind == FindingKind::WriteMutexVaries ||
         Kind == FindingKind::CallWritesWrongMutex;
}

void InconsistentLockCheck::report(const Finding &F) {
  if (F.Kind == FindingKind::CallWritesWrongMutex) {
    reportAtCaller(F);
    return;
  }
  const AccessFact &Access = *F.Access;
  bool Element = Access.Kind == AccessKind::ElementWrite;
  if (F.Kind == FindingKind::WriteMutexVaries) {
    diag(Access.Site->getBeginLoc(),
         "write to %select{|an element of }1shared %4 '%0' holds '%2', a "
         "different mutex in each instantiation of '%3'")
        << Access.Map.Path.name() << Element << F.Held->name()
        << Access.Function->getNameAsString() << nounOf(Access.Map)
        << Access.Site->getSourceRange();
  } else {
    // A global `mu` and a member `mu` are told apart.
    diag(Access.Site->getBeginLoc(),
         "write to %select{|an element of }1shared %4 '%0' holds '%2' but "
         "not '%3', which guards it")
        << Access.Map.Path.name() << Element
        << F.Held->nameApartFrom(F.Guard->Mutex)
        << F.Guard->Mutex.nameApartFrom(*F.Held) << nounOf(Access.Map)
        << Access.Site->getSourceRange();
  }
  noteWhyShared(F);
  noteEvidence(Access, F.Guard);
}

} // namespace mapguard
