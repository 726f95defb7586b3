//===--- MapguardCheck.cpp - What every mapguard check shares -------------===//

#include "checks/MapguardCheck.h"
#include "checks/LockFixes.h"
#include "checks/analysis/Compat.h"
#include "checks/analysis/Names.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace mapguard {

MapguardCheck::MapguardCheck(llvm::StringRef Name,
                             tidy::ClangTidyContext *Context,
                             std::shared_ptr<AnalysisCache> Cache)
    : ClangTidyCheck(Name, Context), Tidy(Context), Cache(std::move(Cache)),
      ContainerTypes(Options.getLocalOrGlobal("ContainerTypes", "")),
      MapTypes(Options.getLocalOrGlobal("MapTypes", "")),
      WriteMethods(Options.getLocalOrGlobal("WriteMethods", "")),
      ReadMethods(Options.getLocalOrGlobal("ReadMethods", "")),
      LockTypes(Options.getLocalOrGlobal("LockTypes", "")),
      GuardTypes(Options.getLocalOrGlobal("GuardTypes", "")),
      ThreadStarters(Options.getLocalOrGlobal("ThreadStarters", "")),
      MapGuards(Options.getLocalOrGlobal("MapGuards", "")) {
  SuggestAnnotations = Options.getLocalOrGlobal("SuggestAnnotations", false);
  Analysis.Containers.Builtin =
      Options.getLocalOrGlobal("BuiltinContainers", true);
  Analysis.ElementWrites =
      Options.getLocalOrGlobal("ReportElementWrites", true);
  Analysis.GuardsFromDeclarations =
      Options.getLocalOrGlobal("GuardsFromDeclarations", true);
  Analysis.MaxFunctionBlocks = Options.getLocalOrGlobal(
      "MaxFunctionBlocks", LocksetAnalysis::DefaultMaxBlocks);
  Analysis.MaxNestingDepth =
      Options.getLocalOrGlobal("MaxNestingDepth", MaxNestingDepth);
  if (Analysis.MaxNestingDepth > MaxNestingDepth) {
    configurationDiag("option '%0.MaxNestingDepth' is %1, more than the "
                      "analysis' stack can follow; %2 is used")
        << Name << Analysis.MaxNestingDepth << MaxNestingDepth;
    Analysis.MaxNestingDepth = MaxNestingDepth;
  }
  auto Names = [&](llvm::StringRef Option, llvm::StringRef Value,
                   std::vector<std::string> &Out) {
    for (llvm::StringRef Entry : splitList(Value)) {
      if (isQualifiedIdentifier(Entry))
        Out.push_back(Entry.str());
      else
        configurationDiag("invalid entry '%0' in option '%1.%2': expected a "
                          "qualified class name such as "
                          "'absl::flat_hash_map'; the entry is ignored")
            << Entry << Name << Option;
    }
  };
  // A container that is safe to share needs no lock: naming one is refused
  // with the reason.
  auto Containers = [&](llvm::StringRef Option, llvm::StringRef Value) {
    std::vector<std::string> Types;
    Names(Option, Value, Types);
    for (std::string &Type : Types)
      if (ContainerVocabulary::isThreadSafeByDesign(Type))
        refuseThreadSafe(Name, Type, Option);
      else
        Analysis.Containers.Types.push_back(std::move(Type));
  };
  Containers("ContainerTypes", ContainerTypes);
  Containers("MapTypes", MapTypes);
  auto Methods = [&](llvm::StringRef Option, llvm::StringRef Value,
                     std::vector<ContainerMethods> &Out) {
    for (llvm::StringRef Entry : splitList(Value)) {
      auto [Type, List] = Entry.split('=');
      Type = Type.trim();
      llvm::SmallVector<llvm::StringRef, 8> Parts;
      List.split(Parts, ',', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
      ContainerMethods M{Type.str(), {}};
      bool Valid = isQualifiedIdentifier(Type) && !Parts.empty();
      for (llvm::StringRef Method : Parts) {
        Method = Method.trim();
        Valid =
            Valid && (startsWith(Method, "operator") ||
                      (isQualifiedIdentifier(Method) && !Method.contains(':')));
        M.Methods.push_back(Method.str());
      }
      if (!Valid)
        configurationDiag("invalid entry '%0' in option '%1.%2': expected "
                          "'type=method,method', such as "
                          "'WAVM::HashMap=getOrAdd,set'; the entry is ignored")
            << Entry << Name << Option;
      else if (ContainerVocabulary::isThreadSafeByDesign(M.Type))
        refuseThreadSafe(Name, M.Type, Option);
      else
        Out.push_back(std::move(M));
    }
  };
  Methods("WriteMethods", WriteMethods, Analysis.Containers.WriteMethods);
  Methods("ReadMethods", ReadMethods, Analysis.Containers.ReadMethods);
  Names("LockTypes", LockTypes, Analysis.LockTypes);
  Names("GuardTypes", GuardTypes, Analysis.GuardTypes);
  Names("ThreadStarters", ThreadStarters, Analysis.ThreadStarters);
  for (llvm::StringRef Entry : splitList(MapGuards)) {
    auto [Map, Mutex] = Entry.split('=');
    Map = Map.trim();
    Mutex = Mutex.trim();
    if (Map.empty() || Mutex.empty())
      configurationDiag("invalid entry '%0' in option '%1.MapGuards': "
                        "expected 'map=mutex', such as 'g_routes=g_mu'; the "
                        "entry is ignored")
          << Entry << Name;
    else
      Analysis.MapGuards.push_back({Map.str(), Mutex.str()});
  }
}

void MapguardCheck::refuseThreadSafe(llvm::StringRef Name, llvm::StringRef Type,
                                     llvm::StringRef Option) {
  configurationDiag("'%0' in option '%1.%2' is thread-safe by design: its "
                    "accesses need no mutex, and mapguard does not check "
                    "them; the entry is ignored")
      << Type << Name << Option;
}

void MapguardCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "ContainerTypes", ContainerTypes);
  Options.store(Opts, "MapTypes", MapTypes);
  Options.store(Opts, "BuiltinContainers", Analysis.Containers.Builtin);
  Options.store(Opts, "WriteMethods", WriteMethods);
  Options.store(Opts, "ReadMethods", ReadMethods);
  Options.store(Opts, "LockTypes", LockTypes);
  Options.store(Opts, "GuardTypes", GuardTypes);
  Options.store(Opts, "ThreadStarters", ThreadStarters);
  Options.store(Opts, "MapGuards", MapGuards);
  Options.store(Opts, "ReportElementWrites", Analysis.ElementWrites);
  Options.store(Opts, "GuardsFromDeclarations",
                Analysis.GuardsFromDeclarations);
  Options.store(Opts, "MaxFunctionBlocks", Analysis.MaxFunctionBlocks);
  Options.store(Opts, "MaxNestingDepth", Analysis.MaxNestingDepth);
  Options.store(Opts, "SuggestAnnotations", SuggestAnnotations);
}

void MapguardCheck::registerMatchers(MatchFinder *Finder) {
  // The analysis walks the translation unit itself; the match only says
  // which unit this is.
  Finder->addMatcher(translationUnitDecl().bind("unit"), this);
}

void MapguardCheck::check(const MatchFinder::MatchResult &Result) {
  // The translation unit is parsed whole by now. Analysing it here, inside
  // the match callback, lets --enable-check-profile count the time.
  Context = Result.Context;
  Parents.clear();
  Cache->enter(Context);
  const TranslationUnitFacts &Facts = Cache->facts(*Context, Analysis);
  // The checks share the analysis and its options: the first to see the
  // unit reports what is wrong with the options.
  std::optional<bool> ReportsOptions;
  const tidy::ClangTidyOptions &TidyOptions = Tidy->getOptions();
  HeaderFilter.emplace(TidyOptions.HeaderFilterRegex
                           ? llvm::StringRef(*TidyOptions.HeaderFilterRegex)
                           : llvm::StringRef());
#if LLVM_VERSION_MAJOR >= 19
  if (TidyOptions.ExcludeHeaderFilterRegex &&
      !TidyOptions.ExcludeHeaderFilterRegex->empty())
    ExcludeHeaderFilter.emplace(*TidyOptions.ExcludeHeaderFilterRegex);
  else
#endif
    ExcludeHeaderFilter.reset();
  ShownFiles.clear();
  groupAdjacentWrites(Facts);
  for (const Finding &F : Facts.findings()) {
    if (F.Kind == FindingKind::GuardOptionUnresolved) {
      if (!ReportsOptions)
        ReportsOptions = Facts.claimConfigurationFindings();
      if (*ReportsOptions)
        reportOption(F);
      continue;
    }
    if (selects(F.Kind) && shownByClangTidy(F.location()))
      report(F);
  }
}

bool MapguardCheck::shownByClangTidy(SourceLocation Loc) {
  const SourceManager &SM = Context->getSourceManager();
  if (Loc.isInvalid())
    return true;
  FileID File = SM.getFileID(SM.getExpansionLoc(Loc));
  auto [It, Inserted] = ShownFiles.try_emplace(File, true);
  if (!Inserted)
    return It->second;
  bool Shown = true;
  // As clang-tidy's own filter (ClangTidyDiagnosticConsumer::checkFilters)
  // has it; a location without a file (a -D on the command line) is shown.
  auto Entry = SM.getFileEntryRefForID(File);
  if (File != SM.getMainFileID() && Entry) {
    const auto &SystemHeaders = Tidy->getOptions().SystemHeaders;
    bool System = SM.isInSystemHeader(SM.getExpansionLoc(Loc));
    Shown =
        (!System || (SystemHeaders && *SystemHeaders)) &&
        HeaderFilter->match(Entry->getName()) &&
        !(ExcludeHeaderFilter && ExcludeHeaderFilter->match(Entry->getName()));
  }
  It->second = Shown;
  return Shown;
}

void MapguardCheck::groupAdjacentWrites(const TranslationUnitFacts &Facts) {
  Runs.clear();
  // A finding's statement, or one of the accesses it stands for (the
  // others the same release leaves unprotected): the block covers them
  // too, or the fixed program would still have them.
  struct Item {
    const Finding *F;
    const Expr *Site;
    unsigned Index;
  };
  llvm::MapVector<std::pair<const CompoundStmt *, MutexId>,
                  llvm::SmallVector<Item, 2>>
      ByBlock;
  for (const Finding &F : Facts.findings()) {
    if (F.Fix != FixKind::LockAround || F.Call || !F.Guard || !F.Guard->Id ||
        !selects(F.Kind))
      continue;
    auto Add = [&](const AccessFact &A, bool Folded) {
      if (A.Function != F.Access->Function)
        return;
      if (std::optional<StatementInBlock> Where =
              statementInBlock(A.Site, *A.Function, Parents))
        ByBlock[{Where->Block, *F.Guard->Id}].push_back(
            {Folded ? nullptr : &F, A.Site, Where->Index});
    };
    Add(*F.Access, false);
    for (const AccessFact *Other : F.Others)
      Add(*Other, true);
  }
  for (auto &[Key, Items] : ByBlock) {
    llvm::stable_sort(
        Items, [](const Item &A, const Item &B) { return A.Index < B.Index; });
    for (size_t First = 0; First < Items.size();) {
      size_t End = First + 1;
      while (End < Items.size() && Items[End].Index <= Items[End - 1].Index + 1)
        ++End;
      // The block is offered at its first reported write.
      size_t Lead = First;
      while (Lead != End && !Items[Lead].F)
        ++Lead;
      if (End - First > 1 && Lead != End) {
        llvm::SmallPtrSet<const Stmt *, 4> Statements;
        for (size_t I = First; I != End; ++I)
          Statements.insert(Items[I].Site);
        WriteRun Run{Items[Lead].F, Items[First].Site, Items[End - 1].Site,
                     static_cast<unsigned>(Statements.size())};
        for (size_t I = First; I != End; ++I)
          if (Items[I].F)
            Runs[Items[I].F] = Run;
      }
      First = End;
    }
  }
}

void MapguardCheck::registerPPCallbacks(const SourceManager &, Preprocessor *PP,
                                        Preprocessor *) {
  this->PP = PP;
}

void MapguardCheck::onEndOfTranslationUnit() {
  AnnotatedMaps.clear();
  if (!Context)
    return;
  Cache->leave(Context);
  Context = nullptr;
}

void MapguardCheck::noteWhyShared(const Finding &F) {
  const AccessFact &Access = *F.Access;
  const SharedMap &Map = Access.Map;
  const auto *Class =
      Map.Kind == SharedMapKind::Member && !Map.Singleton
          ? dyn_cast<CXXRecordDecl>(Map.Storage->getDeclContext())
          : nullptr;
  if (Class && F.Map && F.Map->Why == MapFacts::MutexMember) {
    diag(F.Map->Mutex->getLocation(),
         "'%0' has a mutex member '%1' that no code here locks, so its "
         "objects are shared",
         DiagnosticIDs::Note)
        << Class->getName() << F.Map->Mutex->getName();
    return;
  }
  if (Class && F.Map && F.Map->Why == MapFacts::SingletonInstance) {
    diag(F.Map->Accessor->getLocation(),
         "'%0' is a member of '%1', whose instance is returned by '%2()', "
         "shared by every caller",
         DiagnosticIDs::Note)
        << Map.Storage->getName() << Class->getName()
        << F.Map->Accessor->getQualifiedNameAsString();
    return;
  }
  if (Class && F.Map && F.Map->Why == MapFacts::ReachedClass && F.Map->Root) {
    noteSharedClass(Map.Storage->getName(), Class, F.Map->Root);
    return;
  }
  if (Map.Kind == SharedMapKind::Handed && F.Map && F.Map->Root &&
      F.Map->Root->Why == SharedRoot::SharedByRegion) {
    diag(F.Map->Root->Region->getBeginLoc(),
         "'%0' is shared by the threads of this OpenMP region",
         DiagnosticIDs::Note)
        << Map.Storage->getName();
    return;
  }
  if (Map.Kind == SharedMapKind::Handed && F.Map && F.Map->Root) {
    const SharedRoot &Root = *F.Map->Root;
    diag(Root.Site->getBeginLoc(),
         "'%0' %select{is handed|refers to what is handed}1 to %select{the "
         "thread started|the callback registered}2 here",
         DiagnosticIDs::Note)
        << Map.Storage->getName() << isa<ParmVarDecl>(Map.Storage)
        << (Root.Why == SharedRoot::HandedToCallback);
    return;
  }
  if (Class && F.Map && F.Map->Why == MapFacts::LockedAccess) {
    diag(F.Map->LockedAt->Site->getBeginLoc(),
         "'%0' is accessed with a mutex held here, so the objects of '%1' "
         "are shared",
         DiagnosticIDs::Note)
        << Map.Path.name() << Class->getName();
    return;
  }
  std::string Storage = ObjectPath::ofDecl(Map.Storage).name();
  if (Map.Singleton) {
    // A lazily created instance: what the static pointer points to.
    const CXXRecordDecl *Held = Map.Storage->getType()->getAsCXXRecordDecl();
    const CXXRecordDecl *Object = objectClassOf(Map.Storage->getType());
    if (!Held || !Object ||
        Held->getCanonicalDecl() != Object->getCanonicalDecl())
      Storage = "*" + Storage;
    diag(Map.Storage->getLocation(),
         "'%0()' returns '%1', %select{a global|a static data member|a "
         "function-local static}2 shared by every caller",
         DiagnosticIDs::Note)
        << Map.Singleton->getName() << Storage
        << static_cast<unsigned>(Map.Kind);
    return;
  }
  static const char *const WhyShared[] = {
      "'%0' is a global with static storage duration",
      "'%0' is a static data member, shared by every instance",
      "'%0' is a function-local static, shared by every call",
      "'%0' is a member that its class guards with a mutex"};
  diag(Map.Storage->getLocation(), WhyShared[static_cast<unsigned>(Map.Kind)],
       DiagnosticIDs::Note)
      << Storage;
}

void MapguardCheck::noteSharedClass(llvm::StringRef Member,
                                    const CXXRecordDecl *Class,
                                    const SharedRoot *Root) {
  // A chain of classes, each reached from the next, ends at a root.
  for (unsigned Hop = 0; Root && Hop != 8; ++Hop) {
    switch (Root->Why) {
    case SharedRoot::SharedByRegion:
      diag(Root->Region->getBeginLoc(),
           "'%0' is a member of '%1', whose object the threads of this "
           "OpenMP region share",
           DiagnosticIDs::Note)
          << Member << Class->getName();
      return;
    case SharedRoot::HandedToThread:
    case SharedRoot::HandedToCallback:
      diag(Root->Site->getBeginLoc(),
           "'%0' is a member of '%1', whose object is handed to %select{the "
           "thread started|the callback registered}2 here",
           DiagnosticIDs::Note)
          << Member << Class->getName()
          << (Root->Why == SharedRoot::HandedToCallback);
      return;
    case SharedRoot::StaticObject:
      diag(Root->Object->getLocation(),
           "'%0' is a member of '%1', whose objects are shared: '%2' has "
           "static storage duration",
           DiagnosticIDs::Note)
          << Member << Class->getName()
          << ObjectPath::ofDecl(Root->Object).name();
      return;
    case SharedRoot::ReachedThrough:
      if (Root->Via)
        diag(Root->Via->getLocation(),
             "'%0' is a member of '%1', reached through '%2' from the objects "
             "of '%3'",
             DiagnosticIDs::Note)
            << Member << Class->getName() << Root->Via->getName()
            << Root->From->getName();
      else
        diag(Root->From->getLocation(),
             "'%0' is a member of '%1', a base of '%2'", DiagnosticIDs::Note)
            << Member << Class->getName() << Root->From->getName();
      if (Root->Via)
        Member = Root->Via->getName();
      Class = Root->From;
      Root = Root->FromRoot;
      break;
    }
  }
}

void MapguardCheck::noteWhyNotHeld(const Finding &F) {
  if (!F.Why || !F.Guard)
    return;
  const NotHeldReason &Why = *F.Why;
  const std::string &Mutex = F.Guard->Mutex.name();
  if (Why.Kind == NotHeldReason::ReleasedHere) {
    if (Why.Source == LockSource::GuardScopeEnd && Why.Guard)
      diag(Why.Loc, "'%0' is released here, where '%1' goes out of scope",
           DiagnosticIDs::Note)
          << Mutex << Why.Guard->getName();
    else if (Why.Source == LockSource::RegionEnd)
      diag(Why.Loc, "'%0' is released here, where its region ends",
           DiagnosticIDs::Note)
          << Mutex;
    else if (Why.Source == LockSource::TemporaryEnd)
      diag(Why.Loc,
           "'%0' is released here, at the end of the full expression that "
           "created the temporary guard",
           DiagnosticIDs::Note)
          << Mutex;
    else
      diag(Why.Loc, "'%0' is released here", DiagnosticIDs::Note) << Mutex;
  } else if (Why.ConditionValue) {
    diag(Why.Loc,
         "'%0' is not held when this condition is %select{false|true}1",
         DiagnosticIDs::Note)
        << Mutex << *Why.ConditionValue;
  } else if (Why.ThroughCase) {
    diag(Why.Loc, "'%0' is not held on the path through this case",
         DiagnosticIDs::Note)
        << Mutex;
  } else {
    diag(Why.Loc, "'%0' is not held on the path through here",
         DiagnosticIDs::Note)
        << Mutex;
  }
}

void MapguardCheck::noteOthers(const Finding &F) {
  if (F.Others.empty() || !F.Guard)
    return;
  const SourceManager &SM = Context->getSourceManager();
  std::string Lines;
  for (const AccessFact *Other : F.Others) {
    if (!Lines.empty())
      Lines += ", ";
    Lines +=
        std::to_string(SM.getExpansionLineNumber(Other->Site->getBeginLoc()));
  }
  diag(F.Others.front()->Site->getBeginLoc(),
       "the same release leaves %0 more %plural{1:access|:accesses}0 without "
       "'%1' (line%s0 %2), not reported again",
       DiagnosticIDs::Note)
      << static_cast<unsigned>(F.Others.size()) << F.Guard->Mutex.name()
      << Lines;
}

void MapguardCheck::noteEvidence(const AccessFact &Access,
                                 const MapGuard *Guard) {
  if (!Guard)
    return;
  const std::string &Map = Access.Map.Path.name();
  const std::string &Mutex = Guard->Mutex.name();
  if (Guard->Source == MapGuard::Annotated) {
    diag(Access.Map.Storage->getLocation(),
         "'%0' is guarded by '%1', as its 'guarded_by' attribute says",
         DiagnosticIDs::Note)
        << Map << Mutex;
  } else if (Guard->Source == MapGuard::Configured) {
    diag(Access.Map.Storage->getLocation(),
         "'%0' is guarded by '%1', as the option 'MapGuards' says",
         DiagnosticIDs::Note)
        << Map << Mutex;
  } else if (Guard->Example && Guard->GuardedWrites > 0) {
    diag(Guard->Example->Site->getBeginLoc(),
         "'%0' is written with '%1' held at %2 of %3 sites",
         DiagnosticIDs::Note)
        << Map << Mutex << Guard->GuardedWrites << Guard->Writes;
  } else if (Guard->Example) {
    diag(Guard->Example->Site->getBeginLoc(),
         "'%0' is accessed with '%1' held here", DiagnosticIDs::Note)
        << Map << Mutex;
  }
}

void MapguardCheck::suggestFix(const Finding &F) {
  if (F.Fix == FixKind::None || !F.Guard)
    return;
  const Expr *Site = F.Call ? F.Call : F.Access->Site;
  const SharedMap &Map = F.Access->Map;
  const MapGuard &Guard = *F.Guard;
  const FunctionDecl *Function = F.Call ? F.Caller : F.Access->Function;
  if (!Function)
    return;
  if (F.Fix == FixKind::MakeExclusive) {
    if (std::optional<LockFix> Fix = makeSharedGuardExclusive(
            Site, *Function, Guard.Mutex, *Context, Parents)) {
      auto Note = diag(Site->getBeginLoc(),
                       "hold '%0' exclusively: make its guard a "
                       "'std::unique_lock'",
                       DiagnosticIDs::Note)
                  << Fix->Mutex;
      for (const FixItHint &Hint : Fix->Hints)
        Note << Hint;
    }
    return;
  }
  // Adjacent writes get one block: another thread could act between two.
  auto InRun = Runs.find(&F);
  if (InRun != Runs.end() && InRun->second.Lead != &F) {
    diag(Site->getBeginLoc(),
         "the lock block offered at line %0 covers this write too",
         DiagnosticIDs::Note)
        << Context->getSourceManager().getExpansionLineNumber(
               InRun->second.Lead->Access->Site->getBeginLoc());
    return;
  }
  const Expr *Last = InRun != Runs.end() ? InRun->second.Last : nullptr;
  const Expr *First = InRun != Runs.end() ? InRun->second.First : Site;
  NoFixReason Why;
  std::optional<LockFix> Fix = lockAroundStatement(
      First, Function, Guard.Mutex, *Context, Parents, Last, &Why);
  if (!Fix) {
    if (Why.Kind == NoFixReason::ReferenceEscapes)
      diag(Site->getBeginLoc(),
           "no lock block is offered: '%0' is used where a block around this "
           "statement cannot reach, so '%1' must be held there too",
           DiagnosticIDs::Note)
          << Why.Var->getName() << Guard.Mutex.name();
    return;
  }
  std::optional<LockFix> Annotation;
  if (SuggestAnnotations && Guard.Source == MapGuard::Inferred &&
      AnnotatedMaps.insert(Map.Storage).second)
    Annotation = annotateGuardedBy(Map, Guard.Mutex, *Context, PP);
  unsigned Writes = InRun != Runs.end() ? InRun->second.Writes : 1;
  auto Note = diag(Site->getBeginLoc(),
                   "lock '%0' around the %select{write|call|%4 adjacent "
                   "writes|write and the uses of '%5'}1%select{|, and annotate "
                   "'%3' with the mutex that guards it}2",
                   DiagnosticIDs::Note)
              << Fix->Mutex
              << (Fix->CoversUsesOf ? 3u
                  : Writes > 1      ? 2u
                                    : unsigned(F.Call != nullptr))
              << Annotation.has_value() << Map.Path.name() << Writes
              << (Fix->CoversUsesOf ? Fix->CoversUsesOf->getName() : "");
  for (const FixItHint &Hint : Fix->Hints)
    Note << Hint;
  if (Annotation)
    for (const FixItHint &Hint : Annotation->Hints)
      Note << Hint;
}

llvm::StringRef MapguardCheck::nounOf(const SharedMap &Map) {
  switch (Map.Family) {
  case ContainerFamily::Map:
    return "map";
  case ContainerFamily::Set:
    return "set";
  case ContainerFamily::Vector:
    return "vector";
  case ContainerFamily::Deque:
    return "deque";
  case ContainerFamily::List:
    return "list";
  case ContainerFamily::String:
    return "string";
  case ContainerFamily::Queue:
    return "queue";
  case ContainerFamily::Stack:
    return "stack";
  case ContainerFamily::PriorityQueue:
    return "priority queue";
  case ContainerFamily::Other:
    break;
  }
  return "container";
}

void MapguardCheck::reportAtCaller(const Finding &F) {
  const AccessFact &Access = *F.Access;
  const FunctionDecl *Callee = Access.Function;
  const std::string &Mutex = F.Guard->Mutex.name();
  diag(F.Call->getBeginLoc(),
       "call to '%0' %select{writes|writes an element of|reads}1 shared %4 "
       "'%2' without holding '%3'")
      << Callee->getNameAsString() << static_cast<unsigned>(Access.Kind)
      << Access.Map.Path.name() << Mutex << nounOf(Access.Map);
  diag(Access.Site->getBeginLoc(),
       "'%0' %select{writes|writes an element of|reads}1 '%2' here",
       DiagnosticIDs::Note)
      << Callee->getNameAsString() << static_cast<unsigned>(Access.Kind)
      << Access.Map.Path.name();
  if (F.Required)
    diag(Callee->getLocation(),
         "'%0' requires '%1' (requires_capability), so its callers must "
         "hold it",
         DiagnosticIDs::Note)
        << Callee->getNameAsString() << Mutex;
  else
    diag(F.GoodCall->getBeginLoc(), "other calls of '%0' hold '%1'",
         DiagnosticIDs::Note)
        << Callee->getNameAsString() << Mutex;
  suggestFix(F);
}

void MapguardCheck::reportOption(const Finding &F) {
  const ConfiguredGuards::Problem &P = *F.Option;
  if (P.Map)
    diag(P.Map->getLocation(),
         "option 'MapGuards' names '%0' as the guard of '%1', but no "
         "variable or member of that name is visible from '%1'; the entry "
         "'%2' is ignored")
        << P.Name << ObjectPath::ofDecl(P.Map).name() << P.Entry;
}

} // namespace mapguard
