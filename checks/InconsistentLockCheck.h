//===--- InconsistentLockCheck.h - mapguard-inconsistent-lock ---*- C++ -*-===//
//
// Reports each write to a shared map that holds some mutex, but not the one
// that guards the map: the mutex held at most of its accesses, named by a
// `guarded_by` attribute, or given by the option MapGuards.
//
//===----------------------------------------------------------------------===//

#ifndef MAPGUARD_CHECKS_INCONSISTENTLOCKCHECK_H
#define MAPGUARD_CHECKS_INCONSISTENTLOCKCHECK_H

#include "checks/MapguardCheck.h"

namespace mapguard {

class InconsistentLockCheck : public MapguardCheck {
public:
  using MapguardCheck::MapguardCheck;

protected:
  bool selects(FindingKind Kind) const override;
  void report(const Finding &F) override;
};

} // namespace mapguard

#endif // MAPGUARD_CHECKS_INCONSISTENTLOCKCHECK_H
