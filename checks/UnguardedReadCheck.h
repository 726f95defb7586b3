//===--- UnguardedReadCheck.h - mapguard-unguarded-read ---------*- C++ -*-===//
//
// Reports each read of a shared map (a lookup, an iteration, its size, a
// copy) that does not hold the mutex guarding the map, where the map is
// also written outside single-threaded phases. A map only read after its
// initialisation, a lookup table, is never reported.
//
//===----------------------------------------------------------------------===//

#ifndef MAPGUARD_CHECKS_UNGUARDEDREADCHECK_H
#define MAPGUARD_CHECKS_UNGUARDEDREADCHECK_H

#include "checks/MapguardCheck.h"

namespace mapguard {

class UnguardedReadCheck : public MapguardCheck {
public:
  using MapguardCheck::MapguardCheck;

protected:
  bool selects(FindingKind Kind) const override;
  void report(const Finding &F) override;
};

} // namespace mapguard

#endif // MAPGUARD_CHECKS_UNGUARDEDREADCHECK_H
