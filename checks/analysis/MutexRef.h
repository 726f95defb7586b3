//===--- MutexRef.h - Names a mutex by how it is reached --------*- C++ -*-===//
//
// A mutex is identified by the declarations it is reached through: a global
// `g_mu`, a pointer's pointee `*g_mu_ptr` (written `g_mu_ptr->lock()`), a
// member `this->mu_` or `obj.mu`, a singleton `registry().mu`. Two
// expressions naming the same path name the same mutex, in one function and
// across the functions of a translation unit.
//
//===----------------------------------------------------------------------===//

#ifndef MAPGUARD_ANALYSIS_MUTEXREF_H
#define MAPGUARD_ANALYSIS_MUTEXREF_H

#include "clang/AST/Expr.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <string>

namespace clang {
class ASTContext;
} // namespace clang

namespace mapguard {

class MutexRef {
public:
  enum class StepKind : uint8_t {
    Decl,   ///< A variable, parameter or member.
    This,   ///< The object `this` points to.
    Deref,  ///< The pointee of the path so far.
    Call,   ///< The result of calling a function with no arguments.
    Index,  ///< An element, at a constant index, of an array.
    Opaque, ///< An expression we cannot name, identified by its structure.
  };

  struct Step {
    StepKind Kind;
    const clang::NamedDecl *Decl = nullptr; ///< For Decl and Call.
    uint64_t Value = 0; ///< Index, or the structural hash for Opaque.

    bool operator==(const Step &O) const {
      return Kind == O.Kind && Decl == O.Decl && Value == O.Value;
    }
  };

  /// The mutex that \p E designates (an lvalue of mutex type), or nothing if
  /// \p E is null.
  static std::optional<MutexRef> fromExpr(const clang::Expr *E,
                                          const clang::ASTContext &Ctx);

  /// The mutex that pointer \p E points to (`p` in `p->lock()`).
  static std::optional<MutexRef> fromPointer(const clang::Expr *E,
                                             const clang::ASTContext &Ctx);

  /// How a reader would name the mutex: `mu`, `mutex` for `*mutex`, `obj.mu`.
  const std::string &name() const { return Name; }

  bool operator==(const MutexRef &O) const { return Steps == O.Steps; }
  bool operator!=(const MutexRef &O) const { return !(*this == O); }

private:
  llvm::SmallVector<Step, 2> Steps;
  std::string Name;

  bool appendPath(const clang::Expr *E, const clang::ASTContext &Ctx,
                  unsigned Depth);
  void appendOpaque(const clang::Expr *E, const clang::ASTContext &Ctx);
  void rebuildName(const clang::ASTContext &Ctx);
};

} // namespace mapguard

#endif // MAPGUARD_ANALYSIS_MUTEXREF_H
