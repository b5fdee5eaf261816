// ClaimGraph: documents, claims, subjects and entities as one Boost graph.
//
//   document ──states──► claim ──about──► subject
//                          ├──of incident──► incident ──same incident── incident
//                          │
//                          └──names──► spelling ──same entity── spelling
//   claim ──agrees with / conflicts with── claim     (added by the comparator)
//
// Entity resolution joins spellings (بلينكين, بلينكن, Blinken) through
// alias edges from rules/people.yaml and shared transliteration keys, and
// takes connected components.  The comparator reads its candidate pairs
// from the claims of one subject vertex, never from all pairs of claims.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "factlint/check.h"
#include "factlint/claim.h"
#include "factlint/finding.h"

namespace factlint {

class RuleSet;

// The key the claim store files a claim under.  A quantity, or a date of an
// incident, is filed under its incident's type: "incident/earthquake/killed/any",
// "incident/war/date/war-start", so that an article about one earthquake
// reads only the archive of earthquakes; everything else under its subject
// key ("office/us/secretary-of-state").
std::string StoreKey(const Claim& claim);

// The key the claim store finds related claims by, a prefix of the StoreKey
// of every claim it must find: quantities by incident type, what is counted
// and who ("incident/war/killed/palestinians" finds the Gaza-only counts
// too; incident, place, time and frame decide after the stored claims are
// merged), everything else by its StoreKey.
std::string CompareKey(const Claim& claim);

class ClaimGraph {
 public:
  ClaimGraph(const std::vector<DocumentInfo>& docs, const std::vector<Claim>& claims, const RuleSet& rules);
  ~ClaimGraph();
  ClaimGraph(const ClaimGraph&) = delete;
  ClaimGraph& operator=(const ClaimGraph&) = delete;

  // Claim indexes grouped by compare key, one group per subject vertex
  // (groups of one are left out: nothing to compare).
  std::vector<std::vector<size_t>> SubjectGroups() const;

  // The incident claims[claim] is about after resolving incidents across
  // documents ("earthquake/jp/2024-01-01"); "" when it names none.
  const std::string& IncidentOf(size_t claim) const;
  // The subject vertex claims[claim] is compared under: incident and frame
  // for quantities ("" when it abstains), the subject key for the rest.
  const std::string& SubjectOf(size_t claim) const;

  // The entity a person key belongs to after joining spellings: the known
  // person's key when the component holds one, else the smallest key.
  std::string EntityOf(const std::string& person_key) const;

  // Records a finding as agree/conflict edges between its claims.
  void AddFinding(const Finding& finding);

  std::string ToDot() const;
  nlohmann::json ToJson() const;

  size_t vertex_count() const;
  size_t edge_count() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace factlint
