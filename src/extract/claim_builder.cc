#include "extract/claim_builder.h"

#include <algorithm>

namespace factlint {
namespace {

// Context kept on each side of the evidence.  A claim quotes the part of its
// sentence around the evidence, not the whole sentence: a 5 MB paragraph
// without punctuation is one "sentence", and copying it into every claim
// made memory and time quadratic.
constexpr uint32_t kContextBytes = 400;
constexpr uint32_t kWordSearchBytes = 40;

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The sentence cut down to at most kContextBytes either side of `evidence`,
// on code point boundaries, at a space when one is near.
Span ContextWindow(std::string_view text, Span sentence, Span evidence) {
  Span window = sentence;
  if (evidence.start > sentence.start + kContextBytes) {
    uint32_t start = evidence.start - kContextBytes;
    const uint32_t word_limit = std::min(evidence.start, start + kWordSearchBytes);
    for (uint32_t i = start; i < word_limit; ++i) {
      if (text[i] == ' ') {
        start = i + 1;
        break;
      }
    }
    while (start < evidence.start && IsContinuationByte(text[start])) ++start;
    window.start = start;
  }
  if (sentence.end > evidence.end + kContextBytes) {
    uint32_t end = evidence.end + kContextBytes;
    const uint32_t word_limit = std::max(evidence.end, end - kWordSearchBytes);
    for (uint32_t i = end; i > word_limit; --i) {
      if (text[i - 1] == ' ') {
        end = i - 1;
        break;
      }
    }
    while (end > evidence.end && IsContinuationByte(text[end])) --end;
    window.end = end;
  }
  return window;
}

}  // namespace

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
  c.sentence = ContextWindow(doc.bytes, ctx.sentence().span, c.span);
  c.sentence_text = std::string(doc.Text(c.sentence));
  c.rule = rule.id;
  c.lang = ctx.sentence().lang;
  c.doc_date = doc.meta.date;
  c.facts = std::move(facts);
  out_->push_back(std::move(c));
  return out_->back();
}

}  // namespace factlint
