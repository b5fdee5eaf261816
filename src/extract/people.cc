#include "extract/people.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <optional>

#include "factlint/fold.h"

namespace factlint {
namespace {

// Families whose words never start or continue a name.
constexpr const char* kNotNameFamilies[] = {"name_stop", "event", "who", "place", "office", "jurisdiction",
                                            "month", "weekday", "former", "number_word", "qualifier",
                                            "ordinal", "time", "source", "honorific"};

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
  for (bool stop = false; !stop;) {
    Span w = StripPunctuation(text, NextWord(text, name.end), &stop);
    const std::string word = text.substr(w.start, w.size());
    // After عبد/ابو the next word completes one name ("بدر عبد العاطي",
    // "سلمان بن عبد العزيز"), so it does not count as a word of its own.
    const std::string previous = words ? text.substr(name.start, name.size()) : "";
    const bool compound = lang == "ar" && previous.size() >= 6 &&
                          (previous.compare(previous.size() - 6, 6, "عبد") == 0 ||
                           previous.compare(previous.size() - 6, 6, "ابو") == 0);
    if (words >= 3 && !compound) break;
    bool ok = !word.empty() && IsNameWord(rules, lang, word);
    if (lang == "ar") {
      // Names do not start with the article, except after عبد/ابو.
      ok = ok && IsArabicLetters(word) && (word.compare(0, 4, "ال") != 0 || compound);
    } else {
      const std::string original = ctx.Quote(w);
      ok = ok && !original.empty() && std::isupper(static_cast<unsigned char>(original[0]));
    }
    if (!ok) break;
    if (words == 0) name.start = w.start;
    name.end = w.end;
    if (!compound) ++words;
  }
  if (words == 0) return std::nullopt;
  NameExpr n;
  n.span = name;
  // One word is a bare family name ("الرئيس عون"): whose, the document's
  // full names tell (JoinFamilyNames).
  n.key = words == 1 ? std::string(kFamilyNamePrefix) + keyer.Skeleton(ctx.Quote(name)) : keyer.KeyFor(ctx.Quote(name));
  // Claimed like a listed name (its jurisdiction may come from the document);
  // JoinFamilyNames keeps it only if it names one person of the document.
  n.known = words == 1;
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
  // A jurisdiction inside the title itself ("المبعوث الأممي الخاص", "حاكم مصرف لبنان").
  for (const RuleMatch* j : jurisdictions) {
    if (o->jurisdiction.empty() && o->span.contains(j->span)) o->jurisdiction = j->value;
  }
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
        o->status = f->value.empty() ? "former" : f->value;
        o->span = Span{std::min(o->span.start, f->span.start), std::max(o->span.end, f->span.end)};
      }
    }
  }
}

// True when the listed person `key` is known to have held `office` anywhere.
bool HeldBy(const RuleSet& rules, const std::string& key, const std::string& office) {
  const Person* p = rules.FindPerson(key);
  return p && std::any_of(p->roles.begin(), p->roles.end(), [&](const std::string& role) {
    const size_t slash = role.find('/');
    return slash != std::string::npos && role.compare(slash + 1, std::string::npos, office) == 0;
  });
}

// A listed spelling that starts inside the title and runs past it: the title
// is part of the spelling ("الملك عبد الله الثاني", "البابا ليو الرابع عشر").
const RuleMatch* PersonOverTitle(const std::vector<const RuleMatch*>& people, Span title) {
  for (const RuleMatch* p : people) {
    if (p->span.start >= title.start && p->span.start < title.end && p->span.end > title.end) return p;
  }
  return nullptr;
}

// Past honorifics right at `pos` ("الشيخ", "الأمير", "Sheikh"): where the name starts.
uint32_t SkipHonorifics(const SentenceContext& ctx, const std::vector<const RuleMatch*>& honorifics, uint32_t pos) {
  for (const RuleMatch* h : honorifics) {
    if (h->span.start >= pos && ctx.Gap(pos, h->span.start).empty()) pos = h->span.end;
  }
  return pos;
}

// Names after the title, joined by "و"/"and"; or one name apposed before it.
void ReadHolders(const SentenceContext& ctx, const RuleSet& rules, const PersonKeyer& keyer,
                 const std::vector<const RuleMatch*>& people, const std::vector<const RuleMatch*>& honorifics,
                 OfficeExpr* o) {
  uint32_t pos = o->span.end;
  const auto& joiners = rules.Lexicon(ctx.sentence().lang, "name_join");
  for (bool first = true;; first = false) {
    // A listed spelling may carry the honorific ("الشيخ تميم بن حمد آل ثاني"); else skip it.
    const RuleMatch* p = first ? PersonOverTitle(people, o->span) : nullptr;
    if (!p) p = PersonAt(people, ctx, pos, first);
    if (!p) {
      const uint32_t name = SkipHonorifics(ctx, honorifics, pos);
      if (name != pos) p = PersonAt(people, ctx, name, false);
      pos = name;
    }
    if (p) {
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
    // "روبيو، وزير الخارجية": a comma (or "the") makes the title his.  With a
    // space alone the title may begin the next phrase ("استقبل الملك عبد الله
    // الثاني وزير الخارجية الأمريكي"): only a holder of that office takes it.
    const std::string_view gap = ctx.Between(p->span.end, o->span.start);
    const bool marked = gap.find_first_not_of(' ') != std::string_view::npos;
    if (AppositionGap(gap) && (marked || HeldBy(rules, p->value, o->office))) o->holders.push_back(Known(*p));
    break;
  }
}

}  // namespace

namespace {

// Doubled letters collapse ("mohammed" = "mohamed"); in code because RE2 has
// no back-references.
std::string CollapseDoubles(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (out.empty() || c != out.back() || c == ' ') out += c;
  }
  return out;
}

std::string LastWord(const std::string& key) {
  const size_t dash = key.rfind('-');
  return dash == std::string::npos ? key : key.substr(dash + 1);
}

}  // namespace

PersonKeyer::PersonKeyer(const RuleSet& rules) : rules_(rules) {
  UErrorCode status = U_ZERO_ERROR;
  latin_.reset(icu::Transliterator::createInstance("Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
  if (U_FAILURE(status)) latin_.reset();
  for (const NameKeyStep& step : rules.name_keys()) {
    auto re = std::make_unique<re2::RE2>(step.pattern);
    if (!re->ok()) continue;  // rules_test compiles every step and names the bad one
    (step.stage == "before" ? before_ : after_).push_back({std::move(re), step.replace});
  }
  for (const Person& p : rules.people()) {
    for (const std::string& alias : p.aliases) {
      const std::string skeleton = Skeleton(alias);
      if (skeleton.empty()) continue;
      families_[p.key].insert(LastWord(skeleton));
      if (skeleton.find('-') == std::string::npos) continue;  // only full names identify a person
      auto [it, fresh] = listed_.insert({skeleton, p.key});
      if (!fresh && it->second != p.key) it->second.clear();  // two people: the skeleton names neither
    }
  }
}

PersonKeyer::~PersonKeyer() = default;

std::string PersonKeyer::Skeleton(const std::string& original) const {
  std::string folded = SingleSpaced(Fold(original));
  for (const auto& [re, replace] : before_) re2::RE2::GlobalReplace(&folded, *re, replace);
  std::string latin;
  if (std::all_of(folded.begin(), folded.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    latin = folded;  // already ASCII, and folding lower-cased it: ICU has nothing to do
  } else {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(folded);
    if (latin_) {
      std::lock_guard<std::mutex> lock(mu_);
      latin_->transliterate(u);
    }
    u.toUTF8String(latin);
  }
  for (const auto& [re, replace] : after_) re2::RE2::GlobalReplace(&latin, *re, replace);
  latin = CollapseDoubles(latin);
  std::string key;
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

std::string PersonKeyer::KeyFor(const std::string& original) const {
  const std::string skeleton = Skeleton(original);
  auto it = listed_.find(skeleton);
  return it != listed_.end() && !it->second.empty() ? it->second : skeleton;
}

std::string PersonKeyer::RoleFor(const std::string& key, const std::string& office) const {
  if (const Person* p = rules_.FindPerson(key)) {
    for (const std::string& role : p->roles) {
      const size_t slash = role.find('/');
      if (slash != std::string::npos && role.compare(slash + 1, std::string::npos, office) == 0) return role.substr(0, slash);
    }
  }
  return "";
}

std::set<std::string> PersonKeyer::FamilyNames(const std::string& key) const {
  auto it = families_.find(key);
  return it != families_.end() ? it->second : std::set<std::string>{LastWord(key)};
}

namespace {

std::string* PersonKeyOf(Claim* c) {
  if (auto* o = c->get<OfficeholderFacts>()) return &o->person_key;
  if (auto* p = c->get<PersonFacts>()) return &p->person_key;
  return nullptr;
}

bool IsFamilyName(const std::string& key) { return key.rfind(kFamilyNamePrefix, 0) == 0; }

}  // namespace

void JoinFamilyNames(const PersonKeyer& keyer, std::vector<Claim>* claims) {
  // Family name skeleton -> the full names of the document that carry it.
  std::map<std::string, std::set<std::string>> owners;
  for (Claim& c : *claims) {
    const std::string* key = PersonKeyOf(&c);
    if (!key || IsFamilyName(*key)) continue;
    for (const std::string& family : keyer.FamilyNames(*key)) owners[family].insert(*key);
  }
  std::vector<Claim> kept;
  for (Claim& c : *claims) {
    std::string* key = PersonKeyOf(&c);
    if (key && IsFamilyName(*key)) {
      auto it = owners.find(key->substr(kFamilyNamePrefix.size()));
      if (it == owners.end() || it->second.size() != 1) continue;  // whose? say nothing rather than guess
      *key = *it->second.begin();
      if (c.get<PersonFacts>()) c.subject = "person/" + *key;
      if (auto* o = c.get<OfficeholderFacts>(); o && o->inferred) {
        // The jurisdiction was the document's guess; the person's own role is better.
        const std::string role = keyer.RoleFor(*key, o->office);
        if (!role.empty()) {
          o->jurisdiction = role;
          c.subject = "office/" + role + "/" + o->office;
        }
      }
    }
    kept.push_back(std::move(c));
  }
  *claims = std::move(kept);
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
  const auto honorifics = ctx.LongestOf("honorific");
  for (const RuleMatch* m : ctx.LongestOf("office")) {
    OfficeExpr o;
    o.span = m->span;
    o.rule = m->rule;
    o.office = m->value;
    if (const Office* office = rules.FindOffice(o.office)) o.jurisdiction = office->jurisdiction;
    ReadModifiers(ctx, jurisdictions, former, &o);
    ReadHolders(ctx, rules, keyer, people, honorifics, &o);
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace factlint
