//===--- SarifMerge.cpp - One SARIF log from several ----------------------===//

#include "tool/SarifMerge.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"
#include <optional>

namespace mapguard {

static llvm::Error malformed(llvm::StringRef File, llvm::StringRef What) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "'%s' is not a SARIF log: %s", File.data(),
                                 What.data());
}

/// What makes two results one: rule, message, and where.
static std::string resultKey(const llvm::json::Object &Result) {
  std::string Key;
  llvm::raw_string_ostream OS(Key);
  if (auto Rule = Result.getString("ruleId"))
    OS << *Rule;
  OS << '\x1f';
  if (const llvm::json::Object *Message = Result.getObject("message"))
    if (auto Text = Message->getString("text"))
      OS << *Text;
  if (const llvm::json::Array *Locations = Result.getArray("locations"))
    for (const llvm::json::Value &L : *Locations)
      OS << '\x1f' << L;
  return OS.str();
}

llvm::Error mergeSarif(llvm::StringRef Output,
                       llvm::ArrayRef<std::string> Inputs) {
  if (Inputs.empty())
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "no SARIF logs to merge");
  llvm::json::Object Merged;
  llvm::json::Object Run;
  llvm::json::Array Rules, Results, Notifications;
  llvm::StringMap<unsigned> RuleIndex;
  llvm::StringSet<> SeenResults, SeenNotifications;
  bool Successful = true;
  for (const std::string &File : Inputs) {
    auto Buffer = llvm::MemoryBuffer::getFile(File);
    if (!Buffer)
      return llvm::createStringError(Buffer.getError(), "cannot read '%s'",
                                     File.c_str());
    llvm::Expected<llvm::json::Value> Log =
        llvm::json::parse((*Buffer)->getBuffer());
    if (!Log)
      return malformed(File, llvm::toString(Log.takeError()));
    llvm::json::Object *Root = Log->getAsObject();
    llvm::json::Array *Runs = Root ? Root->getArray("runs") : nullptr;
    llvm::json::Object *First =
        Runs && !Runs->empty() ? (*Runs)[0].getAsObject() : nullptr;
    if (!First)
      return malformed(File, "no run");
    if (Merged.empty()) {
      for (llvm::StringRef Key : {"$schema", "version"})
        if (const llvm::json::Value *V = Root->get(Key))
          Merged[Key] = *V;
      for (llvm::StringRef Key : {"tool", "columnKind", "originalUriBaseIds"})
        if (const llvm::json::Value *V = First->get(Key))
          Run[Key] = *V;
    }
    // The rules, by id, and the results' indexes into them.
    std::vector<unsigned> NewIndex;
    if (llvm::json::Object *Tool = First->getObject("tool"))
      if (llvm::json::Object *Driver = Tool->getObject("driver"))
        if (llvm::json::Array *Its = Driver->getArray("rules"))
          for (llvm::json::Value &Rule : *Its) {
            const llvm::json::Object *R = Rule.getAsObject();
            auto Id = R ? R->getString("id") : decltype(R->getString("id"))();
            if (!Id)
              return malformed(File, "a rule without an id");
            auto [It, Inserted] = RuleIndex.try_emplace(*Id, Rules.size());
            if (Inserted)
              Rules.push_back(Rule);
            NewIndex.push_back(It->second);
          }
    if (llvm::json::Array *Its = First->getArray("results"))
      for (llvm::json::Value &Value : *Its) {
        llvm::json::Object *Result = Value.getAsObject();
        if (!Result)
          return malformed(File, "a result that is not an object");
        if (auto Index = Result->getInteger("ruleIndex")) {
          if (*Index < 0 || static_cast<size_t>(*Index) >= NewIndex.size())
            return malformed(File, "a result whose rule index has no rule");
          (*Result)["ruleIndex"] = static_cast<int64_t>(NewIndex[*Index]);
        }
        if (SeenResults.insert(resultKey(*Result)).second)
          Results.push_back(std::move(Value));
      }
    if (llvm::json::Array *Invocations = First->getArray("invocations"))
      for (llvm::json::Value &Value : *Invocations) {
        llvm::json::Object *Invocation = Value.getAsObject();
        if (!Invocation)
          continue;
        if (auto Ok = Invocation->getBoolean("executionSuccessful"))
          Successful &= *Ok;
        if (llvm::json::Array *Its =
                Invocation->getArray("toolExecutionNotifications"))
          for (llvm::json::Value &N : *Its) {
            std::string Key;
            llvm::raw_string_ostream(Key) << N;
            if (SeenNotifications.insert(Key).second)
              Notifications.push_back(std::move(N));
          }
      }
  }
  if (llvm::json::Object *Tool = Run.getObject("tool"))
    if (llvm::json::Object *Driver = Tool->getObject("driver"))
      (*Driver)["rules"] = std::move(Rules);
  llvm::json::Object Invocation{{"executionSuccessful", Successful}};
  if (!Notifications.empty())
    Invocation["toolExecutionNotifications"] = std::move(Notifications);
  Run["invocations"] = llvm::json::Array{std::move(Invocation)};
  Run["results"] = std::move(Results);
  Merged["runs"] = llvm::json::Array{std::move(Run)};

  std::error_code EC;
  llvm::raw_fd_ostream OS(Output, EC, llvm::sys::fs::OF_Text);
  if (EC)
    return llvm::createStringError(EC, "cannot write '%s'", Output.data());
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Merged))) << "\n";
  return llvm::Error::success();
}

} // namespace mapguard
