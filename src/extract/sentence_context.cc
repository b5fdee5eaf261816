#include "extract/sentence_context.h"

#include <algorithm>
#include <cctype>
#include <iterator>

namespace factlint {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Whether folded[i] (of byte length `len`) ends a clause.
bool IsClauseBreak(std::string_view text, size_t i, size_t* len) {
  const auto lead = static_cast<unsigned char>(text[i]);
  // Only these bytes start a break below: every other (a letter, a digit,
  // the middle of a character) is passed over at once.
  const bool may_break = lead < 0x80 ? std::string_view(";:()\"?!,").find(static_cast<char>(lead)) != std::string_view::npos
                                     : lead == 0xC2 || lead == 0xD8 || lead == 0xE2;  // « » ، ؛ ؟ “ ”
  if (!may_break) return false;
  static constexpr std::string_view kBreaks[] = {"،", "؛", ";", ":", "(", ")", "«", "»", "“", "”", "\"", "؟", "?", "!"};
  for (std::string_view b : kBreaks) {
    if (text.compare(i, b.size(), b) == 0) {
      *len = b.size();
      return true;
    }
  }
  if (text[i] == ',') {  // a comma inside a number (40,000) is no break
    *len = 1;
    return !(i > 0 && i + 1 < text.size() && IsDigit(text[i - 1]) && IsDigit(text[i + 1]));
  }
  return false;
}

}  // namespace

std::vector<FoldedWord> FoldedWords(std::string_view text) {
  std::vector<FoldedWord> words;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t start = text.find_first_not_of(' ', pos);
    if (start == std::string_view::npos) break;
    const size_t end = std::min(text.find(' ', start), text.size());
    std::string word(text.substr(start, end - start));
    while (!word.empty() && std::string_view(".,:;!?\"'()").find(word.back()) != std::string_view::npos) word.pop_back();
    if (!word.empty()) words.push_back({static_cast<uint32_t>(start), std::move(word)});
    pos = end;
  }
  return words;
}

SentenceContext::SentenceContext(const Document& doc, const Sentence& sentence, const RuleSet& rules)
    : doc_(doc), sentence_(sentence), rules_(rules), folded_(doc.Text(sentence.span), sentence.span.start) {
  matches_ = rules.Match(folded_.text(), sentence.lang);
  const std::string_view text = folded_.text();
  for (size_t i = 0; i < text.size(); ++i) {
    size_t len = 0;
    if (IsClauseBreak(text, i, &len)) clause_breaks_.push_back(Span{static_cast<uint32_t>(i), static_cast<uint32_t>(i + len)});
  }
}

std::vector<const RuleMatch*> SentenceContext::Family(std::string_view family) const {
  std::vector<const RuleMatch*> out;
  for (const RuleMatch& m : matches_) {
    if (m.rule->family == family) out.push_back(&m);
  }
  return out;
}

std::vector<const RuleMatch*> SentenceContext::LongestOf(std::string_view family) const {
  std::vector<const RuleMatch*> all = Family(family);
  std::vector<const RuleMatch*> by_length = all;
  std::stable_sort(by_length.begin(), by_length.end(), [](const RuleMatch* a, const RuleMatch* b) {
    return a->span.size() > b->span.size();
  });
  std::vector<const RuleMatch*> kept;
  for (const RuleMatch* m : by_length) {
    const bool overlaps = std::any_of(kept.begin(), kept.end(), [&](const RuleMatch* k) { return k->span.overlaps(m->span); });
    if (!overlaps) kept.push_back(m);
  }
  std::sort(kept.begin(), kept.end(), [](const RuleMatch* a, const RuleMatch* b) { return a->span.start < b->span.start; });
  return kept;
}

std::string SentenceContext::Quote(Span folded) const {
  return std::string(doc_.Text(Original(folded)));
}

Span SentenceContext::ClauseAround(Span span) const {
  // The breaks are sorted and apart: the last one ending before the span,
  // the first one starting after it (a long sentence has many of both).
  const auto before = std::partition_point(clause_breaks_.begin(), clause_breaks_.end(),
                                           [&](const Span& b) { return b.end <= span.start; });
  const auto after = std::partition_point(clause_breaks_.begin(), clause_breaks_.end(),
                                          [&](const Span& b) { return b.start < span.end; });
  const uint32_t start = before == clause_breaks_.begin() ? 0 : std::prev(before)->end;
  const uint32_t end = after == clause_breaks_.end() ? static_cast<uint32_t>(folded_.text().size()) : after->start;
  return Span{start, end};
}

std::string_view SentenceContext::Between(uint32_t from, uint32_t to) const {
  if (to <= from) return {};
  return std::string_view(folded_.text()).substr(from, to - from);
}

namespace {
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
}  // namespace

bool SentenceContext::OnlySpaceBetween(uint32_t from, uint32_t to) const {
  const std::string_view gap = Between(from, to);
  return std::all_of(gap.begin(), gap.end(), IsSpace);
}

std::string SentenceContext::Gap(uint32_t from, uint32_t to) const {
  std::string gap(Between(from, to));
  gap.erase(std::remove_if(gap.begin(), gap.end(), IsSpace), gap.end());
  return gap;
}

}  // namespace factlint
