//===--- UnguardedWriteCheck.cpp - mapguard-unguarded-write ---------------===//

#include "checks/UnguardedWriteCheck.h"
#include "checks/analysis/Names.h"
#include "checks/analysis/SharedObjects.h"
#include "clang/AST/DeclCXX.h"

using namespace clang;

namespace mapguard {

bool UnguardedWriteCheck::selects(FindingKind Kind) const {
  return Kind == FindingKind::UnguardedWrite ||
         Kind == FindingKind::WriteHeldShared ||
         Kind == FindingKind::CallWritesUnguarded ||
         Kind == FindingKind::AnalysisStopped ||
         Kind == FindingKind::LockUnreadable;
}

void UnguardedWriteCheck::report(const Finding &F) {
  if (F.Kind == FindingKind::AnalysisStopped) {
    diag(F.Function->getLocation(),
         "analysis of '%0' stopped at its budget: the function is "
         "%select{too large or too branchy|nested too deeply}1, and its "
         "accesses are not checked",
         DiagnosticIDs::Remark)
        << F.Function->getNameAsString() << (F.Budget == BudgetKind::Nesting);
    return;
  }
  if (F.Kind == FindingKind::LockUnreadable) {
    const CXXRecordDecl *Lock = objectClassOf(F.Lock->getType());
    diag(F.Lock->getLocation(),
         "'%0' looks like a lock, but mapguard cannot tell what it locks: the "
         "containers of '%1', which holds one in '%2', are not checked; name "
         "'%3' in the option 'LockTypes' (its guard in 'GuardTypes') to "
         "check them",
         DiagnosticIDs::Remark)
        << Lock->getName()
        << cast<CXXRecordDecl>(F.Lock->getParent())->getName()
        << F.Lock->getName() << qualifiedName(Lock);
    return;
  }
  if (F.Kind == FindingKind::CallWritesUnguarded) {
    reportAtCaller(F);
    return;
  }
  const AccessFact &Access = *F.Access;
  bool Element = Access.Kind == AccessKind::ElementWrite;
  if (F.Kind == FindingKind::UnguardedWrite)
    diag(Access.Site->getBeginLoc(),
         "write to %select{|an element of }1shared %2 '%0' is not "
         "protected by a mutex")
        << Access.Map.Path.name() << Element << nounOf(Access.Map)
        << Access.Site->getSourceRange();
  else
    diag(Access.Site->getBeginLoc(),
         "write to %select{|an element of }1shared %3 '%0' holds '%2' "
         "only shared; a write needs it exclusively")
        << Access.Map.Path.name() << Element << F.Held->name()
        << nounOf(Access.Map) << Access.Site->getSourceRange();
  noteWhyShared(F);
  noteWhyNotHeld(F);
  noteEvidence(Access, F.Guard);
  if (Access.SubscriptOnlyRead)
    diag(Access.Site->getBeginLoc(),
         "'operator[]' inserts a default-constructed element when the key "
         "is missing, so it writes even where its result is only read; use "
         "'find' or 'at' to look up without inserting",
         DiagnosticIDs::Note);
  noteOthers(F);
  suggestFix(F);
}

} // namespace mapguard
