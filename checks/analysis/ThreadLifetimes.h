//===--- ThreadLifetimes.h - Which thread object a start fills --*- C++ -*-===//
//
// Answers, for the single-threaded phase of a function such as `main`,
// which thread object a thread start fills and which statement waits for
// it again:
//
// - a start's owner: the variable a `std::thread`/`std::jthread` (or a
//   ThreadStarters class) initialises, the container a thread is
//   `emplace_back`ed or `push_back`ed into, the `pthread_t`/`thrd_t` whose
//   address `pthread_create`/`thrd_create` is given;
// - a join: `t.join()` of such a variable; `pthread_join(tid, ...)` and
//   `thrd_join(tid, ...)`; `t.join()` of every element of a container, in a
//   range `for` over it or an indexed `for` (`ts[i].join()`), which has
//   joined them all where the loop exits; the end of a `std::jthread`'s
//   scope.
//
// Leaves out: threads detached, moved to another object, joined through a
// pointer or in another function, `std::async`'s futures, and a thread
// started by a called function (which keeps other threads running for the
// rest of the caller).
//
//===----------------------------------------------------------------------===//

#ifndef MAPGUARD_ANALYSIS_THREADLIFETIMES_H
#define MAPGUARD_ANALYSIS_THREADLIFETIMES_H

#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang {
class CallExpr;
class Expr;
class ParentMap;
class Stmt;
class ValueDecl;
class VarDecl;
} // namespace clang

namespace mapguard {

/// The object that owns the thread \p Start starts, given the variable
/// \p Initialised that \p Start initialises (null if none): the variable, a
/// container it is put into, the thread id it writes. Null if none.
const clang::ValueDecl *threadOwner(const clang::Expr &Start,
                                    const clang::VarDecl *Initialised);

/// What a join waits for.
struct ThreadJoin {
  /// The owner of the threads joined.
  const clang::ValueDecl *Owner = nullptr;
  /// The loop that joins each element of Owner, a container: they are all
  /// joined where it exits. Null for a join of Owner itself.
  const clang::Stmt *Loop = nullptr;
};

/// The join \p Call performs, if it is one. \p Parents is asked only for
/// a call that joins (a function's parent map costs its size to build).
ThreadJoin threadJoin(const clang::CallExpr &Call,
                      llvm::function_ref<const clang::ParentMap &()> Parents);

/// Whether destroying a variable of \p Var's type joins its thread
/// (`std::jthread`).
bool joinsAtScopeEnd(const clang::VarDecl &Var);

} // namespace mapguard

#endif // MAPGUARD_ANALYSIS_THREADLIFETIMES_H
