// Dates: "on 7 October 2023" tied to the event it dates; also the clock
// times of an event ("at 23:11 local time").
#include <algorithm>

#include <nlohmann/json.hpp>

#include "compare/compare_context.h"
#include "extract/document_extractor.h"
#include "kinds/json_fields.h"
#include "kinds/kinds.h"

namespace factlint {
namespace {

using nlohmann::json;
using json_fields::Str;
using json_fields::ReadEnum;

class Dates : public ClaimKind {
 public:
  const char* name() const override { return "date"; }

  void FactsToJson(const Claim& claim, json* out) const override {
    const DateFacts& d = *claim.get<DateFacts>();
    (*out)["date"] = d.iso;
    (*out)["precision"] = Name(d.precision);
    (*out)["event"] = d.event;
    (*out)["relation"] = d.relation;
  }

  StatusOr<ClaimFacts> FactsFromJson(const json& j) const override {
    DateFacts d{Str(j, "date"), DatePrecision::kUnstated, Str(j, "event"), Str(j, "relation")};
    if (Status s = ReadEnum(j, "precision", &d.precision); !s.ok()) return s;
    return ClaimFacts(d);
  }

  // "Date of the war start", "Date of the assassination haniyeh".
  std::string Describe(const Claim& claim, const RuleSet&) const override {
    std::string event = claim.get<DateFacts>()->event;
    std::replace(event.begin(), event.end(), '/', ' ');
    std::replace(event.begin(), event.end(), '-', ' ');
    return "Date of the " + event;
  }

  void Extract(DocumentExtractor* extractor, const SentenceContext& ctx, const SentenceFinds& found) const override {
    extractor->Dates(ctx, found);
  }

  // The dates of one event, as days and as instants; the findings name the
  // incident of the subject ("incident/earthquake/...|date/...").
  void CompareSubject(const std::vector<const Claim*>& group, const std::string& subject_key,
                      const CompareContext& ctx, std::vector<Finding>* out) const override {
    const size_t before = out->size();
    CompareDates(group, ctx, out);
    CompareClockTimes(group, ctx, out);
    const size_t bar = subject_key.find('|');
    if (bar == std::string::npos) return;
    for (size_t i = before; i < out->size(); ++i) (*out)[i].incident = subject_key.substr(0, bar);
  }

  // A document contradicting itself: a date and its weekday, a local time
  // and its UTC equivalent.
  void CompareAcross(const std::vector<Claim>& claims, const std::function<bool(const Claim&)>& is_new,
                     const CompareContext& ctx, std::vector<Finding>* out) const override {
    const ClaimGroup new_dates = ClaimsWith<DateFacts>(claims, is_new);
    CheckWeekdays(new_dates, ctx, out);
    CheckClockPairs(new_dates, ctx, out);
  }
};

}  // namespace

const ClaimKind& DateKind() {
  static const Dates kKind;
  return kKind;
}

}  // namespace factlint
