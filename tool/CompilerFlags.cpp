//===--- CompilerFlags.cpp - Flags of other compilers, dropped ------------===//

#include "tool/CompilerFlags.h"
#include "checks/analysis/Compat.h"
#include "clang/Basic/DiagnosticIDs.h"
#include "llvm/ADT/IntrusiveRefCntPtr.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Option/Arg.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Option/OptTable.h"
#include <optional>
#if LLVM_VERSION_MAJOR >= 22
#include "clang/Options/Options.h"
#else
#include "clang/Driver/Options.h"
#endif

namespace mapguard {

static const llvm::opt::OptTable &driverOptions() {
#if LLVM_VERSION_MAJOR >= 22
  return clang::getDriverOptTable();
#else
  return clang::driver::getDriverOptTable();
#endif
}

static unsigned unknownOption() {
#if LLVM_VERSION_MAJOR >= 22
  return clang::options::OPT_UNKNOWN;
#else
  return clang::driver::options::OPT_UNKNOWN;
#endif
}

/// The warning group a `-W` argument names, if it names one: `foo` for
/// `-Wfoo`, `-Wno-foo`, `-Werror=foo`, `-Wno-error=foo`.
static std::optional<llvm::StringRef> warningGroup(llvm::StringRef Arg) {
  if (!Arg.consume_front("-W") || Arg.empty() || Arg.contains(',') ||
      Arg == "error" || Arg == "no-error" || Arg == "everything" ||
      Arg == "system-headers" || Arg == "no-system-headers")
    return std::nullopt;
  if (!Arg.consume_front("error=") && !Arg.consume_front("no-error="))
    Arg.consume_front("no-");
  if (Arg.empty())
    return std::nullopt;
  return Arg;
}

AdjustedCommands
dropUnknownFlags(const clang::tooling::CompilationDatabase &Database,
                 llvm::ArrayRef<std::string> Files) {
  AdjustedCommands Result;
  llvm::StringSet<> Seen;
  llvm::IntrusiveRefCntPtr<clang::DiagnosticIDs> Diagnostics(
      new clang::DiagnosticIDs());
  for (const std::string &File : Files)
    for (clang::tooling::CompileCommand Command :
         Database.getCompileCommands(File)) {
      std::vector<std::string> &Argv = Command.CommandLine;
      if (Argv.empty())
        continue;
      llvm::SmallVector<const char *, 64> Args;
      for (const std::string &A :
           llvm::ArrayRef<std::string>(Argv).drop_front())
        Args.push_back(A.c_str());
      unsigned MissingIndex = 0, MissingCount = 0;
      llvm::opt::InputArgList Parsed =
          driverOptions().ParseArgs(Args, MissingIndex, MissingCount);
      // Indices into Args of what to drop.
      llvm::SmallVector<bool, 64> Drop(Args.size(), false);
      for (const llvm::opt::Arg *A : Parsed.filtered(unknownOption()))
        if (A->getIndex() < Drop.size())
          Drop[A->getIndex()] = true;
      for (unsigned I = 0, E = Args.size(); I != E; ++I) {
        llvm::SmallVector<unsigned, 0> Unused;
        if (std::optional<llvm::StringRef> Group = warningGroup(Args[I]))
          if (Diagnostics->getDiagnosticsInGroup(
                  clang::diag::Flavor::WarningOrError, *Group, Unused))
            Drop[I] = true;
      }
      std::vector<std::string> Kept{Argv.front()};
      for (unsigned I = 0, E = Args.size(); I != E; ++I) {
        if (!Drop[I]) {
          Kept.push_back(Args[I]);
          continue;
        }
        if (Seen.insert(Args[I]).second)
          Result.Dropped.push_back(Args[I]);
      }
      Argv = std::move(Kept);
      Result.Commands.push_back(std::move(Command));
    }
  return Result;
}

} // namespace mapguard
