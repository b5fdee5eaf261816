// Officeholders: "US Secretary of State Antony Blinken": who holds which
// office, and whether now or before.
#include <nlohmann/json.hpp>

#include "compare/compare_context.h"
#include "extract/document_extractor.h"
#include "factlint/rules.h"
#include "kinds/json_fields.h"
#include "kinds/kinds.h"

namespace factlint {
namespace {

using nlohmann::json;
using json_fields::Str;
using json_fields::ReadEnum;

class Officeholders : public ClaimKind {
 public:
  const char* name() const override { return "officeholder"; }

  void FactsToJson(const Claim& claim, json* out) const override {
    const OfficeholderFacts& o = *claim.get<OfficeholderFacts>();
    (*out)["office"] = o.office;
    (*out)["jurisdiction"] = o.jurisdiction;
    (*out)["person"] = o.person;
    (*out)["person_key"] = o.person_key;
    (*out)["inferred"] = o.inferred;
    (*out)["time"] = Name(o.time);
  }

  StatusOr<ClaimFacts> FactsFromJson(const json& j) const override {
    OfficeholderFacts o;
    o.office = Str(j, "office");
    o.jurisdiction = Str(j, "jurisdiction");
    o.person = Str(j, "person");
    o.person_key = Str(j, "person_key");
    o.inferred = j.value("inferred", false);
    if (Status s = ReadEnum(j, "time", &o.time); !s.ok()) return s;
    return ClaimFacts(o);
  }

  // "United States Secretary of State".
  std::string Describe(const Claim& claim, const RuleSet& rules) const override {
    const OfficeholderFacts& o = *claim.get<OfficeholderFacts>();
    const Office* office = rules.FindOffice(o.office);
    return rules.JurisdictionName(o.jurisdiction) + " " + (office ? office->name : o.office);
  }

  void Extract(DocumentExtractor* extractor, const SentenceContext& ctx, const SentenceFinds& found) const override {
    extractor->Officeholders(ctx, found);
  }

  // Holders of one office named at one time.
  void CompareSubject(const std::vector<const Claim*>& group, const std::string&, const CompareContext& ctx,
                      std::vector<Finding>* out) const override {
    CompareOfficeholders(group, ctx, out);
  }

  // Each holder named against the knowledge base's terms of office.
  void CompareAcross(const std::vector<Claim>& claims, const std::function<bool(const Claim&)>& is_new,
                     const CompareContext& ctx, std::vector<Finding>* out) const override {
    CheckHolderNames(ClaimsWith<OfficeholderFacts>(claims, is_new), ctx, out);
  }
};

}  // namespace

const ClaimKind& OfficeholderKind() {
  static const Officeholders kKind;
  return kKind;
}

}  // namespace factlint
