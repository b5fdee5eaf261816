#include "compare/compare_context.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "factlint/civil_date.h"
#include "factlint/claim_kind.h"

namespace factlint {
namespace {

std::string Hex64(uint64_t v) { return fmt::format("{:016x}", v); }

uint64_t Fnv1a(const std::string& s) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

}  // namespace

std::optional<int64_t> CompareContext::DayOf(const std::string& doc) const {
  auto it = doc_day.find(doc);
  return it == doc_day.end() ? std::nullopt : it->second;
}

const Period& CompareContext::PeriodOf(const std::string& doc) const {
  static const Period kAll = Everything();
  auto it = doc_period.find(doc);
  return it == doc_period.end() ? kAll : it->second;
}

std::string CompareContext::Where(const ClaimGroup& side) const {
  std::set<std::string> docs;
  for (const Claim* c : side) {
    auto day = DayOf(c->doc);
    docs.insert(day ? fmt::format("{}, {}", c->doc, FormatIsoDay(*day)) : c->doc);
  }
  std::string out;
  for (const std::string& d : docs) out += (out.empty() ? "" : "; ") + d;
  return out;
}

CompareContext MakeContext(const RuleSet& rules, const KnowledgeBase& kb, const ClaimGraph& graph, double tolerance,
                           const std::vector<DocumentInfo>& docs, const std::vector<Claim>& claims) {
  CompareContext ctx{rules, kb, graph, tolerance, false, {}, {}, {}};
  for (const DocumentInfo& d : docs) {
    auto range = ParseIsoDate(d.date);
    if (range && range->year_known && range->day) {
      ctx.doc_day[d.id] = range->first;
      ctx.doc_period[d.id] = {{range->first, range->first}};
    } else {
      ctx.doc_period[d.id] = Everything();
    }
  }
  // An undated document lies within the terms of every officeholder it
  // names as current (Blinken and Biden: 2021-01-26..2025-01-20).
  for (const Claim& c : claims) {
    const auto* o = c.get<OfficeholderFacts>();
    if (!o || o->time != HolderTime::kCurrent || ctx.doc_day.count(c.doc)) continue;
    const Period terms = kb.TermsOf(o->jurisdiction + "/" + o->office, graph.EntityOf(o->person_key));
    Period& period = ctx.doc_period[c.doc];
    if (period.empty()) period = Everything();
    const Period narrowed = Intersect(period, terms);
    if (!narrowed.empty()) {
      period = narrowed;
      ctx.period_estimated[c.doc] = true;
    }
  }
  return ctx;
}

std::vector<ClaimGroup> Cluster(const ClaimGroup& claims, const std::function<bool(const Claim&, const Claim&)>& agree) {
  std::vector<ClaimGroup> sides;
  for (const Claim* c : claims) {
    auto side = std::find_if(sides.begin(), sides.end(), [&](const ClaimGroup& s) {
      return std::all_of(s.begin(), s.end(), [&](const Claim* o) { return agree(*o, *c); });
    });
    if (side == sides.end()) {
      sides.push_back({c});
    } else {
      side->push_back(c);
    }
  }
  return sides;
}

Finding MakeFinding(std::string kind, Severity severity, std::string subject, std::string subject_key,
                    std::string message, const std::vector<std::pair<std::string, ClaimGroup>>& sides) {
  Finding f;
  f.kind = std::move(kind);
  f.severity = severity;
  f.subject = std::move(subject);
  f.subject_key = std::move(subject_key);
  f.message = std::move(message);
  // The fingerprint names what disagrees, not where it was read: kind,
  // subject, and each side's value with its documents, sorted, so that input
  // order and claim numbering never change it.
  std::vector<std::string> parts;
  for (const auto& [value, claims] : sides) {
    Side side{value, {}};
    std::set<std::string> docs;
    for (const Claim* c : claims) {
      side.claims.push_back(c->id);
      docs.insert(c->doc);
    }
    std::string part = value;
    for (const std::string& d : docs) part += "|" + d;
    parts.push_back(part);
    f.sides.push_back(std::move(side));
  }
  std::sort(parts.begin(), parts.end());
  std::string key = f.kind + "\n" + f.subject_key;
  for (const std::string& p : parts) key += "\n" + p;
  f.fingerprint = Hex64(Fnv1a(key));
  return f;
}

Finding FindingOfSides(std::string kind, Severity severity, const std::string& lead,
                       const std::vector<ClaimGroup>& sides,
                       const std::function<std::string(const ClaimGroup&)>& value_of, const CompareContext& ctx) {
  std::vector<std::pair<std::string, ClaimGroup>> named;
  std::string message;
  for (const ClaimGroup& side : sides) {
    const std::string value = value_of(side);
    named.push_back({value, side});
    message += fmt::format("{}{} ({})", message.empty() ? "" : " vs ", value, ctx.Where(side));
  }
  const Claim& first = *sides.front().front();
  return MakeFinding(std::move(kind), severity, DescribeSubject(first, ctx.rules), first.subject,
                     lead + message + ".", named);
}

std::string DescribeSubject(const Claim& c, const RuleSet& rules) { return KindOf(c).Describe(c, rules); }

}  // namespace factlint
