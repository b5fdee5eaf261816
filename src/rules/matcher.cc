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
  out->arabic = lang == "ar";
  out->prefilter = std::make_unique<re2::RE2::Set>(Options(), re2::RE2::UNANCHORED);
  const FamilyWords families = WordsByFamily(lang, rules);
  uint32_t order = 0;  // matches of one span keep the rules' order
  for (const auto& rule : rules) {
    if (!AppliesTo(*rule, lang)) continue;
    if (rule->pattern.empty() && !IsLexiconOnly(rule->family)) {
      const auto slot = static_cast<uint32_t>(out->word_rules.size());
      // A word spaced irregularly ("a  b") never matched through RE2 either:
      // WordInside looks words up single spaced.
      for (const auto& [word, value] : rule->words) {
        if (SingleSpaced(word) == word) out->words.Add(word, slot);
      }
      out->word_rules.push_back(rule.get());
      out->word_rule_order.push_back(order++);
      continue;
    }
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
    out->rule_order.push_back(order++);
    out->regexes.push_back(std::move(re));
  }
  out->words.Freeze();
  if (!out->prefilter->Compile()) return Status::InvalidRule("rules for \"" + lang + "\": RE2 set too large");
  return Status::OK();
}

Span SpanOf(std::string_view text, std::string_view piece) {
  const auto start = static_cast<uint32_t>(piece.data() - text.data());
  return Span{start, start + static_cast<uint32_t>(piece.size())};
}

bool IsWordChar(UChar32 c) {
  if (c >= 0 && c < 0x80) return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  if (c >= 0x0621 && c <= 0x064A) return true;  // the Arabic letters (Lo, and tatweel Lm): most of the text
  return c >= 0 && (u_isalnum(c) || u_hasBinaryProperty(c, UCHAR_ALPHABETIC));
}

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
template <typename IsWord>
std::optional<Span> WordInside(std::string_view text, Span whole, const IsWord& is_word) {
  static constexpr std::string_view kPrefixes[] = {"", "و", "ف", "ب", "ك", "ل", "وب", "وك", "ول", "فب", "فك", "فل"};
  static constexpr std::string_view kSuffixes[] = {"", "ا"};
  const std::string_view match = text.substr(whole.start, whole.size());
  for (std::string_view prefix : kPrefixes) {
    if (match.substr(0, prefix.size()) != prefix) continue;
    for (std::string_view suffix : kSuffixes) {
      if (prefix.size() + suffix.size() >= match.size()) continue;
      if (match.substr(match.size() - suffix.size()) != suffix) continue;
      const std::string_view word = match.substr(prefix.size(), match.size() - prefix.size() - suffix.size());
      if (is_word(word)) {
        const uint32_t start = whole.start + static_cast<uint32_t>(prefix.size());
        return Span{start, start + static_cast<uint32_t>(word.size())};
      }
    }
  }
  return std::nullopt;
}

std::optional<Span> WordInside(const Rule& rule, std::string_view text, Span whole) {
  return WordInside(text, whole, [&](std::string_view word) { return rule.words.count(SingleSpaced(word)) > 0; });
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


bool IsSpaceByte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// One way a word of the trie matches at a word start: which proclitics it
// took, how long the word is, whether a tanween alef follows.
struct WordCandidate {
  uint32_t slot;        // word rule
  int prefix_rank;      // RE2's preference for `[وف]?[بكل]?`: both, وف, بكل, none
  uint32_t word_bytes;  // the word's length in the trie (longest first, as in Alternation)
  bool suffix;          // took the tanween alef
  size_t end;           // end of the whole match
};

// The proclitics a match at `pos` may take, in the order RE2's greedy
// `[وف]?[بكل]?` prefers them: (rank, length in bytes).
int Proclitics(std::string_view text, size_t pos, bool arabic, std::pair<int, size_t> out[4]) {
  int n = 0;
  if (arabic) {
    auto letter_at = [&](size_t at, std::initializer_list<std::string_view> letters) -> size_t {
      for (std::string_view l : letters) {
        if (text.compare(at, l.size(), l) == 0) return l.size();
      }
      return 0;
    };
    const size_t first = letter_at(pos, {"و", "ف"});
    const size_t second = first ? letter_at(pos + first, {"ب", "ك", "ل"}) : 0;
    if (first && second) out[n++] = {0, first + second};
    if (first) out[n++] = {1, first};
    if (const size_t alone = letter_at(pos, {"ب", "ك", "ل"})) out[n++] = {2, alone};
  }
  out[n++] = {3, 0};
  return n;
}

// Every word of the trie that starts at `from` (after proclitics of rank
// `rank`), as candidates; a space in a word matches any run of white space.
void WalkTrie(const CompiledRules& c, std::string_view text, size_t from, int rank,
              std::vector<WordCandidate>* out) {
  static constexpr std::string_view kTanween = "ا";
  uint32_t node = 0, bytes = 0;
  for (size_t q = from; q < text.size();) {
    const bool space = IsSpaceByte(text[q]);
    node = c.words.Child(node, space ? ' ' : static_cast<unsigned char>(text[q]));
    if (node == WordTrie::kNone) return;
    ++bytes;
    if (space) {
      while (q < text.size() && IsSpaceByte(text[q])) ++q;
    } else {
      ++q;
    }
    for (uint32_t slot : c.words.Ends(node)) {
      if (c.arabic && text.compare(q, kTanween.size(), kTanween) == 0) {
        out->push_back({slot, rank, bytes, true, q + kTanween.size()});
      }
      out->push_back({slot, rank, bytes, false, q});
    }
  }
}

// True when `word`, spaced as SingleSpaced() spaces it, is a word of rule
// `slot`: the look-up of WordInside through the trie, without allocating.
bool TrieHasWord(const CompiledRules& c, uint32_t slot, std::string_view word) {
  auto space = [](char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; };
  size_t begin = 0, end = word.size();
  while (begin < end && space(word[begin])) ++begin;
  while (end > begin && space(word[end - 1])) --end;
  if (begin == end) return false;
  uint32_t node = 0;
  for (size_t i = begin; i < end;) {
    node = c.words.Child(node, space(word[i]) ? ' ' : static_cast<unsigned char>(word[i]));
    if (node == WordTrie::kNone) return false;
    if (space(word[i])) {
      while (i < end && space(word[i])) ++i;
    } else {
      ++i;
    }
  }
  const std::vector<uint32_t>& ends = c.words.Ends(node);
  return std::find(ends.begin(), ends.end(), slot) != ends.end();
}

// The match RE2 would have given at `start` for one rule: its preferred
// candidate, shortened (as ShortenToEdge does) until one ends at a word
// edge.  `candidates` are this rule's, best first.
const WordCandidate* ChooseAtEdge(std::string_view text, size_t start, const WordCandidate* first,
                                  const WordCandidate* last) {
  constexpr int kMaxShortenings = 8;
  size_t limit = text.size();
  for (int tries = 0;; ++tries) {
    const WordCandidate* best = std::find_if(first, last, [&](const WordCandidate& w) { return w.end <= limit; });
    if (best == last) return nullptr;
    if (EndsAtEdge(text, best->end)) return best;
    if (tries == kMaxShortenings) return nullptr;
    limit = PreviousWordEnd(text, start, best->end);
    if (limit <= start) return nullptr;
  }
}

// Every match of the word-list rules (or of `only`, a slot, when set), with
// the rank of its rule: what RunWordRule gives with one RE2 per rule, found
// by one walk of the trie from each word start.
void MatchWords(const CompiledRules& c, std::string_view text, std::optional<uint32_t> only,
                std::vector<std::pair<uint32_t, RuleMatch>>* out) {
  if (c.word_rules.empty()) return;
  std::vector<size_t> free_from(c.word_rules.size(), 0);  // a rule's matches do not overlap
  std::vector<WordCandidate> candidates;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  bool at_edge = true;
  for (int32_t pos = 0; pos < length;) {
    if (at_edge) {
      candidates.clear();
      std::pair<int, size_t> proclitics[4];
      const int n = Proclitics(text, pos, c.arabic, proclitics);
      for (int i = 0; i < n; ++i) WalkTrie(c, text, pos + proclitics[i].second, proclitics[i].first, &candidates);
      std::sort(candidates.begin(), candidates.end(), [](const WordCandidate& a, const WordCandidate& b) {
        if (a.slot != b.slot) return a.slot < b.slot;
        if (a.prefix_rank != b.prefix_rank) return a.prefix_rank < b.prefix_rank;
        if (a.word_bytes != b.word_bytes) return a.word_bytes > b.word_bytes;
        return a.suffix > b.suffix;
      });
      for (auto first = candidates.begin(); first != candidates.end();) {
        auto last = std::find_if(first, candidates.end(), [&](const WordCandidate& w) { return w.slot != first->slot; });
        const uint32_t slot = first->slot;
        const WordCandidate* chosen = nullptr;
        if ((!only || *only == slot) && static_cast<size_t>(pos) >= free_from[slot]) {
          chosen = ChooseAtEdge(text, pos, &*first, &*first + (last - first));
        }
        first = last;
        if (!chosen) continue;
        const Rule& rule = *c.word_rules[slot];
        const std::optional<Span> word =
            WordInside(text, Span{static_cast<uint32_t>(pos), static_cast<uint32_t>(chosen->end)},
                       [&](std::string_view w) { return TrieHasWord(c, slot, w); });
        if (!word) continue;
        RuleMatch match;
        match.rule = &rule;
        match.span = *word;
        auto found = rule.words.find(SingleSpaced(text.substr(word->start, word->size())));
        match.value = found != rule.words.end() ? found->second : rule.value;
        out->emplace_back(c.word_rule_order[slot], std::move(match));
        free_from[slot] = std::max(NextCharacter(text, pos), static_cast<size_t>(word->end));
      }
    }
    UChar32 ch;
    U8_NEXT(s, pos, length, ch);
    at_edge = !IsWordChar(ch);
  }
}

// Matches in text order; of one span, the longer first, then in the rules' order.
std::vector<RuleMatch> InTextOrder(std::vector<std::pair<uint32_t, RuleMatch>> ranked) {
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    const Span& x = a.second.span;
    const Span& y = b.second.span;
    if (x.start != y.start) return x.start < y.start;
    if (x.end != y.end) return x.end > y.end;
    return a.first < b.first;
  });
  std::vector<RuleMatch> out;
  out.reserve(ranked.size());
  for (auto& [rank, match] : ranked) out.push_back(std::move(match));
  return out;
}

}  // namespace

bool IsLexiconOnly(const std::string& family) {
  static const std::set<std::string> kFamilies = {"name_stop", "name_join", "number_joiner", "month",
                                                  "month_ambiguous", "hijri_month", "weekday",
                                                  "duration_unit", "duration_dual", "weekday_name", "nth",
                                                  "month_part", "month_shift", "period_scope", "direction",
                                                  "count_word", "day_part", "time_zone", "clock_hour",
                                                  "clock_minute", "currency", "tense", "proclitic", "partitive", "figure_follower"};
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
  auto it = compiled_.find(lang);
  if (it == compiled_.end()) return {};
  const CompiledRules& c = *it->second;
  std::vector<std::pair<uint32_t, RuleMatch>> ranked;
  MatchWords(c, folded, std::nullopt, &ranked);
  std::vector<int> hits;
  if (!c.rules.empty() && c.prefilter->Match(re2::StringPiece(folded.data(), folded.size()), &hits)) {
    std::vector<RuleMatch> found;
    for (int i : hits) {
      found.clear();
      RunRule(*c.rules[i], *c.regexes[i], folded, &found);
      for (RuleMatch& m : found) ranked.emplace_back(c.rule_order[i], std::move(m));
    }
  }
  return InTextOrder(std::move(ranked));
}

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
  for (size_t i = 0; i < c.word_rules.size(); ++i) {
    if (c.word_rules[i] != &rule) continue;
    std::vector<std::pair<uint32_t, RuleMatch>> ranked;
    MatchWords(c, folded, static_cast<uint32_t>(i), &ranked);
    for (auto& [rank, match] : ranked) out.push_back(std::move(match));
  }
  return out;
}

void WordTrie::Add(std::string_view word, uint32_t slot) {
  if (word.empty()) return;
  uint32_t node = 0;
  for (char byte : word) {
    const uint64_t key = static_cast<uint64_t>(node) << 8 | static_cast<unsigned char>(byte);
    auto [at, added] = edges_.emplace(key, static_cast<uint32_t>(ends_.size()));
    if (added) ends_.emplace_back();
    node = at->second;
  }
  std::vector<uint32_t>& ends = ends_[node];
  if (std::find(ends.begin(), ends.end(), slot) == ends.end()) ends.push_back(slot);
}

void WordTrie::Freeze() {
  std::vector<std::pair<uint64_t, uint32_t>> edges(edges_.begin(), edges_.end());
  std::sort(edges.begin(), edges.end());  // by node, then byte
  child_begin_.assign(ends_.size() + 1, 0);
  child_bytes_.clear();
  child_nodes_.clear();
  for (const auto& [key, child] : edges) {
    ++child_begin_[(key >> 8) + 1];
    child_bytes_.push_back(static_cast<unsigned char>(key & 0xFF));
    child_nodes_.push_back(child);
  }
  for (size_t i = 1; i < child_begin_.size(); ++i) child_begin_[i] += child_begin_[i - 1];
  edges_.clear();
}

}  // namespace factlint
