// Every report writer on the findings of two arbitrary documents with
// arbitrary ids.  Properties: output is valid UTF-8; json and sarif parse
// as JSON; text and github carry no escape or bidi-override character.
#include <nlohmann/json.hpp>

#include "factlint/report.h"
#define FACTLINT_FUZZ_SHARED_ENGINE
#include "fuzz_support.h"

namespace {

factlint::Document MakeDocument(std::string id, std::string text) {
  factlint::Document doc;
  doc.id = std::move(id);
  doc.path = doc.id + ".txt";
  doc.bytes = std::move(text);
  doc.body = factlint::Span{0, static_cast<uint32_t>(doc.bytes.size())};
  doc.lines = factlint::LineIndex(doc.bytes);
  doc.meta.date = "2024-03-05";
  return doc;
}

bool HasTerminalControl(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == 0x1B || c == 0x07 || c == 0x00 || c == 0x7F) return true;
    if (text.substr(i, 3) == "\u202E" || text.substr(i, 3) == "\u2066") return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace factlint;
  const std::string input(reinterpret_cast<const char*>(data), size);
  if (!fuzz::IsUtf8(input)) return 0;
  // "id|text one|text two": ids and texts as the fuzzer wrote them.
  const size_t bar1 = input.find('|');
  const size_t bar2 = bar1 == std::string::npos ? std::string::npos : input.find('|', bar1 + 1);
  if (bar2 == std::string::npos) return 0;
  const std::string id = input.substr(0, bar1);
  std::vector<Document> docs = {MakeDocument(id + "1", input.substr(bar1 + 1, bar2 - bar1 - 1)),
                                MakeDocument(id + "2", input.substr(bar2 + 1))};
  CheckResult result = fuzz::SharedEngine().Check(docs);
  result.input_errors.push_back(id + ": bad input");
  ReportOptions options;
  options.version = "fuzz";
  for (ReportFormat format : {ReportFormat::kText, ReportFormat::kJson, ReportFormat::kMarkdown, ReportFormat::kHtml,
                              ReportFormat::kSarif, ReportFormat::kGithub}) {
    const std::string out = RenderReport(result, format, options);
    fuzz::Require(fuzz::IsUtf8(out), "reports are UTF-8");
    if (format == ReportFormat::kJson || format == ReportFormat::kSarif) {
      fuzz::Require(nlohmann::json::accept(out), "json and sarif reports are JSON");
    }
    if (format == ReportFormat::kText || format == ReportFormat::kGithub) {
      fuzz::Require(!HasTerminalControl(out), "text and github reports carry no terminal controls");
    }
  }
  return 0;
}
