//===--- MapguardMain.cpp - The mapguard executable -----------------------===//
//
// clang-tidy's own driver with the mapguard module linked in: every
// clang-tidy flag, configuration file and NOLINT comment works. The
// differences are the default check list (mapguard's checks, as the
// project's configuration enables them: DefaultChecks.h), and project runs:
// without file names, or with one of mapguard's own options, it checks many
// files in parallel, each by running itself on one file.
//
//===----------------------------------------------------------------------===//

#include "checks/CheckCatalog.h"
#include "checks/analysis/Compat.h"
#include "clang-tidy/tool/ClangTidyMain.h"
#include "tool/CommandLine.h"
#include "tool/CompilerFlags.h"
#include "tool/DefaultChecks.h"
#include "tool/ProjectRun.h"
#include "tool/SarifMerge.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"
#include <optional>
#include <string>

extern volatile int MapguardModuleAnchorSource;
// Printed at the end of --help, after clang-tidy's own options.
static llvm::cl::extrahelp ProjectHelp(mapguard::ProjectOptionsHelp);
static int MapguardModuleAnchorDestination = MapguardModuleAnchorSource;

/// The compilation database that `-p` names, or null without `-p`.
/// clang-tidy runs without compiler flags when `-p` names a folder without a
/// database: every file would be checked with the wrong include paths and
/// defines, and in CI that must fail, not pass quietly.
static llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
loadCompilationDatabase(const mapguard::ToolCommandLine &CommandLine) {
  std::optional<std::string> BuildPath = CommandLine.value("p");
  if (!BuildPath)
    return nullptr;
  std::string Error;
  if (auto Database =
          clang::tooling::CompilationDatabase::autoDetectFromDirectory(
              *BuildPath, Error))
    return std::move(Database);
  return llvm::createStringError(
      llvm::inconvertibleErrorCode(),
      "no compilation database (compile_commands.json) in '" + *BuildPath +
          "' or any folder above it; generate one (CMake: "
          "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON) and pass its folder with -p");
}

/// A temporary folder, removed with what it holds when this goes.
class TempFolder {
public:
  static llvm::Expected<TempFolder> create() {
    TempFolder F;
    if (std::error_code EC =
            llvm::sys::fs::createUniqueDirectory("mapguard-db", F.Path))
      return llvm::createStringError(EC, "cannot create a temporary folder");
    return std::move(F);
  }
  TempFolder(TempFolder &&O) : Path(std::move(O.Path)) { O.Path.clear(); }
  TempFolder &operator=(TempFolder &&O) {
    std::swap(Path, O.Path);
    return *this;
  }
  ~TempFolder() {
    if (!Path.empty())
      llvm::sys::fs::remove_directories(Path);
  }
  llvm::StringRef path() const { return Path; }

private:
  TempFolder() = default;
  llvm::SmallString<128> Path;
};

/// Writes the commands of \p Files from \p Database, without the flags Clang
/// does not know, to a database of their own, and says which were dropped;
/// nothing if none was.
static llvm::Expected<std::optional<TempFolder>>
writeAdjustedDatabase(const clang::tooling::CompilationDatabase &Database,
                      llvm::ArrayRef<std::string> Files) {
  mapguard::AdjustedCommands Adjusted =
      mapguard::dropUnknownFlags(Database, Files);
  if (Adjusted.Dropped.empty())
    return std::nullopt;
  llvm::errs() << "mapguard: dropped " << Adjusted.Dropped.size()
               << (Adjusted.Dropped.size() == 1 ? " flag" : " flags")
               << " Clang does not know from the compilation database: "
               << llvm::join(Adjusted.Dropped, " ") << "\n";
  llvm::Expected<TempFolder> Folder = TempFolder::create();
  if (!Folder)
    return Folder.takeError();
  llvm::json::Array Commands;
  for (const clang::tooling::CompileCommand &C : Adjusted.Commands) {
    llvm::json::Array Arguments;
    for (const std::string &A : C.CommandLine)
      Arguments.push_back(A);
    Commands.push_back(llvm::json::Object{{"directory", C.Directory},
                                          {"file", C.Filename},
                                          {"arguments", std::move(Arguments)}});
  }
  llvm::SmallString<128> Path(Folder->path());
  llvm::sys::path::append(Path, "compile_commands.json");
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC);
  if (EC)
    return llvm::createStringError(EC, "cannot write '%s'", Path.c_str());
  OS << llvm::json::Value(std::move(Commands));
  return std::optional<TempFolder>(std::move(*Folder));
}

/// \p Args with `-p` naming \p BuildPath instead of what it named.
static llvm::SmallVector<const char *, 16>
withBuildPath(llvm::ArrayRef<const char *> Args, llvm::StringRef BuildPath) {
  static std::string Option;
  Option = ("-p=" + BuildPath).str();
  llvm::SmallVector<const char *, 16> Out;
  bool AfterDashes = false;
  for (size_t I = 0; I != Args.size(); ++I) {
    llvm::StringRef A = Args[I];
    if (!AfterDashes && I != 0) {
      if (A == "--") {
        AfterDashes = true;
      } else if (A == "-p" || A == "--p") {
        ++I;
        continue;
      } else if (mapguard::startsWith(A, "-p=") ||
                 mapguard::startsWith(A, "--p=")) {
        continue;
      }
    }
    Out.push_back(Args[I]);
  }
  Out.insert(Out.begin() + 1, Option.c_str());
  return Out;
}

/// Whether the executable runs under a clang-tidy name (the installed
/// `clang-tidy-mapguard` link): where an editor or a CI tool asks for "a
/// clang-tidy", it must behave exactly like one, with mapguard's checks
/// available beside the standard ones.
static bool invokedAsClangTidy(const char *Argv0) {
  return mapguard::startsWith(llvm::sys::path::filename(Argv0), "clang-tidy");
}

/// `mapguard --version` names mapguard before the LLVM it is built on.
static void printVersion(llvm::raw_ostream &OS) {
  OS << "mapguard version " MAPGUARD_VERSION "\n";
}

/// \p Args with Clang's resource directory (its builtin headers) of the
/// LLVM mapguard is built against, before any the command line gives.
static void addResourceDir(llvm::SmallVectorImpl<const char *> &Args) {
#ifdef MAPGUARD_CLANG_RESOURCE_DIR
  if (llvm::sys::fs::is_directory(MAPGUARD_CLANG_RESOURCE_DIR))
    Args.insert(
        Args.begin() + 1,
        "--extra-arg-before=-resource-dir=" MAPGUARD_CLANG_RESOURCE_DIR);
#endif
}

int main(int Argc, const char **Argv) {
  (void)MapguardModuleAnchorDestination;
  if (invokedAsClangTidy(Argv[0])) {
    llvm::SmallVector<const char *, 16> Args(Argv, Argv + Argc);
    addResourceDir(Args);
    return clang::tidy::clangTidyMain(static_cast<int>(Args.size()),
                                      Args.data());
  }
  llvm::cl::AddExtraVersionPrinter(printVersion);
  // `mapguard --merge-sarif=OUT IN...`: one log for one upload.
  if (Argc >= 2 && mapguard::startsWith(Argv[1], "--merge-sarif")) {
    llvm::StringRef Option = Argv[1];
    if (!Option.consume_front("--merge-sarif=") || Option.empty() || Argc < 3) {
      llvm::WithColor::error(llvm::errs(), "mapguard")
          << "usage: mapguard --merge-sarif=<output> <log>...\n";
      return mapguard::ToolError;
    }
    std::vector<std::string> Inputs(Argv + 2, Argv + Argc);
    if (llvm::Error Err = mapguard::mergeSarif(Option, Inputs)) {
      llvm::WithColor::error(llvm::errs(), "mapguard")
          << llvm::toString(std::move(Err)) << "\n";
      return mapguard::ToolError;
    }
    return 0;
  }
  // For the documentation and its test: the index of the checks.
  if (Argc == 2 && llvm::StringRef(Argv[1]) == "--print-check-index") {
    mapguard::writeCheckIndex(llvm::outs());
    return 0;
  }
  llvm::SmallVector<const char *, 16> Args(Argv, Argv + Argc);
  llvm::Expected<mapguard::ToolCommandLine> CommandLine =
      mapguard::parseCommandLine(
          llvm::ArrayRef<const char *>(Args).drop_front());
  if (!CommandLine) {
    llvm::WithColor::error(llvm::errs(), "mapguard")
        << llvm::toString(CommandLine.takeError()) << "\n";
    return mapguard::ToolError;
  }
  bool ProjectRun = CommandLine->Project.Given ||
                    (CommandLine->Files.empty() && CommandLine->has("p"));
  auto Database = loadCompilationDatabase(*CommandLine);
  if (!Database) {
    llvm::WithColor::error(llvm::errs(), "mapguard")
        << llvm::toString(Database.takeError()) << "\n";
    // Wrong use, for one file as for a project run.
    return mapguard::ToolError;
  }
  // Without -p and without `--`, clang-tidy looks for compile_commands.json
  // in each file's folder and those above it, and without one checks the
  // file with no flags at all: wrong include paths and defines, and
  // findings that pass or fail by accident. Say so, and stop.
  if (!ProjectRun && !CommandLine->has("p") &&
      CommandLine->CompilerArgs.empty())
    for (const std::string &File : CommandLine->Files) {
      std::string Error;
      if (!clang::tooling::CompilationDatabase::autoDetectFromSource(File,
                                                                     Error)) {
        llvm::WithColor::error(llvm::errs(), "mapguard")
            << "no compilation database (compile_commands.json) for '" << File
            << "' in its folder or any folder above it; pass the build "
               "folder with -p, or the compiler flags after '--' (mapguard "
            << File << " -- -std=c++17)\n";
        return mapguard::ToolError;
      }
    }
  // A database written for GCC: its commands without the flags Clang does
  // not know, from a database of their own.
  std::optional<TempFolder> Adjusted;
  if (!ProjectRun && CommandLine->CompilerArgs.empty() &&
      !CommandLine->Files.empty()) {
    std::unique_ptr<clang::tooling::CompilationDatabase> Detected;
    const clang::tooling::CompilationDatabase *Db = Database->get();
    std::string Error;
    if (!Db)
      Db =
          (Detected = clang::tooling::CompilationDatabase::autoDetectFromSource(
               CommandLine->Files.front(), Error))
              .get();
    if (Db) {
      llvm::Expected<std::optional<TempFolder>> Written =
          writeAdjustedDatabase(*Db, CommandLine->Files);
      if (!Written) {
        llvm::WithColor::error(llvm::errs(), "mapguard")
            << llvm::toString(Written.takeError()) << "\n";
        return mapguard::ToolError;
      }
      Adjusted = std::move(*Written);
    }
    if (Adjusted)
      Args = withBuildPath(Args, Adjusted->path());
  }
  if (ProjectRun) {
    // Registers LLVM's signal handlers (stack trace on a crash, temporary
    // files removed on Ctrl-C) on the main thread. The first registration
    // gives its thread an alternate signal stack; were that a worker, which
    // exits first, AddressSanitizer would abort freeing it.
    llvm::InitLLVM InitLLVM(Argc, Argv);
    std::string Executable = llvm::sys::fs::getMainExecutable(
        Argv[0], reinterpret_cast<void *>(&invokedAsClangTidy));
    return mapguard::runProject(*CommandLine, Database->get(), Executable);
  }
  // mapguard's checks only, as the project's configuration enables them.
  std::string Checks;
  if (!CommandLine->has("checks")) {
    Checks = "--checks=" + mapguard::defaultChecks(*CommandLine);
    Args.insert(Args.begin() + 1, Checks.c_str());
  }
  addResourceDir(Args);
  return clang::tidy::clangTidyMain(static_cast<int>(Args.size()), Args.data());
}
