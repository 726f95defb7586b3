//===--- ProjectRun.cpp - Checking many files in parallel -----------------===//

#include "tool/ProjectRun.h"
#include "checks/analysis/Compat.h"
#include "tool/SarifReport.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/Signals.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/YAMLTraits.h"
#include "llvm/Support/raw_ostream.h"
#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <thread>

using clang::tooling::Diagnostic;

namespace mapguard {

namespace {

/// What checking one file gave.
struct FileResult {
  std::string File;
  std::vector<Diagnostic> Diagnostics;
  /// The checks whose warnings --warnings-as-errors made errors here.
  llvm::StringSet<> ReportedAsErrors;
  /// Why the file could not be checked, or was checked only as far as it
  /// compiles; empty if it was checked whole.
  std::string Failure;
  /// The file did not compile: it was checked as far as it parses.
  bool CompilerErrors = false;
};

/// A temporary file removed when this goes out of scope.
class TempFile {
public:
  explicit TempFile(llvm::StringRef Suffix) {
    if (llvm::sys::fs::createTemporaryFile("mapguard", Suffix, Path))
      Path.clear();
    else
      llvm::sys::RemoveFileOnSignal(Path); // on Ctrl-C too
  }
  ~TempFile() {
    if (Path.empty())
      return;
    llvm::sys::fs::remove(Path);
    llvm::sys::DontRemoveFileOnSignal(Path);
  }
  llvm::StringRef path() const { return Path; }
  std::string read() const {
    auto Buffer = llvm::MemoryBuffer::getFile(Path);
    return Buffer ? (*Buffer)->getBuffer().str() : std::string();
  }

private:
  llvm::SmallString<128> Path;
};

} // namespace

static void error(const llvm::Twine &Message) {
  llvm::WithColor::error(llvm::errs(), "mapguard") << Message << "\n";
}

/// The files this run checks, in a stable order: the named ones, or every
/// file of the compilation database; then those the regex and the shard
/// select.
static llvm::Expected<std::vector<std::string>>
selectFiles(const ToolCommandLine &CommandLine,
            const clang::tooling::CompilationDatabase *Database) {
  std::vector<std::string> Files = CommandLine.Files;
  if (Files.empty()) {
    if (!Database)
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          "no files to check: name them, or pass -p <build-dir> to check "
          "every file of its compilation database");
    Files = Database->getAllFiles();
    llvm::sort(Files);
    Files.erase(std::unique(Files.begin(), Files.end()), Files.end());
  }
  const ProjectOptions &Project = CommandLine.Project;
  std::optional<llvm::Regex> Filter;
  if (Project.FileRegex)
    Filter.emplace(*Project.FileRegex);
  std::vector<std::string> Matching;
  for (const std::string &File : Files) {
    llvm::SmallString<256> Absolute(File);
    llvm::sys::fs::make_absolute(Absolute);
    if (!Filter || Filter->match(Absolute))
      Matching.push_back(File);
  }
  // Round robin, so that a shard does not get one folder's heavy files.
  std::vector<std::string> Selected;
  for (size_t I = 0; I != Matching.size(); ++I)
    if (I % Project.ShardCount == Project.ShardIndex - 1)
      Selected.push_back(Matching[I]);
  return Selected;
}

/// The diagnostics a child wrote with --export-fixes.
static llvm::Expected<std::vector<Diagnostic>>
readDiagnostics(const TempFile &Exported) {
  std::string Text = Exported.read();
  // clang-tidy writes the file only when it has something to report.
  if (llvm::StringRef(Text).trim().empty())
    return std::vector<Diagnostic>();
  clang::tooling::TranslationUnitDiagnostics Unit;
  llvm::yaml::Input Input(Text);
  Input >> Unit;
  if (Input.error())
    return llvm::createStringError(Input.error(),
                                   "cannot read the diagnostics clang-tidy "
                                   "exported");
  return std::move(Unit.Diagnostics);
}

/// Whether \p D is an error of the compiler's own, not a compiler warning
/// that --warnings-as-errors reports as an error.
static bool isCompilerError(const Diagnostic &D,
                            const llvm::StringSet<> &ReportedAsErrors) {
  return D.DiagLevel == Diagnostic::Error &&
         startsWith(D.DiagnosticName, "clang-diagnostic-") &&
         !ReportedAsErrors.contains(D.DiagnosticName);
}

/// How a path is shown to the user: relative to the current folder when
/// it is below it.
static std::string displayPath(llvm::StringRef Path) {
  llvm::SmallString<256> Current;
  if (llvm::sys::fs::current_path(Current))
    return Path.str();
  Current += llvm::sys::path::get_separator();
  if (startsWith(Path, Current))
    return Path.drop_front(Current.size()).str();
  return Path.str();
}

/// \p Text without the compiler's "N warnings generated." lines, which the
/// summary of the run replaces.
static std::string withoutStatistics(llvm::StringRef Text) {
  static const llvm::Regex Statistics(
      "^[0-9]+ (warnings?|errors?)( and [0-9]+ errors?)? generated\\.$");
  std::string Kept;
  while (!Text.empty()) {
    auto [Line, Rest] = Text.split('\n');
    if (!Statistics.match(Line))
      (Kept += Line) += '\n';
    Text = Rest;
  }
  return Kept;
}

/// Checks \p File in a child process running \p ChildArgs on it.
static FileResult checkFile(llvm::StringRef Executable,
                            llvm::ArrayRef<std::string> Options,
                            llvm::ArrayRef<std::string> CompilerArgs,
                            const std::string &File, std::string &Out,
                            std::string &Err) {
  FileResult Result;
  Result.File = File;
  TempFile Exported(".yaml"), Stdout(".out"), Stderr(".err");
  std::string ExportOption = ("--export-fixes=" + Exported.path()).str();
  llvm::SmallVector<llvm::StringRef, 32> Args;
  Args.push_back(Executable);
  Args.append(Options.begin(), Options.end());
  Args.push_back(ExportOption);
  Args.push_back(File);
  Args.append(CompilerArgs.begin(), CompilerArgs.end());
  OptionalStringRef Redirects[] = {llvm::StringRef(""), Stdout.path(),
                                   Stderr.path()};
  std::string ExecError;
  bool ExecutionFailed = false;
  int Status = llvm::sys::ExecuteAndWait(Executable, Args, {}, Redirects, 0, 0,
                                         &ExecError, &ExecutionFailed);
  Out = Stdout.read();
  Err = withoutStatistics(Stderr.read());
  if (ExecutionFailed || Status == -1) {
    Result.Failure = "could not run: " + ExecError;
    return Result;
  }
  if (Status < 0) {
    Result.Failure = "mapguard crashed" +
                     (ExecError.empty() ? std::string() : ": " + ExecError);
    return Result;
  }
  llvm::Expected<std::vector<Diagnostic>> Diagnostics =
      readDiagnostics(Exported);
  if (!Diagnostics) {
    Result.Failure = llvm::toString(Diagnostics.takeError());
    return Result;
  }
  Result.Diagnostics = std::move(*Diagnostics);
  // clang-tidy before 15 exports a warning it reports as an error
  // (--warnings-as-errors) with its warning level; only its output tells.
  llvm::StringSet<> &AsErrors = Result.ReportedAsErrors;
  for (llvm::StringRef Rest = Out; !Rest.empty();) {
    llvm::StringRef Line;
    std::tie(Line, Rest) = Rest.split('\n');
    size_t Marker = Line.rfind(",-warnings-as-errors]");
    size_t Open = Line.rfind('[', Marker);
    if (Marker != llvm::StringRef::npos && Open != llvm::StringRef::npos)
      AsErrors.insert(Line.slice(Open + 1, Marker));
  }
  for (Diagnostic &D : Result.Diagnostics)
    if (AsErrors.contains(D.DiagnosticName))
      D.DiagLevel = Diagnostic::Error;
  bool CompilerErrors =
      llvm::any_of(Result.Diagnostics, [&](const Diagnostic &D) {
        return isCompilerError(D, AsErrors);
      });
  bool ReportedErrors =
      llvm::any_of(Result.Diagnostics, [](const Diagnostic &D) {
        return D.DiagLevel == Diagnostic::Error;
      });
  if (CompilerErrors) {
    // Said plainly: the first error, which is often a flag of another
    // compiler under -Werror, not the code.
    const Diagnostic *First = nullptr;
    unsigned Count = 0;
    for (const Diagnostic &D : Result.Diagnostics)
      if (isCompilerError(D, AsErrors) && Count++ == 0)
        First = &D;
    Result.CompilerErrors = true;
    Result.Failure = "compiler error: " + First->Message.Message;
    if (Count > 1)
      Result.Failure += " (and " + std::to_string(Count - 1) + " more)";
  } else if (Status != 0 && !ReportedErrors)
    Result.Failure =
        "clang-tidy failed (exit status " + std::to_string(Status) + ")";
  return Result;
}

/// One line that says how far the run is, rewritten in place on a
/// terminal.
class ProgressLine {
public:
  ProgressLine(bool Enabled, size_t Total) : Enabled(Enabled), Total(Total) {}
  void started(llvm::StringRef File) {
    ++Started;
    if (!Enabled)
      return;
    clear();
    Current = "[" + std::to_string(Started) + "/" + std::to_string(Total) +
              "] " + displayPath(File);
    llvm::errs() << Current;
    llvm::errs().flush();
  }
  /// Takes the line off the screen while other output is printed.
  void clear() {
    if (Enabled && !Current.empty())
      llvm::errs() << "\r\x1b[K";
  }
  void restore() {
    if (Enabled && !Current.empty())
      llvm::errs() << Current;
    llvm::errs().flush();
  }
  void finish() {
    clear();
    Current.clear();
  }

private:
  bool Enabled;
  size_t Total;
  size_t Started = 0;
  std::string Current;
};

/// Passes on what the files' checks print, each message once. A message is
/// its first line, which the start pattern matches, with the source lines
/// and notes after it.
class PrintedMessages {
public:
  explicit PrintedMessages(llvm::StringRef MessageStart)
      : MessageStart(MessageStart) {}

  std::string once(llvm::StringRef Output) {
    std::string Kept;
    bool Keeping = true;
    while (!Output.empty()) {
      auto [Line, Rest] = Output.split('\n');
      std::string Plain = withoutColors(Line);
      if (MessageStart.match(Plain))
        Keeping = Seen.insert(Plain).second;
      if (Keeping)
        (Kept += Line) += '\n';
      Output = Rest;
    }
    return Kept;
  }

private:
  /// \p Line without the terminal's color escapes (--use-color).
  static std::string withoutColors(llvm::StringRef Line) {
    std::string Plain;
    for (size_t I = 0; I < Line.size(); ++I) {
      if (Line[I] == '\x1b') {
        size_t End = Line.find('m', I);
        if (End != llvm::StringRef::npos) {
          I = End;
          continue;
        }
      }
      Plain += Line[I];
    }
    return Plain;
  }

  llvm::Regex MessageStart;
  llvm::StringSet<> Seen;
};

/// A diagnostic on standard output (where, level, message, check): a
/// header's come from every file that includes it.
static const char DiagnosticStart[] =
    "^.+:[0-9]+:[0-9]+: (warning|error|remark): .*\\[[^] ]+\\]$";
/// A message on standard error: a compiler or configuration diagnostic, or
/// one of clang-tidy's own ("Error parsing .clang-tidy ..."), or the flags
/// a GCC database's commands lose. A broken configuration file is reported
/// by every file it configures, and several times by each; most files of a
/// GCC database have the same flags.
static const char ErrorMessageStart[] =
    "^(.+:[0-9]+:[0-9]+: (warning|error|fatal error|remark): |Error[ :]|"
    "mapguard: dropped )";

/// Diagnostics of headers come once from every file that includes them.
static std::vector<Diagnostic>
mergeDiagnostics(llvm::ArrayRef<FileResult> Results) {
  std::vector<Diagnostic> Merged;
  llvm::StringSet<> Seen;
  for (const FileResult &Result : Results)
    for (const Diagnostic &D : Result.Diagnostics) {
      std::string Key = D.DiagnosticName + "\n" + D.Message.FilePath + "\n" +
                        std::to_string(D.Message.FileOffset) + "\n" +
                        D.Message.Message;
      if (Seen.insert(Key).second)
        Merged.push_back(D);
    }
  return Merged;
}

/// `:line` of \p Offset in the file \p Path, for a summary line; nothing
/// where the file cannot be read.
static std::string lineOf(llvm::StringRef Path, unsigned Offset) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer || Offset > (*Buffer)->getBufferSize())
    return "";
  return ":" + std::to_string(
                   1 + (*Buffer)->getBuffer().take_front(Offset).count('\n'));
}

/// Prints what the run found: mapguard's findings, per check, apart from
/// the compiler's warnings and other checks' diagnostics; then the files
/// checked only as far as they compile, and those not checked at all.
static void printSummary(llvm::ArrayRef<FileResult> Results,
                         llvm::ArrayRef<Diagnostic> Diagnostics, double Seconds,
                         unsigned Jobs) {
  llvm::StringSet<> ReportedAsErrors;
  for (const FileResult &Result : Results)
    for (const auto &Check : Result.ReportedAsErrors)
      ReportedAsErrors.insert(Check.getKey());
  // By name: mapguard's checks, then the rest.
  std::map<std::string, std::pair<unsigned, unsigned>> Ours, Others;
  unsigned Findings = 0, FindingErrors = 0, OtherCount = 0;
  for (const Diagnostic &D : Diagnostics) {
    if (isCompilerError(D, ReportedAsErrors) ||
        D.DiagLevel == Diagnostic::Remark)
      continue;
    bool Mine = startsWith(D.DiagnosticName, "mapguard-");
    auto &[Warnings, Errors] = (Mine ? Ours : Others)[D.DiagnosticName];
    ++(D.DiagLevel == Diagnostic::Error ? Errors : Warnings);
    if (Mine) {
      ++Findings;
      FindingErrors += D.DiagLevel == Diagnostic::Error;
    } else {
      ++OtherCount;
    }
  }
  auto Plural = [](unsigned N, llvm::StringRef Word) {
    return std::to_string(N) + " " + Word.str() + (N == 1 ? "" : "s");
  };
  auto PrintCounts = [](llvm::raw_ostream &OS, const auto &Counts) {
    for (const auto &[Name, Count] : Counts) {
      OS << "  " << llvm::format("%5u", Count.first + Count.second) << "  "
         << Name;
      if (Count.second)
        OS << " (" << Count.second << " as errors)";
      OS << "\n";
    }
  };
  unsigned NotChecked = llvm::count_if(Results, [](const FileResult &R) {
    return !R.Failure.empty() && !R.CompilerErrors;
  });
  unsigned Partial = llvm::count_if(
      Results, [](const FileResult &R) { return R.CompilerErrors; });
  llvm::raw_ostream &OS = llvm::errs();
  OS << "mapguard: " << Plural(Results.size() - NotChecked, "file")
     << " checked in " << llvm::format("%.1f", Seconds) << " s with "
     << Plural(Jobs, "job") << ": " << Plural(Findings, "finding");
  if (FindingErrors)
    OS << " (" << FindingErrors << " as errors)";
  OS << "\n";
  PrintCounts(OS, Ours);
  if (OtherCount) {
    OS << "mapguard: besides, " << Plural(OtherCount, "diagnostic")
       << " of the compiler and other checks:\n";
    PrintCounts(OS, Others);
  }
  if (Partial) {
    OS << "mapguard: " << Plural(Partial, "file") << " did not compile, and "
       << (Partial == 1 ? "was" : "were") << " checked only as far as "
       << (Partial == 1 ? "it parses" : "they parse") << ":\n";
    for (const FileResult &Result : Results)
      if (Result.CompilerErrors)
        OS << "  " << displayPath(Result.File) << ": " << Result.Failure
           << "\n";
  }
  // Never silently blind: what the checks could not analyse (a lock type
  // they cannot read, a function beyond the budget), once each.
  std::vector<const Diagnostic *> Remarks;
  for (const Diagnostic &D : Diagnostics)
    if (D.DiagLevel == Diagnostic::Remark &&
        startsWith(D.DiagnosticName, "mapguard-"))
      Remarks.push_back(&D);
  if (!Remarks.empty()) {
    OS << "mapguard: " << Plural(Remarks.size(), "part")
       << " of the code could not be analysed:\n";
    constexpr size_t Shown = 20;
    for (const Diagnostic *D :
         llvm::ArrayRef<const Diagnostic *>(Remarks).take_front(Shown))
      OS << "  " << displayPath(D->Message.FilePath)
         << lineOf(D->Message.FilePath, D->Message.FileOffset) << ": "
         << D->Message.Message << "\n";
    if (Remarks.size() > Shown)
      OS << "  ... and " << Remarks.size() - Shown << " more\n";
  }
  if (NotChecked) {
    OS << "mapguard: " << Plural(NotChecked, "file")
       << " could not be checked:\n";
    for (const FileResult &Result : Results)
      if (!Result.Failure.empty() && !Result.CompilerErrors)
        OS << "  " << displayPath(Result.File) << ": " << Result.Failure
           << "\n";
  }
}

static llvm::Error writeFixes(llvm::StringRef Path,
                              llvm::ArrayRef<Diagnostic> Diagnostics) {
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC, llvm::sys::fs::OF_None);
  if (EC)
    return llvm::createStringError(EC, "cannot write '%s'", Path.data());
  clang::tooling::TranslationUnitDiagnostics Unit;
  Unit.Diagnostics.assign(Diagnostics.begin(), Diagnostics.end());
  llvm::yaml::Output YAML(OS);
  YAML << Unit;
  return llvm::Error::success();
}

int runProject(const ToolCommandLine &CommandLine,
               const clang::tooling::CompilationDatabase *Database,
               llvm::StringRef Executable) {
  llvm::Expected<std::vector<std::string>> Selected =
      selectFiles(CommandLine, Database);
  if (!Selected) {
    error(llvm::toString(Selected.takeError()));
    return ToolError;
  }
  std::vector<std::string> Files = std::move(*Selected);

  // The options every child gets. mapguard exports each child's
  // diagnostics itself and merges them into the file the user asked for.
  std::vector<std::string> Options;
  std::optional<std::string> ExportFixes;
  for (size_t I = 0; I != CommandLine.Options.size(); ++I) {
    llvm::StringRef Option = CommandLine.Options[I];
    if (startsWith(Option, "--export-fixes") ||
        startsWith(Option, "-export-fixes")) {
      ExportFixes = CommandLine.value("export-fixes");
      if (!Option.contains('='))
        ++I;
      continue;
    }
    Options.push_back(Option.str());
  }
  // The summary replaces each file's "N warnings generated".
  if (!CommandLine.has("quiet"))
    Options.push_back("--quiet");
  if (!CommandLine.has("use-color") &&
      llvm::sys::Process::StandardOutHasColors())
    Options.push_back("--use-color");

  const ProjectOptions &Project = CommandLine.Project;
  unsigned Jobs = Project.Jobs
                      ? Project.Jobs
                      : std::max(1u, std::thread::hardware_concurrency());
  // Fixes are applied by each child to the files it checks; two children
  // fixing one header at once would corrupt it.
  if (CommandLine.has("fix") || CommandLine.has("fix-errors") ||
      CommandLine.has("fix-notes"))
    Jobs = 1;
  Jobs = std::max<size_t>(1, std::min<size_t>(Jobs, Files.size()));
  if (Files.empty())
    llvm::WithColor::warning(llvm::errs(), "mapguard")
        << "no files selected; nothing to check\n";

  bool ShowProgress = Project.Progress == ProgressMode::Always ||
                      (Project.Progress == ProgressMode::Auto &&
                       llvm::sys::Process::StandardErrIsDisplayed());
  ProgressLine Progress(ShowProgress, Files.size());
  std::vector<FileResult> Results(Files.size());
  std::atomic<size_t> Next{0};
  std::mutex OutputMutex;
  PrintedMessages PrintedOut(DiagnosticStart), PrintedErr(ErrorMessageStart);
  auto Start = std::chrono::steady_clock::now();
  auto Worker = [&] {
    for (size_t I; (I = Next++) < Files.size();) {
      {
        std::lock_guard<std::mutex> Lock(OutputMutex);
        Progress.started(Files[I]);
      }
      std::string Out, Err;
      Results[I] = checkFile(Executable, Options, CommandLine.CompilerArgs,
                             Files[I], Out, Err);
      std::lock_guard<std::mutex> Lock(OutputMutex);
      Progress.clear();
      llvm::outs() << PrintedOut.once(Out);
      llvm::outs().flush();
      llvm::errs() << PrintedErr.once(Err);
      Progress.restore();
    }
  };
  std::vector<std::thread> Workers;
  for (unsigned J = 1; J < Jobs; ++J)
    Workers.emplace_back(Worker);
  Worker();
  for (std::thread &T : Workers)
    T.join();
  Progress.finish();
  double Seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
          .count();

  std::vector<Diagnostic> Diagnostics = mergeDiagnostics(Results);
  printSummary(Results, Diagnostics, Seconds, Jobs);

  bool Failed = llvm::any_of(
      Results, [](const FileResult &R) { return !R.Failure.empty(); });
  if (ExportFixes)
    if (llvm::Error Err = writeFixes(*ExportFixes, Diagnostics)) {
      error(llvm::toString(std::move(Err)));
      Failed = true;
    }
  std::vector<UncheckedFile> Unchecked;
  for (const FileResult &Result : Results)
    if (!Result.Failure.empty())
      Unchecked.push_back({Result.File, Result.Failure, Result.CompilerErrors});
  if (Project.SarifFile)
    if (llvm::Error Err = writeSarif(*Project.SarifFile, Diagnostics, Unchecked,
                                     Project.SarifRoot)) {
      error(llvm::toString(std::move(Err)));
      Failed = true;
    }
  if (Failed)
    return ToolError;
  bool ErrorsReported = llvm::any_of(Diagnostics, [](const Diagnostic &D) {
    return D.DiagLevel == Diagnostic::Error;
  });
  return ErrorsReported ? FindingsAsErrors : Clean;
}

} // namespace mapguard
