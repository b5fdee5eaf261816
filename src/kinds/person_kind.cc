// People: a person the text names.  Kept and shown; no comparison of
// their own.
#include <nlohmann/json.hpp>

#include "extract/document_extractor.h"
#include "kinds/json_fields.h"
#include "kinds/kinds.h"

namespace factlint {
namespace {

using nlohmann::json;
using json_fields::Str;

class People : public ClaimKind {
 public:
  const char* name() const override { return "person"; }

  void FactsToJson(const Claim& claim, json* out) const override {
    const PersonFacts& p = *claim.get<PersonFacts>();
    (*out)["person"] = p.person;
    (*out)["person_key"] = p.person_key;
  }

  StatusOr<ClaimFacts> FactsFromJson(const json& j) const override {
    return ClaimFacts(PersonFacts{Str(j, "person"), Str(j, "person_key")});
  }

  std::string Describe(const Claim& claim, const RuleSet&) const override { return claim.subject; }

  void Extract(DocumentExtractor* extractor, const SentenceContext& ctx, const SentenceFinds& found) const override {
    extractor->People(ctx, found);
  }
};

}  // namespace

const ClaimKind& PersonKind() {
  static const People kKind;
  return kKind;
}

}  // namespace factlint
