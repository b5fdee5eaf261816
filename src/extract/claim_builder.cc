#include "extract/claim_builder.h"

namespace factlint {

Claim& ClaimBuilder::Add(const SentenceContext& ctx, Span evidence, const Rule& rule, std::string subject,
                         std::string value, ClaimFacts facts) {
  const Document& doc = ctx.doc();
  Claim c;
  c.doc = doc.id;
  c.subject = std::move(subject);
  c.value = std::move(value);
  c.span = ctx.Original(evidence);
  c.text = std::string(doc.Text(c.span));
  const auto pos = doc.PositionOf(c.span.start);
  c.line = pos.line;
  c.column = pos.column;
  c.sentence = ctx.sentence().span;
  c.sentence_text = std::string(doc.Text(c.sentence));
  c.rule = rule.id;
  c.lang = ctx.sentence().lang;
  c.doc_date = doc.meta.date;
  c.facts = std::move(facts);
  out_->push_back(std::move(c));
  return out_->back();
}

}  // namespace factlint
