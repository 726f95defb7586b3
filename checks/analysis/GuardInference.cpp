//===--- GuardInference.cpp - Which mutex guards each map -----------------===//

#include "checks/analysis/GuardInference.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace mapguard {

/// The declarations named \p Name in \p DC, and in the unnamed and inline
/// namespaces it contains, whose names are visible in it.
static void lookIn(const DeclContext *DC, DeclarationName Name,
                   llvm::SmallVectorImpl<const NamedDecl *> &Out,
                   unsigned Depth = 0) {
  if (!DC || Depth > 8)
    return;
  if (const auto *Record = dyn_cast<CXXRecordDecl>(DC)) {
    Record = Record->getDefinition();
    if (!Record)
      return;
    DC = Record;
  }
  for (const NamedDecl *D : const_cast<DeclContext *>(DC)->lookup(Name))
    Out.push_back(D);
  if (!Out.empty() || !DC->isFileContext())
    return;
  for (const Decl *D : DC->decls())
    if (const auto *NS = dyn_cast<NamespaceDecl>(D))
      if (NS->isAnonymousNamespace() || NS->isInline())
        lookIn(NS, Name, Out, Depth + 1);
}

/// The context a qualifier names: a namespace or a class.
static const DeclContext *asContext(const NamedDecl *D) {
  if (const auto *Template = dyn_cast<ClassTemplateDecl>(D))
    D = Template->getTemplatedDecl();
  if (const auto *NS = dyn_cast<NamespaceDecl>(D))
    return NS;
  if (const auto *Alias = dyn_cast<NamespaceAliasDecl>(D))
    return Alias->getNamespace();
  if (const auto *Record = dyn_cast<CXXRecordDecl>(D)) {
    // A class's own name inside it is its injected-class-name.
    if (Record->isInjectedClassName())
      return Record->getParent();
    return Record;
  }
  return nullptr;
}

/// The variable or data member \p Name (`a::b::c`) names, looked up from
/// \p Scope outwards (from the global namespace with a leading `::`).
static const ValueDecl *resolve(ASTContext &Ctx, llvm::StringRef Name,
                                const DeclContext *Scope) {
  if (Name.consume_front("::"))
    Scope = Ctx.getTranslationUnitDecl();
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Name.split(Parts, "::");
  for (llvm::StringRef Part : Parts)
    if (Part.empty())
      return nullptr;
  auto NameOf = [&](llvm::StringRef Part) {
    return DeclarationName(&Ctx.Idents.get(Part));
  };
  // The first part, from the scope outwards; the rest inside it.
  llvm::SmallVector<const NamedDecl *, 2> Found;
  for (const DeclContext *DC = Scope; DC && Found.empty(); DC = DC->getParent())
    lookIn(DC, NameOf(Parts.front()), Found);
  for (llvm::StringRef Part :
       llvm::ArrayRef<llvm::StringRef>(Parts).drop_front()) {
    const DeclContext *Inner = nullptr;
    for (const NamedDecl *D : Found)
      if ((Inner = asContext(D)))
        break;
    Found.clear();
    if (!Inner)
      return nullptr;
    lookIn(Inner, NameOf(Part), Found);
  }
  for (const NamedDecl *D : Found)
    if (isa<FieldDecl>(D) ||
        (isa<VarDecl>(D) && cast<VarDecl>(D)->hasGlobalStorage()))
      return cast<ValueDecl>(D->getCanonicalDecl());
  return nullptr;
}

ConfiguredGuards::ConfiguredGuards(
    ASTContext &Ctx,
    llvm::ArrayRef<std::pair<std::string, std::string>> Options) {
  for (const auto &[MapName, MutexName] : Options) {
    std::string Text = MapName + "=" + MutexName;
    const ValueDecl *Map = resolve(Ctx, MapName, Ctx.getTranslationUnitDecl());
    if (!Map) {
      Problems.push_back({Text, MapName, nullptr});
      continue;
    }
    const ValueDecl *Mutex = resolve(Ctx, MutexName, Map->getDeclContext());
    // A member mutex guards a member map of its own class only.
    if (Mutex && isa<FieldDecl>(Mutex) &&
        (!isa<FieldDecl>(Map) ||
         Mutex->getDeclContext() != Map->getDeclContext()))
      Mutex = nullptr;
    if (!Mutex) {
      Problems.push_back({Text, MutexName, Map});
      continue;
    }
    Entries.push_back({Map, Mutex});
  }
}

/// The member of an instantiated class that \p D is, in the class template
/// it was instantiated from; \p D itself otherwise.
static const ValueDecl *patternOf(const ValueDecl *D) {
  if (const auto *Var = dyn_cast<VarDecl>(D))
    if (const VarDecl *From = Var->getInstantiatedFromStaticDataMember())
      return cast<ValueDecl>(From->getCanonicalDecl());
  if (const auto *Field = dyn_cast<FieldDecl>(D))
    if (const auto *Record = dyn_cast<CXXRecordDecl>(Field->getDeclContext()))
      if (const CXXRecordDecl *Pattern =
              Record->getTemplateInstantiationPattern())
        for (const FieldDecl *F : Pattern->fields())
          if (F->getDeclName() == Field->getDeclName())
            return F;
  return cast<ValueDecl>(D->getCanonicalDecl());
}

/// The variable or member the path of \p Map ends in, if it ends in one.
static const ValueDecl *declarationOf(const SharedMap &Map) {
  if (Map.Path.steps().empty())
    return nullptr;
  const ObjectPath::Step &Last = Map.Path.steps().back();
  return Last.Kind == ObjectPath::StepKind::Decl
             ? dyn_cast_or_null<ValueDecl>(Last.Decl)
             : nullptr;
}

std::optional<ObjectPath>
ConfiguredGuards::mutexFor(const SharedMap &Map) const {
  if (Entries.empty())
    return std::nullopt;
  const ValueDecl *Declared = declarationOf(Map);
  if (!Declared)
    return std::nullopt;
  const ValueDecl *Pattern = patternOf(Declared);
  for (const Entry &E : Entries) {
    if (E.Map != Pattern && E.Map != Declared)
      continue;
    if (!isa<FieldDecl>(E.Mutex))
      return ObjectPath::ofDecl(E.Mutex);
    // The member of the map's own class (an instantiation's, for a
    // template), on the map's object.
    const auto *Record = dyn_cast<CXXRecordDecl>(Declared->getDeclContext());
    if (!Record)
      return std::nullopt;
    for (const FieldDecl *F : Record->fields())
      if (F->getDeclName() == E.Mutex->getDeclName())
        return ObjectPath::ofDecl(F).withThisAs(Map.Path.parent());
    return std::nullopt;
  }
  return std::nullopt;
}

std::optional<MapGuard> inferGuard(llvm::ArrayRef<const AccessFact *> Mine,
                                   std::optional<ObjectPath> Configured,
                                   const HeldLocksPool &Pool,
                                   const ASTContext &Ctx) {
  const AccessFact &First = *Mine.front();
  std::optional<MapGuard> Guard;
  if (Configured)
    Guard = MapGuard{std::move(*Configured), MapGuard::Configured};
  const ValueDecl *Declared = declarationOf(First.Map);
  if (!Guard && Declared)
    for (const auto *A : Declared->specific_attrs<GuardedByAttr>()) {
      ObjectPath Mutex = ObjectPath::fromExpr(A->getArg(), Ctx);
      if (isa<FieldDecl>(Declared))
        Mutex = Mutex.withThisAs(First.Map.Path.parent());
      Guard = MapGuard{std::move(Mutex), MapGuard::Annotated};
    }
  if (Guard) {
    Guard->Id = Pool.find(Guard->Mutex);
  } else {
    // Accesses that hold the same locks are counted together: the cost is
    // the distinct lock sets' sizes, not the accesses' times theirs. (A
    // set, and whether a read holds it: reads count shared holds.)
    llvm::SmallVector<std::pair<const HeldLocks *, bool>, 4> Sets;
    llvm::SmallDenseMap<std::pair<const HeldLocks *, unsigned>, unsigned, 4>
        Multiplicity;
    for (const AccessFact *A : Mine) {
      if (A->SingleThreaded || A->HeldVariesByInstantiation)
        continue;
      if (Multiplicity[{A->Held, A->isWrite()}]++ == 0)
        Sets.push_back({A->Held, A->isWrite()});
    }
    // Ties go to the mutex counted first: held exclusively at the first
    // access, then shared at a read.
    llvm::SmallDenseMap<MutexId, unsigned, 8> Counts;
    llvm::SmallVector<MutexId, 8> Order;
    auto Count = [&](MutexId Id, unsigned N) {
      auto [It, Inserted] = Counts.try_emplace(Id, 0);
      if (Inserted)
        Order.push_back(Id);
      It->second += N;
    };
    for (const auto &Key : Sets) {
      unsigned N = Multiplicity[{Key.first, Key.second}];
      for (unsigned Lock : Key.first->locks())
        if (modeOfLock(Lock) == LockMode::Exclusive)
          Count(mutexOfLock(Lock), N);
      if (!Key.second)
        for (unsigned Lock : Key.first->locks())
          if (Key.first->holdsSharedOnly(mutexOfLock(Lock)))
            Count(mutexOfLock(Lock), N);
    }
    if (Order.empty())
      return std::nullopt;
    MutexId Best = Order.front();
    for (MutexId Id : Order)
      if (Counts[Id] > Counts[Best])
        Best = Id;
    Guard = MapGuard{Pool.mutex(Best), MapGuard::Inferred, Best};
  }
  for (const AccessFact *A : Mine) {
    if (!A->isWrite() || A->SingleThreaded)
      continue;
    ++Guard->Writes;
    if (Guard->isHeldAt(*A)) {
      ++Guard->GuardedWrites;
      if (!Guard->Example)
        Guard->Example = A;
    }
  }
  if (!Guard->Example)
    for (const AccessFact *A : Mine)
      if (Guard->isHeldAt(*A)) {
        Guard->Example = A;
        break;
      }
  return Guard;
}

} // namespace mapguard
