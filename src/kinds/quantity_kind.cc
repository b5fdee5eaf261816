// Quantities: "more than 40,000 Palestinians killed in Gaza", "a 7.5
// magnitude": a figure (an interval), what it counts and its frame.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "compare/compare_context.h"
#include "extract/document_extractor.h"
#include "kinds/json_fields.h"
#include "kinds/kinds.h"

namespace factlint {
namespace {

using nlohmann::json;
using json_fields::Bound;
using json_fields::BoundFrom;
using json_fields::Str;
using json_fields::ReadEnum;

// "palestinians" -> "Palestinians", "earthquake-magnitude" -> "Earthquake magnitude".
std::string Capitalized(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  std::replace(s.begin(), s.end(), '-', ' ');
  return s;
}

class Quantities : public ClaimKind {
 public:
  const char* name() const override { return "quantity"; }

  void FactsToJson(const Claim& claim, json* out) const override {
    const QuantityFacts& q = *claim.get<QuantityFacts>();
    json& o = *out;
    o["low"] = Bound(q.range.low);
    o["high"] = Bound(q.range.high);
    o["exact"] = q.qualifier == Qualifier::kExact;
    o["stated"] = q.stated;
    o["qualifier"] = Name(q.qualifier);
    o["event"] = Name(q.event);
    o["who"] = q.who;
    o["where"] = q.where;
    o["since"] = q.since;
    o["on"] = q.on;
    o["source"] = q.source;
    o["hedge"] = q.hedge;
    o["unit"] = q.unit;
    o["measure"] = q.Measure();
    o["state"] = Name(q.state);
    o["place"] = q.place;
    o["scope"] = ScopeName(q.scope);
    o["window"] = q.window;
  }

  StatusOr<ClaimFacts> FactsFromJson(const json& j) const override {
    QuantityFacts q;
    q.range.low = BoundFrom(j.value("low", json()), 0);
    q.range.high = BoundFrom(j.value("high", json()), Interval::kInfinity);
    q.stated = j.value("stated", 0.0);
    q.who = Str(j, "who");
    q.where = Str(j, "where");
    q.since = Str(j, "since");
    q.on = Str(j, "on");
    q.source = Str(j, "source");
    q.hedge = Str(j, "hedge");
    q.unit = Str(j, "unit");
    q.place = Str(j, "place");
    q.scope = ScopeFromName(Str(j, "scope"));
    q.window = Str(j, "window");
    for (const Status& s : {ReadEnum(j, "qualifier", &q.qualifier), ReadEnum(j, "event", &q.event),
                            ReadEnum(j, "state", &q.state)}) {
      if (!s.ok()) return s;
    }
    return ClaimFacts(q);
  }

  // "Palestinians killed (Gaza)", "Killed", "Earthquake magnitude".
  std::string Describe(const Claim& claim, const RuleSet&) const override {
    const QuantityFacts& q = *claim.get<QuantityFacts>();
    const std::string event(Name(q.event));
    std::string words = q.who.empty() ? Capitalized(event) : Capitalized(q.who) + " " + event;
    std::replace(words.begin(), words.end(), '-', ' ');
    if (!q.where.empty()) words += " (" + Capitalized(q.where) + ")";
    return words;
  }

  void Extract(DocumentExtractor* extractor, const SentenceContext& ctx, const SentenceFinds& found) const override {
    extractor->Quantities(ctx, found);
  }

  // Figures of one incident and frame.
  void CompareSubject(const std::vector<const Claim*>& group, const std::string& subject_key,
                      const CompareContext& ctx, std::vector<Finding>* out) const override {
    CompareQuantities(group, subject_key, ctx, out);
  }
};

}  // namespace

const ClaimKind& QuantityKind() {
  static const Quantities kKind;
  return kKind;
}

}  // namespace factlint
