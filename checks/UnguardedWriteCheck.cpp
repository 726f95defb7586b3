//===--- UnguardedWriteCheck.cpp - mapguard-unguarded-write ---------------===//

#include "checks/UnguardedWriteCheck.h"

using namespace clang;

namespace mapguard {

/// A write this check is about: no mutex held exclusively.
static bool isUnguardedWrite(const AccessFact &Access) {
  return Access.isWrite() && !Access.holdsExclusive();
}

void UnguardedWriteCheck::report(const TranslationUnitFacts &Facts) {
  for (const AccessFact &Access : Facts.accesses()) {
    if (!isUnguardedWrite(Access) || !Facts.isShared(Access) ||
        Access.SingleThreaded || Facts.isReportedAtCallers(Access))
      continue;
    bool Element = Access.Kind == AccessKind::ElementWrite;
    const ObjectPath *Shared = Facts.heldSharedOnly(Access);
    if (!Shared)
      diag(Access.Site->getBeginLoc(),
           "write to %select{|an element of }1shared map '%0' is not "
           "protected by a mutex")
          << mapName(Access.Map) << Element << Access.Site->getSourceRange();
    else
      diag(Access.Site->getBeginLoc(),
           "write to %select{|an element of }1shared map '%0' holds '%2' "
           "only shared; a write needs it exclusively")
          << mapName(Access.Map) << Element << Shared->name()
          << Access.Site->getSourceRange();
    noteWhyShared(Access);
    noteWhyNotHeld(Access);
    const MapGuard *Guard = Facts.guardOf(Access);
    noteEvidence(Access, Guard);
    if (Access.SubscriptOnlyRead)
      diag(Access.Site->getBeginLoc(),
           "'operator[]' inserts a default-constructed element when the key "
           "is missing, so it writes even where its result is only read; use "
           "'find' or 'at' to look up without inserting",
           DiagnosticIDs::Note);
    if (Guard && (!Shared || *Shared == Guard->Mutex))
      suggestFix(Access.Site, Access.Function, Access.Map, *Guard,
                 /*AtCall=*/false, /*HeldShared=*/Shared != nullptr);
  }
  reportCallers(Facts, isUnguardedWrite);
  for (auto [F, Budget] : Facts.unfinishedFunctions())
    diag(F->getLocation(),
         "analysis of '%0' stopped at its budget: the function is "
         "%select{too large or too branchy|nested too deeply}1, and its "
         "accesses are not checked",
         DiagnosticIDs::Remark)
        << F->getNameAsString() << (Budget == BudgetKind::Nesting);
}

} // namespace mapguard
