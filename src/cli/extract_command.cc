// factlint extract: claims (and, with --mentions, raw mentions) as JSON Lines;
// --sentences prints the segmentation instead.
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/options.h"
#include "factlint/claim.h"
#include "factlint/mention.h"
#include "factlint/segment.h"

namespace factlint::cli {
namespace {

struct ExtractOptions {
  CommonOptions common;
  bool mentions = false;
  bool sentences = false;
};

nlohmann::json Position(const Document& doc, Span span) {
  const auto pos = doc.PositionOf(span.start);
  return {{"doc", doc.id}, {"span", {{"start", span.start}, {"end", span.end}}}, {"line", pos.line}, {"column", pos.column}};
}

void PrintSentences(const Document& doc) {
  for (const Sentence& s : SplitSentences(doc)) {
    nlohmann::json j = Position(doc, s.span);
    j["kind"] = "sentence";
    j["paragraph"] = s.paragraph;
    j["lang"] = s.lang;
    j["text"] = std::string(doc.Text(s.span));
    std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }
}

void PrintMention(const Document& doc, const Mention& m) {
  nlohmann::json j = Position(doc, m.span);
  j["kind"] = m.kind;
  j["family"] = m.family;
  j["rule"] = m.rule;
  j["value"] = m.value;
  j["text"] = m.text;
  if (m.kind == "number" || m.kind == "duration") {
    j["low"] = m.range.low;
    j["high"] = std::isinf(m.range.high) ? nlohmann::json(nullptr) : nlohmann::json(m.range.high);
  }
  if (m.kind == "name") j["person_key"] = m.value;
  if (!m.precision.empty()) j["precision"] = m.precision;
  if (!m.relation.empty()) j["relation"] = m.relation;
  std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

int Run(const ExtractOptions& o) {
  size_t rejected = 0;
  std::vector<Document> docs = LoadInputs(o.common, &rejected);
  if (o.sentences) {
    for (const Document& d : docs) PrintSentences(d);
    return rejected ? kExitBadInput : kExitClean;
  }
  std::unique_ptr<Engine> engine = MakeEngine(o.common);
  if (!engine) return kExitBadInput;
  for (const Document& d : docs) {
    std::vector<Mention> mentions;
    for (const Claim& c : engine->Extract(d, o.mentions ? &mentions : nullptr)) {
      std::cout << ClaimToJson(c).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    }
    for (const Mention& m : mentions) PrintMention(d, m);
  }
  return rejected ? kExitBadInput : kExitClean;
}

}  // namespace

void AddExtractCommand(CLI::App* app, int* exit_code) {
  auto options = std::make_shared<ExtractOptions>();
  CLI::App* cmd = app->add_subcommand("extract", "Print the claims of each document as JSON Lines");
  AddCommonOptions(cmd, &options->common);
  cmd->add_flag("--mentions", options->mentions,
                "Also print the raw mentions the rules found: numbers, times, names, offices, words");
  cmd->add_flag("--sentences", options->sentences, "Print sentences (span, line, column, language) instead of claims");
  cmd->callback([cmd, options, exit_code] {
    ProjectConfig config;
    if (Status s = Configure(*cmd, &options->common, &config); !s.ok()) {
      ReportError(s);
      *exit_code = kExitBadInput;
      return;
    }
    *exit_code = Run(*options);
  });
}

}  // namespace factlint::cli
