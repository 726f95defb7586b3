//===--- Findings.cpp - What is reported, decided once --------------------===//

#include "checks/analysis/Findings.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/STLExtras.h"
#include <deque>

using namespace clang;

namespace mapguard {

llvm::StringRef kindName(FindingKind Kind) {
  switch (Kind) {
  case FindingKind::UnguardedWrite:
    return "unguarded-write";
  case FindingKind::WriteHeldShared:
    return "write-held-shared";
  case FindingKind::WriteWrongMutex:
    return "write-wrong-mutex";
  case FindingKind::WriteMutexVaries:
    return "write-mutex-varies";
  case FindingKind::UnguardedRead:
    return "unguarded-read";
  case FindingKind::CallWritesUnguarded:
    return "call-writes-unguarded";
  case FindingKind::CallWritesWrongMutex:
    return "call-writes-wrong-mutex";
  case FindingKind::CallReadsUnguarded:
    return "call-reads-unguarded";
  case FindingKind::AnalysisStopped:
    return "analysis-stopped";
  case FindingKind::GuardOptionUnresolved:
    return "guard-option-unresolved";
  case FindingKind::LockUnreadable:
    return "lock-unreadable";
  }
  return "";
}

SourceLocation Finding::location() const {
  if (Call)
    return Call->getBeginLoc();
  if (Access)
    return Access->Site->getBeginLoc();
  if (Function)
    return Function->getLocation();
  if (Option && Option->Map)
    return Option->Map->getLocation();
  if (Lock)
    return Lock->getLocation();
  return SourceLocation();
}

static bool isDirect(FindingKind Kind) {
  return Kind == FindingKind::UnguardedWrite ||
         Kind == FindingKind::WriteHeldShared ||
         Kind == FindingKind::WriteWrongMutex ||
         Kind == FindingKind::WriteMutexVaries ||
         Kind == FindingKind::UnguardedRead;
}

namespace {
/// Builds the findings; one pass over the accesses for each question.
class Builder {
public:
  Builder(llvm::ArrayRef<AccessFact> Accesses, llvm::ArrayRef<unsigned> MapOf,
          llvm::ArrayRef<MapFacts> Maps, const HeldLocksPool &Pool,
          FindingInputs &Inputs, const ASTContext &Ctx)
      : Accesses(Accesses), MapOf(MapOf), Maps(Maps), Pool(Pool),
        Inputs(Inputs), Ctx(Ctx) {}

  std::vector<Finding> run() {
    atCallers();
    requiredAtCallers();
    direct();
    explain();
    group();
    llvm::stable_sort(Out, [&](const Pending &A, const Pending &B) {
      SourceLocation L = A.location(), R = B.location();
      if (L.isInvalid() || R.isInvalid())
        return L.isValid() < R.isValid();
      const SourceManager &SM = Ctx.getSourceManager();
      if (L != R)
        return SM.isBeforeInTranslationUnit(L, R);
      // At one token, the shorter expression first: `m.insert(v)` before
      // the `m.insert(v).first->second = 2` it is part of.
      if (!A.Finding.Access || !B.Finding.Access || A.Finding.Call ||
          B.Finding.Call)
        return false;
      SourceLocation EL = A.Finding.Access->Site->getEndLoc(),
                     ER = B.Finding.Access->Site->getEndLoc();
      return EL != ER && SM.isBeforeInTranslationUnit(EL, ER);
    });
    for (Pending &P : Out)
      if (P.HeldId)
        P.Finding.Held = &Pool.mutex(*P.HeldId);
    std::vector<Finding> Result;
    Result.reserve(Out.size());
    for (Pending &P : Out)
      if (!P.Dropped)
        Result.push_back(std::move(P.Finding));
    return Result;
  }

private:
  struct Pending {
    mapguard::Finding Finding;
    std::optional<MutexId> HeldId;
    unsigned Map = 0;
    bool Dropped = false;
    SourceLocation location() const { return Finding.location(); }
  };

  llvm::ArrayRef<AccessFact> Accesses;
  llvm::ArrayRef<unsigned> MapOf;
  llvm::ArrayRef<MapFacts> Maps;
  const HeldLocksPool &Pool;
  FindingInputs &Inputs;
  const ASTContext &Ctx;
  std::vector<Pending> Out;
  llvm::DenseSet<const AccessFact *> AtCallers;

  const MapFacts &mapOf(const AccessFact &A) const {
    return Maps[MapOf[&A - Accesses.data()]];
  }

  /// Whether \p A is a mistake somewhere, guard or no guard: the map is
  /// shared, other threads may run, and a read races with a write.
  bool mayRace(const AccessFact &A) const {
    const MapFacts &Map = mapOf(A);
    return Map.Shared && !A.SingleThreaded &&
           (A.isWrite() || Map.WrittenConcurrently);
  }

  void add(Finding F, std::optional<MutexId> Held = std::nullopt) {
    Pending P;
    P.Map = F.Access ? MapOf[F.Access - Accesses.data()] : 0;
    if (F.Access)
      F.Map = &Maps[P.Map];
    P.Finding = std::move(F);
    P.HeldId = Held;
    Out.push_back(std::move(P));
  }

  /// Accesses protected by some callers and not others: reported at the
  /// callers that do not hold the guard, not at the access.
  void atCallers() {
    llvm::DenseSet<std::pair<const Expr *, unsigned>> Reported;
    for (const AccessFact &A : Accesses) {
      const MapFacts &Map = mapOf(A);
      if (!mayRace(A) || !Map.Guard || Map.Guard->isHeldAt(A) ||
          !Inputs.listensToCallers(A.Function))
        continue;
      const MapGuard &Guard = *Map.Guard;
      auto Holds = [&](const IncomingCall &In) {
        return Guard.isHeldIn(*In.HeldInCallee, A.isWrite());
      };
      const IncomingCall *Good = nullptr;
      Inputs.forEachIncoming(A.Function, [&](const IncomingCall &In) {
        if (!Good && Holds(In))
          Good = &In;
      });
      if (!Good)
        continue;
      AtCallers.insert(&A);
      FindingKind Kind = !A.isWrite() ? FindingKind::CallReadsUnguarded
                         : A.holdsExclusive()
                             ? FindingKind::CallWritesWrongMutex
                             : FindingKind::CallWritesUnguarded;
      reportAtCallsWithout(A, Guard, Kind, Good->Call.Site, Reported);
    }
  }

  /// Reports \p A at each call of its function that does not hold
  /// \p Guard, once per call and map: at the calls that miss what \p
  /// GoodCall holds, or (null) what the function requires.
  void reportAtCallsWithout(
      const AccessFact &A, const MapGuard &Guard, FindingKind Kind,
      const Expr *GoodCall,
      llvm::DenseSet<std::pair<const Expr *, unsigned>> &Reported) {
    Inputs.forEachIncoming(A.Function, [&](const IncomingCall &In) {
      if (Guard.isHeldIn(*In.HeldInCallee, A.isWrite()) ||
          In.Call.SingleThreaded ||
          (A.Map.Kind == SharedMapKind::Member &&
           Inputs.callsOnKeptLocal(In.Call.Site)) ||
          !Reported.insert({In.Call.Site, MapOf[&A - Accesses.data()]}).second)
        return;
      Finding F{Kind, &A, &Guard};
      F.Call = In.Call.Site;
      F.Caller = In.Caller;
      F.GoodCall = GoodCall;
      F.Required = !GoodCall;
      // The callee names a member mutex through its own `this`; only a
      // global one is named the same at the call.
      if (Guard.Mutex.isGlobal())
        F.Fix = FixKind::LockAround;
      add(std::move(F));
    });
  }

  /// Accesses that hold the guard because their function requires it
  /// (`requires_capability(mu)`): reported at the calls that do not hold
  /// it, which the attribute says are mistakes.
  void requiredAtCallers() {
    llvm::DenseSet<std::pair<const Expr *, unsigned>> Reported;
    for (const AccessFact &A : Accesses) {
      const MapFacts &Map = mapOf(A);
      if (!mayRace(A) || !Map.Guard || !Map.Guard->Id || AtCallers.count(&A) ||
          !requires(A.Function, *Map.Guard->Id))
        continue;
      reportAtCallsWithout(A, *Map.Guard,
                           A.isWrite() ? FindingKind::CallWritesUnguarded
                                       : FindingKind::CallReadsUnguarded,
                           /*GoodCall=*/nullptr, Reported);
    }
  }

  /// Whether \p F's `requires_capability` names \p Mutex.
  bool requires(const FunctionDecl *F, MutexId Mutex) {
    auto [It, Inserted] = Required.try_emplace(F);
    if (Inserted) {
      llvm::SmallVector<GuardedMutex, 2> Locks;
      requiredLocks(F, Ctx, Locks);
      for (const GuardedMutex &L : Locks)
        if (std::optional<MutexId> Id = Pool.find(L.Mutex))
          It->second.push_back(*Id);
    }
    return llvm::is_contained(It->second, Mutex);
  }
  llvm::DenseMap<const FunctionDecl *, llvm::SmallVector<MutexId, 1>> Required;

  void direct() {
    for (const AccessFact &A : Accesses) {
      if (!mayRace(A) || AtCallers.count(&A))
        continue;
      const MapGuard *Guard = mapOf(A).Guard ? &*mapOf(A).Guard : nullptr;
      Finding F{FindingKind::UnguardedWrite, &A, Guard};
      std::optional<MutexId> Held;
      if (A.isWrite() && !A.holdsExclusive()) {
        Held = A.Held->firstSharedOnly();
        if (Held)
          F.Kind = FindingKind::WriteHeldShared;
        if (Guard && (!Held || Held == Guard->Id))
          F.Fix = Held ? FixKind::MakeExclusive : FixKind::LockAround;
      } else if (A.isWrite() && A.HeldVariesByInstantiation) {
        F.Kind = FindingKind::WriteMutexVaries;
        Held = A.Held->firstExclusive();
      } else if (A.isWrite()) {
        if (!Guard || Guard->isHeldAt(A))
          continue;
        F.Kind = FindingKind::WriteWrongMutex;
        Held = A.Held->firstExclusive();
      } else {
        // Without a guard every write is reported already.
        if (!Guard || Guard->isHeldAt(A))
          continue;
        F.Kind = FindingKind::UnguardedRead;
      }
      add(std::move(F), Held);
    }
  }

  /// Why the guard is not held, for the reported accesses only, each
  /// function analysed once more with its questions.
  void explain() {
    llvm::MapVector<const FunctionDecl *, ExplainRequests> Requests;
    for (const Pending &P : Out) {
      const Finding &F = P.Finding;
      if (!isDirect(F.Kind))
        continue;
      std::optional<MutexId> Mutex;
      if (F.Guard && (F.Kind == FindingKind::UnguardedWrite ||
                      F.Kind == FindingKind::UnguardedRead))
        Mutex = F.Guard->Id;
      Requests[F.Access->Function][{F.Access->Site, F.Access->Ordinal}] = Mutex;
    }
    llvm::DenseMap<std::pair<const Expr *, unsigned>, const AccessFact *>
        Answers;
    // A deque: the answers point into the facts kept.
    std::deque<FunctionFacts> Kept;
    for (auto &[Function, Asked] : Requests) {
      Kept.push_back(Inputs.explain(Function, Asked));
      for (const AccessFact &A : Kept.back().Accesses)
        if (Asked.count({A.Site, A.Ordinal}))
          Answers[{A.Site, A.Ordinal}] = &A;
    }
    for (Pending &P : Out) {
      if (!isDirect(P.Finding.Kind))
        continue;
      const AccessFact *A =
          Answers.lookup({P.Finding.Access->Site, P.Finding.Access->Ordinal});
      if (!A)
        continue;
      P.Finding.Why = A->Why;
      FullExprOf[P.Finding.Access] = A->FullExpr;
    }
  }
  llvm::DenseMap<const AccessFact *, const Stmt *> FullExprOf;

  /// One report per mistake.
  void group() {
    const SourceManager &SM = Ctx.getSourceManager();
    // Reads of one map in one full expression (`m.find(k) == m.end()`): one
    // access. Writes stay apart: each changes the map.
    llvm::DenseSet<std::pair<std::pair<unsigned, unsigned>, const Stmt *>>
        Expressions;
    // One release, one function, one kind: one finding.
    using ReleaseKey =
        std::pair<const FunctionDecl *, std::pair<unsigned, unsigned>>;
    llvm::MapVector<ReleaseKey, llvm::SmallVector<size_t, 1>> Releases;
    for (size_t I = 0, E = Out.size(); I != E; ++I) {
      Pending &P = Out[I];
      const Finding &F = P.Finding;
      if (!isDirect(F.Kind))
        continue;
      if (const Stmt *Full =
              F.Access->isWrite() ? nullptr : FullExprOf.lookup(F.Access))
        if (!Expressions.insert({{static_cast<unsigned>(F.Kind), P.Map}, Full})
                 .second) {
          P.Dropped = true;
          continue;
        }
      if (F.Why && F.Why->Kind == NotHeldReason::ReleasedHere)
        Releases[{F.Access->Function,
                  {static_cast<unsigned>(F.Kind), F.Why->Loc.getRawEncoding()}}]
            .push_back(I);
    }
    auto Earlier = [&](const AccessFact *A, const AccessFact *B) {
      return SM.isBeforeInTranslationUnit(A->Site->getBeginLoc(),
                                          B->Site->getBeginLoc());
    };
    for (auto &[Key, Members] : Releases) {
      if (Members.size() < 2)
        continue;
      llvm::sort(Members, [&](size_t A, size_t B) {
        return Earlier(Out[A].Finding.Access, Out[B].Finding.Access);
      });
      Finding &Lead = Out[Members.front()].Finding;
      for (size_t J : llvm::ArrayRef<size_t>(Members).drop_front()) {
        Lead.Others.push_back(Out[J].Finding.Access);
        Out[J].Dropped = true;
      }
    }
  }
};
} // namespace

std::vector<Finding> findFindings(llvm::ArrayRef<AccessFact> Accesses,
                                  llvm::ArrayRef<unsigned> MapOf,
                                  llvm::ArrayRef<MapFacts> Maps,
                                  const HeldLocksPool &Pool,
                                  FindingInputs &Inputs,
                                  const ASTContext &Ctx) {
  return Builder(Accesses, MapOf, Maps, Pool, Inputs, Ctx).run();
}

} // namespace mapguard
