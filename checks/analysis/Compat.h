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

namespace mapguard {

/// StringRef::startswith became starts_with in LLVM 16 and was removed in 19.
inline bool startsWith(llvm::StringRef S, llvm::StringRef Prefix) {
  return S.substr(0, Prefix.size()) == Prefix;
}

} // namespace mapguard

#endif // MAPGUARD_ANALYSIS_COMPAT_H
