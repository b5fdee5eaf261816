// What every comparison rule needs: the documents' dates (known or
// estimated from the knowledge base), the rules, the knowledge base, the
// tolerance, and helpers to build findings.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "factlint/check.h"
#include "factlint/claim.h"
#include "factlint/finding.h"
#include "factlint/graph.h"
#include "factlint/knowledge.h"
#include "factlint/rules.h"

namespace factlint {

using ClaimGroup = std::vector<const Claim*>;

struct CompareContext {
  const RuleSet& rules;
  const KnowledgeBase& kb;
  const ClaimGraph& graph;
  double tolerance = 0.10;
  bool show_updates = false;  // report tolls that only rose as info timelines
  std::map<std::string, std::optional<int64_t>> doc_day;  // known publication day
  std::map<std::string, Period> doc_period;              // known day, or estimated
  std::map<std::string, bool> period_estimated;

  std::optional<int64_t> DayOf(const std::string& doc) const;
  const Period& PeriodOf(const std::string& doc) const;
  // "001_cee4d09742974433.txt, 2024-08-19" for messages.
  std::string Where(const ClaimGroup& side) const;
};

// Builds the context: document dates, and for undated documents the period
// their officeholder claims imply.
CompareContext MakeContext(const RuleSet& rules, const KnowledgeBase& kb, const ClaimGraph& graph,
                           double tolerance, const std::vector<DocumentInfo>& docs,
                           const std::vector<Claim>& claims);

// Puts claims into sides: a claim joins the first side all of whose claims
// it agrees with, else opens a new side.
std::vector<ClaimGroup> Cluster(const ClaimGroup& claims,
                                const std::function<bool(const Claim&, const Claim&)>& agree);

// A finding whose sides are named by `value_of(side)`, with the message
// `lead` followed by each side's value and documents ("a (doc) vs b (doc)").
Finding FindingOfSides(std::string kind, Severity severity, const std::string& lead,
                       const std::vector<ClaimGroup>& sides,
                       const std::function<std::string(const ClaimGroup&)>& value_of, const CompareContext& ctx);

// A finding with sides, its stable fingerprint filled in.
Finding MakeFinding(std::string kind, Severity severity, std::string subject, std::string subject_key,
                    std::string message, const std::vector<std::pair<std::string, ClaimGroup>>& sides);

// The comparison rules, one per claim kind; each appends its findings.
// Quantities of one incident and frame (`subject_key`, the graph's subject).
void CompareQuantities(const ClaimGroup& group, const std::string& subject_key, const CompareContext& ctx,
                       std::vector<Finding>* out);
void CompareOfficeholders(const ClaimGroup& group, const CompareContext& ctx, std::vector<Finding>* out);
void CompareDates(const ClaimGroup& group, const CompareContext& ctx, std::vector<Finding>* out);
// A date whose stated weekday is not its own (within one document).
void CheckWeekdays(const ClaimGroup& group, const CompareContext& ctx, std::vector<Finding>* out);
// True for a date whose stated weekday is not its own: the document already
// contradicts itself, so the date is not set against other documents'.
bool ContradictsItsWeekday(const Claim& claim);
// A local time whose UTC equivalent, given beside it ("23:11 بالتوقيت المحلي
// (22:11 ت.غ)"), is not what the place's offset makes it (within one document).
void CheckClockPairs(const ClaimGroup& group, const CompareContext& ctx, std::vector<Finding>* out);
// Clock times of one event across documents, compared as instants: a local
// time and its UTC equivalent agree.
void CompareClockTimes(const ClaimGroup& group, const CompareContext& ctx, std::vector<Finding>* out);
// The offset from UTC, in minutes, of a country (ISO 3166 code) at noon UTC
// of `day` (days since 1970-01-01); nothing when its zones differ or ICU
// does not know it.
std::optional<int> UtcOffsetMinutes(const std::string& country, int64_t day);
void CompareDurations(const ClaimGroup& group, const ClaimGroup& start_dates, const CompareContext& ctx,
                      std::vector<Finding>* out);
// Officeholder names checked against the knowledge base (one claim each).
void CheckHolderNames(const ClaimGroup& officeholders, const CompareContext& ctx, std::vector<Finding>* out);

// Words for a subject key: "office/us/secretary-of-state" -> "United States Secretary of State".
std::string DescribeSubject(const Claim& claim, const RuleSet& rules);

}  // namespace factlint
