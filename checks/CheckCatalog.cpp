//===--- CheckCatalog.cpp - What each mapguard check is for ---------------===//

#include "checks/CheckCatalog.h"
#include "checks/InconsistentLockCheck.h"
#include "checks/UnguardedReadCheck.h"
#include "checks/UnguardedWriteCheck.h"
#include "llvm/Support/raw_ostream.h"

namespace mapguard {

template <typename CheckT>
static std::unique_ptr<clang::tidy::ClangTidyCheck>
create(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context,
       std::shared_ptr<AnalysisCache> Cache) {
  return std::make_unique<CheckT>(Name, Context, std::move(Cache));
}

static const CheckDescription Catalog[] = {
    {"mapguard-unguarded-write", create<UnguardedWriteCheck>,
     "A shared map is written without a mutex held.",
     "A map that other threads can reach (a global, a static, a member of "
     "a class that guards it with a mutex) is written on a path where no "
     "mutex is held exclusively. Two threads writing one standard container "
     "at the same time is a data race: undefined behaviour that corrupts "
     "the container or crashes the program.",
     "Lock the mutex that guards the map around the write, for instance "
     "with a std::lock_guard or std::scoped_lock in a block of its own; a "
     "write under a shared lock needs the lock exclusively (std::unique_lock "
     "instead of std::shared_lock).",
     "unguarded-write.md"},
    {"mapguard-inconsistent-lock", create<InconsistentLockCheck>,
     "A shared map is written with a mutex held, but not the one that "
     "guards it.",
     "The map is written while some mutex is held exclusively, but not the "
     "mutex that guards the map's other accesses (named by the MapGuards "
     "option, a guarded_by attribute, or the mutex held at most of its "
     "writes). Two threads holding different mutexes still race.",
     "Lock the map's guarding mutex at this write as well, or instead of "
     "the mutex held here. (Reads under the wrong mutex are "
     "mapguard-unguarded-read's.)",
     "inconsistent-lock.md"},
    {"mapguard-unguarded-read", create<UnguardedReadCheck>,
     "A shared map that is written under a mutex is read without it.",
     "A lookup, iteration or copy of a shared map runs without the mutex "
     "that guards the map's writes. A read concurrent with a write is a "
     "data race too: a rehash or rebalancing in another thread invalidates "
     "what this thread is reading.",
     "Hold the guarding mutex (a std::shared_lock suffices for a "
     "std::shared_mutex) for as long as the read and the use of its "
     "result last.",
     "unguarded-read.md"},
};

llvm::ArrayRef<CheckDescription> checkCatalog() { return Catalog; }

const CheckDescription *describeCheck(llvm::StringRef Name) {
  for (const CheckDescription &Check : Catalog)
    if (Check.Name == Name)
      return &Check;
  return nullptr;
}

void writeCheckIndex(llvm::raw_ostream &OS) {
  OS << "# mapguard's checks\n\n"
     << "<!-- Written by `mapguard --print-check-index`, from the registry "
        "in checks/CheckCatalog.cpp; test/tool/check-catalog.test fails "
        "when they differ. -->\n\n"
     << "| Check | Reports |\n|---|---|\n";
  for (const CheckDescription &Check : Catalog)
    OS << "| [`" << Check.Name << "`](" << Check.DocPage << ") | "
       << Check.Summary << " |\n";
}

} // namespace mapguard
