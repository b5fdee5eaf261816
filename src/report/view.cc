#include "report/view.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace factlint::report {

Index::Index(const CheckResult& result) : result_(result) {
  // emplace keeps the first of two claims or documents with one id, as the
  // order of the result is the order a person reads.
  for (size_t i = 0; i < result.claims.size(); ++i) claims_.emplace(result.claims[i].id, i);
  for (size_t i = 0; i < result.documents.size(); ++i)
    documents_.emplace(result.documents[i].id, i);
}

const Claim* Index::claim(std::string_view id) const {
  auto it = claims_.find(id);
  return it == claims_.end() ? nullptr : &result_.claims[it->second];
}

const DocumentInfo* Index::document(std::string_view id) const {
  auto it = documents_.find(id);
  return it == documents_.end() ? nullptr : &result_.documents[it->second];
}

std::string Index::PathOf(const Claim& claim) const {
  const DocumentInfo* doc = document(claim.doc);
  return doc != nullptr && !doc->path.empty() ? doc->path : claim.doc;
}

bool Index::FromStore(const Claim& claim) const {
  const DocumentInfo* doc = document(claim.doc);
  return doc != nullptr && doc->from_store;
}

std::vector<const Claim*> Index::ClaimsOf(const Side& side) const {
  std::vector<const Claim*> out;
  for (const std::string& id : side.claims) {
    if (const Claim* c = claim(id)) out.push_back(c);
  }
  return out;
}

const Claim* Index::Anchor(const Finding& finding) const {
  const Claim* first = nullptr;
  for (const Side& side : finding.sides) {
    for (const Claim* c : ClaimsOf(side)) {
      if (c->line > 0) return c;
      if (first == nullptr) first = c;
    }
  }
  return first;
}

const std::vector<KindInfo>& FindingKinds() {
  static const std::vector<KindInfo> kinds = {
      {"quantity", "ConflictingFigures", "Conflicting figures",
       "Documents give figures for the same count or measure that cannot all be true.",
       "Check each figure against its source. When the documents count different periods, "
       "places or groups, say so in the text so that the figures no longer read as one count.",
       Severity::kError},
      {"officeholder", "ConflictingOfficeholders", "Conflicting officeholders",
       "Documents name different people as holding the same office.",
       "Check who held the office on each document's date. An older article naming the holder "
       "of its day is not wrong, but a current one naming a former holder is.",
       Severity::kWarning},
      {"date", "ConflictingDates", "Conflicting dates",
       "Documents give different dates for the same event.",
       "Check the date of the event against its source, and resolve relative dates such as "
       "\"yesterday\" against the publication date.",
       Severity::kError},
      {"duration", "ConflictingDurations", "Conflicting durations",
       "Documents, or parts of one document, give different lengths for the same period.",
       "Check how long the period has lasted on the document's date and use one figure "
       "throughout.",
       Severity::kWarning},
      {"name", "InconsistentNames", "Inconsistent names",
       "A name is spelled in a way that matches neither the other documents nor the knowledge "
       "base.",
       "Check the spelling of the name against a reliable source and use it in every document.",
       Severity::kWarning},
  };
  return kinds;
}

KindInfo KindOf(std::string_view kind) {
  for (const KindInfo& info : FindingKinds()) {
    if (kind == info.id) return info;
  }
  return {"",
          "Disagreement",
          "Disagreements",
          "Documents disagree.",
          "Check each side against its source.",
          Severity::kWarning};
}

namespace {

size_t KindRank(std::string_view kind) {
  const auto& kinds = FindingKinds();
  for (size_t i = 0; i < kinds.size(); ++i) {
    if (kind == kinds[i].id) return i;
  }
  return kinds.size();
}

}  // namespace

Summary Summarize(const CheckResult& result, Severity fail_on) {
  Summary s;
  s.fail_on = fail_on;
  s.documents = result.documents.size();
  s.stored_documents = std::count_if(result.documents.begin(), result.documents.end(),
                                     [](const DocumentInfo& d) { return d.from_store; });
  s.claims = result.claims.size();
  s.findings = result.findings.size();
  s.input_errors = result.input_errors.size();
  for (const Finding& f : result.findings) {
    const size_t severity = static_cast<size_t>(f.severity);
    ++s.by_severity[severity];
    if (f.baselined) ++s.baselined;
    if (!f.baselined && f.severity >= fail_on) ++s.failing;
    auto row = std::find_if(s.by_kind.begin(), s.by_kind.end(),
                            [&](const Summary::KindRow& r) { return r.kind == f.kind; });
    if (row == s.by_kind.end()) row = s.by_kind.insert(s.by_kind.end(), {f.kind, {}, 0});
    ++row->by_severity[severity];
    ++row->total;
  }
  // Stable: unknown kinds keep their order of appearance.
  std::stable_sort(s.by_kind.begin(), s.by_kind.end(), [](const auto& a, const auto& b) {
    return KindRank(a.kind) < KindRank(b.kind);
  });
  return s;
}

std::string Count(size_t n, std::string_view singular, std::string_view plural) {
  return std::to_string(n) + " " + std::string(n == 1 ? singular : plural);
}

std::string SummaryLine(const Summary& s) {
  const auto& sev = s.by_severity;
  std::string line = Count(s.findings, "finding", "findings") + " (" +
                     Count(CountOf(sev, Severity::kError), "error", "errors") + ", " +
                     Count(CountOf(sev, Severity::kWarning), "warning", "warnings") + ", " +
                     std::to_string(CountOf(sev, Severity::kInfo)) + " info) in " +
                     Count(s.documents, "document", "documents") + ", " +
                     Count(s.claims, "claim", "claims");
  if (s.baselined > 0) line += "; " + std::to_string(s.baselined) + " baselined";
  if (s.input_errors > 0) line += "; " + Count(s.input_errors, "input error", "input errors");
  return line;
}

std::string Capitalized(std::string_view text) {
  std::string out(text);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z')
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

std::string DocLine(const Claim& claim) {
  std::string out = claim.doc;
  if (claim.line > 0) {
    out += ':';
    out += std::to_string(claim.line);
  }
  return out;
}

std::vector<DocumentClaims> ClaimsByDocument(const CheckResult& result) {
  std::vector<DocumentClaims> out;
  std::unordered_map<std::string_view, size_t> slot;
  for (const DocumentInfo& doc : result.documents) {
    if (slot.emplace(doc.id, out.size()).second) out.push_back({&doc, doc.id, {}});
  }
  for (const Claim& claim : result.claims) {
    auto [it, added] = slot.emplace(claim.doc, out.size());
    if (added) out.push_back({nullptr, claim.doc, {}});
    out[it->second].claims.push_back(&claim);
  }
  return out;
}

std::unordered_map<std::string_view, std::vector<std::string_view>> FindingsByClaim(
    const CheckResult& result) {
  std::unordered_map<std::string_view, std::vector<std::string_view>> out;
  for (const Finding& f : result.findings) {
    for (const Side& side : f.sides) {
      for (const std::string& id : side.claims) {
        auto& ids = out[id];
        if (ids.empty() || ids.back() != f.id) ids.push_back(f.id);
      }
    }
  }
  return out;
}

Highlight HighlightOf(const Claim& claim) {
  const std::string_view sentence = claim.sentence_text;
  const std::string_view text = claim.text;
  if (text.empty()) return {sentence, {}, {}};
  // The span is exact when the claim and its sentence come from the same
  // bytes; find() covers claims whose offsets went stale (an edited store).
  size_t at = std::string_view::npos;
  if (claim.span.start >= claim.sentence.start) {
    const size_t offset = claim.span.start - claim.sentence.start;
    if (offset <= sentence.size() && sentence.substr(offset, text.size()) == text) at = offset;
  }
  if (at == std::string_view::npos) at = sentence.find(text);
  if (at == std::string_view::npos) return {{}, text, {}};
  return {sentence.substr(0, at), sentence.substr(at, text.size()),
          sentence.substr(at + text.size())};
}

size_t CodePoints(std::string_view text) {
  return std::count_if(text.begin(), text.end(),
                       [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}

EndPosition EndOf(const Claim& claim) {
  const std::string_view text = claim.text;
  const size_t newline = text.rfind('\n');
  if (newline == std::string_view::npos) {
    return {claim.line, claim.column + static_cast<uint32_t>(CodePoints(text))};
  }
  const auto lines = static_cast<uint32_t>(std::count(text.begin(), text.end(), '\n'));
  return {claim.line + lines, 1 + static_cast<uint32_t>(CodePoints(text.substr(newline + 1)))};
}

std::string OneLine(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string Sentence(std::string_view text) {
  std::string out = OneLine(text);
  if (!out.empty() && out.back() != '.') out += '.';
  return out;
}

FileRef FileOf(std::string_view path) {
  namespace fs = std::filesystem;
  FileRef ref;
  std::string p(path);
  std::replace(p.begin(), p.end(), '\\', '/');
  // "docs.jsonl:3": the loader names a JSONL record by its line.
  const size_t colon = p.rfind(':');
  if (colon != std::string::npos && colon + 1 < p.size() && p.size() - colon <= 10 &&
      std::string_view(p).substr(0, colon).ends_with(".jsonl") &&
      std::all_of(p.begin() + colon + 1, p.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    ref.record_line = static_cast<uint32_t>(std::stoul(p.substr(colon + 1)));
    p.resize(colon);
  }
  // A JSON document's spans index its decoded "text" field, not the file.
  const std::string_view name(p);
  ref.text_positions = !name.ends_with(".json") && !name.ends_with(".jsonl");

  fs::path file(p);
  if (file.is_absolute()) {
    std::error_code ec;
    const fs::path cwd = fs::current_path(ec);
    const fs::path relative = ec ? fs::path() : file.lexically_relative(cwd);
    if (relative.empty() || *relative.begin() == "..") {
      ref.absolute = true;
      ref.path = file.lexically_normal().generic_string();
      return ref;
    }
    file = relative;
  }
  ref.path = file.lexically_normal().generic_string();
  return ref;
}

}  // namespace factlint::report
