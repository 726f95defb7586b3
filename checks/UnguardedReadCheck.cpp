//===--- UnguardedReadCheck.cpp - mapguard-unguarded-read -----------------===//

#include "checks/UnguardedReadCheck.h"

using namespace clang;

namespace mapguard {

bool UnguardedReadCheck::selects(FindingKind Kind) const {
  return Kind == FindingKind::UnguardedRead ||
         Kind == FindingKind::CallReadsUnguarded;
}

void UnguardedReadCheck::report(const Finding &F) {
  if (F.Kind == FindingKind::CallReadsUnguarded) {
    reportAtCaller(F);
    return;
  }
  const AccessFact &Access = *F.Access;
  diag(Access.Site->getBeginLoc(),
       "read of shared %2 '%0' does not hold '%1', which guards its writes")
      << Access.Map.Path.name() << F.Guard->Mutex.name() << nounOf(Access.Map)
      << Access.Site->getSourceRange();
  noteWhyShared(F);
  noteWhyNotHeld(F);
  noteEvidence(Access, F.Guard);
  noteOthers(F);
}

} // namespace mapguard
