//===--- ObjectPath.h - Names an object by how it is reached ----*- C++ -*-===//
//
// Mutexes and shared maps are identified the same way: by the declarations
// they are reached through. `g_mu`, the pointee of `g_mu_ptr` (written
// `g_mu_ptr->lock()`), `this->mu_`, `obj.mu`, `g_state.by_id`,
// `registry().map`, `g_shards[i]`. Two expressions with the same path name
// the same object, in one function and across a translation unit; local
// references and pointers bound to an object are followed to it.
//
//===----------------------------------------------------------------------===//

#ifndef MAPGUARD_ANALYSIS_OBJECTPATH_H
#define MAPGUARD_ANALYSIS_OBJECTPATH_H

#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/Hashing.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class CXXCtorInitializer;
class ParmVarDecl;
class FunctionDecl;
} // namespace clang

namespace mapguard {

/// Reads an expression written in a callee's terms (a thread-safety
/// attribute's argument) at one call: the callee's parameters stand for the
/// call's arguments, and `this` for the object the call is made on.
struct CallSubstitution {
  const clang::FunctionDecl *Callee = nullptr;
  llvm::ArrayRef<const clang::Expr *> Args;
  const clang::Expr *Object = nullptr; ///< Null for a free function.
  bool ObjectIsPointer = false;        ///< `p->f()` rather than `o.f()`.
  /// Where Args and Object are themselves written in a callee's terms.
  const CallSubstitution *Outer = nullptr;

  /// How \p Call (a call, member or operator call, or constructor call)
  /// reads \p Callee's parameters and `this`.
  static CallSubstitution of(const clang::Expr &Call,
                             const clang::FunctionDecl *Callee,
                             const CallSubstitution *Outer = nullptr);
};

class ObjectPath {
public:
  enum class StepKind : uint8_t {
    Decl,     ///< A variable, parameter, member or static member.
    This,     ///< The object `this` points to.
    Deref,    ///< The pointee of the path so far.
    AddrOf,   ///< The address of the path so far.
    Call,     ///< The result of calling a function with no arguments.
    Index,    ///< An element of an array, at a constant index.
    AnyIndex, ///< An element of an array, at an index not known statically.
    Opaque,   ///< An expression we cannot name, identified by its structure.
    Region,   ///< A lock that is no object: an OpenMP `critical` region's,
              ///< by its name (Value: its IdentifierInfo, 0 for unnamed).
  };

  struct Step {
    StepKind Kind;
    const clang::NamedDecl *Decl = nullptr; ///< For Decl and Call.
    uint64_t Value = 0; ///< Index, or the structural hash for Opaque.

    bool operator==(const Step &O) const {
      return Kind == O.Kind && Decl == O.Decl && Value == O.Value;
    }
  };

  /// The object that the lvalue \p E designates. Expressions that cannot be
  /// named by declarations get an opaque path, equal for equal expressions.
  static ObjectPath fromExpr(const clang::Expr *E, const clang::ASTContext &Ctx,
                             const CallSubstitution *Subst = nullptr);

  /// The object that pointer \p E points to (`p` in `p->lock()`).
  static ObjectPath fromPointer(const clang::Expr *E,
                                const clang::ASTContext &Ctx,
                                const CallSubstitution *Subst = nullptr);

  /// The mutex a lock argument names: the object itself, or for a pointer
  /// (`pthread_mutex_lock(&m)`, `acquire_capability(mu_ptr)`) its pointee.
  static ObjectPath fromLockArgument(const clang::Expr *E,
                                     const clang::ASTContext &Ctx,
                                     const CallSubstitution *Subst = nullptr);

  /// The object a declaration names where it is declared: a variable or
  /// static member itself, a data member as `this->member`.
  static ObjectPath ofDecl(const clang::ValueDecl *D);

  /// The object this path is a member or element of: `g_state` for
  /// `g_state.by_id`.
  ObjectPath parent() const;

  /// A pseudo-object that stands for "other threads may be running", so that
  /// the lockset analysis can carry it like a lock.
  /// \p Owner: the thread object (a variable, a container of threads, a
  /// thread id) whose threads these are, which a join ends; null for
  /// threads nothing here joins.
  static ObjectPath threadsMarker(const clang::ValueDecl *Owner = nullptr);
  /// Whether this is a threads marker, of any owner.
  bool isThreadsMarker() const {
    return Steps.size() == 1 && Steps.front().Kind == StepKind::Opaque &&
           Steps.front().Value == ~uint64_t(0);
  }
  /// A pseudo-object that stands for "the other threads of an OpenMP team
  /// run this region too", held inside a `parallel` (or `task`, `teams`)
  /// region.
  static ObjectPath teamMarker();
  /// The lock of OpenMP's `critical` regions named \p Name (null: the
  /// unnamed ones), one for the whole program.
  static ObjectPath criticalRegion(const clang::IdentifierInfo *Name);
  /// Whether this is the lock of `critical` regions.
  bool isCriticalRegion() const {
    return Steps.size() == 1 && Steps.front().Kind == StepKind::Region;
  }

  /// This path, written in a callee's terms, read at one call: `this` and the
  /// callee's parameters become the call's object and arguments. Nothing if
  /// the path names a callee's local.
  std::optional<ObjectPath> atCallSite(const CallSubstitution &Call,
                                       const clang::ASTContext &Ctx) const;

  /// This path, written in a caller's terms, as the callee of \p Call names
  /// it: globals as they are, the call's object as `this`. Nothing if the
  /// callee cannot name it.
  std::optional<ObjectPath> inCallee(const CallSubstitution &Call,
                                     const clang::ASTContext &Ctx) const;

  /// This path, written in a caller's terms, as a member of the call's
  /// object, even where the caller names it globally:
  /// `GlobalRegistry()->lock_` is `this->lock_` in
  /// `GlobalRegistry()->Find()`. Nothing if it is not a member of it.
  std::optional<ObjectPath>
  throughCallObject(const CallSubstitution &Call,
                    const clang::ASTContext &Ctx) const;
  /// This path as a member of \p Object, written from inside it (`this->`).
  std::optional<ObjectPath> asMemberOf(const ObjectPath &Object) const;

  /// The object a call of \p Accessor, which takes no arguments, returns
  /// (its pointee, if it returns a pointer): `instance()`, `*get()`.
  static ObjectPath ofAccessor(const clang::FunctionDecl *Accessor);

  /// This path, written in terms of the object a method runs on, for the
  /// object \p Object: `this->mu` becomes `g_state.mu`.
  ObjectPath withThisAs(const ObjectPath &Object) const;

  /// This path followed by \p Rest: `fr` and `->lock_` make `fr->lock_`.
  ObjectPath withSteps(llvm::ArrayRef<Step> Rest) const;

  /// Whether the path starts at an object with static storage duration (or
  /// at a function's result), which every function names the same way.
  bool isGlobal() const;

  /// The declared type of the object the path reaches, where its steps
  /// tell it (a member, a pointee, an element of an array, a function's
  /// result); null where they do not (`this`, an opaque expression, the
  /// pointee of a smart pointer).
  clang::QualType objectType() const;

  llvm::ArrayRef<Step> steps() const { return Steps; }
  bool isOpaque() const {
    return !Steps.empty() && Steps.front().Kind == StepKind::Opaque;
  }

  /// How a reader would name the object: `mu`, `mutex` for `*mutex`,
  /// `obj.mu`, `registry().map`, `g_shards[]`, `Registry::s_map` for a
  /// static member. This is display text only: paths compare by their
  /// declarations. Made when first asked for: most paths are compared and
  /// hashed, never shown.
  const std::string &name() const {
    if (!Named)
      makeName();
    return Name;
  }
  /// The name, told apart from \p Other where the two differ but read the
  /// same (a global `mu` and a member `mu`): a member as `this->mu`, a
  /// variable by its qualified name (`::mu`, `app::mu`).
  std::string nameApartFrom(const ObjectPath &Other) const;

  bool operator==(const ObjectPath &O) const { return Steps == O.Steps; }
  bool operator!=(const ObjectPath &O) const { return !(*this == O); }

  /// Equal paths hash equal.
  friend llvm::hash_code hash_value(const ObjectPath &P);

private:
  llvm::SmallVector<Step, 2> Steps;
  /// The display name, once made (or given).
  mutable std::string Name;
  mutable bool Named = false;
  /// An opaque path's expression and its context, to print when named.
  const clang::Expr *OpaqueExpr = nullptr;
  const clang::ASTContext *OpaqueCtx = nullptr;

  static ObjectPath build(const clang::Expr *E, const clang::ASTContext &Ctx,
                          const CallSubstitution *Subst, bool Pointee);
  bool appendPath(const clang::Expr *E, const clang::ASTContext &Ctx,
                  const CallSubstitution *Subst, unsigned Depth);
  void push(Step S);
  /// An Index step for a constant position, AnyIndex for another.
  void pushIndex(const clang::Expr *Index, const clang::ASTContext &Ctx);
  void makeOpaque(const clang::Expr *E, const clang::ASTContext &Ctx);
  /// Drops the display name, for name() to make it anew from the steps.
  void rebuildName();
  void makeName() const;
  void setName(std::string Text) {
    Name = std::move(Text);
    Named = true;
  }
};

/// The constructor parameter that the member initializer \p Init stores
/// (`mu_(mu)`; with \p AddressOf set, `mu_(&mu)`), so that the member names
/// the object the caller hands; null where it stores something else.
const clang::ParmVarDecl *storedParameter(const clang::CXXCtorInitializer &Init,
                                          bool &AddressOf);

/// The objects of a translation unit, each numbered once: equal paths get
/// one number, so that sets of objects are sets of numbers. Interning costs
/// a hash of the path, whatever the number of objects.
class ObjectPathTable {
public:
  using Id = unsigned;

  Id intern(const ObjectPath &Path);
  /// The number of \p Path, if it was interned.
  std::optional<Id> find(const ObjectPath &Path) const;
  const ObjectPath &path(Id I) const { return Paths[I]; }
  size_t size() const { return Paths.size(); }

private:
  std::vector<ObjectPath> Paths;
  /// By hash, the numbers of the paths with that hash.
  llvm::DenseMap<unsigned, llvm::SmallVector<Id, 1>> ByHash;
};

} // namespace mapguard

#endif // MAPGUARD_ANALYSIS_OBJECTPATH_H
