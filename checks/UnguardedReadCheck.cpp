//===--- UnguardedReadCheck.cpp - mapguard-unguarded-read -----------------===//

#include "checks/UnguardedReadCheck.h"

using namespace clang;

namespace mapguard {

static bool isRead(const AccessFact &Access) { return !Access.isWrite(); }

void UnguardedReadCheck::report(const TranslationUnitFacts &Facts) {
  for (const AccessFact &Access : Facts.accesses()) {
    if (!isRead(Access) || !Facts.isShared(Access) || Access.SingleThreaded ||
        !Facts.isWrittenConcurrently(Access) ||
        Facts.isReportedAtCallers(Access))
      continue;
    // Without a guarding mutex every write is reported already.
    const MapGuard *Guard = Facts.guardOf(Access);
    if (!Guard || TranslationUnitFacts::holds(Access, *Guard))
      continue;
    diag(Access.Site->getBeginLoc(),
         "read of shared map '%0' does not hold '%1', which guards its writes")
        << mapName(Access.Map) << Guard->Mutex.name()
        << Access.Site->getSourceRange();
    noteWhyShared(Access);
    noteWhyNotHeld(Access);
    noteEvidence(Access, Guard);
  }
  reportCallers(Facts, isRead);
}

} // namespace mapguard
