//===--- UnguardedWriteCheck.cpp - mapguard-unguarded-write ---------------===//

#include "checks/UnguardedWriteCheck.h"
#include "checks/analysis/Names.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace mapguard {

static std::string defaultMapTypes() {
  return llvm::join(MapModel::defaultMapTypes(), ";");
}

/// The entries of a list option that are qualified names; \p Invalid
/// receives the rest.
static llvm::SmallVector<llvm::StringRef, 8>
validNames(llvm::StringRef Option,
           llvm::SmallVectorImpl<llvm::StringRef> *Invalid = nullptr) {
  llvm::SmallVector<llvm::StringRef, 8> Valid;
  for (llvm::StringRef Name : splitList(Option)) {
    if (isQualifiedIdentifier(Name))
      Valid.push_back(Name);
    else if (Invalid)
      Invalid->push_back(Name);
  }
  return Valid;
}

UnguardedWriteCheck::UnguardedWriteCheck(llvm::StringRef Name,
                                         tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      MapTypesOption(Options.get("MapTypes", defaultMapTypes())),
      LockTypesOption(Options.get("LockTypes", "")),
      GuardTypesOption(Options.get("GuardTypes", "")),
      ReportElementWrites(Options.get("ReportElementWrites", true)),
      Maps(validNames(MapTypesOption)),
      Locks(validNames(LockTypesOption), validNames(GuardTypesOption)) {
  for (auto [Option, Value] :
       {std::pair<llvm::StringRef, llvm::StringRef>("MapTypes", MapTypesOption),
        {"LockTypes", LockTypesOption},
        {"GuardTypes", GuardTypesOption}}) {
    llvm::SmallVector<llvm::StringRef, 2> Invalid;
    validNames(Value, &Invalid);
    for (llvm::StringRef Entry : Invalid)
      configurationDiag("invalid entry '%0' in option '%1.%2': expected a "
                        "qualified class name such as "
                        "'absl::flat_hash_map'; the entry is ignored")
          << Entry << Name << Option;
  }
}

void UnguardedWriteCheck::storeOptions(
    tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "MapTypes", MapTypesOption);
  Options.store(Opts, "LockTypes", LockTypesOption);
  Options.store(Opts, "GuardTypes", GuardTypesOption);
  Options.store(Opts, "ReportElementWrites", ReportElementWrites);
}

void UnguardedWriteCheck::registerMatchers(MatchFinder *Finder) {
  // Every function body is a context of its own, lambdas included: each is
  // analysed as entered with no lock held.
  Finder->addMatcher(
      functionDecl(isDefinition(), unless(isExpansionInSystemHeader()))
          .bind("function"),
      this);
  Finder->addMatcher(
      lambdaExpr(unless(isExpansionInSystemHeader())).bind("lambda"), this);
}

void UnguardedWriteCheck::check(const MatchFinder::MatchResult &Result) {
  const FunctionDecl *Function =
      Result.Nodes.getNodeAs<FunctionDecl>("function");
  if (const auto *Lambda = Result.Nodes.getNodeAs<LambdaExpr>("lambda"))
    Function = Lambda->getCallOperator();
  if (!Function || !Function->doesThisDeclarationHaveABody() ||
      Function->isDependentContext() || Function->isInvalidDecl() ||
      Function->isDefaulted())
    return;
  if (!Analyzed.insert(Function).second)
    return;
  Log.add(analyzeMapWrites(*Function, Maps, Locks, ReportElementWrites));
}

void UnguardedWriteCheck::onEndOfTranslationUnit() {
  for (const WriteFact &Write : Log.writes())
    if (!Write.isProtected())
      report(Write);
  Log.clear();
  Analyzed.clear();
}

/// How a reader names a map's storage: `Registry::entries` for a static
/// member, the plain name otherwise.
static std::string storageName(const SharedMap &Map) {
  if (Map.Kind == SharedMapKind::StaticMember)
    if (const auto *Class =
            dyn_cast<CXXRecordDecl>(Map.Storage->getDeclContext()))
      return (Class->getName() + "::" + Map.Storage->getName()).str();
  return Map.Storage->getNameAsString();
}

/// The map's name as a reader finds it: its path, with a static member
/// qualified by its class.
static std::string mapName(const SharedMap &Map) {
  if (Map.Kind == SharedMapKind::StaticMember && Map.Path.steps().size() == 1)
    return storageName(Map);
  return Map.Path.name();
}

void UnguardedWriteCheck::report(const WriteFact &Write) {
  std::string Name = mapName(Write.Map);
  if (Write.HeldShared.empty())
    diag(Write.Site->getBeginLoc(),
         "write to %select{|an element of }1shared map '%0' is not protected "
         "by a mutex")
        << Name << Write.IsElementWrite << Write.Site->getSourceRange();
  else
    diag(Write.Site->getBeginLoc(),
         "write to %select{|an element of }1shared map '%0' holds '%2' only "
         "shared; a write needs it exclusively")
        << Name << Write.IsElementWrite << Write.HeldShared.front().name()
        << Write.Site->getSourceRange();

  std::string Storage = storageName(Write.Map);
  if (Write.Map.Singleton) {
    diag(Write.Map.Storage->getLocation(),
         "'%0()' returns '%1', %select{a global|a static data member|a "
         "function-local static}2 shared by every caller",
         DiagnosticIDs::Note)
        << Write.Map.Singleton->getName() << Storage
        << static_cast<unsigned>(Write.Map.Kind);
  } else {
    static const char *const WhyShared[] = {
        "'%0' is a global with static storage duration",
        "'%0' is a static data member, shared by every instance",
        "'%0' is a function-local static, shared by every call"};
    diag(Write.Map.Storage->getLocation(),
         WhyShared[static_cast<unsigned>(Write.Map.Kind)], DiagnosticIDs::Note)
        << Storage;
  }

  if (Write.Why) {
    const NotHeldReason &Why = Write.Why->Reason;
    const std::string &Mutex = Write.Why->Mutex.name();
    if (Why.Kind == NotHeldReason::ReleasedHere) {
      if (Why.Source == LockSource::GuardScopeEnd && Why.Guard)
        diag(Why.Loc, "'%0' is released here, where '%1' goes out of scope",
             DiagnosticIDs::Note)
            << Mutex << Why.Guard->getName();
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

  if (std::optional<UsualGuard> Guard = Log.usualGuard(Write.Map.Path))
    diag(Guard->Example->Site->getBeginLoc(), "other writes to '%0' hold '%1'",
         DiagnosticIDs::Note)
        << Name << Guard->Mutex->name();

  if (Write.SubscriptOnlyRead)
    diag(Write.Site->getBeginLoc(),
         "'operator[]' inserts a default-constructed element when the key is "
         "missing, so it writes even where its result is only read; use "
         "'find' or 'at' to look up without inserting",
         DiagnosticIDs::Note);
}

} // namespace mapguard
