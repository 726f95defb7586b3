//===--- Compat.h - What differs between LLVM 14 and 22 ---------*- C++ -*-===//
//
// mapguard builds against every LLVM from 14 to 22 from one branch. The few
// APIs that changed between them are wrapped here, selected by
// LLVM_VERSION_MAJOR.
//
//===----------------------------------------------------------------------===//

#ifndef MAPGUARD_ANALYSIS_COMPAT_H
#define MAPGUARD_ANALYSIS_COMPAT_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Config/llvm-config.h"
#include <optional>
#if LLVM_VERSION_MAJOR < 16
#include "llvm/ADT/Optional.h"
#endif

namespace mapguard {

/// Clang 22 folded the exclusive_trylock_function and shared_trylock_function
/// attributes into TryAcquireCapabilityAttr.
#define MAPGUARD_HAS_LEGACY_TRYLOCK_ATTRS (LLVM_VERSION_MAJOR < 22)

/// LLVM 22 moved the module registry into ClangTidyModule.h.
#define MAPGUARD_HAS_MODULE_REGISTRY_HEADER (LLVM_VERSION_MAJOR < 22)

/// StringRef::startswith/endswith became starts_with/ends_with in LLVM 16
/// and were removed in 19.
inline bool startsWith(llvm::StringRef S, llvm::StringRef Prefix) {
  return S.substr(0, Prefix.size()) == Prefix;
}
inline bool endsWith(llvm::StringRef S, llvm::StringRef Suffix) {
  return S.size() >= Suffix.size() && S.take_back(Suffix.size()) == Suffix;
}

/// llvm::sys::ExecuteAndWait's redirections were llvm::Optional before
/// LLVM 16.
#if LLVM_VERSION_MAJOR < 16
using OptionalStringRef = llvm::Optional<llvm::StringRef>;
#else
using OptionalStringRef = std::optional<llvm::StringRef>;
#endif

} // namespace mapguard

#endif // MAPGUARD_ANALYSIS_COMPAT_H
