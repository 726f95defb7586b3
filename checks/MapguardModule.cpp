//===--- MapguardModule.cpp - The mapguard clang-tidy module --------------===//

#include "checks/AnalysisCache.h"
#include "checks/CheckCatalog.h"
#include "checks/analysis/Compat.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#if MAPGUARD_HAS_MODULE_REGISTRY_HEADER
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif

namespace mapguard {

class MapguardModule : public clang::tidy::ClangTidyModule {
public:
  void
  addCheckFactories(clang::tidy::ClangTidyCheckFactories &Factories) override {
    // The checks of one run share one analysis per translation unit.
    auto Cache = std::make_shared<AnalysisCache>();
    for (const CheckDescription &Check : checkCatalog()) {
      auto *Create = Check.Create;
      Factories.registerCheckFactory(
          Check.Name, [Create, Cache](llvm::StringRef Name,
                                      clang::tidy::ClangTidyContext *Context) {
            return Create(Name, Context, Cache);
          });
    }
  }
};

} // namespace mapguard

// Registers the module with whichever clang-tidy this object is linked into
// or loaded by.
static clang::tidy::ClangTidyModuleRegistry::Add<mapguard::MapguardModule>
    MapguardModuleRegistration("mapguard-module",
                               "Finds unsynchronised accesses to shared maps.");

// Referenced by the mapguard executable so that the linker keeps this object.
volatile int MapguardModuleAnchorSource = 0;
