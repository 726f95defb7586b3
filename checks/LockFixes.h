//===--- LockFixes.h - The code changes mapguard suggests -------*- C++ -*-===//
//
// Fix-its for what the checks report: lock the guarding mutex around a
// statement, make a shared guard exclusive, annotate a map with the mutex
// that guards it. Each is offered only where the edit is sure to compile and
// to mean what it says; otherwise there is none and the report stands alone.
//
//===----------------------------------------------------------------------===//

#ifndef MAPGUARD_CHECKS_LOCKFIXES_H
#define MAPGUARD_CHECKS_LOCKFIXES_H

#include "checks/analysis/MapModel.h"
#include "checks/analysis/ObjectPath.h"
#include "clang/AST/ParentMap.h"
#include "clang/Basic/Diagnostic.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>
#include <optional>
#include <string>

namespace clang {
class CompoundStmt;
class ASTContext;
class Expr;
class FunctionDecl;
class Preprocessor;
class VarDecl;
} // namespace clang

namespace mapguard {

/// The parents of statements, one function body at a time. The
/// ASTContext's parent map would answer too, but it is built for the whole
/// translation unit at its first question (every instantiation of a
/// template library included); a body's is built only for the bodies that
/// get a fix.
class BodyParents {
public:
  /// The statement \p S of \p Function's body is part of, or null.
  const clang::Stmt *parentOf(const clang::Stmt &S,
                              const clang::FunctionDecl &Function);
  void clear() { ByBody.clear(); }

private:
  llvm::DenseMap<const clang::Stmt *, std::unique_ptr<clang::ParentMap>> ByBody;
};

/// A suggested change and how the note offering it names the mutex.
struct LockFix {
  llvm::SmallVector<clang::FixItHint, 2> Hints;
  std::string Mutex;
  /// The reference whose uses the block covers too (lockAroundStatement).
  const clang::VarDecl *CoversUsesOf = nullptr;
};

/// Wraps the statement of \p Site (an expression statement or a return in
/// \p Function) in a block of its own that locks \p Mutex first, with
/// std::scoped_lock where C++17 provides it, else std::lock_guard; with
/// \p Last, the statements from Site's through Last's, which follow it in
/// the same block.
///
/// A declaration of a reference from the site (`T &slot = m[k];`) is
/// wrapped with the statements of its block that use the reference, where
/// none lets the object escape the block (returned as a reference, captured,
/// its address taken) and no variable declared among them is used later;
/// otherwise \p Why says so.
struct NoFixReason {
  enum Kind { None, ReferenceEscapes } Kind = None;
  const clang::VarDecl *Var = nullptr;
};
std::optional<LockFix> lockAroundStatement(
    const clang::Expr *Site, const clang::FunctionDecl *Function,
    const ObjectPath &Mutex, clang::ASTContext &Ctx, BodyParents &Parents,
    const clang::Expr *Last = nullptr, NoFixReason *Why = nullptr);

/// Where lockAroundStatement puts the statement of \p Site: the block it is
/// a statement of, and its place there; nothing if it is not one of a
/// block's statements.
struct StatementInBlock {
  const clang::CompoundStmt *Block;
  unsigned Index;
};
std::optional<StatementInBlock>
statementInBlock(const clang::Expr *Site, const clang::FunctionDecl &Function,
                 BodyParents &Parents);

/// Turns the std::shared_lock on \p Mutex that is in scope at \p Site into a
/// std::unique_lock.
std::optional<LockFix> makeSharedGuardExclusive(
    const clang::Expr *Site, const clang::FunctionDecl &Function,
    const ObjectPath &Mutex, clang::ASTContext &Ctx, BodyParents &Parents);

/// Adds GUARDED_BY(\p Mutex) to the declaration of \p Map: the project's
/// macro if it defines one, else Clang's attribute.
std::optional<LockFix> annotateGuardedBy(const SharedMap &Map,
                                         const ObjectPath &Mutex,
                                         clang::ASTContext &Ctx,
                                         const clang::Preprocessor *PP);

} // namespace mapguard

#endif // MAPGUARD_CHECKS_LOCKFIXES_H
