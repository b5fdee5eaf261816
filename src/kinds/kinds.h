// The claim kinds (include/factlint/claim_kind.h), one file each; the table
// in claim_kinds.cc lists them.
#pragma once

#include <functional>
#include <vector>

#include "factlint/claim_kind.h"

namespace factlint {

const ClaimKind& QuantityKind();
const ClaimKind& DateKind();
const ClaimKind& DurationKind();
const ClaimKind& OfficeholderKind();
const ClaimKind& PersonKind();

// The claims of `claims` with facts `Facts` that `keep` keeps.
template <typename Facts>
std::vector<const Claim*> ClaimsWith(const std::vector<Claim>& claims, const std::function<bool(const Claim&)>& keep) {
  std::vector<const Claim*> out;
  for (const Claim& c : claims) {
    if (c.get<Facts>() && keep(c)) out.push_back(&c);
  }
  return out;
}

}  // namespace factlint
