//===--- MapguardModule.cpp - The mapguard clang-tidy module --------------===//

#include "checks/UnguardedWriteCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"

namespace mapguard {

class MapguardModule : public clang::tidy::ClangTidyModule {
public:
  void
  addCheckFactories(clang::tidy::ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<UnguardedWriteCheck>("mapguard-unguarded-write");
  }
};

} // namespace mapguard

// Registers the module with whichever clang-tidy this object is linked into
// or loaded by.
static clang::tidy::ClangTidyModuleRegistry::Add<mapguard::MapguardModule>
    MapguardModuleRegistration("mapguard-module",
                               "Finds unsynchronised writes to shared maps.");

// Referenced by the mapguard executable so that the linker keeps this object.
volatile int MapguardModuleAnchorSource = 0;
