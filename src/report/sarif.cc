// sarif: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
//
// One run; one rule per finding kind; one result per finding, located at its
// anchor claim (Index::Anchor), with every other claim of every side as a
// related location that the message links to.  Paths are relative to
// %SRCROOT% (the directory factlint ran in), columns count code points as
// Claim::column does, and the finding's fingerprint is the partial
// fingerprint, so that code scanning follows a finding across commits.
#include <cmath>
#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include "report/escape.h"
#include "report/formats.h"
#include "report/view.h"

namespace factlint::report {
namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kSchema = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr const char* kInformationUri = "https://github.com/factlint/factlint";
constexpr const char* kSrcRoot = "%SRCROOT%";

const char* LevelOf(Severity s) {
  switch (s) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kInfo: return "note";
  }
  return "error";
}

Json Message(const std::string& text) { return {{"text", Sentence(text)}}; }

// The rules: every known kind, so that rule indexes do not change with the
// findings of a run, then any kind a newer comparator made up.
std::vector<KindInfo> RulesFor(const CheckResult& result) {
  std::vector<KindInfo> rules = FindingKinds();
  for (const Finding& f : result.findings) {
    bool known = false;
    for (const KindInfo& r : rules) known = known || f.kind == r.id;
    if (!known) {
      KindInfo extra = KindOf(f.kind);
      extra.id = f.kind.c_str();
      rules.push_back(extra);
    }
  }
  return rules;
}

size_t RuleIndex(const std::vector<KindInfo>& rules, const std::string& kind) {
  for (size_t i = 0; i < rules.size(); ++i) {
    if (kind == rules[i].id) return i;
  }
  return 0;
}

Json RuleJson(const KindInfo& rule) {
  const std::string help_uri = std::string(kInformationUri) + "#" + rule.id;
  return {
      {"id", rule.id},
      {"name", rule.rule_name},
      {"shortDescription", Message(rule.title)},
      {"fullDescription", Message(rule.description)},
      {"helpUri", help_uri},
      {"help",
       {{"text", std::string(rule.description) + " " + rule.help},
        {"markdown",
         "**" + std::string(rule.title) + ".** " + rule.description + "\n\n" + rule.help}}},
      {"defaultConfiguration", {{"level", LevelOf(rule.default_severity)}}},
      {"properties", {{"tags", {"fact-check", "consistency"}}}},
  };
}

// Artifacts, one per file, in the order documents are listed.
class Artifacts {
 public:
  explicit Artifacts(const Index& index) {
    for (const DocumentInfo& doc : index.result().documents)
      Add(doc.path.empty() ? doc.id : doc.path, &doc);
    for (const Claim& claim : index.result().claims) Add(index.PathOf(claim), nullptr);
  }

  Json LocationOf(const std::string& path) const {
    const FileRef file = FileOf(path);
    Json location = {{"uri", Uri(file)}};
    if (!file.absolute) location["uriBaseId"] = kSrcRoot;
    location["index"] = IndexOf(file);
    return location;
  }

  const Json& json() const { return list_; }

 private:
  static std::string Uri(const FileRef& file) {
    return file.absolute ? "file://" + UriPath(file.path) : UriPath(file.path);
  }

  void Add(const std::string& path, const DocumentInfo* doc) {
    const FileRef file = FileOf(path);
    const std::string uri = Uri(file);
    for (size_t i = 0; i < uris_.size(); ++i) {
      if (uris_[i] == uri) return;
    }
    uris_.push_back(uri);
    Json artifact = {{"location", {{"uri", uri}}}};
    if (!file.absolute) artifact["location"]["uriBaseId"] = kSrcRoot;
    artifact["mimeType"] = file.text_positions ? "text/plain" : "application/json";
    artifact["encoding"] = "utf-8";
    if (doc != nullptr) {
      if (!doc->lang.empty()) artifact["properties"]["lang"] = doc->lang;
      if (!doc->date.empty()) artifact["properties"]["date"] = doc->date;
      artifact["properties"]["fromStore"] = doc->from_store;
    }
    list_.push_back(std::move(artifact));
  }

  size_t IndexOf(const FileRef& file) const {
    const std::string uri = Uri(file);
    for (size_t i = 0; i < uris_.size(); ++i) {
      if (uris_[i] == uri) return i;
    }
    return 0;
  }

  std::vector<std::string> uris_;
  Json list_ = Json::array();
};

// The region of a claim's evidence, as precise as its document allows: text
// files get line, column and bytes, with the evidence as snippet; a JSONL
// record its line.  Null when nothing in the file is known to be the claim
// (a JSON document, a stored claim kept without a line).
Json RegionOf(const Index& index, const Claim& claim) {
  const FileRef file = FileOf(index.PathOf(claim));
  if (file.record_line > 0) return {{"startLine", file.record_line}};
  if (!file.text_positions || claim.line == 0) return nullptr;
  const EndPosition end = EndOf(claim);
  return {
      {"startLine", claim.line},
      {"startColumn", claim.column},
      {"endLine", end.line},
      {"endColumn", end.column},
      {"byteOffset", claim.span.start},
      {"byteLength", claim.span.size()},
      {"snippet", {{"text", claim.text}}},
  };
}

// `fallback_line`: a result's own location needs a region, because GitHub
// code scanning requires a start line; related locations can do without.
Json PhysicalLocation(const Index& index, const Artifacts& artifacts, const Claim& claim,
                      bool fallback_line) {
  Json location = {{"artifactLocation", artifacts.LocationOf(index.PathOf(claim))}};
  Json region = RegionOf(index, claim);
  if (region.is_null() && fallback_line) region = {{"startLine", 1}};
  if (!region.is_null()) location["region"] = std::move(region);
  return location;
}

// SARIF embedded links are "[text](id)"; brackets in the text are escaped.
std::string LinkText(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '[' || c == ']' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// A result's message and related locations: the finding's sentence, then
// each side with a link ("[doc:line](id)") to every claim but the anchor,
// which is the result's own location.
struct Described {
  std::string message;
  Json related = Json::array();
};

Described Describe(const Index& index, const Artifacts& artifacts, const Finding& f,
                   const Claim* anchor) {
  Described out{Sentence(f.message)};
  for (size_t i = 0; i < f.sides.size(); ++i) {
    const Side& side = f.sides[i];
    std::string claims;
    for (const Claim* claim : index.ClaimsOf(side)) {
      if (!claims.empty()) claims += ", ";
      if (claim == anchor) {
        claims += LinkText(DocLine(*claim));
        continue;
      }
      const size_t id = out.related.size() + 1;
      std::string note =
          fmt::format("{}: «{}» in {}", OneLine(side.value), OneLine(claim->text), claim->doc);
      if (index.FromStore(*claim)) note += " (from the claim store)";
      out.related.push_back(
          {{"id", id},
           {"physicalLocation", PhysicalLocation(index, artifacts, *claim, false)},
           {"message", Message(note)}});
      claims += fmt::format("[{}]({})", LinkText(DocLine(*claim)), id);
    }
    out.message += fmt::format(" Side {}, {}: {}.", i + 1, LinkText(OneLine(side.value)),
                               claims.empty() ? kNoQuote : claims);
  }
  return out;
}

Json ResultJson(const Index& index, const Artifacts& artifacts, const std::vector<KindInfo>& rules,
                const Finding& f) {
  const Claim* anchor = index.Anchor(f);
  Described described = Describe(index, artifacts, f, anchor);
  Json result = {
      {"ruleId", f.kind},
      {"ruleIndex", RuleIndex(rules, f.kind)},
      {"level", LevelOf(f.severity)},
      {"message", {{"text", described.message}}},
  };
  if (anchor != nullptr) {
    Json location = {{"physicalLocation", PhysicalLocation(index, artifacts, *anchor, true)}};
    result["locations"] = Json::array({std::move(location)});
  }
  if (!described.related.empty()) result["relatedLocations"] = std::move(described.related);
  // SARIF's rank is 0..100: how likely the result is a true disagreement.
  result["rank"] = std::round(f.confidence * 1000) / 10;
  result["properties"]["confidence"] = f.confidence;
  result["properties"]["confidenceReasons"] = f.confidence_reasons;
  if (!f.incident.empty()) result["properties"]["incident"] = f.incident;
  if (!f.fingerprint.empty()) {
    result["partialFingerprints"] = {{"factlintFinding/v1", f.fingerprint}};
  }
  if (f.baselined) {
    const std::string reason =
        f.baseline_reason.empty() ? "Accepted in the baseline." : f.baseline_reason;
    result["suppressions"] = Json::array({{{"kind", "external"}, {"justification", reason}}});
  }
  result["properties"] = {
      {"findingId", f.id}, {"subject", f.subject}, {"subjectKey", f.subject_key}};
  return result;
}

// Inputs that could not be read: the run went on, but says so.
Json InvocationJson(const CheckResult& result) {
  Json invocation = {{"executionSuccessful", true}};
  if (!result.input_errors.empty()) {
    Json notes = Json::array();
    for (const std::string& error : result.input_errors) {
      notes.push_back({{"level", "error"}, {"message", Message(error)}});
    }
    invocation["toolExecutionNotifications"] = std::move(notes);
  }
  return invocation;
}

}  // namespace

std::string RenderSarif(const CheckResult& result, const ReportOptions& options) {
  const Index index(result);
  const Artifacts artifacts(index);
  const std::vector<KindInfo> rules = RulesFor(result);

  Json driver = {
      {"name", "factlint"},
      {"version", options.version},
      {"semanticVersion", options.version},
      {"informationUri", kInformationUri},
  };
  Json& rules_json = driver["rules"] = Json::array();
  for (const KindInfo& rule : rules) rules_json.push_back(RuleJson(rule));

  Json results = Json::array();
  for (const Finding& f : result.findings)
    results.push_back(ResultJson(index, artifacts, rules, f));

  Json run = {
      {"tool", {{"driver", std::move(driver)}}},
      {"invocations", Json::array({InvocationJson(result)})},
      {"originalUriBaseIds",
       {{kSrcRoot, {{"description", Message("The directory factlint was run in")}}}}},
      {"artifacts", artifacts.json()},
      {"results", std::move(results)},
      {"columnKind", "unicodeCodePoints"},
  };
  Json log = {{"$schema", kSchema}, {"version", "2.1.0"}, {"runs", Json::array({std::move(run)})}};
  return log.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace factlint::report
