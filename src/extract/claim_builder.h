// ClaimBuilder: gives every claim its provenance — document, original byte
// span, line:column, sentence, rule, language, the document's date — in one
// place, so that no claim kind can forget any of it.
#pragma once

#include <string>
#include <vector>

#include "extract/sentence_context.h"
#include "factlint/claim.h"

namespace factlint {

class ClaimBuilder {
 public:
  explicit ClaimBuilder(std::vector<Claim>* out) : out_(out) {}

  // Appends a claim whose evidence is the folded span `evidence` of `ctx`.
  Claim& Add(const SentenceContext& ctx, Span evidence, const Rule& rule, std::string subject,
             std::string value, ClaimFacts facts);

 private:
  std::vector<Claim>* out_;
};

}  // namespace factlint
