// What every report format shows, computed once: claims and documents by id,
// counts for the summary, where a finding is, and a claim cut out of its
// sentence.  The formats only lay these out, so that a count or a location
// can never differ between the text, Markdown, HTML and SARIF of one run.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "factlint/check.h"
#include "factlint/claim.h"
#include "factlint/finding.h"

namespace factlint::report {

// Lookups into a CheckResult, which must outlive the Index.
class Index {
 public:
  explicit Index(const CheckResult& result);

  const CheckResult& result() const { return result_; }
  const Claim* claim(std::string_view id) const;
  const DocumentInfo* document(std::string_view id) const;

  // The path a person knows the claim's document by (its id when the path
  // is unknown).
  std::string PathOf(const Claim& claim) const;
  bool FromStore(const Claim& claim) const;

  // The claims of one side that exist in the result, in side order.  A side
  // may name a claim that is missing (a stale store entry): it is skipped
  // rather than shown as an empty quote.
  std::vector<const Claim*> ClaimsOf(const Side& side) const;

  // Where a finding is reported: the first claim of the first side when it
  // has a line, else the first claim of any side that has one (stored claims
  // may have none), else the first claim at all; nullptr for a finding
  // without claims.
  const Claim* Anchor(const Finding& finding) const;

 private:
  const CheckResult& result_;
  std::unordered_map<std::string_view, size_t> claims_;
  std::unordered_map<std::string_view, size_t> documents_;
};

// The finding kinds a comparator produces, in the order reports list them.
struct KindInfo {
  const char* id;           // "quantity"
  const char* rule_name;    // "ConflictingQuantity" (SARIF rule name)
  const char* title;        // "Conflicting figures"
  const char* description;  // one sentence, ends with a period
  const char* help;         // what to do about it, ends with a period
  Severity default_severity;
};
const std::vector<KindInfo>& FindingKinds();
// The KindInfo of `kind`; an unknown kind gets a generic description.
KindInfo KindOf(std::string_view kind);

// Counts for the summary line and tables.
struct Summary {
  size_t documents = 0;
  size_t stored_documents = 0;  // documents that came from the claim store
  size_t claims = 0;
  size_t findings = 0;
  size_t baselined = 0;
  size_t input_errors = 0;
  Severity fail_on = Severity::kError;
  size_t failing = 0;                   // not baselined, at or above fail_on: these fail the run
  std::array<size_t, 3> by_severity{};  // indexed by Severity
  // One row per kind that has findings, in FindingKinds() order (unknown
  // kinds last, in order of appearance).
  struct KindRow {
    std::string kind;
    std::array<size_t, 3> by_severity{};
    size_t total = 0;
  };
  std::vector<KindRow> by_kind;
};
Summary Summarize(const CheckResult& result, Severity fail_on = Severity::kError);

inline size_t CountOf(const std::array<size_t, 3>& by_severity, Severity s) {
  return by_severity[static_cast<size_t>(s)];
}

// "3 findings (2 errors, 1 warning, 0 info) in 5 documents, 40 claims",
// then "; 1 baselined" and "; 2 input errors" when there are any.
std::string SummaryLine(const Summary& summary);

// "1 finding", "2 findings".
std::string Count(size_t n, std::string_view singular, std::string_view plural);

// What a side without claims shows (a side from the knowledge base).
inline constexpr const char* kNoQuote = "no quote in the documents";

// "No quote in the documents" from "no quote in the documents" (ASCII).
std::string Capitalized(std::string_view text);

// "001_x.txt:10", or "001_x.txt" for a claim without a line: how the
// evidence lines of every format name a claim's place.
std::string DocLine(const Claim& claim);

// The claims of one document, for the per-document appendix.
struct DocumentClaims {
  const DocumentInfo* document;  // nullptr for claims of an unlisted document
  std::string doc_id;
  std::vector<const Claim*> claims;
};
// In result.documents order; claims of documents not listed there come last.
std::vector<DocumentClaims> ClaimsByDocument(const CheckResult& result);

// The findings each claim takes part in: claim id -> finding ids, in report
// order, so that the appendix can point back at findings.
std::unordered_map<std::string_view, std::vector<std::string_view>> FindingsByClaim(
    const CheckResult& result);

// A claim's sentence cut in three around the claim's own words.
struct Highlight {
  std::string_view before;
  std::string_view claim;
  std::string_view after;
};
Highlight HighlightOf(const Claim& claim);

// The end of a claim's evidence: line and code-point column just past its
// last character (SARIF's exclusive endColumn).
struct EndPosition {
  uint32_t line;
  uint32_t column;
};
EndPosition EndOf(const Claim& claim);

// Where a document lives, as code scanning and workflow annotations want it.
struct FileRef {
  std::string path;       // forward slashes, no "./"; relative unless `absolute`
  bool absolute = false;  // outside the working directory
  // Claims' lines, columns and bytes are positions in this file (.txt, .md),
  // not in a JSON string the file holds.
  bool text_positions = true;
  uint32_t record_line = 0;  // the line of a JSONL record ("a.jsonl:3"), else 0
};
FileRef FileOf(std::string_view path);

// Number of code points in UTF-8 text.
size_t CodePoints(std::string_view text);

// White space runs (new lines included) as one space, trimmed: for table
// cells and one-line messages.
std::string OneLine(std::string_view text);

// "Sources disagree on ... ." with the final period a SARIF message and a
// GitHub annotation both want.
std::string Sentence(std::string_view text);

}  // namespace factlint::report
