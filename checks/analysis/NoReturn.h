//===--- NoReturn.h - Which function bodies never return --------*- C++ -*-===//
//
// Answers whether a function body never returns to its caller though it is
// not declared `[[noreturn]]`: a project's `Fatal(msg)` that logs and calls
// `abort()`, or a `Die()` that calls that one. Read from the body's
// statements at its top level: one that cannot complete (a call of a
// function that does not return, a `throw`, a block of such), with no
// `return` (or `goto`) before it.
//
// Leaves out: loops that never end, both branches of an `if` that do not
// return, and virtual functions (an override may return); the CFG already
// ends a path at a call of a function declared `[[noreturn]]`.
//
//===----------------------------------------------------------------------===//

#ifndef MAPGUARD_ANALYSIS_NORETURN_H
#define MAPGUARD_ANALYSIS_NORETURN_H

#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang {
class FunctionDecl;
class Stmt;
} // namespace clang

namespace mapguard {

/// Whether the body \p Body never returns, given \p NeverReturns, which
/// says it of the functions it calls (declared `[[noreturn]]` or inferred).
bool bodyNeverReturns(
    const clang::Stmt *Body,
    llvm::function_ref<bool(const clang::FunctionDecl *)> NeverReturns);

} // namespace mapguard

#endif // MAPGUARD_ANALYSIS_NORETURN_H
