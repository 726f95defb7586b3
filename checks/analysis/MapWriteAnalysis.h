//===--- MapWriteAnalysis.h - Writes to shared maps and their locks -*- C++
//-*-//
//
// Ties the models together: finds the writes to shared maps in a function,
// asks the lockset analysis which mutexes are held at each, and collects the
// facts of a translation unit, where each map's usual guard is inferred.
//
//===----------------------------------------------------------------------===//

#ifndef MAPGUARD_ANALYSIS_MAPWRITEANALYSIS_H
#define MAPGUARD_ANALYSIS_MAPWRITEANALYSIS_H

#include "checks/analysis/LockModel.h"
#include "checks/analysis/LocksetAnalysis.h"
#include "checks/analysis/MapModel.h"
#include "llvm/ADT/DenseMap.h"
#include <optional>
#include <vector>

namespace clang {
class FunctionDecl;
} // namespace clang

namespace mapguard {

/// Why a write is not protected, with the mutex it is about.
struct UnprotectedReason {
  NotHeldReason Reason;
  ObjectPath Mutex;
};

/// One write to a shared map and the mutexes held on every path to it.
struct WriteFact {
  const clang::Expr *Site;
  /// Which of the maps the site writes (`a.swap(b)` writes two).
  unsigned Ordinal;
  SharedMap Map;
  llvm::StringRef Operation;
  /// The value of an element changes, not the map's structure.
  bool IsElementWrite = false;
  /// An `operator[]` whose result is only read: it still inserts.
  bool SubscriptOnlyRead = false;
  /// Mutexes held exclusively on every path.
  llvm::SmallVector<ObjectPath, 1> Held;
  /// Mutexes held only shared on every path: not enough for a write.
  llvm::SmallVector<ObjectPath, 1> HeldShared;
  std::optional<UnprotectedReason> Why;

  bool isProtected() const { return !Held.empty(); }
};

/// Finds the writes to shared maps in the body of \p Function and the locks
/// held at each. The function is analysed as entered with no lock held.
/// Element writes are looked for only if \p ElementWrites.
std::vector<WriteFact> analyzeMapWrites(const clang::FunctionDecl &Function,
                                        const MapModel &Maps,
                                        const LockModel &Locks,
                                        bool ElementWrites);

/// The mutex held at most writes to a map, and one write that holds it.
struct UsualGuard {
  const ObjectPath *Mutex;
  const WriteFact *Example;
  unsigned Sites;
};

/// The writes of one translation unit, one per source location: a template
/// instantiated many times writes at one site, and that site is protected
/// only if every instantiation holds a mutex there.
class MapWriteLog {
public:
  void add(std::vector<WriteFact> Facts);
  const std::vector<WriteFact> &writes() const { return Writes; }
  std::optional<UsualGuard> usualGuard(const ObjectPath &Map) const;
  void clear();

private:
  std::vector<WriteFact> Writes;
  llvm::DenseMap<std::pair<unsigned, unsigned>, size_t> BySite;
};

} // namespace mapguard

#endif // MAPGUARD_ANALYSIS_MAPWRITEANALYSIS_H
