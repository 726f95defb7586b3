//===--- DocumentationLinks.cpp - mapguard's pages in LSP diagnostics -----===//

#include "tool/clangd/DocumentationLinks.h"
#include "checks/CheckCatalog.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <string>
#include <thread>
#include <unistd.h>

using namespace llvm;

namespace mapguard {

/// Gives each diagnostic object under \p V that carries one of mapguard's
/// check names as its code the link to that check's page. Diagnostics sit
/// in publishDiagnostics' params and, echoed, in code actions.
static bool relink(json::Value &V) {
  bool Changed = false;
  if (json::Array *A = V.getAsArray()) {
    for (json::Value &E : *A)
      Changed |= relink(E);
    return Changed;
  }
  json::Object *O = V.getAsObject();
  if (!O)
    return false;
  std::optional<StringRef> Code = O->getString("code");
  const CheckDescription *Check = Code ? describeCheck(*Code) : nullptr;
  if (Check &&
      O->getString("source") == std::optional<StringRef>("clang-tidy")) {
    (*O)["codeDescription"] =
        json::Object{{"href", (MAPGUARD_DOCS_URL "/" + Check->DocPage).str()}};
    Changed = true;
  }
  for (auto &Member : *O)
    Changed |= relink(Member.second);
  return Changed;
}

std::string rewriteLSPMessage(StringRef Body) {
  // Most messages (completions, hovers, other diagnostics) name no check of
  // ours: they pass without being parsed.
  if (!Body.contains("mapguard-"))
    return Body.str();
  Expected<json::Value> Message = json::parse(Body);
  if (!Message) {
    consumeError(Message.takeError());
    return Body.str();
  }
  if (!relink(*Message))
    return Body.str();
  std::string Out;
  raw_string_ostream OS(Out);
  OS << *Message;
  OS.flush();
  return Out;
}

namespace {

/// Writes all of \p Data to \p FD.
void writeAll(int FD, StringRef Data) {
  while (!Data.empty()) {
    ssize_t N = ::write(FD, Data.data(), Data.size());
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return;
    Data = Data.drop_front(N);
  }
}

constexpr StringRef Header = "Content-Length:";

/// Copies what arrives on \p In to \p Out, LSP message by LSP message, and
/// the rest line by line.
class Forwarder {
public:
  Forwarder(int In, int Out) : In(In), Out(Out) {}

  void run() {
    char Chunk[65536];
    for (;;) {
      ssize_t N = ::read(In, Chunk, sizeof(Chunk));
      if (N < 0 && errno == EINTR)
        continue;
      if (N <= 0)
        break;
      Pending.append(Chunk, N);
      drain(/*AtEnd=*/false);
    }
    drain(/*AtEnd=*/true);
    writeAll(Out, Pending);
    ::close(In);
  }

private:
  /// Forwards every complete piece of Pending.
  void drain(bool AtEnd) {
    StringRef Rest = Pending;
    while (!Rest.empty()) {
      if (Rest.starts_with_insensitive(Header)) {
        size_t End = Rest.find("\r\n\r\n");
        if (End == StringRef::npos)
          break;
        StringRef Length = Rest.substr(Header.size(), End - Header.size());
        Length = Length.take_until([](char C) { return C == '\r'; }).trim();
        size_t Size;
        if (Length.getAsInteger(10, Size)) {
          // Not a header clangd writes: pass the line on unchanged.
          Rest = forwardLine(Rest);
          continue;
        }
        if (Rest.size() < End + 4 + Size)
          break;
        std::string Body = rewriteLSPMessage(Rest.substr(End + 4, Size));
        std::string Message =
            (Header + " " + Twine(Body.size()) + "\r\n\r\n").str();
        Message += Body;
        writeAll(Out, Message);
        Rest = Rest.drop_front(End + 4 + Size);
        continue;
      }
      // Text that may yet become a header waits for more of it.
      if (!AtEnd && Header.starts_with_insensitive(Rest))
        break;
      if (!AtEnd && !Rest.contains('\n'))
        break;
      Rest = forwardLine(Rest);
    }
    Pending.erase(0, Pending.size() - Rest.size());
  }

  StringRef forwardLine(StringRef Rest) {
    size_t End = Rest.find('\n');
    End = End == StringRef::npos ? Rest.size() : End + 1;
    writeAll(Out, Rest.take_front(End));
    return Rest.drop_front(End);
  }

  int In, Out;
  std::string Pending;
};

int RealStdout = -1;
std::thread *ForwardingThread = nullptr;

/// At exit, after clangd's last write: ends the pipe and waits until what is
/// in it has reached the real standard output.
void finishForwarding() {
  outs().flush();
  std::fflush(stdout);
  // Putting the real output back on descriptor 1 closes the pipe's only
  // writing end: the forwarder sees its end and stops.
  ::dup2(RealStdout, STDOUT_FILENO);
  ForwardingThread->join();
}

} // namespace

void rewriteDocumentationLinksOnStdout() {
  // Neither the real output nor the pipe's reading end may reach a program
  // clangd starts (a compiler it queries): a child keeping the pipe open
  // would keep the forwarder waiting at exit.
  int Pipe[2];
  int Real = ::fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 0);
  if (Real < 0)
    return;
  if (::pipe2(Pipe, O_CLOEXEC) != 0) {
    ::close(Real);
    return;
  }
  if (::dup2(Pipe[1], STDOUT_FILENO) < 0) {
    ::close(Pipe[0]);
    ::close(Pipe[1]);
    ::close(Real);
    return;
  }
  ::close(Pipe[1]);
  RealStdout = Real;
  static Forwarder F(Pipe[0], Real);
  ForwardingThread = new std::thread([] { F.run(); });
  std::atexit(finishForwarding);
}

} // namespace mapguard
