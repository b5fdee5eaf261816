// ClaimKind: one kind of claim -- quantity, date, duration, officeholder,
// person -- and everything it does, behind one small interface: its facts
// written to and read from the claim JSON, its subject in words, its
// extractor step and its comparison.  Each kind is one file under
// src/kinds/; KindOf finds the kind of a claim.
//
// The extract and compare parts take the stages' own state, declared here
// only by name (src/extract/document_extractor.h, src/compare/compare_context.h).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "factlint/claim.h"
#include "factlint/status.h"

namespace factlint {

class RuleSet;
struct Finding;
class DocumentExtractor;
class SentenceContext;
struct SentenceFinds;
struct CompareContext;

class ClaimKind {
 public:
  virtual ~ClaimKind() = default;

  // The claim JSON's "kind": "quantity", "date", ...
  virtual const char* name() const = 0;

  // Adds the facts of `claim`, one of this kind, to its JSON object `out`.
  virtual void FactsToJson(const Claim& claim, nlohmann::json* out) const = 0;
  // This kind's facts, read from a claim's JSON object.
  virtual StatusOr<ClaimFacts> FactsFromJson(const nlohmann::json& json) const = 0;

  // What the claim is about, in words: "Palestinians killed (Gaza)",
  // "United States Secretary of State".
  virtual std::string Describe(const Claim& claim, const RuleSet& rules) const = 0;

  // The extractor step: this kind's claims in one sentence, from what the
  // rules found in it.
  virtual void Extract(DocumentExtractor* extractor, const SentenceContext& ctx,
                       const SentenceFinds& found) const = 0;

  // Compares the claims of one subject (a claim graph subject group, keyed
  // `subject_key`), appending findings to `out`.  None by default.
  virtual void CompareSubject(const std::vector<const Claim*>& group, const std::string& subject_key,
                              const CompareContext& ctx, std::vector<Finding>* out) const;
  // Checks that look past one subject, after every subject was compared:
  // over all `claims`, of which `is_new` tells those of this run (the others
  // come from the claim store).  None by default.
  virtual void CompareAcross(const std::vector<Claim>& claims, const std::function<bool(const Claim&)>& is_new,
                             const CompareContext& ctx, std::vector<Finding>* out) const;
};

// Every kind, in the order of the alternatives of ClaimFacts.
const std::vector<const ClaimKind*>& AllClaimKinds();

// The kind of `facts` (of a claim).
const ClaimKind& KindOf(const ClaimFacts& facts);
inline const ClaimKind& KindOf(const Claim& claim) { return KindOf(claim.facts); }

// The kind called `name` ("quantity"); null when none is.
const ClaimKind* KindNamed(std::string_view name);

}  // namespace factlint
