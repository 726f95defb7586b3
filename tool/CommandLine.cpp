//===--- CommandLine.cpp - mapguard's own command-line options ------------===//

#include "tool/CommandLine.h"
#include "checks/analysis/Compat.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Regex.h"

namespace mapguard {

const char ProjectOptionsHelp[] = R"(
mapguard project options:
  Without file names, `mapguard -p <build-dir>` checks every file of the
  compilation database. These options make any run a project run:

  -j <N>, --jobs=<N>      files checked in parallel (default: the cores)
  --files=<regex>         only the files whose path matches <regex>
  --shard=<K>/<N>         only the K-th of N equal shares of the files
  --sarif=<file>          also write the diagnostics as SARIF 2.1.0
  --sarif-root=<dir>      SARIF paths are relative to <dir> (default: .)
  --progress=<when>       auto (on a terminal), always or never

  mapguard --merge-sarif=<output> <log>...
                          merge the SARIF logs of several runs (a CI
                          matrix's shards) into one, each finding once

  Exit status of a project run: 0 when every file was checked and nothing
  was reported as an error; 1 when diagnostics were reported as errors
  (--warnings-as-errors); 2 when a file could not be checked (compiler
  errors, a crash) or mapguard was used wrongly.
)";

/// Whether clang-tidy's option \p Name reads its value from the next
/// argument when it is not given as `-name=value`.
static bool takesSeparateValue(llvm::StringRef Name) {
  // Registered only once CommonOptionsParser runs, so not found below.
  if (Name == "p" || Name == "extra-arg" || Name == "extra-arg-before")
    return true;
  auto &Registered = llvm::cl::getRegisteredOptions();
  auto It = Registered.find(Name);
  return It != Registered.end() &&
         It->second->getValueExpectedFlag() == llvm::cl::ValueRequired;
}

/// The name and inline value of option argument \p Arg (`--name=value`).
static std::pair<llvm::StringRef, std::optional<llvm::StringRef>>
splitOption(llvm::StringRef Arg) {
  if (!Arg.consume_front("--"))
    Arg.consume_front("-");
  auto [Name, Value] = Arg.split('=');
  if (Name.size() == Arg.size())
    return {Name, std::nullopt};
  return {Name, Value};
}

static llvm::Error usageError(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message.str());
}

static llvm::Error parseUnsigned(llvm::StringRef Option, llvm::StringRef Text,
                                 unsigned &Out) {
  if (Text.getAsInteger(10, Out) || Out == 0)
    return usageError("option '" + Option +
                      "' expects a positive number, not '" + Text + "'");
  return llvm::Error::success();
}

/// Applies mapguard option \p Name with \p Value to \p Project.
static llvm::Error applyProjectOption(llvm::StringRef Name,
                                      llvm::StringRef Value,
                                      ProjectOptions &Project) {
  Project.Given = true;
  if (Name == "j" || Name == "jobs")
    return parseUnsigned("--jobs", Value, Project.Jobs);
  if (Name == "files") {
    std::string Error;
    if (!llvm::Regex(Value).isValid(Error))
      return usageError("option '--files': invalid regular expression '" +
                        Value + "': " + Error);
    Project.FileRegex = Value.str();
    return llvm::Error::success();
  }
  if (Name == "shard") {
    auto [Index, Count] = Value.split('/');
    if (Index.getAsInteger(10, Project.ShardIndex) ||
        Count.getAsInteger(10, Project.ShardCount) || Project.ShardCount == 0 ||
        Project.ShardIndex == 0 || Project.ShardIndex > Project.ShardCount)
      return usageError("option '--shard' expects K/N with 1 <= K <= N, "
                        "such as 2/4, not '" +
                        Value + "'");
    return llvm::Error::success();
  }
  if (Name == "sarif") {
    if (Value.empty())
      return usageError("option '--sarif' expects a file name");
    Project.SarifFile = Value.str();
    return llvm::Error::success();
  }
  if (Name == "sarif-root") {
    Project.SarifRoot = Value.str();
    return llvm::Error::success();
  }
  std::optional<ProgressMode> Mode =
      llvm::StringSwitch<std::optional<ProgressMode>>(Value)
          .Case("auto", ProgressMode::Auto)
          .Case("always", ProgressMode::Always)
          .Case("never", ProgressMode::Never)
          .Default(std::nullopt);
  if (!Mode)
    return usageError("option '--progress' expects auto, always or never, "
                      "not '" +
                      Value + "'");
  Project.Progress = *Mode;
  return llvm::Error::success();
}

static bool isProjectOption(llvm::StringRef Name) {
  static constexpr llvm::StringLiteral Names[] = {
      "j", "jobs", "files", "shard", "sarif", "sarif-root", "progress"};
  return llvm::is_contained(Names, Name);
}

llvm::Expected<ToolCommandLine>
parseCommandLine(llvm::ArrayRef<const char *> Args) {
  ToolCommandLine Result;
  for (size_t I = 0, E = Args.size(); I != E; ++I) {
    llvm::StringRef Arg = Args[I];
    if (Arg == "--") {
      Result.CompilerArgs.assign(Args.begin() + I, Args.end());
      break;
    }
    if (!startsWith(Arg, "-") || Arg == "-") {
      // A response file may hold options as well as files: clang-tidy
      // expands it.
      if (startsWith(Arg, "@"))
        Result.Options.push_back(Arg.str());
      else
        Result.Files.push_back(Arg.str());
      continue;
    }
    auto [Name, Value] = splitOption(Arg);
    // `-j8`, as make and ninja take it.
    if (!Value && Name.size() > 1 && Name.front() == 'j' &&
        llvm::all_of(Name.drop_front(),
                     [](char C) { return llvm::isDigit(C); })) {
      Value = Name.drop_front();
      Name = "j";
    }
    if (isProjectOption(Name)) {
      if (!Value) {
        if (I + 1 == E)
          return usageError("option '" + Arg + "' expects a value");
        Value = llvm::StringRef(Args[++I]);
      }
      if (llvm::Error Err = applyProjectOption(Name, *Value, Result.Project))
        return std::move(Err);
      continue;
    }
    Result.Options.push_back(Arg.str());
    if (!Value && takesSeparateValue(Name) && I + 1 != E)
      Result.Options.push_back(Args[++I]);
  }
  return Result;
}

std::optional<std::string> ToolCommandLine::value(llvm::StringRef Name) const {
  for (size_t I = 0, E = Options.size(); I != E; ++I) {
    llvm::StringRef Arg = Options[I];
    if (!startsWith(Arg, "-"))
      continue;
    auto [OptionName, Value] = splitOption(Arg);
    if (OptionName != Name)
      continue;
    if (Value)
      return Value->str();
    if (takesSeparateValue(Name))
      return I + 1 < E ? Options[I + 1] : std::string();
    return std::string();
  }
  return std::nullopt;
}

bool ToolCommandLine::has(llvm::StringRef Name) const {
  return value(Name).has_value();
}

} // namespace mapguard
