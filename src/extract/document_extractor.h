// DocumentExtractor: sentences of one document -> mentions -> claims.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "extract/durations.h"
#include "extract/incidents.h"
#include "extract/numbers.h"
#include "extract/people.h"
#include "extract/sentence_context.h"
#include "extract/times.h"
#include "factlint/segment.h"
#include "factlint/claim.h"
#include "factlint/mention.h"

namespace factlint {

// Everything the rules found in one sentence (defined in document_extractor.cc).
struct SentenceFinds;

class DocumentExtractor {
 public:
  using Found = SentenceFinds;

  DocumentExtractor(const Document& doc, const RuleSet& rules, const PersonKeyer& keyer, const Gazetteer* gazetteer,
                    double tolerance, SentenceSplitter* splitter);

  // Claims in text order with ids "<doc>#1", "<doc>#2", ...
  std::vector<Claim> Run(std::vector<Mention>* mentions);

  // The extractor step of each claim kind, called through its ClaimKind
  // (src/kinds/): the kind's claims of one sentence.
  void Quantities(const SentenceContext& ctx, const Found& found);
  void Dates(const SentenceContext& ctx, const Found& found);
  void Durations(const SentenceContext& ctx, const Found& found);
  void Officeholders(const SentenceContext& ctx, const Found& found);
  void People(const SentenceContext& ctx, const Found& found);

 private:
  void Frame(const SentenceContext& ctx, const NumberExpr& n, Span clause, const Rule& counted, QuantityFacts* q) const;
  void InferUnnamedHolders();
  void InferFromNoSurvivors(const SentenceContext& ctx, size_t from_claim);
  void AddMentions(const SentenceContext& ctx, const Found& found, std::vector<Mention>* out) const;
  std::string JurisdictionFor(const std::string& office, const std::string& person_key, bool* inferred) const;

  const Document& doc_;
  const RuleSet& rules_;
  const PersonKeyer& keyer_;
  const double tolerance_;
  SentenceSplitter* splitter_;
  IncidentTracker incidents_;
  std::vector<Claim> claims_;
  std::map<std::string, int> jurisdiction_counts_;   // for jurisdictions left implicit
  std::map<std::string, int> people_counts_;         // person key -> mentions
  struct Unnamed {
    const SentenceContext* ctx;
    OfficeExpr office;
  };
  std::vector<Unnamed> unnamed_;                     // "الرئيس الأمريكي" without a name
  std::vector<std::unique_ptr<SentenceContext>> contexts_;
};

}  // namespace factlint
