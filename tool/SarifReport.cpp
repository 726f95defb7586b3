//===--- SarifReport.cpp - Diagnostics as SARIF 2.1.0 ---------------------===//
//
// clang has a SARIF writer (clang/Basic/Sarif.h), but it works on the
// SourceManager of one translation unit, while a project run has only the
// diagnostics its children exported; hence this one, on llvm::json.
//
//===----------------------------------------------------------------------===//

#include "tool/SarifReport.h"
#include "checks/CheckCatalog.h"
#include "checks/analysis/Compat.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MD5.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using clang::tooling::Diagnostic;
using clang::tooling::DiagnosticMessage;

namespace mapguard {

namespace {

/// A line and a column, both from 1; columns count Unicode code points.
struct Position {
  unsigned Line = 1;
  unsigned Column = 1;
};

/// Turns the byte offsets clang-tidy exports into SARIF's lines and columns
/// and paths into SARIF's URIs.
class SourceFiles {
public:
  explicit SourceFiles(llvm::StringRef Root) : Root(Root) {}

  std::optional<Position> position(llvm::StringRef Path, unsigned Offset) {
    const llvm::MemoryBuffer *Buffer = contents(Path);
    if (!Buffer || Offset > Buffer->getBufferSize())
      return std::nullopt;
    Position P;
    for (char C : Buffer->getBuffer().take_front(Offset)) {
      if (C == '\n') {
        ++P.Line;
        P.Column = 1;
      } else if ((static_cast<unsigned char>(C) & 0xC0) != 0x80) {
        ++P.Column; // not a UTF-8 continuation byte
      }
    }
    return P;
  }

  /// The trimmed text of the line at \p Offset.
  llvm::StringRef lineText(llvm::StringRef Path, unsigned Offset) {
    const llvm::MemoryBuffer *Buffer = contents(Path);
    if (!Buffer || Offset > Buffer->getBufferSize())
      return "";
    llvm::StringRef Text = Buffer->getBuffer();
    size_t Begin = Text.rfind('\n', Offset);
    Begin = Begin == llvm::StringRef::npos ? 0 : Begin + 1;
    size_t End = Text.find('\n', Offset);
    return Text.slice(Begin, End).trim();
  }

  /// The artifact location of \p Path: relative to the root when below it.
  llvm::json::Object artifact(llvm::StringRef Path) {
    llvm::StringRef Relative = Path;
    if (startsWith(Path, Root) && Path.size() > Root.size() &&
        llvm::sys::path::is_separator(Path[Root.size()])) {
      Relative = Path.drop_front(Root.size() + 1);
      return llvm::json::Object{{"uri", encode(Relative)},
                                {"uriBaseId", "%SRCROOT%"}};
    }
    return llvm::json::Object{{"uri", "file://" + encode(Path)}};
  }

  /// \p Path with percent escapes where a URI cannot hold a character.
  static std::string encode(llvm::StringRef Path) {
    std::string URI;
    for (char C : Path) {
      if (llvm::isAlnum(C) || llvm::StringRef("/-._~").contains(C))
        URI += C;
      else
        URI += "%" + llvm::utohexstr(static_cast<unsigned char>(C), false, 2);
    }
    return URI;
  }

private:
  const llvm::MemoryBuffer *contents(llvm::StringRef Path) {
    auto It = Buffers.find(Path);
    if (It == Buffers.end()) {
      auto Buffer = llvm::MemoryBuffer::getFile(Path);
      It =
          Buffers
              .try_emplace(Path, Buffer ? std::move(*Buffer)
                                        : std::unique_ptr<llvm::MemoryBuffer>())
              .first;
    }
    return It->second.get();
  }

  std::string Root;
  llvm::StringMap<std::unique_ptr<llvm::MemoryBuffer>> Buffers;
};

} // namespace

/// \p Path made absolute against the folder clang-tidy ran the file from.
static std::string absolutePath(llvm::StringRef Path,
                                llvm::StringRef BuildDirectory) {
  llvm::SmallString<256> Absolute(Path);
  if (!llvm::sys::path::is_absolute(Absolute)) {
    Absolute = BuildDirectory;
    llvm::sys::path::append(Absolute, Path);
    llvm::sys::fs::make_absolute(Absolute);
  }
  llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
  return std::string(Absolute);
}

/// Where clang-tidy documents its own checks and clang its diagnostics.
static std::string upstreamHelpUri(llvm::StringRef Check) {
  if (startsWith(Check, "clang-diagnostic-"))
    return "https://clang.llvm.org/docs/DiagnosticsReference.html";
  llvm::StringRef Module = startsWith(Check, "clang-analyzer-")
                               ? llvm::StringRef("clang-analyzer")
                               : Check.split('-').first;
  llvm::StringRef Name =
      Check.drop_front(std::min(Check.size(), Module.size() + 1));
  return ("https://clang.llvm.org/extra/clang-tidy/checks/" + Module + "/" +
          Name + ".html")
      .str();
}

static llvm::json::Object rule(llvm::StringRef Id) {
  if (const CheckDescription *Check = describeCheck(Id)) {
    std::string Help = (Check->Summary + "\n\n" + Check->Description +
                        "\n\nFix: " + Check->Fix)
                           .str();
    return llvm::json::Object{
        {"id", Id},
        {"shortDescription", llvm::json::Object{{"text", Check->Summary}}},
        {"fullDescription", llvm::json::Object{{"text", Check->Description}}},
        {"help", llvm::json::Object{{"text", Help}, {"markdown", Help}}},
        {"helpUri", (MAPGUARD_DOCS_URL "/" + Check->DocPage).str()},
        {"defaultConfiguration", llvm::json::Object{{"level", "warning"}}},
        {"properties",
         llvm::json::Object{
             {"tags", llvm::json::Array{"concurrency", "correctness"}},
             {"precision", "high"},
             {"problem.severity", "warning"}}}};
  }
  std::string Text = startsWith(Id, "clang-diagnostic-")
                         ? ("Clang compiler diagnostic " + Id).str()
                         : ("clang-tidy check " + Id).str();
  return llvm::json::Object{
      {"id", Id},
      {"shortDescription", llvm::json::Object{{"text", Text}}},
      {"fullDescription", llvm::json::Object{{"text", Text}}},
      {"help", llvm::json::Object{{"text", "See " + upstreamHelpUri(Id)}}},
      {"helpUri", upstreamHelpUri(Id)}};
}

static llvm::StringRef level(Diagnostic::Level Level) {
  switch (Level) {
  case Diagnostic::Error:
    return "error";
  case Diagnostic::Warning:
    return "warning";
  default:
    return "note";
  }
}

/// The physical location of \p Message, with a region from its position
/// to the end of the range that starts there, if any.
static std::optional<llvm::json::Object>
physicalLocation(const DiagnosticMessage &Message,
                 llvm::StringRef BuildDirectory, SourceFiles &Sources) {
  if (Message.FilePath.empty())
    return std::nullopt;
  std::string Path = absolutePath(Message.FilePath, BuildDirectory);
  llvm::json::Object Location{{"artifactLocation", Sources.artifact(Path)}};
  std::optional<Position> Start = Sources.position(Path, Message.FileOffset);
  if (!Start)
    return Location;
  llvm::json::Object Region{{"startLine", Start->Line},
                            {"startColumn", Start->Column}};
  for (const auto &Range : Message.Ranges) {
    if (absolutePath(Range.FilePath, BuildDirectory) != Path ||
        Range.FileOffset > Message.FileOffset ||
        Range.FileOffset + Range.Length <= Message.FileOffset)
      continue;
    if (std::optional<Position> End =
            Sources.position(Path, Range.FileOffset + Range.Length)) {
      Region["endLine"] = End->Line;
      Region["endColumn"] = End->Column;
    }
    break;
  }
  Location["region"] = std::move(Region);
  return Location;
}

/// The SARIF fix of a message's fix-its (a warning's, or a note's that
/// offers one), or nothing if it has none.
static std::optional<llvm::json::Object> fixOf(const DiagnosticMessage &Message,
                                               llvm::StringRef BuildDirectory,
                                               SourceFiles &Sources) {
  llvm::json::Array Changes;
  for (const auto &FileFix : Message.Fix) {
    std::string Path = absolutePath(FileFix.getKey(), BuildDirectory);
    llvm::json::Array Replacements;
    for (const clang::tooling::Replacement &R : FileFix.getValue()) {
      std::optional<Position> Begin = Sources.position(Path, R.getOffset());
      std::optional<Position> End =
          Sources.position(Path, R.getOffset() + R.getLength());
      if (!Begin || !End)
        return std::nullopt;
      Replacements.push_back(llvm::json::Object{
          {"deletedRegion", llvm::json::Object{{"startLine", Begin->Line},
                                               {"startColumn", Begin->Column},
                                               {"endLine", End->Line},
                                               {"endColumn", End->Column}}},
          {"insertedContent",
           llvm::json::Object{{"text", R.getReplacementText()}}}});
    }
    Changes.push_back(
        llvm::json::Object{{"artifactLocation", Sources.artifact(Path)},
                           {"replacements", std::move(Replacements)}});
  }
  if (Changes.empty())
    return std::nullopt;
  return llvm::json::Object{
      {"description", llvm::json::Object{{"text", Message.Message}}},
      {"artifactChanges", std::move(Changes)}};
}

llvm::Error writeSarif(llvm::StringRef File,
                       llvm::ArrayRef<Diagnostic> Diagnostics,
                       llvm::ArrayRef<UncheckedFile> Unchecked,
                       llvm::StringRef Root) {
  llvm::SmallString<256> RootPath(Root.empty() ? "." : Root);
  llvm::sys::fs::make_absolute(RootPath);
  llvm::sys::path::remove_dots(RootPath, /*remove_dot_dot=*/true);
  SourceFiles Sources(RootPath);

  // Every mapguard rule, then the other checks in the order they report.
  llvm::json::Array Rules;
  llvm::StringMap<unsigned> RuleIndex;
  auto AddRule = [&](llvm::StringRef Id) {
    auto [It, Inserted] = RuleIndex.try_emplace(Id, Rules.size());
    if (Inserted)
      Rules.push_back(rule(Id));
    return It->second;
  };
  for (const CheckDescription &Check : checkCatalog())
    AddRule(Check.Name);

  llvm::json::Array Results;
  llvm::json::Array Notifications;
  llvm::StringMap<unsigned> Occurrences;
  for (const Diagnostic &D : Diagnostics) {
    std::optional<llvm::json::Object> Location =
        physicalLocation(D.Message, D.BuildDirectory, Sources);
    if (!Location) {
      // A diagnostic about no place in the code (a compiler driver's
      // "unknown argument") is about the run, not a finding: GitHub code
      // scanning rejects a whole log for one result without a location.
      Notifications.push_back(llvm::json::Object{
          {"level", level(D.DiagLevel)},
          {"message", llvm::json::Object{{"text", D.Message.Message}}},
          {"associatedRule",
           llvm::json::Object{{"id", D.DiagnosticName},
                              {"index", AddRule(D.DiagnosticName)}}}});
      continue;
    }
    llvm::json::Object Result{
        {"ruleId", D.DiagnosticName},
        {"ruleIndex", AddRule(D.DiagnosticName)},
        {"level", level(D.DiagLevel)},
        {"message", llvm::json::Object{{"text", D.Message.Message}}}};
    {
      Result["locations"] = llvm::json::Array{
          llvm::json::Object{{"physicalLocation", std::move(*Location)}}};
      // What identifies a result across unrelated edits: the rule, the
      // file, the message and the text of the line, but not the line
      // number; identical ones are told apart by their order.
      std::string Path = absolutePath(D.Message.FilePath, D.BuildDirectory);
      std::string URI = Sources.artifact(Path).getString("uri")->str();
      llvm::MD5 Hash;
      for (llvm::StringRef Part :
           {llvm::StringRef(D.DiagnosticName), llvm::StringRef(URI),
            llvm::StringRef(D.Message.Message),
            Sources.lineText(Path, D.Message.FileOffset)}) {
        Hash.update(Part);
        Hash.update(llvm::StringRef("\0", 1));
      }
      llvm::MD5::MD5Result Digest;
      Hash.final(Digest);
      std::string Key(Digest.digest().str());
      unsigned Occurrence = ++Occurrences[Key];
      Result["partialFingerprints"] = llvm::json::Object{
          {"mapguard/v1", Key + ":" + std::to_string(Occurrence)}};
    }
    llvm::json::Array Related;
    for (const DiagnosticMessage &Note : D.Notes) {
      llvm::json::Object Entry{
          {"id", static_cast<int64_t>(Related.size())},
          {"message", llvm::json::Object{{"text", Note.Message}}}};
      if (std::optional<llvm::json::Object> NoteLocation =
              physicalLocation(Note, D.BuildDirectory, Sources))
        Entry["physicalLocation"] = std::move(*NoteLocation);
      Related.push_back(std::move(Entry));
    }
    if (!Related.empty())
      Result["relatedLocations"] = std::move(Related);
    // The fixes clang-tidy would apply: the warning's (--fix), or the one
    // note's that offers a fix (--fix-notes).
    llvm::json::Array Fixes;
    if (auto Fix = fixOf(D.Message, D.BuildDirectory, Sources))
      Fixes.push_back(std::move(*Fix));
    for (const DiagnosticMessage &Note : D.Notes)
      if (auto Fix = fixOf(Note, D.BuildDirectory, Sources))
        Fixes.push_back(std::move(*Fix));
    if (!Fixes.empty())
      Result["fixes"] = std::move(Fixes);
    Results.push_back(std::move(Result));
  }

  for (const UncheckedFile &File : Unchecked) {
    std::string Path = absolutePath(File.Path, ".");
    Notifications.push_back(llvm::json::Object{
        {"level", "error"},
        {"message",
         llvm::json::Object{
             {"text", "'" + File.Path +
                          (File.Partly ? "' was checked only as far as it "
                                         "compiles: "
                                       : "' could not be checked: ") +
                          File.Reason}}},
        {"locations", llvm::json::Array{llvm::json::Object{
                          {"physicalLocation",
                           llvm::json::Object{{"artifactLocation",
                                               Sources.artifact(Path)}}}}}}});
  }
  llvm::json::Object Invocation{{"executionSuccessful", Unchecked.empty()}};
  if (!Notifications.empty())
    Invocation["toolExecutionNotifications"] = std::move(Notifications);

  llvm::json::Object Driver{{"name", "mapguard"},
                            {"version", MAPGUARD_VERSION},
                            {"semanticVersion", MAPGUARD_VERSION},
                            {"informationUri", MAPGUARD_HOMEPAGE_URL},
                            {"rules", std::move(Rules)}};
  llvm::json::Object Run{
      {"tool", llvm::json::Object{{"driver", std::move(Driver)}}},
      {"originalUriBaseIds",
       llvm::json::Object{
           {"%SRCROOT%",
            llvm::json::Object{
                {"uri", "file://" + SourceFiles::encode(RootPath) + "/"}}}}},
      {"columnKind", "unicodeCodePoints"},
      {"invocations", llvm::json::Array{std::move(Invocation)}},
      {"results", std::move(Results)}};
  llvm::json::Value Log = llvm::json::Object{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", llvm::json::Array{std::move(Run)}}};

  std::error_code EC;
  llvm::raw_fd_ostream OS(File, EC, llvm::sys::fs::OF_Text);
  if (EC)
    return llvm::createStringError(EC, "cannot write the SARIF file '%s': %s",
                                   File.str().c_str(), EC.message().c_str());
  OS << llvm::formatv("{0:2}", Log) << "\n";
  return llvm::Error::success();
}

} // namespace mapguard
