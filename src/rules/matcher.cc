// Compiling rules to RE2 and running them over folded sentences.
#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <fmt/format.h>

#include "factlint/fold.h"
#include "factlint/rules.h"
#include "rules/compiled.h"

namespace factlint {
namespace {

// A match must start after a non-letter (or at the start) and end before
// one.  The check is made in C++ (AtWordEdges) rather than in the pattern:
// a Unicode letter class at both ends multiplies RE2's DFA states and made
// matching several times slower.
// Arabic words take the proclitics و ف and ب ك ل, and a tanween alef.
constexpr std::string_view kArabicPrefix = "(?:[وف]?[بكل]?)";
constexpr std::string_view kArabicSuffix = "(?:ا)?";

re2::RE2::Options Options() {
  re2::RE2::Options o;
  o.set_log_errors(false);
  o.set_max_mem(512 << 20);
  return o;
}

std::string Alternation(std::vector<std::string> words) {
  // Longest first, so that "نائب الرئيس" wins over "الرئيس".
  std::sort(words.begin(), words.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  std::string out = "(?:";
  for (size_t i = 0; i < words.size(); ++i) {
    if (i) out += '|';
    // Inner white space matches any run of spaces in the text.
    std::string quoted = re2::RE2::QuoteMeta(words[i]);
    std::string spaced;
    for (size_t j = 0; j < quoted.size(); ++j) {
      if (quoted.compare(j, 2, "\\ ") == 0) {
        spaced += "\\s+";
        ++j;
      } else {
        spaced += quoted[j];
      }
    }
    out += spaced;
  }
  return out + ")";
}

bool AppliesTo(const Rule& rule, const std::string& lang) { return rule.lang == lang || rule.lang == "*"; }

// Family -> its words in one language, gathered once per language (not once
// per macro of every rule, which was quadratic in the number of rules).
using FamilyWords = std::map<std::string, std::vector<std::string>>;

FamilyWords WordsByFamily(const std::string& lang, const std::vector<std::unique_ptr<Rule>>& rules) {
  FamilyWords out;
  for (const auto& r : rules) {
    if (!AppliesTo(*r, lang)) continue;
    auto& words = out[r->family];
    for (const auto& [word, value] : r->words) words.push_back(word);
  }
  return out;
}

// {family} -> the alternation of that family's words in `lang`.
StatusOr<std::string> ExpandMacros(const Rule& rule, const std::string& lang, const FamilyWords& families) {
  std::string out;
  const std::string& p = rule.pattern;
  for (size_t i = 0; i < p.size();) {
    size_t close = p.find('}', i);
    bool is_macro = p[i] == '{' && close != std::string::npos && close > i + 1 &&
                    std::all_of(p.begin() + i + 1, p.begin() + close,
                                [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
    if (!is_macro) {
      out += p[i++];
      continue;
    }
    const std::string family = p.substr(i + 1, close - i - 1);
    auto found = families.find(family);
    std::vector<std::string> words = found == families.end() ? std::vector<std::string>() : found->second;
    if (words.empty()) {
      return Status::InvalidRule(fmt::format("{}: line {}: rule \"{}\": {{{}}} names no word family in \"{}\"",
                                             rule.file, rule.line, rule.id, family, lang));
    }
    out += Alternation(std::move(words));
    i = close + 1;
  }
  return out;
}

StatusOr<std::string> WrappedPattern(const Rule& rule, const std::string& lang, const FamilyWords& families) {
  std::string body;
  if (!rule.pattern.empty()) {
    auto expanded = ExpandMacros(rule, lang, families);
    if (!expanded.ok()) return expanded.status();
    body = expanded.value();
  } else {
    std::vector<std::string> words;
    for (const auto& [word, value] : rule.words) words.push_back(word);
    body = Alternation(std::move(words));
  }
  const bool arabic = lang == "ar";
  return fmt::format("{}(?P<m>{}){}", arabic ? kArabicPrefix : "", body, arabic ? kArabicSuffix : "");
}

Status CompileLanguage(const std::string& lang, const std::vector<std::unique_ptr<Rule>>& rules,
                       CompiledRules* out) {
  out->prefilter = std::make_unique<re2::RE2::Set>(Options(), re2::RE2::UNANCHORED);
  const FamilyWords families = WordsByFamily(lang, rules);
  for (const auto& rule : rules) {
    if (!AppliesTo(*rule, lang)) continue;
    auto pattern = WrappedPattern(*rule, lang, families);
    if (!pattern.ok()) return pattern.status();
    auto re = std::make_unique<re2::RE2>(pattern.value(), Options());
    if (!re->ok()) {
      return Status::InvalidRule(fmt::format("{}: line {}: rule \"{}\": RE2 error: {}", rule->file,
                                             rule->line, rule->id, re->error()));
    }
    if (IsLexiconOnly(rule->family)) {
      out->lexicon_only[rule->id] = std::move(re);
      continue;
    }
    std::string error;
    if (out->prefilter->Add(pattern.value(), &error) < 0) {
      return Status::InvalidRule(fmt::format("{}: line {}: rule \"{}\": {}", rule->file, rule->line, rule->id, error));
    }
    out->rules.push_back(rule.get());
    out->regexes.push_back(std::move(re));
  }
  if (!out->prefilter->Compile()) return Status::InvalidRule("rules for \"" + lang + "\": RE2 set too large");
  return Status::OK();
}

Span SpanOf(std::string_view text, std::string_view piece) {
  const auto start = static_cast<uint32_t>(piece.data() - text.data());
  return Span{start, start + static_cast<uint32_t>(piece.size())};
}

bool IsWordChar(UChar32 c) { return c >= 0 && (u_isalnum(c) || u_hasBinaryProperty(c, UCHAR_ALPHABETIC)); }

// True when no word goes on before `start` of `text`.
bool StartsAtEdge(std::string_view text, size_t start) {
  if (start == 0) return true;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t i = static_cast<int32_t>(start);
  UChar32 before;
  U8_PREV(s, 0, i, before);
  return !IsWordChar(before);
}

// True when no word goes on after `end` of `text`.
bool EndsAtEdge(std::string_view text, size_t end) {
  if (end >= text.size()) return true;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t i = static_cast<int32_t>(end);
  UChar32 after;
  U8_NEXT(s, i, static_cast<int32_t>(text.size()), after);
  return !IsWordChar(after);
}

size_t NextCharacter(std::string_view text, size_t pos) {
  ++pos;
  while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
  return pos;
}

size_t PreviousCharacter(std::string_view text, size_t pos) {
  --pos;
  while (pos > 0 && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) --pos;
  return pos;
}

// The first position after `from` where a match may start: just after a
// character that is not part of a word.  Restarting the search there, not
// at the next character, keeps a long word (a 100,000-digit run glued to a
// letter) from being searched once per character.
size_t NextWordStart(std::string_view text, size_t from) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (auto i = static_cast<int32_t>(from); i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (!IsWordChar(c)) return static_cast<size_t>(i);
  }
  return text.size();
}

// The last position before `end` (and after `start`) where a match may
// end: just before a character that is not part of a word; `start` if none.
size_t PreviousWordEnd(std::string_view text, size_t start, size_t end) {
  while (end > start) {
    end = PreviousCharacter(text, end);
    if (end > start && EndsAtEdge(text, end)) return end;
  }
  return start;
}

// A match that ends inside a word ("وفقا ل|لسلطات") may have a shorter form
// at the same start that ends at an edge ("وفقا"): look for it, trying only
// the word ends before (not every character: that re-ran RE2 once per
// character of a long word), and only the nearest few of them, so that a
// pattern that runs on over many words stays linear.
bool ShortenToEdge(const re2::RE2& re, std::string_view text, std::vector<re2::StringPiece>* groups) {
  constexpr int kMaxShortenings = 8;
  const size_t start = (*groups)[0].data() - text.data();
  size_t end = start + (*groups)[0].size();
  for (int tries = 0; end > start && !EndsAtEdge(text, end); ++tries) {
    const size_t limit = PreviousWordEnd(text, start, end);
    if (tries == kMaxShortenings || limit <= start ||
        !re.Match(re2::StringPiece(text.data(), text.size()), start, limit, re2::RE2::ANCHOR_START, groups->data(),
                  static_cast<int>(groups->size()))) {
      return false;
    }
    end = start + (*groups)[0].size();
  }
  return end > start;
}

// The word of a word-list rule inside its whole match: the match less the
// proclitics and tanween alef the pattern allowed around it.  Finding it
// here spares RE2 its slower submatch engines on every word.
std::optional<Span> WordInside(const Rule& rule, std::string_view text, Span whole) {
  static constexpr std::string_view kPrefixes[] = {"", "و", "ف", "ب", "ك", "ل", "وب", "وك", "ول", "فب", "فك", "فل"};
  static constexpr std::string_view kSuffixes[] = {"", "ا"};
  const std::string_view match = text.substr(whole.start, whole.size());
  for (std::string_view prefix : kPrefixes) {
    if (match.substr(0, prefix.size()) != prefix) continue;
    for (std::string_view suffix : kSuffixes) {
      if (prefix.size() + suffix.size() >= match.size()) continue;
      if (match.substr(match.size() - suffix.size()) != suffix) continue;
      const std::string_view word = match.substr(prefix.size(), match.size() - prefix.size() - suffix.size());
      if (rule.words.count(SingleSpaced(word))) {
        const uint32_t start = whole.start + static_cast<uint32_t>(prefix.size());
        return Span{start, start + static_cast<uint32_t>(word.size())};
      }
    }
  }
  return std::nullopt;
}

// RunRule for word lists: whole matches only (RE2's fast DFA path).
void RunWordRule(const Rule& rule, const re2::RE2& re, std::string_view text, std::vector<RuleMatch>* out) {
  std::vector<re2::StringPiece> groups(1);
  size_t pos = 0;
  while (pos < text.size() &&
         re.Match(re2::StringPiece(text.data(), text.size()), pos, text.size(), re2::RE2::UNANCHORED, groups.data(), 1)) {
    const size_t whole_start = groups[0].data() - text.data();
    std::optional<Span> word;
    if (!groups[0].empty() && StartsAtEdge(text, whole_start) && ShortenToEdge(re, text, &groups)) {
      word = WordInside(rule, text, SpanOf(text, std::string_view(groups[0].data(), groups[0].size())));
    }
    if (!word) {
      pos = StartsAtEdge(text, whole_start) ? NextCharacter(text, whole_start) : NextWordStart(text, whole_start);
      continue;
    }
    RuleMatch match;
    match.rule = &rule;
    match.span = *word;
    auto found = rule.words.find(SingleSpaced(text.substr(word->start, word->size())));
    match.value = found != rule.words.end() ? found->second : rule.value;
    out->push_back(std::move(match));
    pos = std::max(NextCharacter(text, whole_start), static_cast<size_t>(word->end));
  }
}

// Every match of one rule at word edges, scanning on from the end of each.
void RunRule(const Rule& rule, const re2::RE2& re, std::string_view text, std::vector<RuleMatch>* out) {
  if (rule.pattern.empty()) return RunWordRule(rule, re, text, out);
  const int ngroups = re.NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> groups(ngroups);
  const auto& names = re.CapturingGroupNames();
  const int m = re.NamedCapturingGroups().at("m");
  size_t pos = 0;
  while (pos < text.size() &&
         re.Match(re2::StringPiece(text.data(), text.size()), pos, text.size(), re2::RE2::UNANCHORED,
                  groups.data(), ngroups)) {
    const size_t whole_start = groups[0].data() - text.data();
    if (groups[0].empty() || !StartsAtEdge(text, whole_start)) {
      pos = groups[0].empty() ? NextCharacter(text, whole_start) : NextWordStart(text, whole_start);
      continue;  // inside a word: look from the next word on
    }
    if (!ShortenToEdge(re, text, &groups)) {
      pos = NextCharacter(text, whole_start);
      continue;
    }
    RuleMatch match;
    match.rule = &rule;
    match.span = SpanOf(text, std::string_view(groups[m].data(), groups[m].size()));
    const std::string matched(groups[m].data(), groups[m].size());
    auto word = rule.words.find(matched);
    match.value = word != rule.words.end() ? word->second : rule.value;
    for (const auto& [index, name] : names) {
      if (index == m || groups[index].data() == nullptr) continue;
      match.groups[name] = std::string(groups[index].data(), groups[index].size());
      match.group_spans[name] = SpanOf(text, std::string_view(groups[index].data(), groups[index].size()));
    }
    out->push_back(std::move(match));
    size_t next = out->back().span.end;
    if (next <= pos) next = pos + 1;
    while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) ++next;
    pos = next;
  }
}

}  // namespace

bool IsLexiconOnly(const std::string& family) {
  static const std::set<std::string> kFamilies = {"name_stop", "name_join", "number_joiner", "month",
                                                  "month_ambiguous", "hijri_month", "weekday",
                                                  "duration_unit", "duration_dual", "weekday_name", "nth",
                                                  "month_part", "month_shift", "period_scope", "direction",
                                                  "count_word", "day_part", "time_zone", "clock_hour",
                                                  "clock_minute", "currency", "tense", "proclitic", "partitive"};
  return kFamilies.count(family) > 0;
}

Status CompileRules(const std::vector<std::unique_ptr<Rule>>& rules,
                    std::map<std::string, std::unique_ptr<CompiledRules>>* out) {
  std::set<std::string> langs;
  for (const auto& r : rules) {
    if (r->lang != "*") langs.insert(r->lang);
  }
  for (const std::string& lang : langs) {
    auto compiled = std::make_unique<CompiledRules>();
    Status s = CompileLanguage(lang, rules, compiled.get());
    if (!s.ok()) return s;
    (*out)[lang] = std::move(compiled);
  }
  return Status::OK();
}

std::vector<RuleMatch> RuleSet::Match(std::string_view folded, const std::string& lang) const {
  std::vector<RuleMatch> out;
  auto it = compiled_.find(lang);
  if (it == compiled_.end()) return out;
  const CompiledRules& c = *it->second;
  std::vector<int> hits;
  if (!c.prefilter->Match(re2::StringPiece(folded.data(), folded.size()), &hits)) return out;
  std::sort(hits.begin(), hits.end());
  for (int i : hits) RunRule(*c.rules[i], *c.regexes[i], folded, &out);
  std::stable_sort(out.begin(), out.end(), [](const RuleMatch& a, const RuleMatch& b) {
    return a.span.start != b.span.start ? a.span.start < b.span.start : a.span.end > b.span.end;
  });
  return out;
}

}  // namespace factlint

namespace factlint {

std::vector<RuleMatch> RuleSet::MatchRule(const Rule& rule, std::string_view folded, const std::string& lang) const {
  std::vector<RuleMatch> out;
  auto it = compiled_.find(lang);
  if (it == compiled_.end()) return out;
  const CompiledRules& c = *it->second;
  if (auto lexicon = c.lexicon_only.find(rule.id); lexicon != c.lexicon_only.end()) {
    RunRule(rule, *lexicon->second, folded, &out);
  }
  for (size_t i = 0; i < c.rules.size(); ++i) {
    if (c.rules[i] == &rule) RunRule(rule, *c.regexes[i], folded, &out);
  }
  return out;
}

}  // namespace factlint
