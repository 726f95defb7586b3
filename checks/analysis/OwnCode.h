//===--- OwnCode.h - The statements a function runs itself ------*- C++ -*-===//
//
// Which statements belong to one function's own code: its constructor's
// member initializers, its body, and the default arguments and default
// member initializers its code evaluates. Every question asked of a
// function's code before its CFG is built (which maps it accesses, which
// functions it calls, which threads it starts) walks these, once.
//
// Leaves out what runs as another function: a lambda's body (the walk visits
// the lambda expression and the initializers of its captures) and a local
// class's members (the walk visits the declaration, not its methods), and
// unevaluated operands (`sizeof`, `noexcept`, `requires`, a non-polymorphic
// `typeid`; types, `decltype` among them, hold no code to walk).
// Iterative, parents before children, in source order.
//
//===----------------------------------------------------------------------===//

#ifndef MAPGUARD_ANALYSIS_OWNCODE_H
#define MAPGUARD_ANALYSIS_OWNCODE_H

#include "llvm/ADT/STLExtras.h"

namespace clang {
class FunctionDecl;
class Stmt;
} // namespace clang

namespace mapguard {

/// Calls \p Visit with each statement of \p Function's own code.
void walkOwnCode(const clang::FunctionDecl &Function,
                 llvm::function_ref<void(const clang::Stmt *)> Visit);

/// Calls \p Visit with each statement under \p Root (a static initializer)
/// that is not another function's.
void walkOwnCode(const clang::Stmt *Root,
                 llvm::function_ref<void(const clang::Stmt *)> Visit);

} // namespace mapguard

#endif // MAPGUARD_ANALYSIS_OWNCODE_H
