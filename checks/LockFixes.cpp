//===--- LockFixes.cpp - The code changes mapguard suggests ---------------===//

#include "checks/LockFixes.h"
#include "checks/analysis/Names.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace mapguard {

/// Whether namespace std declares the class template \p Name: a fix may
/// only use what the file's includes provide.
static bool stdDeclares(ASTContext &Ctx, llvm::StringRef Name) {
  for (const NamedDecl *Std : Ctx.getTranslationUnitDecl()->lookup(
           DeclarationName(&Ctx.Idents.get("std"))))
    if (const auto *NS = dyn_cast<NamespaceDecl>(Std))
      // Lookup in std sees into its inline namespaces (libc++'s __1).
      for (const NamedDecl *D :
           NS->lookup(DeclarationName(&Ctx.Idents.get(Name))))
        if (isa<ClassTemplateDecl>(D))
          return true;
  return false;
}

/// The namespaces and classes of \p DC as code outside them writes
/// them (`app::Cache::`), or nothing if one of them has no name to write.
static std::optional<std::string> qualifier(const DeclContext *DC) {
  std::string Result;
  for (; DC && !DC->isTranslationUnit(); DC = DC->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      // Members of inline and anonymous namespaces are named without them.
      if (NS->isInline() || NS->isAnonymousNamespace())
        continue;
      Result = NS->getName().str() + "::" + Result;
    } else if (const auto *RD = dyn_cast<CXXRecordDecl>(DC)) {
      if (!RD->getIdentifier())
        return std::nullopt;
      Result = RD->getName().str() + "::" + Result;
    } else if (!isa<LinkageSpecDecl>(DC)) {
      return std::nullopt; // a local class
    }
  }
  return Result;
}

/// Whether \p Function declares a parameter or local variable \p Name,
/// which would hide a namespace-scope mutex of that name.
static bool declaresLocal(const FunctionDecl *Function, llvm::StringRef Name) {
  for (const ParmVarDecl *P : Function->parameters())
    if (P->getName() == Name)
      return true;
  for (const Decl *D : Function->decls())
    if (const auto *VD = dyn_cast<VarDecl>(D))
      if (VD->getName() == Name)
        return true;
  return false;
}

/// The mutex's declaration, and how code in \p Where writes it: `mu_` in a
/// method of its class, `g_mu`, `app::g_mu`, `Cache::mu` elsewhere.
static std::optional<std::pair<const ValueDecl *, std::string>>
spellMutex(const ObjectPath &Mutex, const DeclContext *Where,
           const FunctionDecl *Function) {
  llvm::ArrayRef<ObjectPath::Step> Steps = Mutex.steps();
  if (Steps.size() == 2 && Steps[0].Kind == ObjectPath::StepKind::This &&
      Steps[1].Kind == ObjectPath::StepKind::Decl) {
    const auto *Field = dyn_cast_or_null<FieldDecl>(Steps[1].Decl);
    const auto *Class = dyn_cast<CXXRecordDecl>(Where);
    if (const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Function))
      Class = Method->getParent();
    if (!Field || !Class || Class->isLambda())
      return std::nullopt;
    const auto *Owner = cast<CXXRecordDecl>(Field->getParent());
    if (Class != Owner && !Class->isDerivedFrom(Owner))
      return std::nullopt;
    return std::make_pair(Field, Field->getName().str());
  }
  if (Steps.size() != 1 || Steps[0].Kind != ObjectPath::StepKind::Decl)
    return std::nullopt;
  const auto *Var = dyn_cast_or_null<VarDecl>(Steps[0].Decl);
  if (!Var || !Var->hasGlobalStorage() || Var->isLocalVarDecl())
    return std::nullopt;
  const DeclContext *Home = Var->getDeclContext()->getRedeclContext();
  bool Hidden = Function && declaresLocal(Function, Var->getName());
  if (Home->Encloses(Where) && !Hidden)
    return std::make_pair(Var, Var->getName().str());
  std::optional<std::string> Qualifier = qualifier(Home);
  if (!Qualifier)
    return std::nullopt;
  std::string Name = *Qualifier + Var->getName().str();
  if (Hidden && !isa<CXXRecordDecl>(Home))
    Name = "::" + Name;
  return std::make_pair(Var, Name);
}

/// Whether \p RD or a base has a method \p Name.
static bool hasMethod(const CXXRecordDecl *RD, llvm::StringRef Name) {
  if (!RD || !RD->hasDefinition())
    return false;
  for (const CXXMethodDecl *M : RD->methods())
    if (M->getDeclName().isIdentifier() && M->getName() == Name)
      return true;
  for (const CXXBaseSpecifier &Base : RD->bases())
    if (hasMethod(Base.getType()->getAsCXXRecordDecl(), Name))
      return true;
  return false;
}

const Stmt *BodyParents::parentOf(const Stmt &S, const FunctionDecl &F) {
  Stmt *Body = F.getBody();
  if (!Body)
    return nullptr;
  std::unique_ptr<ParentMap> &Map = ByBody[Body];
  if (!Map)
    Map = std::make_unique<ParentMap>(Body);
  // ParentMap takes mutable statements but does not change them.
  return Map->getParent(const_cast<Stmt *>(&S));
}

/// The statement a lock block can wrap: the expression statement or return
/// that \p Site is part of, if it is a statement of a block or the body of
/// an if, loop or case. Not a declaration (its name would leave scope) and
/// not a condition.
static const Stmt *wrappableStatement(const Expr *Site, const FunctionDecl &F,
                                      BodyParents &Parents) {
  const Stmt *S = Site;
  while (true) {
    const Stmt *Parent = Parents.parentOf(*S, F);
    if (!Parent)
      return nullptr;
    bool IsBody = isa<CompoundStmt>(Parent);
    if (const auto *If = dyn_cast<IfStmt>(Parent))
      IsBody = S == If->getThen() || S == If->getElse();
    else if (const auto *While = dyn_cast<WhileStmt>(Parent))
      IsBody = S == While->getBody();
    else if (const auto *For = dyn_cast<ForStmt>(Parent))
      IsBody = S == For->getBody();
    else if (const auto *RangeFor = dyn_cast<CXXForRangeStmt>(Parent))
      IsBody = S == RangeFor->getBody();
    else if (const auto *Do = dyn_cast<DoStmt>(Parent))
      IsBody = S == Do->getBody();
    else if (const auto *Case = dyn_cast<SwitchCase>(Parent))
      IsBody = S == Case->getSubStmt();
    if (IsBody)
      return isa<Expr>(S) || isa<ReturnStmt>(S) ? S : nullptr;
    if (!isa<Expr>(Parent) && !isa<ReturnStmt>(Parent))
      return nullptr;
    S = Parent;
  }
}

/// A name for the new guard that \p Text does not use.
static std::string guardName(llvm::StringRef Text) {
  auto Uses = [&](llvm::StringRef Name) {
    for (size_t Pos = Text.find(Name); Pos != llvm::StringRef::npos;
         Pos = Text.find(Name, Pos + 1)) {
      bool Before =
          Pos > 0 && (llvm::isAlnum(Text[Pos - 1]) || Text[Pos - 1] == '_');
      size_t After = Pos + Name.size();
      bool Behind = After < Text.size() &&
                    (llvm::isAlnum(Text[After]) || Text[After] == '_');
      if (!Before && !Behind)
        return true;
    }
    return false;
  };
  for (llvm::StringRef Name : {"lock", "guard", "map_lock"})
    if (!Uses(Name))
      return Name.str();
  for (unsigned N = 2;; ++N)
    if (!Uses("lock" + std::to_string(N)))
      return "lock" + std::to_string(N);
}

std::optional<StatementInBlock> statementInBlock(const Expr *Site,
                                                 const FunctionDecl &F,
                                                 BodyParents &Parents) {
  const Stmt *S = wrappableStatement(Site, F, Parents);
  const auto *Block =
      S ? dyn_cast_or_null<CompoundStmt>(Parents.parentOf(*S, F)) : nullptr;
  if (!Block)
    return std::nullopt;
  unsigned Index = 0;
  for (const Stmt *Child : Block->body()) {
    if (Child == S)
      return StatementInBlock{Block, Index};
    ++Index;
  }
  return std::nullopt;
}

/// Whether \p S refers to \p Var; with \p Escapes, whether one of those
/// uses lets the object it refers to be reached after \p S: returned as a
/// reference or pointer, captured by a lambda, its address taken, or bound
/// to another reference or pointer.
static bool uses(const Stmt *S, const VarDecl *Var, const FunctionDecl &F,
                 bool &Escapes) {
  bool Found = false;
  llvm::SmallVector<std::pair<const Stmt *, bool>, 32> Stack{{S, false}};
  while (!Stack.empty()) {
    auto [Current, Escaping] = Stack.pop_back_val();
    if (!Current)
      continue;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Current))
      if (Ref->getDecl() == Var) {
        Found = true;
        Escapes |= Escaping;
      }
    bool Child = Escaping || isa<LambdaExpr>(Current);
    if (const auto *Return = dyn_cast<ReturnStmt>(Current))
      Child |= Return->getRetValue() && (F.getReturnType()->isReferenceType() ||
                                         F.getReturnType()->isPointerType());
    if (const auto *UO = dyn_cast<UnaryOperator>(Current))
      Child |= UO->getOpcode() == UO_AddrOf;
    if (const auto *Declaration = dyn_cast<DeclStmt>(Current))
      for (const Decl *D : Declaration->decls())
        if (const auto *Other = dyn_cast<VarDecl>(D))
          if (Other->getType()->isReferenceType() ||
              Other->getType()->isPointerType()) {
            Stack.push_back({Other->getInit(), true});
            Child = Escaping;
          }
    for (const Stmt *Sub : Current->children())
      Stack.push_back({Sub, Child});
  }
  return Found;
}

namespace {
/// `T &slot = m[k];` where the site is the initializer: the uses of `slot`
/// that follow in its block are part of the write.
struct BoundReference {
  const DeclStmt *Declaration;
  const VarDecl *Var;
  /// The last statement of the block that uses the reference; null where
  /// the lock block could not cover the uses.
  const Stmt *LastUse;
};
} // namespace

static std::optional<BoundReference>
boundReference(const Expr *Site, const FunctionDecl &F, BodyParents &Parents) {
  // The initializer's parent is the declaration statement.
  const Stmt *S = Site;
  const Stmt *Parent = Parents.parentOf(*S, F);
  while (Parent && isa<Expr>(Parent)) {
    S = Parent;
    Parent = Parents.parentOf(*S, F);
  }
  const auto *Declaration = dyn_cast_or_null<DeclStmt>(Parent);
  const auto *Var = Declaration && Declaration->isSingleDecl()
                        ? dyn_cast<VarDecl>(Declaration->getSingleDecl())
                        : nullptr;
  const auto *Block =
      Var ? dyn_cast_or_null<CompoundStmt>(Parents.parentOf(*Declaration, F))
          : nullptr;
  if (!Block || Var->getInit() != S || !Var->getType()->isLValueReferenceType())
    return std::nullopt;
  BoundReference Bound{Declaration, Var, Declaration};
  bool Escapes = false;
  bool After = false;
  // Declarations the block would take out of scope, by position.
  llvm::SmallVector<std::pair<const VarDecl *, size_t>, 4> Declared;
  size_t Index = 0, LastIndex = 0;
  for (const Stmt *Child : Block->body()) {
    ++Index;
    if (Child == Declaration) {
      After = true;
      LastIndex = Index;
      continue;
    }
    if (!After)
      continue;
    if (uses(Child, Var, F, Escapes)) {
      Bound.LastUse = Child;
      LastIndex = Index;
    }
    if (const auto *Other = dyn_cast<DeclStmt>(Child))
      for (const Decl *D : Other->decls())
        if (const auto *OtherVar = dyn_cast<VarDecl>(D))
          Declared.push_back({OtherVar, Index});
  }
  // A variable declared among the uses and used after the last one would
  // leave scope with the block. One walk of the statements after it, for
  // every such variable at once.
  llvm::DenseSet<const VarDecl *> Covered;
  for (auto [OtherVar, Where] : Declared)
    if (Where <= LastIndex)
      Covered.insert(OtherVar);
  if (!Covered.empty()) {
    llvm::SmallVector<const Stmt *, 32> Stack;
    size_t I = 0;
    for (const Stmt *Child : Block->body())
      if (++I > LastIndex)
        Stack.push_back(Child);
    while (!Stack.empty() && !Escapes) {
      const Stmt *S = Stack.pop_back_val();
      if (!S)
        continue;
      if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
        if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
          Escapes |= Covered.contains(Var);
      for (const Stmt *Child : S->children())
        Stack.push_back(Child);
    }
  }
  if (Escapes)
    Bound.LastUse = nullptr;
  return Bound;
}

std::optional<LockFix>
lockAroundStatement(const Expr *Site, const FunctionDecl *Function,
                    const ObjectPath &Mutex, ASTContext &Ctx,
                    BodyParents &Parents, const Expr *Last, NoFixReason *Why) {
  if (!Function)
    return std::nullopt;
  const FunctionDecl &F = *Function;
  const Stmt *S = wrappableStatement(Site, F, Parents);
  // The last statement of the block to make; a `return` can only end it.
  const Stmt *End = S;
  const VarDecl *Reference = nullptr;
  if (!S) {
    // A reference to what the write made: the block covers its uses.
    std::optional<BoundReference> Bound = boundReference(Site, F, Parents);
    if (!Bound)
      return std::nullopt;
    if (!Bound->LastUse) {
      if (Why)
        *Why = {NoFixReason::ReferenceEscapes, Bound->Var};
      return std::nullopt;
    }
    S = Bound->Declaration;
    End = Bound->LastUse;
    Reference = Bound->Var;
  } else if (Last) {
    End = wrappableStatement(Last, F, Parents);
  }
  if (!End || (End != S && isa<ReturnStmt>(S)))
    return std::nullopt;
  // An OpenMP `critical` region's lock is taken by a region of its name;
  // a mutex, by a guard.
  bool Critical = Mutex.isCriticalRegion();
  std::optional<std::pair<const ValueDecl *, std::string>> Spelled;
  const CXXRecordDecl *MutexType = nullptr;
  if (Critical) {
    if (!Ctx.getLangOpts().OpenMP)
      return std::nullopt;
  } else {
    Spelled = spellMutex(Mutex, Function, Function);
    if (!Spelled)
      return std::nullopt;
    MutexType =
        Spelled->first->getType().getCanonicalType()->getAsCXXRecordDecl();
    if (!hasMethod(MutexType, "lock") || !hasMethod(MutexType, "unlock"))
      return std::nullopt; // not something std::lock_guard can lock
  }

  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  CharSourceRange Range = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(S->getBeginLoc(), End->getEndLoc()), SM,
      LO);
  if (Range.isInvalid() || S->getBeginLoc().isMacroID() ||
      End->getEndLoc().isMacroID())
    return std::nullopt;
  // A statement ends with its `;`, or with the `}` of its own block.
  SourceLocation AfterSemi =
      *SM.getCharacterData(End->getEndLoc()) == '}'
          ? Lexer::getLocForEndOfToken(End->getEndLoc(), 0, SM, LO)
          : Lexer::findLocationAfterToken(
                End->getEndLoc(), tok::semi, SM, LO,
                /*SkipTrailingWhitespaceAndNewLine=*/false);
  if (AfterSemi.isInvalid())
    return std::nullopt;

  std::string Declaration;
  llvm::StringRef Statement = Lexer::getSourceText(Range, SM, LO);
  std::string Guard = guardName(Statement);
  if (Critical) {
    // The pragma goes on a line of its own, before a block.
  } else if (LO.CPlusPlus17 && stdDeclares(Ctx, "scoped_lock")) {
    Declaration = "std::scoped_lock " + Guard + "(" + Spelled->second + ");";
  } else if (stdDeclares(Ctx, "lock_guard") &&
             !isa<ClassTemplateSpecializationDecl>(MutexType)) {
    Declaration = "std::lock_guard<" + qualifiedName(MutexType) + "> " + Guard +
                  "(" + Spelled->second + ");";
  } else {
    return std::nullopt;
  }

  // On a line of its own, the statement moves into an indented block;
  // sharing its line with other code, it gets a block on that line.
  std::pair<FileID, unsigned> Begin = SM.getDecomposedLoc(Range.getBegin());
  llvm::StringRef Buffer = SM.getBufferData(Begin.first);
  llvm::StringRef Before = Buffer.take_front(Begin.second);
  llvm::StringRef Indent = Before.substr(Before.rfind('\n') + 1);
  LockFix Fix;
  Fix.Mutex = Critical ? Mutex.name() : Spelled->second;
  Fix.CoversUsesOf = Reference;
  bool OwnLine = Indent.find_first_not_of(" \t") == llvm::StringRef::npos;
  if (Critical && (!OwnLine || S == End)) {
    if (!OwnLine)
      return std::nullopt;
    // One statement is a structured block of its own.
    Fix.Hints.push_back(FixItHint::CreateInsertion(
        Range.getBegin(), ("#pragma " + Mutex.name() + "\n" + Indent).str()));
    return Fix;
  }
  if (OwnLine) {
    Fix.Hints.push_back(FixItHint::CreateInsertion(
        Range.getBegin(),
        Critical ? ("#pragma " + Mutex.name() + "\n" + Indent + "{\n" + Indent +
                    "  ")
                       .str()
                 : ("{\n" + Indent + "  " + Declaration + "\n" + Indent + "  ")
                       .str()));
    // The block's other lines move in with it.
    unsigned EndOffset = SM.getFileOffset(AfterSemi);
    for (size_t Pos = Buffer.find('\n', Begin.second);
         Pos != llvm::StringRef::npos && Pos + 1 < EndOffset;
         Pos = Buffer.find('\n', Pos + 1))
      if (Buffer[Pos + 1] != '\n')
        Fix.Hints.push_back(FixItHint::CreateInsertion(
            Range.getBegin().getLocWithOffset(Pos + 1 - Begin.second), "  "));
    Fix.Hints.push_back(
        FixItHint::CreateInsertion(AfterSemi, ("\n" + Indent + "}").str()));
  } else {
    Fix.Hints.push_back(
        FixItHint::CreateInsertion(Range.getBegin(), "{ " + Declaration + " "));
    Fix.Hints.push_back(FixItHint::CreateInsertion(AfterSemi, " }"));
  }
  return Fix;
}

/// The std::shared_lock on \p Mutex declared in a block around \p Site,
/// before it; the innermost if there are several.
static const VarDecl *sharedGuardInScope(const Expr *Site,
                                         const FunctionDecl &F,
                                         const ObjectPath &Mutex,
                                         ASTContext &Ctx,
                                         BodyParents &Parents) {
  const Stmt *Inner = Site;
  while (true) {
    const Stmt *Parent = Parents.parentOf(*Inner, F);
    if (!Parent || isa<LambdaExpr>(Parent))
      return nullptr;
    if (const auto *Block = dyn_cast<CompoundStmt>(Parent)) {
      const VarDecl *Found = nullptr;
      for (const Stmt *Child : Block->body()) {
        if (Child == Inner)
          break;
        const auto *Declaration = dyn_cast<DeclStmt>(Child);
        if (!Declaration)
          continue;
        for (const Decl *D : Declaration->decls()) {
          const auto *Var = dyn_cast<VarDecl>(D);
          const auto *Construct =
              Var ? dyn_cast_or_null<CXXConstructExpr>(
                        Var->getInit() ? Var->getInit()->IgnoreImplicit()
                                       : nullptr)
                  : nullptr;
          const CXXRecordDecl *Type =
              Var ? Var->getType()->getAsCXXRecordDecl() : nullptr;
          if (!Construct || !Type || Construct->getNumArgs() == 0 ||
              qualifiedName(Type) != "std::shared_lock")
            continue;
          if (ObjectPath::fromExpr(Construct->getArg(0), Ctx) == Mutex)
            Found = Var;
        }
      }
      if (Found)
        return Found;
    }
    Inner = Parent;
  }
}

std::optional<LockFix> makeSharedGuardExclusive(const Expr *Site,
                                                const FunctionDecl &F,
                                                const ObjectPath &Mutex,
                                                ASTContext &Ctx,
                                                BodyParents &Parents) {
  const VarDecl *Guard = sharedGuardInScope(Site, F, Mutex, Ctx, Parents);
  if (!Guard || !stdDeclares(Ctx, "unique_lock"))
    return std::nullopt;
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation TypeBegin = Guard->getTypeSpecStartLoc();
  SourceLocation NameLoc = Guard->getLocation();
  if (TypeBegin.isMacroID() || NameLoc.isMacroID() ||
      SM.getFileID(TypeBegin) != SM.getFileID(NameLoc))
    return std::nullopt;
  // The type as written: `std::shared_lock<std::shared_mutex>`,
  // `std::shared_lock` (deduced), `shared_lock<Mutex>`.
  llvm::StringRef Written = Lexer::getSourceText(
      CharSourceRange::getCharRange(TypeBegin, NameLoc), SM, Ctx.getLangOpts());
  size_t Pos = Written.find("shared_lock");
  if (Pos == llvm::StringRef::npos ||
      Written.find("shared_lock", Pos + 1) != llvm::StringRef::npos)
    return std::nullopt;
  SourceLocation Begin = TypeBegin.getLocWithOffset(Pos);
  LockFix Fix;
  Fix.Mutex = Mutex.name();
  Fix.Hints.push_back(FixItHint::CreateReplacement(
      CharSourceRange::getCharRange(Begin, Begin.getLocWithOffset(11)),
      "unique_lock"));
  return Fix;
}

std::optional<LockFix> annotateGuardedBy(const SharedMap &Map,
                                         const ObjectPath &Mutex,
                                         ASTContext &Ctx,
                                         const Preprocessor *PP) {
  // Only a map that is a declaration of its own: not a member of a shared
  // struct (`g_state.by_id`), whose storage is the struct.
  llvm::ArrayRef<ObjectPath::Step> Steps = Map.Path.steps();
  bool OwnDeclaration =
      Map.Singleton ||
      (!Steps.empty() && Steps.back().Decl == Map.Storage &&
       (Steps.size() == 1 ||
        (Steps.size() == 2 && Steps[0].Kind == ObjectPath::StepKind::This)));
  // A local takes no such attribute; a pointer to a singleton's instance
  // would need pt_guarded_by.
  if (!OwnDeclaration || Map.Kind == SharedMapKind::Handed ||
      (Map.Singleton && Map.Storage->getType()->isPointerType()))
    return std::nullopt;
  const auto *Storage = cast<ValueDecl>(Map.Storage->getCanonicalDecl());
  const DeclContext *Where = Storage->getDeclContext();
  auto Spelled = spellMutex(Mutex, Where, nullptr);
  if (!Spelled)
    return std::nullopt;
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation NameLoc = Storage->getLocation();
  if (NameLoc.isMacroID())
    return std::nullopt;
  // Outside a class an attribute's argument is looked up where it is
  // written: the mutex must be declared before the map.
  if (!isa<FieldDecl>(Storage) && !isa<CXXRecordDecl>(Where) &&
      !SM.isBeforeInTranslationUnit(Spelled->first->getLocation(), NameLoc))
    return std::nullopt;
  std::string Attribute =
      "__attribute__((guarded_by(" + Spelled->second + ")))";
  if (PP)
    if (const MacroInfo *Macro =
            PP->getMacroInfo(&Ctx.Idents.get("GUARDED_BY")))
      if (Macro->isFunctionLike() && Macro->getNumParams() == 1)
        Attribute = "GUARDED_BY(" + Spelled->second + ")";
  LockFix Fix;
  Fix.Mutex = Spelled->second;
  Fix.Hints.push_back(FixItHint::CreateInsertion(
      Lexer::getLocForEndOfToken(NameLoc, 0, SM, Ctx.getLangOpts()),
      " " + Attribute));
  return Fix;
}

} // namespace mapguard
