//===--- MapWriteAnalysis.cpp - Writes to shared maps and their locks -----===//

#include "checks/analysis/MapWriteAnalysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Analysis/AnalysisDeclContext.h"

using namespace clang;

namespace mapguard {

namespace {

struct FoundWrite {
  const Expr *Site;
  unsigned Ordinal;
  MapWrite Write;
  SharedMap Map;
};

/// Finds the writes to shared maps in one function body, before any CFG is
/// built: most functions have none and are never analysed further. Lambda
/// bodies and local classes are functions of their own and are skipped.
class WriteFinder : public RecursiveASTVisitor<WriteFinder> {
public:
  WriteFinder(const MapModel &Maps, const ASTContext &Ctx, bool ElementWrites,
              std::vector<FoundWrite> &Found)
      : Maps(Maps), Ctx(Ctx), ElementWrites(ElementWrites), Found(Found) {}

  bool VisitStmt(Stmt *S) {
    if (!isa<CallExpr, BinaryOperator, UnaryOperator>(S))
      return true;
    Writes.clear();
    Maps.writesOf(S, Writes);
    unsigned Ordinal = 0;
    for (const MapWrite &W : Writes) {
      if (W.IsElementWrite && !ElementWrites)
        continue;
      if (std::optional<SharedMap> Map = Maps.sharedMapOf(W, Ctx))
        Found.push_back({cast<Expr>(S), Ordinal, W, std::move(*Map)});
      ++Ordinal;
    }
    return true;
  }

  bool TraverseLambdaExpr(LambdaExpr *Lambda) {
    for (Expr *Init : Lambda->capture_inits())
      if (Init)
        TraverseStmt(Init);
    return true;
  }
  bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }

private:
  const MapModel &Maps;
  const ASTContext &Ctx;
  bool ElementWrites;
  std::vector<FoundWrite> &Found;
  llvm::SmallVector<MapWrite, 2> Writes;
};

} // namespace

/// Whether the element that `operator[]` returns is only read where \p Call
/// stands, so that its insertion of a missing key is a surprise.
static bool subscriptResultOnlyRead(const CallExpr *Call, ParentMap &Parents) {
  // ParentMap takes mutable statements but does not change them.
  const Stmt *Child = Call;
  const Stmt *Parent =
      Parents.getParentIgnoreParenImpCasts(const_cast<CallExpr *>(Call));
  while (Parent && isa<MaterializeTemporaryExpr, ExprWithCleanups>(Parent)) {
    Child = Parent;
    Parent = Parents.getParentIgnoreParenImpCasts(const_cast<Stmt *>(Parent));
  }
  if (!Parent)
    return true;
  auto IsChild = [&](const Expr *E) {
    return E && (E->IgnoreParenImpCasts() == Child || E == Child);
  };
  if (const auto *BO = dyn_cast<BinaryOperator>(Parent))
    return !(BO->isAssignmentOp() && IsChild(BO->getLHS()));
  if (const auto *UO = dyn_cast<UnaryOperator>(Parent))
    return !UO->isIncrementDecrementOp();
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Parent)) {
    if (Op->getNumArgs() == 0 || !IsChild(Op->getArg(0)))
      return true;
    switch (Op->getOperator()) {
    case OO_Equal:
    case OO_PlusEqual:
    case OO_MinusEqual:
    case OO_StarEqual:
    case OO_SlashEqual:
    case OO_PercentEqual:
    case OO_AmpEqual:
    case OO_PipeEqual:
    case OO_CaretEqual:
    case OO_LessLessEqual:
    case OO_GreaterGreaterEqual:
    case OO_PlusPlus:
    case OO_MinusMinus:
      return false;
    default:
      return true;
    }
  }
  // `m[k].push_back(x)` changes the element; `m[k].size()` reads it.
  if (const auto *ME = dyn_cast<MemberExpr>(Parent))
    if (const auto *Method = dyn_cast<CXXMethodDecl>(ME->getMemberDecl()))
      return Method->isConst();
  return true;
}

std::vector<WriteFact> analyzeMapWrites(const FunctionDecl &Function,
                                        const MapModel &Maps,
                                        const LockModel &Locks,
                                        bool ElementWrites) {
  std::vector<FoundWrite> Found;
  WriteFinder Finder(Maps, Function.getASTContext(), ElementWrites, Found);
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(&Function))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->getInit())
        Finder.TraverseStmt(Init->getInit());
  Finder.TraverseStmt(Function.getBody());
  if (Found.empty())
    return {};

  AnalysisDeclContext ADC(/*Mgr=*/nullptr, &Function);
  CFG::BuildOptions &Options = ADC.getCFGBuildOptions();
  Options.AddImplicitDtors = true;
  Options.AddTemporaryDtors = true;
  Options.AddInitializers = true;
  Options.setAllAlwaysAdd(); // Every call is an element of its own.
  if (!ADC.getCFG())
    return {};

  llvm::DenseMap<const Stmt *, llvm::SmallVector<unsigned, 1>> WritesAt;
  for (unsigned I = 0, E = Found.size(); I != E; ++I)
    WritesAt[Found[I].Site].push_back(I);

  LocksetAnalysis Locksets(ADC, Locks);
  std::vector<WriteFact> Facts;
  Locksets.forEachElement([&](const CFGBlock &Block, unsigned Index,
                              const Lockset &Before) {
    auto S = Block[Index].getAs<CFGStmt>();
    if (!S)
      return;
    auto It = WritesAt.find(S->getStmt());
    if (It == WritesAt.end())
      return;
    for (unsigned I : It->second) {
      const FoundWrite &W = Found[I];
      WriteFact Fact{W.Site, W.Ordinal, W.Map, W.Write.Operation,
                     W.Write.IsElementWrite};
      if (W.Write.IsSubscript)
        Fact.SubscriptOnlyRead =
            subscriptResultOnlyRead(cast<CallExpr>(W.Site), ADC.getParentMap());
      for (unsigned Lock : Before.Must.set_bits()) {
        const ObjectPath &Mutex =
            Locksets.mutexes()[LocksetAnalysis::mutexOf(Lock)];
        if (LocksetAnalysis::modeOf(Lock) == LockMode::Exclusive)
          Fact.Held.push_back(Mutex);
        else if (!Before.Must.test(LocksetAnalysis::lockOf(
                     LocksetAnalysis::mutexOf(Lock), LockMode::Exclusive)))
          Fact.HeldShared.push_back(Mutex);
      }
      if (Fact.Held.empty() && Fact.HeldShared.empty())
        if (std::optional<NotHeldReason> Why =
                Locksets.whyNotHeld(Block, Index, Before))
          Fact.Why = UnprotectedReason{
              *Why, Locksets.mutexes()[LocksetAnalysis::mutexOf(Why->Lock)]};
      Facts.push_back(std::move(Fact));
    }
    // A statement the CFG repeats is still one write.
    WritesAt.erase(It);
  });
  return Facts;
}

void MapWriteLog::add(std::vector<WriteFact> Facts) {
  for (WriteFact &Fact : Facts) {
    auto Key =
        std::make_pair(Fact.Site->getBeginLoc().getRawEncoding(), Fact.Ordinal);
    auto [It, Inserted] = BySite.try_emplace(Key, Writes.size());
    if (Inserted)
      Writes.push_back(std::move(Fact));
    else if (Writes[It->second].isProtected() && !Fact.isProtected())
      Writes[It->second] = std::move(Fact);
  }
}

std::optional<UsualGuard> MapWriteLog::usualGuard(const ObjectPath &Map) const {
  // Few maps and few mutexes per translation unit: count by linear search.
  llvm::SmallVector<UsualGuard, 4> Counts;
  for (const WriteFact &Fact : Writes) {
    if (Fact.Map.Path != Map)
      continue;
    for (const ObjectPath &Mutex : Fact.Held) {
      auto It = llvm::find_if(
          Counts, [&](const UsualGuard &G) { return *G.Mutex == Mutex; });
      if (It == Counts.end())
        Counts.push_back({&Mutex, &Fact, 1});
      else
        ++It->Sites;
    }
  }
  if (Counts.empty())
    return std::nullopt;
  return *std::max_element(Counts.begin(), Counts.end(),
                           [](const UsualGuard &A, const UsualGuard &B) {
                             return A.Sites < B.Sites;
                           });
}

void MapWriteLog::clear() {
  Writes.clear();
  BySite.clear();
}

} // namespace mapguard
