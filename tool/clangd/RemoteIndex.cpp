//===--- RemoteIndex.cpp - clangd's remote index, not available -----------===//
//
// clangd's main calls `clang::clangd::remote::getClient` for
// `--remote-index-address`. Debian's libclangdRemoteIndex.a implements it
// with gRPC, whose libraries of the version it was built with Debian does
// not ship, so mapguard-clangd cannot link it. This stands in for it as
// clangd's own build without gRPC does (index/remote/unimplemented): it says
// the remote index is unavailable and gives none; clangd then runs with its
// local index. Everything else about indexing is clangd's.
//
//===----------------------------------------------------------------------===//

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"
#include <memory>

namespace clang {
namespace clangd {
class SymbolIndex;
namespace remote {

std::unique_ptr<SymbolIndex> getClient(llvm::StringRef Address,
                                       llvm::StringRef IndexRoot) {
  llvm::errs() << "mapguard-clangd: no remote index at '" << Address
               << "': mapguard-clangd is built without gRPC, so it has no "
                  "remote-index client; using the local index\n";
  return nullptr;
}

} // namespace remote
} // namespace clangd
} // namespace clang
