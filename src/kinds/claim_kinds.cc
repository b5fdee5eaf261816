// The table of claim kinds, in the order of ClaimFacts' alternatives.
#include <variant>

#include "kinds/kinds.h"

namespace factlint {

void ClaimKind::CompareSubject(const std::vector<const Claim*>&, const std::string&, const CompareContext&,
                               std::vector<Finding>*) const {}

void ClaimKind::CompareAcross(const std::vector<Claim>&, const std::function<bool(const Claim&)>&,
                              const CompareContext&, std::vector<Finding>*) const {}

const std::vector<const ClaimKind*>& AllClaimKinds() {
  static const std::vector<const ClaimKind*> kKinds = {&QuantityKind(), &DateKind(), &DurationKind(),
                                                       &OfficeholderKind(), &PersonKind()};
  return kKinds;
}

const ClaimKind& KindOf(const ClaimFacts& facts) {
  static_assert(std::variant_size_v<ClaimFacts> == 5, "one kind per alternative of ClaimFacts");
  return *AllClaimKinds()[facts.index()];
}

const ClaimKind* KindNamed(std::string_view name) {
  for (const ClaimKind* kind : AllClaimKinds()) {
    if (name == kind->name()) return kind;
  }
  return nullptr;
}

}  // namespace factlint
