//===--- DefaultChecks.cpp - Which checks mapguard runs by default --------===//

#include "tool/DefaultChecks.h"
#include "checks/analysis/Compat.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <optional>

namespace mapguard {

/// The checks the configuration that applies to \p File sets.
static std::optional<std::string>
configuredChecks(const ToolCommandLine &CommandLine, llvm::StringRef File) {
  using clang::tidy::ClangTidyOptions;
  // `--config` and `--config-file` replace the files, as in clang-tidy.
  std::optional<std::string> Text = CommandLine.value("config");
  if (std::optional<std::string> Path = CommandLine.value("config-file")) {
    auto Buffer = llvm::MemoryBuffer::getFile(*Path);
    if (!Buffer)
      return std::nullopt; // clang-tidy says what is wrong with it.
    Text = (*Buffer)->getBuffer().str();
  }
  if (Text) {
    auto Parsed = clang::tidy::parseConfiguration(
        llvm::MemoryBufferRef(*Text, "--config"));
    if (!Parsed)
      return std::nullopt;
    return Parsed->Checks ? std::optional<std::string>(*Parsed->Checks)
                          : std::nullopt;
  }
  llvm::SmallString<256> Absolute(File);
  llvm::sys::fs::make_absolute(Absolute);
  // A path relative to its compile command's folder, not this one: the
  // configuration of the current folder stands in (clang-tidy says what is
  // wrong with the file itself).
  if (!llvm::sys::fs::is_directory(llvm::sys::path::parent_path(Absolute))) {
    llvm::sys::fs::current_path(Absolute);
    llvm::sys::path::append(Absolute, "mapguard.cpp");
  }
  clang::tidy::FileOptionsProvider Provider(
      clang::tidy::ClangTidyGlobalOptions(), ClangTidyOptions(),
      ClangTidyOptions(), llvm::vfs::getRealFileSystem());
  ClangTidyOptions Options = Provider.getOptions(Absolute);
  return Options.Checks ? std::optional<std::string>(*Options.Checks)
                        : std::nullopt;
}

std::string defaultChecks(const ToolCommandLine &CommandLine) {
  // clang-tidy puts the command line's checks after what it enables before
  // them: its driver's defaults (`clang-diagnostic-*,clang-analyzer-*`),
  // then the configuration's `Checks`. `-*` turns those off. Where the
  // configuration names none of clang-tidy's other checks, `-clang-*` does
  // the same, at half the cost of the check filter: clang-tidy matches
  // every check it knows (all of its modules' and the static analyzer's,
  // some 700 names, once to list the enabled checks and once to create
  // them) against the list, last glob first, and the regular expression of
  // `-*` is the one that runs to the end of every name it sees, where one
  // with a literal prefix rejects most names at their first characters.
  // Where the configuration has globs of its own, every name is matched
  // against those too, and `-*` is cheaper than their negations.
  std::string Off = "-clang-*";
  std::string Mapguard = "mapguard-*";
  // A project run's children each get one file; without one, the current
  // folder's configuration applies, as to a file there.
  std::string File = CommandLine.Files.empty() ? std::string("mapguard.cpp")
                                               : CommandLine.Files.front();
  if (std::optional<std::string> Configured =
          configuredChecks(CommandLine, File)) {
    llvm::SmallVector<llvm::StringRef, 16> Entries;
    llvm::StringRef(*Configured).split(Entries, ',');
    for (llvm::StringRef Entry : Entries) {
      // Lines of a YAML block list are separated by newlines too.
      llvm::SmallVector<llvm::StringRef, 4> Lines;
      Entry.split(Lines, '\n');
      for (llvm::StringRef Glob : Lines) {
        Glob = Glob.trim();
        llvm::StringRef Name = Glob;
        Name.consume_front("-");
        Name = Name.trim();
        if (startsWith(Name, "mapguard"))
          Mapguard += "," + Glob.str();
        else if (!Name.empty())
          Off = "-*";
      }
    }
  }
  return Off + "," + Mapguard;
}

} // namespace mapguard
