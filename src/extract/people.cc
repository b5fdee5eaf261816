#include "extract/people.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <optional>

namespace factlint {
namespace {

// Families whose words never start or continue a name.
constexpr const char* kNotNameFamilies[] = {"name_stop", "event", "who", "place", "office", "jurisdiction",
                                            "month", "weekday", "former", "number_word", "qualifier",
                                            "ordinal", "time", "source"};

bool IsNameWord(const RuleSet& rules, const std::string& lang, const std::string& word) {
  for (const char* family : kNotNameFamilies) {
    if (rules.Lexicon(lang, family).count(word)) return false;
  }
  return true;
}

bool IsArabicLetters(std::string_view w) {
  // Arabic letters are two-byte sequences starting 0xD8-0xDB.
  if (w.empty()) return false;
  for (size_t i = 0; i < w.size(); i += 2) {
    const auto c = static_cast<unsigned char>(w[i]);
    if (c < 0xD8 || c > 0xDB || i + 1 >= w.size()) return false;
  }
  return true;
}

// The next white-space separated word at or after `pos` (folded offsets).
Span NextWord(const std::string& text, uint32_t pos) {
  while (pos < text.size() && text[pos] == ' ') ++pos;
  uint32_t end = pos;
  while (end < text.size() && text[end] != ' ') ++end;
  return Span{pos, end};
}

// Trailing punctuation ends a name: "مايلز،" -> "مايلز" and stop.
Span StripPunctuation(const std::string& text, Span w, bool* stop) {
  static constexpr std::string_view kPunct[] = {"،", ",", ".", "؛", ";", ":", "»", "”", ")", "\"", "'s", "’s"};
  *stop = false;
  for (bool again = true; again;) {
    again = false;
    for (std::string_view p : kPunct) {
      if (w.size() > p.size() && text.compare(w.end - p.size(), p.size(), p) == 0) {
        w.end -= static_cast<uint32_t>(p.size());
        *stop = again = true;
      }
    }
  }
  return w;
}

// An unknown name right at `pos`: two or three name-like words.
std::optional<NameExpr> ReadUnknownName(const SentenceContext& ctx, const RuleSet& rules,
                                        const PersonKeyer& keyer, const Rule& office, uint32_t pos) {
  const std::string& text = ctx.folded();
  const std::string& lang = ctx.sentence().lang;
  Span name{pos, pos};
  int words = 0;
  for (bool stop = false; words < 3 && !stop;) {
    Span w = StripPunctuation(text, NextWord(text, name.end), &stop);
    const std::string word = text.substr(w.start, w.size());
    bool ok = !word.empty() && IsNameWord(rules, lang, word);
    if (lang == "ar") {
      // Names do not start with the article, except after عبد/ابو ("بدر عبد العاطي").
      const std::string previous = words ? text.substr(name.start, name.size()) : "";
      const bool compound = previous.size() >= 6 && (previous.compare(previous.size() - 6, 6, "عبد") == 0 ||
                                                     previous.compare(previous.size() - 6, 6, "ابو") == 0);
      ok = ok && IsArabicLetters(word) && (word.compare(0, 4, "ال") != 0 || compound);
    } else {
      const std::string original = ctx.Quote(w);
      ok = ok && !original.empty() && std::isupper(static_cast<unsigned char>(original[0]));
    }
    if (!ok) break;
    if (words == 0) name.start = w.start;
    name.end = w.end;
    ++words;
  }
  if (words < 2) return std::nullopt;
  NameExpr n;
  n.span = name;
  n.key = keyer.KeyFor(ctx.Quote(name));
  n.rule = &office;  // the title's rule read it
  return n;
}

// Strips spaces, commas and "the" between an apposed name and its title.
bool AppositionGap(std::string_view gap) {
  std::string rest;
  for (char c : gap) {
    if (c != ' ' && c != ',') rest += c;
  }
  return rest.empty() || rest == "،" || rest == "the" || rest == "،the";
}

const RuleMatch* PersonAt(const std::vector<const RuleMatch*>& people, const SentenceContext& ctx, uint32_t pos,
                          bool allow_comma) {
  for (const RuleMatch* p : people) {
    if (p->span.start < pos) continue;
    const std::string gap = ctx.Gap(pos, p->span.start);
    if (gap.empty() || (allow_comma && (gap == "،" || gap == ","))) return p;
    return nullptr;
  }
  return nullptr;
}

NameExpr Known(const RuleMatch& m) { return NameExpr{m.span, m.value, true, m.rule}; }

// Extends an office title with the jurisdiction and tense words around it.
void ReadModifiers(const SentenceContext& ctx, const std::vector<const RuleMatch*>& jurisdictions,
                   const std::vector<const RuleMatch*>& former, OfficeExpr* o) {
  auto adjacent = [&](const RuleMatch* m, bool after) {
    const std::string_view gap = after ? ctx.Between(o->span.end, m->span.start) : ctx.Between(m->span.end, o->span.start);
    if ((after ? m->span.start < o->span.end : m->span.end > o->span.start)) return false;
    return std::all_of(gap.begin(), gap.end(), [](char c) { return c == ' ' || c == '-'; });
  };
  for (int pass = 0; pass < 2; ++pass) {  // "الأمريكي السابق" and "السابق الأمريكي"
    for (const RuleMatch* j : jurisdictions) {
      if (!o->jurisdiction.empty()) break;
      if (adjacent(j, true)) {
        o->jurisdiction = j->value;
        o->span.end = j->span.end;
      } else if (adjacent(j, false)) {
        o->jurisdiction = j->value;
        o->span.start = j->span.start;
      }
    }
    for (const RuleMatch* f : former) {
      if (o->former) break;
      if (adjacent(f, true) || adjacent(f, false)) {
        o->former = true;
        o->span = Span{std::min(o->span.start, f->span.start), std::max(o->span.end, f->span.end)};
      }
    }
  }
}

// Names after the title, joined by "و"/"and"; or one name apposed before it.
void ReadHolders(const SentenceContext& ctx, const RuleSet& rules, const PersonKeyer& keyer,
                 const std::vector<const RuleMatch*>& people, OfficeExpr* o) {
  uint32_t pos = o->span.end;
  const auto& joiners = rules.Lexicon(ctx.sentence().lang, "name_join");
  for (bool first = true;; first = false) {
    if (const RuleMatch* p = PersonAt(people, ctx, pos, first)) {
      o->holders.push_back(Known(*p));
    } else if (auto unknown = ReadUnknownName(ctx, rules, keyer, *o->rule, pos)) {
      o->holders.push_back(*unknown);
    } else {
      break;
    }
    // A following "و"/"and" joins another holder ("ويتكوف وجاريد كوشنر").
    pos = o->holders.back().span.end;
    Span next = NextWord(ctx.folded(), pos);
    std::string word = ctx.folded().substr(next.start, next.size());
    if (joiners.count(word)) {
      pos = next.end;
    } else if (word.size() > 2 && joiners.count(word.substr(0, 2)) && PersonAt(people, ctx, next.start + 2, false)) {
      pos = next.start + 2;  // "وجاريد": the joiner is attached to the name
    } else {
      break;
    }
  }
  if (!o->holders.empty()) return;
  for (auto it = people.rbegin(); it != people.rend(); ++it) {
    const RuleMatch* p = *it;
    if (p->span.end > o->span.start) continue;
    if (AppositionGap(ctx.Between(p->span.end, o->span.start))) o->holders.push_back(Known(*p));
    break;
  }
}

}  // namespace

PersonKeyer::PersonKeyer() {
  UErrorCode status = U_ZERO_ERROR;
  latin_.reset(icu::Transliterator::createInstance("Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
  if (U_FAILURE(status)) latin_.reset();
}

PersonKeyer::~PersonKeyer() = default;

std::string PersonKeyer::KeyFor(const std::string& original) const {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(original);
  if (latin_) {
    std::lock_guard<std::mutex> lock(mu_);
    latin_->transliterate(u);
  }
  std::string latin, key;
  u.toUTF8String(latin);
  for (char c : latin) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      key += c;
    } else if (!key.empty() && key.back() != '-') {
      key += '-';
    }
  }
  while (!key.empty() && key.back() == '-') key.pop_back();
  return key;
}

std::vector<NameExpr> FindPeople(const SentenceContext& ctx) {
  std::vector<NameExpr> out;
  for (const RuleMatch* m : ctx.LongestOf("person")) out.push_back(Known(*m));
  return out;
}

std::vector<OfficeExpr> FindOffices(const SentenceContext& ctx, const RuleSet& rules, const PersonKeyer& keyer) {
  std::vector<OfficeExpr> out;
  const auto people = ctx.LongestOf("person");
  const auto jurisdictions = ctx.LongestOf("jurisdiction");
  const auto former = ctx.LongestOf("former");
  for (const RuleMatch* m : ctx.LongestOf("office")) {
    OfficeExpr o;
    o.span = m->span;
    o.rule = m->rule;
    o.office = m->value;
    if (const Office* office = rules.FindOffice(o.office)) o.jurisdiction = office->jurisdiction;
    ReadModifiers(ctx, jurisdictions, former, &o);
    ReadHolders(ctx, rules, keyer, people, &o);
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace factlint
