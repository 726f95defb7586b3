//===--- Names.cpp - Matching declarations against configured names -------===//

#include "checks/analysis/Names.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace mapguard {

std::string qualifiedName(const NamedDecl *D) {
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  std::string Anonymous = "(anonymous)";
  for (const DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (NS->isInline())
        continue;
      Parts.push_back(NS->isAnonymousNamespace() ? llvm::StringRef(Anonymous)
                                                 : NS->getName());
    } else if (const auto *RD = dyn_cast<RecordDecl>(DC)) {
      Parts.push_back(RD->getIdentifier() ? RD->getName()
                                          : llvm::StringRef(Anonymous));
    }
  }
  std::string Result;
  for (llvm::StringRef Part : llvm::reverse(Parts)) {
    Result += Part;
    Result += "::";
  }
  Result += D->getNameAsString();
  return Result;
}

NameSet::NameSet(llvm::ArrayRef<llvm::StringRef> Initial) {
  for (llvm::StringRef Name : Initial)
    insert(Name);
}

void NameSet::insert(llvm::StringRef Name) {
  Name.consume_front("::");
  Names.insert(Name);
  LastParts.insert(Name.rsplit("::").second.empty() ? Name
                                                    : Name.rsplit("::").second);
}

bool NameSet::contains(const NamedDecl *D) const {
  return D && D->getIdentifier() && LastParts.count(D->getName()) &&
         Names.count(qualifiedName(D));
}

bool NameSet::containsClassOf(QualType T) const {
  if (T.isNull())
    return false;
  return containsClass(T.getNonReferenceType()->getAsCXXRecordDecl());
}

bool NameSet::containsClass(const CXXRecordDecl *RD) const {
  if (!RD)
    return false;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    return contains(Spec->getSpecializedTemplate());
  return contains(RD);
}

llvm::SmallVector<llvm::StringRef, 8> splitList(llvm::StringRef Value) {
  llvm::SmallVector<llvm::StringRef, 8> Parts, Result;
  Value.split(Parts, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  for (llvm::StringRef Part : Parts) {
    Part = Part.trim();
    if (!Part.empty())
      Result.push_back(Part);
  }
  return Result;
}

bool isQualifiedIdentifier(llvm::StringRef Name) {
  Name.consume_front("::");
  if (Name.empty())
    return false;
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Name.split(Parts, "::");
  for (llvm::StringRef Part : Parts) {
    if (Part.empty() || llvm::isDigit(Part.front()))
      return false;
    for (char C : Part)
      if (!llvm::isAlnum(C) && C != '_')
        return false;
  }
  return true;
}

} // namespace mapguard
