//===--- SarifMerge.h - One SARIF log from several --------------*- C++ -*-===//
//
// Answers: the one log that several SARIF logs of one project make, for one
// upload: the shards of a CI matrix, each checking some of the files. The
// runs become one run; a result several logs share (a finding in a header
// that files of two shards include) is kept once; the rules are united and
// the results' rule indexes renumbered; the invocations become one, which
// succeeded if every one did, with every notification. A finding keeps its
// identity when a file moves from one shard to another, for the upload has
// one category.
//
// Leaves out: logs of other tools (each log's first run is mapguard's), and
// logs whose sources were checked out at different places (the first log's
// `%SRCROOT%` is kept).
//
//===----------------------------------------------------------------------===//

#ifndef MAPGUARD_TOOL_SARIFMERGE_H
#define MAPGUARD_TOOL_SARIFMERGE_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>

namespace mapguard {

/// Writes to \p Output the merge of the logs \p Inputs.
llvm::Error mergeSarif(llvm::StringRef Output,
                       llvm::ArrayRef<std::string> Inputs);

} // namespace mapguard

#endif // MAPGUARD_TOOL_SARIFMERGE_H
