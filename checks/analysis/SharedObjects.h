//===--- SharedObjects.h - Which objects other threads reach ----*- C++ -*-===//
//
// Answers which objects, beyond the maps with static storage duration that
// MapModel.h names itself, other threads can reach, and why:
//
// - locals and parameters handed to a thread start (by pointer, by
//   reference, through std::ref/std::cref, captured by reference, or a
//   pointer captured by copy) or as the `void *` context of a callback
//   registered in the same call (`register_cb(server, on_event, &state)`),
//   or used in an OpenMP `parallel` (or `task`) region's block and not made
//   private there (OpenMP.h);
//   the pointer and reference parameters of a thread's entry and of such a
//   callback;
// - classes whose objects are shared: the class of an object with static
//   storage duration (held directly, by pointer or by smart pointer: a
//   lazily created singleton is a static pointer), of an object handed to a
//   thread or callback, of `this` handed or captured by a thread; and the
//   classes these reach through data members, pointers and smart pointers
//   (any class with an `operator->`), and their bases.
//
// Also which object an accessor returns (`static R r; return r;`,
// `return *inst;`), for singletons.
//
// And which classes the unit only ever creates as locals that their
// functions keep: their objects are nobody else's, whatever their methods
// lock.
//
// Leaves out: elements of containers (a vector of pointers reaches nothing),
// classes derived from a shared class, objects passed on by calls other than
// thread starts and callback registrations, const objects, classes of system
// headers, and when an object is reached (before or after the first thread
// starts: the lockset analysis tells, FunctionAnalysis.h).
//
//===----------------------------------------------------------------------===//

#ifndef MAPGUARD_ANALYSIS_SHAREDOBJECTS_H
#define MAPGUARD_ANALYSIS_SHAREDOBJECTS_H

#include "clang/AST/Type.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>
#include <vector>

namespace clang {
class ASTContext;
class CXXConstructExpr;
class CXXRecordDecl;
class Expr;
class Stmt;
class FieldDecl;
class FunctionDecl;
class VarDecl;
} // namespace clang

namespace mapguard {

/// Why an object, or the objects of a class, are shared.
struct SharedRoot {
  enum Kind : uint8_t {
    /// Handed to the thread started at Site.
    HandedToThread,
    /// Handed as the context of the callback registered at Site.
    HandedToCallback,
    /// The class of Object, which has static storage duration (or points to
    /// one that does).
    StaticObject,
    /// Shared by the threads of the OpenMP region Region.
    SharedByRegion,
    /// Reached from a shared object of class From through its member Via
    /// (null: From derives from this class).
    ReachedThrough,
  };
  Kind Why;
  const clang::Expr *Site = nullptr;
  const clang::Stmt *Region = nullptr;
  const clang::VarDecl *Object = nullptr;
  const clang::CXXRecordDecl *From = nullptr;
  const clang::FieldDecl *Via = nullptr;
  /// ReachedThrough: why the objects of From are shared.
  const SharedRoot *FromRoot = nullptr;

  /// Whether the chain from \p R ends at an object handed to a thread or
  /// callback (rather than at one with static storage duration).
  static bool handedAtTheEnd(const SharedRoot *R);
};

/// The object with static storage duration that \p Value (a returned
/// expression of a function returning a reference or pointer, per
/// \p ReturnsPointer) designates: `r`, `&r`, `*inst`, `inst`, `*s_instance`
/// for a smart pointer. Null if it is none.
const clang::VarDecl *staticObjectReturned(const clang::Expr *Value,
                                           bool ReturnsPointer);

/// The class of the objects \p T holds or points to: through references,
/// pointers, arrays and smart pointers (a class with an `operator->`, found
/// in it or its bases). Null for other types.
const clang::CXXRecordDecl *objectClassOf(clang::QualType T);

class SharedObjects {
public:
  explicit SharedObjects(const clang::ASTContext &Ctx) : Ctx(Ctx) {}

  /// A thread started at \p Site with the arguments \p Args, running
  /// \p Entry (null if unknown), from code of \p Enclosing.
  void threadStarted(const clang::Expr *Site,
                     llvm::ArrayRef<const clang::Expr *> Args,
                     const clang::FunctionDecl *Entry,
                     const clang::FunctionDecl *Enclosing);
  /// The call \p Site registers \p Callback: its `void *` arguments are the
  /// callback's context.
  void callbackRegistered(const clang::Expr *Site,
                          llvm::ArrayRef<const clang::Expr *> Args,
                          const clang::FunctionDecl *Callee,
                          const clang::FunctionDecl *Callback,
                          const clang::FunctionDecl *Enclosing);
  /// The OpenMP team region \p Region shares \p Locals with its threads,
  /// and the object `this` points to where \p ThisClass is its class.
  void regionShares(const clang::Stmt *Region,
                    llvm::ArrayRef<const clang::VarDecl *> Locals,
                    const clang::CXXRecordDecl *ThisClass);
  /// A variable with static storage duration.
  void staticObject(const clang::VarDecl *V);
  /// Whether \p Callee, whose body is visible, only calls the callbacks it
  /// is given (its function-pointer parameters), before it returns: it
  /// neither stores one nor hands one on (leveldb's `ForEachOverlapping`,
  /// glog's `GoogleInitializer` constructor). Read once per callee.
  bool runsCallbacksInPlace(const clang::FunctionDecl &Callee);
  /// An object constructed (\p Construct), and whether it is a local
  /// variable of its own (\p Local): `Parser p(registry);`.
  void constructed(const clang::CXXConstructExpr *Construct, bool Local);
  /// A data member, which makes objects of its type parts of others, or
  /// reachable from them.
  void member(const clang::FieldDecl *Field);
  /// Follows members, pointers and bases from the classes found so far.
  void finish();

  /// Why the local or parameter \p V is shared, if it is.
  const SharedRoot *handed(const clang::VarDecl *V) const;
  /// Why the objects of \p Class are shared, if they are.
  const SharedRoot *sharedClass(const clang::CXXRecordDecl *Class) const;
  /// Whether every object of \p Class the unit creates is a local variable
  /// that the function creating it keeps (none is handed on, static, a
  /// member of another, or made by `new`), and there is one at least.
  bool keptLocal(const clang::CXXRecordDecl *Class) const;
  /// Whether the unit creates one object of \p Class at most, and none as
  /// a local or a member of another, and sees every creation of it (the
  /// class is its main file's, or only its own members can construct it):
  /// a singleton's instance is then `this` to every method of the class.
  bool atMostOneObject(const clang::CXXRecordDecl *Class) const;

private:
  const clang::ASTContext &Ctx;
  /// Owned here; the maps point into them.
  std::vector<std::unique_ptr<SharedRoot>> Roots;
  llvm::DenseMap<const clang::VarDecl *, const SharedRoot *> Handed;
  llvm::DenseMap<const clang::CXXRecordDecl *, const SharedRoot *> Classes;
  std::vector<const clang::CXXRecordDecl *> Pending;
  /// Per class: objects constructed, and how many of them as locals; a
  /// member anywhere makes the count moot.
  struct Creations {
    unsigned All = 0;
    unsigned Locals = 0;
    /// A data member of its type: objects of it are parts of others.
    bool Member = false;
    /// A data member that points or refers to one.
    bool Referenced = false;
  };
  llvm::DenseMap<const clang::CXXRecordDecl *, Creations> Created;
  /// Per canonical type of a data member: the class of the object it holds
  /// or reaches (objectClassOf), and whether it holds it. Classes' members
  /// share a few types, and reading what a class's `operator->` returns
  /// looks at all its methods.
  llvm::DenseMap<const clang::Type *,
                 std::pair<const clang::CXXRecordDecl *, bool>>
      MemberTypes;
  /// runsCallbacksInPlace's answers, asked at every call that passes a
  /// callback.
  llvm::DenseMap<const clang::FunctionDecl *, bool> InPlace;
  /// atMostOneObject's answers, asked at every call of a singleton's
  /// methods.
  mutable llvm::DenseMap<const clang::CXXRecordDecl *, bool> OneObject;

  const SharedRoot *root(const SharedRoot &R);
  bool seesOneObject(const clang::CXXRecordDecl *Class) const;
  void hand(const clang::Expr *Arg, const SharedRoot *Why,
            const clang::FunctionDecl *Enclosing, bool ByReference);
  void handVar(const clang::VarDecl *V, const SharedRoot *Why);
  /// Shares the class of the objects \p T holds or points to, for \p Why
  /// (interned only if the class is new).
  void shareClassOf(clang::QualType T, const SharedRoot &Why);
  void shareClass(const clang::CXXRecordDecl *Class, const SharedRoot &Why);
  void handParameters(const clang::FunctionDecl *F, const SharedRoot *Why);
};

} // namespace mapguard

#endif // MAPGUARD_ANALYSIS_SHAREDOBJECTS_H
