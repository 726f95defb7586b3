//===--- PreambleBodies.cpp - Function bodies in clangd's preambles -------===//
//
// clangd parses the headers a file includes into a preamble, and skips the
// bodies of their functions there to build it sooner (its preamble
// callbacks answer `shouldSkipFunctionBody` with yes, but for
// `std::make_unique`). mapguard reads bodies the command line sees: a
// project's lock functions (`inline void lock_table() { mu.lock(); }`), its
// mutex classes (`void Lock() { mu_.lock(); }`), guards and singleton
// accessors (`static Registry &instance() { static Registry r; return r; }`)
// are often defined in its headers, and without their bodies mapguard-clangd
// would report what mapguard does not, and miss what it reports.
//
// So mapguard-clangd is linked with `-Wl,--wrap=` on
// `clang::PrecompiledPreamble::Build` (tool/CMakeLists.txt finds its mangled
// name in clangd's library), and this function, reached first, builds the
// preamble with clangd's callbacks behind one that keeps the bodies of the
// functions of the project's own headers. System headers' bodies are
// skipped as clangd skips them: mapguard models the standard and
// third-party libraries by their names (LockVocabulary.h, Containers.h), as
// it does on the command line. Everything else is clangd's. The cost
// (bench/RESULTS.md): a larger preamble and some more time for the main
// file to instantiate the project's templates.
// `--mapguard-preamble-bodies=false` gives clangd's own preambles back, with
// the differences docs/clangd.md lists.
//
// What it leaves out: the preambles clangd builds for code completion
// (completion skips the main file's bodies too, and reports nothing).
//
//===----------------------------------------------------------------------===//

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclBase.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInvocation.h"
#include "clang/Frontend/PrecompiledPreamble.h"
#include "clang/Lex/PPCallbacks.h"
#include "llvm/Support/CommandLine.h"
#include <memory>

using namespace clang;

static llvm::cl::opt<bool> PreambleBodies(
    "mapguard-preamble-bodies",
    llvm::cl::desc("Keep the function bodies of the project's headers in "
                   "preambles, for mapguard's checks to read them as the "
                   "command line does (default: true)"),
    llvm::cl::init(true));

// The mangled name, from the library (tool/CMakeLists.txt), and the type of
// its diagnostics parameter, read from that name: a reference in LLVM 19, a
// reference-counted pointer in 22.
#ifndef MAPGUARD_PREAMBLE_BUILD_SYMBOL
#error "MAPGUARD_PREAMBLE_BUILD_SYMBOL: the mangled PrecompiledPreamble::Build"
#endif
#if MAPGUARD_PREAMBLE_DIAGNOSTICS_BY_POINTER
using DiagnosticsParameter = IntrusiveRefCntPtr<DiagnosticsEngine>;
#else
using DiagnosticsParameter = DiagnosticsEngine &;
#endif

#define MAPGUARD_BUILD_PARAMETERS                                              \
  const CompilerInvocation &Invocation,                                        \
      const llvm::MemoryBuffer *MainFileBuffer, PreambleBounds Bounds,         \
      DiagnosticsParameter Diagnostics,                                        \
      IntrusiveRefCntPtr<llvm::vfs::FileSystem> VFS,                           \
      std::shared_ptr<PCHContainerOperations> PCHContainerOps,                 \
      bool StoreInMemory, StringRef StoragePath, PreambleCallbacks &Callbacks

// clangd's own `PrecompiledPreamble::Build`, as the linker names the
// wrapped original; and the function the linker sends clangd's calls to.
llvm::ErrorOr<PrecompiledPreamble>
    buildAsClangd(MAPGUARD_BUILD_PARAMETERS) __asm__(
        "__real_" MAPGUARD_PREAMBLE_BUILD_SYMBOL);
llvm::ErrorOr<PrecompiledPreamble>
    buildWithBodies(MAPGUARD_BUILD_PARAMETERS) __asm__(
        "__wrap_" MAPGUARD_PREAMBLE_BUILD_SYMBOL);

namespace {
/// clangd's preamble callbacks, but for the bodies of the project's own
/// functions, which are kept.
class KeepProjectBodies : public PreambleCallbacks {
public:
  explicit KeepProjectBodies(PreambleCallbacks &Clangd) : Clangd(Clangd) {}

  void BeforeExecute(CompilerInstance &CI) override {
    Clangd.BeforeExecute(CI);
  }
  void AfterExecute(CompilerInstance &CI) override { Clangd.AfterExecute(CI); }
  void AfterPCHEmitted(ASTWriter &Writer) override {
    Clangd.AfterPCHEmitted(Writer);
  }
  void HandleTopLevelDecl(DeclGroupRef DG) override {
    Clangd.HandleTopLevelDecl(DG);
  }
  std::unique_ptr<PPCallbacks> createPPCallbacks() override {
    return Clangd.createPPCallbacks();
  }
  CommentHandler *getCommentHandler() override {
    return Clangd.getCommentHandler();
  }
  bool shouldSkipFunctionBody(Decl *D) override {
    const SourceManager &SM = D->getASTContext().getSourceManager();
    if (SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
      return Clangd.shouldSkipFunctionBody(D);
    return false;
  }

private:
  PreambleCallbacks &Clangd;
};
} // namespace

llvm::ErrorOr<PrecompiledPreamble> buildWithBodies(MAPGUARD_BUILD_PARAMETERS) {
  KeepProjectBodies Keeping(Callbacks);
  return buildAsClangd(Invocation, MainFileBuffer, Bounds,
                       std::forward<DiagnosticsParameter>(Diagnostics),
                       std::move(VFS), std::move(PCHContainerOps),
                       StoreInMemory, StoragePath,
                       PreambleBodies ? Keeping : Callbacks);
}
