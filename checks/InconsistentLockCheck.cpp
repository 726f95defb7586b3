//===--- InconsistentLockCheck.cpp - mapguard-inconsistent-lock -----------===//

#include "checks/InconsistentLockCheck.h"

using namespace clang;

namespace mapguard {

/// A write this check is about: some mutex held exclusively.
static bool holdsSomeMutex(const AccessFact &Access) {
  return Access.isWrite() && Access.holdsExclusive();
}

void InconsistentLockCheck::report(const TranslationUnitFacts &Facts) {
  for (const AccessFact &Access : Facts.accesses()) {
    if (!holdsSomeMutex(Access) || !Facts.isShared(Access) ||
        Access.SingleThreaded || Facts.isReportedAtCallers(Access))
      continue;
    const MapGuard *Guard = Facts.guardOf(Access);
    if (Access.HeldVariesByInstantiation) {
      diag(Access.Site->getBeginLoc(),
           "write to %select{|an element of }1shared map '%0' holds '%2', a "
           "different mutex in each instantiation of '%3'")
          << mapName(Access.Map) << (Access.Kind == AccessKind::ElementWrite)
          << Facts.heldExclusive(Access)->name()
          << Access.Function->getNameAsString()
          << Access.Site->getSourceRange();
      noteWhyShared(Access);
      noteEvidence(Access, Guard);
      continue;
    }
    if (!Guard || TranslationUnitFacts::holds(Access, *Guard))
      continue;
    diag(Access.Site->getBeginLoc(),
         "write to %select{|an element of }1shared map '%0' holds '%2' but "
         "not '%3', which guards it")
        << mapName(Access.Map) << (Access.Kind == AccessKind::ElementWrite)
        << Facts.heldExclusive(Access)->name() << Guard->Mutex.name()
        << Access.Site->getSourceRange();
    noteWhyShared(Access);
    noteEvidence(Access, Guard);
  }
  reportCallers(Facts, holdsSomeMutex);
}

} // namespace mapguard
