//===--- CallGraph.h - Who calls whom, and on which thread ------*- C++ -*-===//
//
// Answers, for the functions of one translation unit outside system
// headers: which functions exist (bodies, lambdas, methods of local
// classes, template instantiations), which functions each calls and where,
// which are handed to a thread (std::thread, std::jthread, std::async,
// pthread_create, a thread container's `emplace_back`, the ThreadStarters
// option) or to `std::call_once`, which are called while globals are
// initialised, which may be called from code the unit does not show (their
// address escapes, or they are virtual), what is handed to threads and
// callbacks (SharedObjects.h), and which are worth analysing: those
// that access maps, and their callers where the callee takes its context
// from them. Each function body is walked once, and its accesses to maps are
// found on that walk.
//
// Leaves out: the locks held anywhere (LocksetAnalysis.h), and what a
// function's callers hold when it runs (TranslationUnitAnalysis.h). Calls
// through pointers and virtual calls are not edges: their callees escape.
//
//===----------------------------------------------------------------------===//

#ifndef MAPGUARD_ANALYSIS_CALLGRAPH_H
#define MAPGUARD_ANALYSIS_CALLGRAPH_H

#include "checks/analysis/FunctionAnalysis.h"
#include "checks/analysis/Names.h"
#include "checks/analysis/SharedObjects.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include <deque>
#include <vector>

namespace clang {
class ASTContext;
class CXXRecordDecl;
class FieldDecl;
class CXXConstructExpr;
class CallExpr;
class Expr;
class FunctionDecl;
class Stmt;
} // namespace clang

namespace mapguard {

/// What the translation unit knows about one function.
struct FunctionNode {
  const clang::FunctionDecl *Decl = nullptr;
  /// The functions of the translation unit it calls (lambdas: defines), and
  /// where.
  llvm::SmallVector<std::pair<const clang::FunctionDecl *, const clang::Expr *>,
                    4>
      Calls;
  /// It starts threads, itself or through a function it calls.
  bool StartsThreads = false;
  bool AccessesMaps = false;
  /// Its accesses to maps, found once.
  std::vector<MapAccessSite> Accesses;
  /// Every call its own code makes (OwnCode.h), in source order: what a
  /// question about its calls reads rather than walk the body again.
  std::vector<const clang::CallExpr *> OwnCalls;
  /// It accesses maps, or its context matters to a callee that does.
  bool Relevant = false;
  /// Handed to a thread starter: runs on a thread of its own.
  bool ThreadEntry = false;
  /// Never returns to its caller, though not declared `[[noreturn]]`
  /// (NoReturn.h).
  bool NeverReturns = false;
  /// Handed to std::call_once: runs once, before anyone else gets past it.
  bool OnceBody = false;
  /// May be called from places the translation unit does not show: its
  /// address is taken, or it is virtual.
  bool Escapes = false;
  unsigned IncomingEdges = 0;
  /// The relevant functions that call it, each once, by node index.
  llvm::SmallVector<unsigned, 2> Callers;

  /// Whether its context comes from its callers: it is not a thread's
  /// entry, not called from elsewhere too, and not `main`.
  bool listensToCallers() const;
};

class CallGraph {
public:
  CallGraph(clang::ASTContext &Ctx, const MapModel &Maps,
            const NameSet &ThreadStarters);

  /// Collects the unit's functions and walks each body once.
  void build();

  /// The node of \p F (any declaration of it), if it is one of the unit's.
  FunctionNode *node(const clang::FunctionDecl *F);
  FunctionNode &operator[](unsigned I) { return Nodes[I]; }
  unsigned size() const { return Nodes.size(); }
  unsigned indexOf(const FunctionNode &N) const;

  /// Whether a call of \p Callee runs its callable arguments on a thread.
  bool startsThread(const clang::FunctionDecl *Callee) const;
  /// Whether \p Construct makes an object that runs its callable arguments
  /// on a thread (a std::thread).
  bool startsThread(const clang::CXXConstructExpr &Construct) const;
  /// The object that owns the thread the start \p Start starts (a
  /// variable, a container, a thread id; ThreadLifetimes.h), if any.
  const clang::ValueDecl *threadOwner(const clang::Expr *Start) const {
    return ThreadOwners.lookup(Start);
  }
  /// Whether \p F is called while the unit's globals are initialised.
  bool calledAtStaticInit(const clang::FunctionDecl *F) const {
    return StaticInitCalls.count(F);
  }

  /// Whether code of the unit names the data member \p F (reads it, locks
  /// it, passes it on), as a member access.
  bool isNamedInCode(const clang::FieldDecl *F) const {
    return NamedFields.count(F);
  }

  /// A function that returns a reference or pointer to a static object of
  /// class \p Class (`static Registry &instance() { static Registry r;
  /// return r; }`): every caller shares that object.
  const clang::FunctionDecl *
  singletonAccessorOf(const clang::CXXRecordDecl *Class) const {
    return Singletons.lookup(Class->getCanonicalDecl());
  }

  /// The objects and classes other threads reach, beyond static storage.
  const SharedObjects &shared() const { return *Shared; }
  /// Hands them over, for the findings that point into them to outlive the
  /// graph.
  std::unique_ptr<SharedObjects> takeShared() { return std::move(Shared); }

  /// The relevant functions, callers before callees (recursion broken
  /// anywhere), by node index.
  std::vector<unsigned> callersFirst();

private:
  clang::ASTContext &Ctx;
  const MapModel &Maps;
  const NameSet &ThreadStarters;
  /// A deque: nodes found while bodies are walked keep the others in place.
  std::deque<FunctionNode> Nodes;
  llvm::DenseMap<const clang::FunctionDecl *, unsigned> NodeOf;
  /// While the unit is collected: nodes found in bodies, not yet walked.
  bool Collecting = false;
  std::vector<unsigned> Unwalked;
  /// Singleton accessors, by the class of their object.
  llvm::DenseMap<const clang::CXXRecordDecl *, const clang::FunctionDecl *>
      Singletons;
  std::unique_ptr<SharedObjects> Shared;
  /// The data members code of the unit names.
  llvm::DenseSet<const clang::FieldDecl *> NamedFields;
  /// Calls from static initialisers, by callee.
  llvm::DenseMap<const clang::FunctionDecl *,
                 llvm::SmallVector<const clang::Expr *, 1>>
      StaticInitCalls;
  llvm::DenseMap<const clang::Expr *, const clang::ValueDecl *> ThreadOwners;

  unsigned addNode(const clang::FunctionDecl *F);
  FunctionNode *discover(const clang::FunctionDecl *F);
  const clang::FunctionDecl *definitionOf(const clang::FunctionDecl *F) {
    FunctionNode *N = node(F);
    return N ? N->Decl : nullptr;
  }
  void collect();
  void scan(FunctionNode *Owner, const clang::Stmt *Root);
  const clang::FunctionDecl *callableOf(const clang::Expr *E,
                                        unsigned Depth = 0);
  /// Drops the accesses to locals and parameters that no thread or
  /// callback is handed.
  void keepHandedAccesses();
  void propagate();
};

} // namespace mapguard

#endif // MAPGUARD_ANALYSIS_CALLGRAPH_H
