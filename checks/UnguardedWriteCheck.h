//===--- UnguardedWriteCheck.h - mapguard-unguarded-write -------*- C++ -*-===//
//
// Reports each write to a shared map that no mutex held exclusively
// protects on every path, in its context: its callers' locks, its thread,
// and outside single-threaded phases.
//
//===----------------------------------------------------------------------===//

#ifndef MAPGUARD_CHECKS_UNGUARDEDWRITECHECK_H
#define MAPGUARD_CHECKS_UNGUARDEDWRITECHECK_H

#include "checks/MapguardCheck.h"

namespace mapguard {

class UnguardedWriteCheck : public MapguardCheck {
public:
  using MapguardCheck::MapguardCheck;

protected:
  bool selects(FindingKind Kind) const override;
  void report(const Finding &F) override;
};

} // namespace mapguard

#endif // MAPGUARD_CHECKS_UNGUARDEDWRITECHECK_H
