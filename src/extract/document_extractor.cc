#include "extract/document_extractor.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "extract/claim_builder.h"
#include "extract/sentence_language.h"
#include "factlint/claim_kind.h"
#include "factlint/segment.h"

namespace factlint {

struct SentenceFinds {
  std::vector<NumberExpr> numbers;
  std::vector<TimeExpr> times;
  std::vector<DurationExpr> durations;
  std::vector<OfficeExpr> offices;
  std::vector<NameExpr> people;
};

namespace {

// The match of `family` nearest to `span` inside `clause`; before it first
// when `before_first`, else after it first.
const RuleMatch* Nearest(const std::vector<const RuleMatch*>& matches, Span span, Span clause, bool before_first) {
  const RuleMatch* before = nullptr;
  const RuleMatch* after = nullptr;
  for (const RuleMatch* m : matches) {
    if (!clause.contains(m->span) || m->span.overlaps(span)) continue;
    if (m->span.end <= span.start) before = m;  // the last one before wins
    if (m->span.start >= span.end && !after) after = m;
  }
  return before_first ? (before ? before : after) : (after ? after : before);
}

// The match of `family` that starts right after `pos`.  Allowed between:
// white space, the partitive ("من", "of") or a linking word the rule did not
// take ("251 شخصًا كرهائن", "410 seats for Labour"): the rules' `partitive`
// words of value gap or link.  With `across_clause`, also a clause break
// (value clause: "400 ألف شخص، فروا"), for a figure whose own clause names
// no event.
const RuleMatch* RightAfter(const SentenceContext& ctx, const std::vector<const RuleMatch*>& matches, uint32_t pos,
                            bool across_clause = false) {
  for (const RuleMatch* m : matches) {
    if (m->span.start < pos) continue;
    const std::string gap = ctx.Gap(pos, m->span.start);
    if (gap.empty()) return m;
    const auto& links = ctx.Lexicon("partitive");
    auto it = links.find(gap);
    if (it == links.end()) return nullptr;
    return it->second == "gap" || it->second == "link" || (across_clause && it->second == "clause") ? m : nullptr;
  }
  return nullptr;
}

bool IsPartitive(const SentenceContext& ctx, const std::string& gap);

// "the Conservatives were reduced to 121 seats": the group named last before
// a figure in its clause, for counts that name their group first (seats,
// votes).  None for the whole after a part ("411 of the 650 seats").
const RuleMatch* GroupBefore(const SentenceContext& ctx, const std::vector<const RuleMatch*>& groups,
                             const std::vector<NumberExpr>& numbers, const NumberExpr& n, Span clause) {
  const NumberExpr* previous = nullptr;  // numbers come in text order
  for (const NumberExpr& other : numbers) {
    if (other.span.end <= n.span.start) previous = &other;
  }
  if (previous && IsPartitive(ctx, ctx.Gap(previous->span.end, n.span.start))) return nullptr;
  const RuleMatch* last = nullptr;
  for (const RuleMatch* g : groups) {
    if (g->span.end <= n.span.start && g->span.start >= clause.start) last = g;
  }
  return last;
}

// "للسلطات الصحية" after "وفقًا" -> "السلطات الصحية": the attached ل
// ("according to") is dropped, and "لل" gives its article back.
std::string SourceName(std::string text) {
  const size_t first = text.find_first_not_of(' ');
  text.erase(0, first == std::string::npos ? text.size() : first);
  static const std::string kLam = "ل", kTatweel = "ـ";
  if (text.rfind(kLam + kLam, 0) == 0) return "ا" + text.substr(kLam.size());
  if (text.rfind(kLam + kTatweel, 0) == 0) text.erase(0, kLam.size() + kTatweel.size());
  else if (text.rfind(kLam, 0) == 0) text.erase(0, kLam.size());
  const size_t start = text.find_first_not_of(' ');
  if (start == std::string::npos) return "";
  const size_t end = text.find_last_not_of(" .,;:!?\"'");
  return text.substr(start, end == std::string::npos || end < start ? 0 : end + 1 - start);
}

// The one person a sentence names (any number of times), else null.
const RuleMatch* OnlyPerson(const std::vector<const RuleMatch*>& people) {
  for (const RuleMatch* p : people) {
    if (p->value != people.front()->value) return nullptr;
  }
  return people.empty() ? nullptr : people.front();
}

// Where the last coordinated phrase before `to` begins: after the last "and"
// ("و" joined to its word: "تعرقل الإغاثة في نوتو وارتفاع الحصيلة إلى 98"
// -- Noto is where relief is hampered, not where the 98 were counted).
uint32_t AfterLastConjunction(const SentenceContext& ctx, uint32_t from, uint32_t to) {
  const auto& joiners = ctx.Lexicon("number_joiner");
  const auto& proclitics = ctx.Lexicon("proclitic");
  uint32_t start = from;
  for (const FoldedWord& w : FoldedWords(ctx.Between(from, to))) {
    bool conjunction = joiners.count(w.text) > 0;
    for (const auto& [joiner, unused] : joiners) {
      conjunction |= proclitics.count(joiner) && w.text.size() > joiner.size() + 4 && w.text.rfind(joiner, 0) == 0;
    }
    if (conjunction) start = from + w.at + static_cast<uint32_t>(w.text.size());
  }
  return start;
}

// "402 من القتلى", "400 of the deaths" (the word between the figure and what
// it counts), "نجاة 12 منهم", "12 of them" (the words right after it): a part
// of a group counted elsewhere, from the rules' `partitive` words.
bool IsPartitive(const SentenceContext& ctx, const std::string& gap) {
  const auto& words = ctx.Lexicon("partitive");
  auto it = words.find(gap);
  return it != words.end() && it->second == "gap";
}

bool PartitiveAfter(const SentenceContext& ctx, uint32_t end, Span clause) {
  const auto& partitives = ctx.Lexicon("partitive");
  const std::vector<FoldedWord> words = FoldedWords(ctx.Between(end, clause.end));
  std::string phrase;
  for (size_t n = 0; n < 2 && n < words.size(); ++n) {
    phrase += (n ? " " : "") + words[n].text;
    auto it = partitives.find(phrase);
    if (it != partitives.end() && it->second == "pronoun") return true;
  }
  return false;
}

// The event word of a figure whose counted noun does not follow it: the
// nearest one in the clause, close enough to be about this figure (a word or
// four before it, "ارتفع عدد القتلى إلى 126"; or just after it).  A farther one
// belongs to another figure or to none.
// A figure followed by whom it counts ("40 ألف فلسطيني") is surely a count
// of people, and its verb may stand farther away, as Arabic puts it first
// ("قتلت الحملة العسكرية ... أكثر من 40 ألف فلسطيني"), and English may put
// a few words between whom and the verb ("300 patients and their
// companions were shot dead").
const RuleMatch* NearestClose(const std::vector<const RuleMatch*>& matches, Span span, Span clause, bool counts_people) {
  const uint32_t before = counts_people ? 128 : 48, after = counts_people ? 32 : 16;  // folded bytes
  const RuleMatch* m = Nearest(matches, span, clause, true);
  if (!m) return nullptr;
  if (m->span.end <= span.start) return span.start - m->span.end <= before ? m : nullptr;
  return m->span.start - span.end <= after ? m : nullptr;
}

// "ضرب الزلزال اليابان في 1 يناير", "gunmen attacked the hall on Friday": the
// incident word a date dates, when a verb in its clause says the incident
// happened then (a date beside "the toll rose" dates only a report).  Wars
// are dated by their own start rules.
const RuleMatch* IncidentDated(const SentenceContext& ctx, const std::vector<const RuleMatch*>& incidents,
                               const std::vector<const RuleMatch*>& occurred, const TimeExpr& t, Span clause) {
  // Relative days ("on Tuesday", "اليوم") date the report as often as the incident.
  if (t.iso.empty()) return nullptr;
  if (!t.relation.empty() && !StatesItsDate(ctx, t)) return nullptr;
  const bool happened =
      std::any_of(occurred.begin(), occurred.end(), [&](const RuleMatch* o) { return clause.contains(o->span); });
  // "وكانت المروحية، وهي من طراز بيل 212، قد فقدت الاتصال الأحد 19 مايو": the
  // clause says it happened; the sentence says what did.
  const Span sentence{0, static_cast<uint32_t>(ctx.folded().size())};
  // "ويشهد السودان منذ 15 أبريل 2023 حربا", "أودت الفيضانات بحياة 937 شخصا
  // منذ 14 يونيو": since when a war goes on, or a toll is counted, is when
  // the incident began.
  const RuleMatch* m = Nearest(incidents, t.span, happened || t.since ? sentence : clause, true);
  if (!m || m->value == kAnyIncident) return nullptr;
  if (t.since) return m;
  return happened && m->rule->Attribute("lookback") != "none" ? m : nullptr;
}

// True when the figure ending at `end` ends its clause, or the next word is
// one of the rules' `figure_follower` words (a proclitic may stand before it).
bool FollowedByFunctionWord(const SentenceContext& ctx, uint32_t end) {
  const std::string& text = ctx.folded();
  uint32_t pos = end;
  while (pos < text.size() && text[pos] == ' ') ++pos;
  if (pos >= text.size() || ctx.ClauseAround(Span{end, end}).end <= pos) return true;
  const unsigned char c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80 && !std::isalnum(c)) return true;  // punctuation
  // The next word, looked up (not matched: these small words are everywhere),
  // as it stands or after a proclitic or linking letter ("وبحسب", "لدى").
  const size_t stop = std::min(text.find_first_of(" .,:;!?\"'()", pos), text.size());
  const std::string word = text.substr(pos, stop - pos);
  const auto& followers = ctx.Lexicon("figure_follower");
  if (followers.count(word)) return true;
  const auto& links = ctx.Lexicon("partitive");
  auto after_prefix = [&](const std::string& prefix) {
    return word.size() > prefix.size() && word.compare(0, prefix.size(), prefix) == 0 &&
           followers.count(word.substr(prefix.size()));
  };
  for (const auto& [prefix, unused] : ctx.Lexicon("proclitic")) {
    if (after_prefix(prefix)) return true;
  }
  for (const auto& [prefix, kind] : links) {
    if (kind == "link" && after_prefix(prefix)) return true;
  }
  return false;
}

bool OverlapsAny(Span span, const std::vector<Span>& others) {
  return std::any_of(others.begin(), others.end(), [&](Span o) { return o.overlaps(span); });
}

// A bare four-digit integer between 1900 and 2100 reads as a year, unless an
// event word stands right before it ("وإصابة 2059 آخرين").
bool LooksLikeYear(const SentenceContext& ctx, const NumberExpr& n, const std::vector<const RuleMatch*>& events) {
  if (n.qualifier != "exact" || n.span.size() != 4 || n.stated < 1900 || n.stated > 2100) return false;
  return std::none_of(events.begin(), events.end(), [&](const RuleMatch* e) {
    return e->span.end <= n.span.start && ctx.OnlySpaceBetween(e->span.end, n.span.start);
  });
}

// A measurement is as precise as it is written: "11 miles" is 10.5..11.5.
Interval StatedPrecision(const SentenceContext& ctx, const NumberExpr& n) {
  if (n.qualifier != "exact") return n.range;
  const std::string_view text = ctx.Between(n.span.start, n.span.end);
  const size_t dot = text.find('.');
  size_t decimals = 0;
  while (dot != std::string_view::npos && dot + 1 + decimals < text.size() &&
         std::isdigit(static_cast<unsigned char>(text[dot + 1 + decimals]))) {
    ++decimals;
  }
  const double half = 0.5 * std::pow(10.0, -static_cast<double>(decimals));
  return {n.stated - half, n.stated + half};
}

// Whether measure trigger `m` measures figure `n`: up to four words before
// it in its clause with no other figure between, or right after it (only a
// hyphen between).
bool MeasureOf(const SentenceContext& ctx, const RuleMatch& m, const NumberExpr& n, Span clause) {
  if (!clause.contains(m.span)) return false;
  if (m.span.start >= n.span.end) {
    const std::string gap = ctx.Gap(n.span.end, m.span.start);
    return gap.empty() || gap == "-";
  }
  if (m.span.end > n.span.start) return false;
  // No other figure between: "بقوة 7.6 درجات على بعد 30 كيلومترا" measures 7.6 only.
  const std::string_view between = ctx.Between(m.span.end, n.span.start);
  if (std::any_of(between.begin(), between.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
  return std::count(between.begin(), between.end(), ' ') <= 5;
}

std::string Join(std::initializer_list<std::string> parts) {
  std::string out;
  for (const std::string& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += '/';
    out += p;
  }
  return out;
}

// "killed/palestinians/gaza": what a figure counts, of whom, where.
std::string SubjectOf(const QuantityFacts& q) {
  return Join({std::string(Name(q.event)), q.who.empty() ? "any" : q.who, q.where});
}

// The claim's precision of a time the rules read ("minute", "day", ...).
DatePrecision PrecisionOf(const TimeExpr& t) {
  return FromName<DatePrecision>(t.precision).value_or(DatePrecision::kUnstated);
}

}  // namespace

DocumentExtractor::DocumentExtractor(const Document& doc, const RuleSet& rules, const PersonKeyer& keyer,
                                     const Gazetteer* gazetteer, double tolerance, SentenceSplitter* splitter)
    : doc_(doc), rules_(rules), keyer_(keyer), tolerance_(tolerance), splitter_(splitter),
      incidents_(doc, gazetteer) {}

std::vector<Claim> DocumentExtractor::Run(std::vector<Mention>* mentions) {
  std::vector<Sentence> sentences = splitter_->Split(doc_);
  LanguageForUndetermined(doc_, &sentences);
  for (const Sentence& s : sentences) {
    contexts_.push_back(std::make_unique<SentenceContext>(doc_, s, rules_));
    for (const RuleMatch& m : contexts_.back()->matches()) {
      if (m.rule->family == "jurisdiction") ++jurisdiction_counts_[m.value];
      if (m.rule->family == "person") ++people_counts_[m.value];
    }
  }
  std::optional<int64_t> story_day;  // the last day the document dated in full
  size_t previous_sentence_claims = 0;  // index of the previous sentence's first claim
  for (size_t i = 0; i < contexts_.size(); ++i) {
    const auto& ctx = contexts_[i];
    Found found;
    found.numbers = FindNumbers(*ctx, rules_, tolerance_);
    found.times = FindTimes(*ctx, rules_, doc_.meta.date, &story_day);
    incidents_.AddSentence(i, *ctx, found.times);
    found.durations = FindDurations(*ctx, rules_, tolerance_);
    found.offices = FindOffices(*ctx, rules_, keyer_);
    found.people = FindPeople(*ctx);
    const size_t before = claims_.size();
    for (const ClaimKind* kind : AllClaimKinds()) kind->Extract(this, *ctx, found);
    InferFromNoSurvivors(*ctx, i == 0 ? before : previous_sentence_claims);
    previous_sentence_claims = before;
    for (size_t k = before; k < claims_.size(); ++k) claims_[k].headline = i == 0;
    if (mentions) AddMentions(*ctx, found, mentions);
  }
  InferUnnamedHolders();
  incidents_.Attach(&claims_);
  JoinFamilyNames(keyer_, &claims_);  // after Attach: it drops claims, which would shift Attach's indices
  std::stable_sort(claims_.begin(), claims_.end(), [](const Claim& a, const Claim& b) {
    return a.span.start != b.span.start ? a.span.start < b.span.start : a.span.end < b.span.end;
  });
  for (size_t i = 0; i < claims_.size(); ++i) claims_[i].id = fmt::format("{}#{}", doc_.id, i + 1);
  // The contexts point into `sentences`, which dies here.
  contexts_.clear();
  return std::move(claims_);
}

void DocumentExtractor::Quantities(const SentenceContext& ctx, const Found& found) {
  std::vector<Span> taken;
  for (const TimeExpr& t : found.times) taken.push_back(t.span);
  for (const DurationExpr& d : found.durations) taken.push_back(d.span);
  for (const RuleMatch* m : ctx.Family("not_quantity")) taken.push_back(m->span);
  for (const RuleMatch* m : ctx.Family("ordinal")) taken.push_back(m->span);
  const auto events = ctx.LongestOf("event");
  const auto who = ctx.LongestOf("who");
  const auto places = ctx.LongestOf("place");
  const auto measures = ctx.Family("measure");
  const auto qualifiers = ctx.LongestOf("qualifier");
  const auto sources = ctx.Family("source");
  const auto hedges = ctx.Family("hedge");
  const auto units = ctx.LongestOf("unit");
  // Event words that are the counted noun of a figure ("104 ناجين") belong
  // to it, and to no other figure of the sentence.
  std::vector<Span> consumed;
  for (const NumberExpr& n : found.numbers) {
    if (const RuleMatch* e = RightAfter(ctx, events, n.span.end)) consumed.push_back(e->span);
  }
  std::vector<const RuleMatch*> free_events;
  for (const RuleMatch* e : events) {
    if (!OverlapsAny(e->span, consumed)) free_events.push_back(e);
  }
  ClaimBuilder builder(&claims_);
  for (const NumberExpr& n : found.numbers) {
    if (n.share || OverlapsAny(n.span, taken) || LooksLikeYear(ctx, n, events)) continue;
    Span clause = ctx.ClauseAround(n.span);
    QuantityFacts q;
    q.range = n.range;
    q.stated = n.stated;
    q.qualifier = FromName<Qualifier>(n.qualifier).value_or(Qualifier::kExact);
    Span evidence = n.full;
    const Rule* rule = nullptr;
    // A measurement: its trigger a few words before the figure ("بقوة 6.8",
    // "نسبة المشاركة في الانتخابات بلغت 52") or glued after it ("6.2-magnitude").
    for (const RuleMatch* m : measures) {
      const std::optional<Measure> measure = FromName<Measure>(m->value);  // the rules loader checked it
      if (measure && MeasureOf(ctx, *m, n, clause)) {
        rule = m->rule;
        q.event = *measure;
        q.unit = m->rule->Attribute("unit");
      }
    }
    if (q.unit.empty()) q.unit = n.currency;  // "$100 million"
    std::string unit_words;
    if (const RuleMatch* u = RightAfter(ctx, units, n.span.end)) {
      const double factor = std::strtod(u->value.c_str(), nullptr);
      q.unit = u->rule->value;
      q.range = StatedPrecision(ctx, n);
      if (factor > 0 && factor != 1) {
        q.range = {q.range.low * factor, q.range.high * factor};
        q.stated *= factor;
        unit_words = fmt::format(" {} (= {} {})", ctx.Quote(u->span), FormatNumber(std::round(q.stated * 10) / 10), q.unit);
      }
      evidence.end = u->span.end;
    } else if (rule) {
      q.range = StatedPrecision(ctx, n);
    }
    if (n.percent && q.unit.empty()) q.unit = "percent";
    if (!rule) {
      // What is counted: the noun right after the figure, else the nearest
      // event word of the clause (before it first: "مقتل نحو 12 ألف").
      const RuleMatch* counted = RightAfter(ctx, events, n.span.end);
      // "402 من القتلى", "400 of the deaths": a part of the dead, not a toll.
      if (counted && IsPartitive(ctx, ctx.Gap(n.span.end, counted->span.start))) q.who = "part";
      if (!counted && PartitiveAfter(ctx, n.span.end, clause)) q.who = "part";
      const RuleMatch* person = counted ? nullptr : RightAfter(ctx, who, n.span.end);
      if (person) {
        evidence.end = person->span.end;
        if (person->rule->Attribute("role") != "generic") q.who = person->value;
        counted = RightAfter(ctx, events, person->span.end);
      }
      const RuleMatch* event = counted ? counted : NearestClose(free_events, person ? Span{n.span.start, person->span.end} : n.span, clause, person != nullptr);
      if (!event && person) {
        // Read across the comma, the verb's clause is the figure's too.
        event = counted = RightAfter(ctx, free_events, person->span.end, true);
        if (event) clause.end = ctx.ClauseAround(event->span).end;
      }
      const std::optional<Measure> counts = event ? FromName<Measure>(event->value) : std::nullopt;
      if (!counts) continue;
      // "بحبس 8 متهمين": a word right after the figure that is neither whom
      // it counts nor a small word is what it counts: no toll.
      const bool adjacent = event->span.end <= n.span.start && n.span.start - event->span.end <= 16;
      if (!counted && !person && !adjacent && !FollowedByFunctionWord(ctx, n.span.end)) continue;
      if (counted) evidence.end = counted->span.end;
      // The event noun itself may be followed by who it counts ("2000 أسير فلسطيني").
      if (const RuleMatch* after = counted && q.who.empty() ? RightAfter(ctx, who, counted->span.end) : nullptr) {
        if (after->rule->Attribute("role") != "generic") q.who = after->value;
        evidence.end = after->span.end;
      }
      rule = event->rule;
      q.event = *counts;
      if (q.who.empty() && rule->Attribute("who") == "before") {
        if (const RuleMatch* group = GroupBefore(ctx, who, found.numbers, n, clause)) q.who = group->value;
      }
    }
    // A qualifier may also follow what is counted ("قتل 300 شخص تقريبا").
    if (q.qualifier == Qualifier::kExact) {
      if (const RuleMatch* after = RightAfter(ctx, qualifiers, evidence.end);
          after && after->value == "approximate") {
        q.qualifier = Qualifier::kApproximate;
        q.range = {q.stated * (1 - tolerance_), q.stated * (1 + tolerance_)};
        evidence.end = after->span.end;
      }
    }
    if (const RuleMatch* place = Nearest(places, n.span, clause, false)) q.where = place->value;
    for (const TimeExpr& t : found.times) {
      if (t.iso.empty()) continue;
      (t.since ? q.since : q.on) = t.iso;
    }
    // Who says so: the nearest attribution after the figure in the sentence
    // ("…، معظمهم من المدنيين، وفقًا للسلطات الصحية"), else before it.
    const Span sentence{0, static_cast<uint32_t>(ctx.folded().size())};
    if (const RuleMatch* src = Nearest(sources, n.span, sentence, false)) {
      const Span rest{src->span.end, ctx.ClauseAround(src->span).end};
      q.source = SourceName(ctx.Quote(rest));
    }
    if (!hedges.empty()) q.hedge = hedges.front()->value;
    Frame(ctx, n, clause, *rule, &q);
    const std::string subject = SubjectOf(q);
    const std::string unit = unit_words.empty() && !q.unit.empty() && q.unit != "percent" ? " " + q.unit : unit_words;
    NumberExpr shown = n;
    shown.qualifier = Name(q.qualifier);
    builder.Add(ctx, evidence, *rule, subject, DescribeNumber(shown) + unit, q);
  }
}

// "كانت تقل ثمانية ركاب، لم ينجُ أحد منهم", "carrying eight people; there
// were no survivors": the count aboard (of this sentence or the one before)
// is also the toll.  The inferred claim quotes the count and names the
// no_survivors rule that read it so.
void DocumentExtractor::InferFromNoSurvivors(const SentenceContext& ctx, size_t from_claim) {
  std::set<const Rule*> said;  // each rule once, however often the sentence says it
  for (const RuleMatch* none : ctx.Family("no_survivors")) said.insert(none->rule);
  for (const Rule* none : said) {
    const std::optional<Measure> toll_measure = FromName<Measure>(none->value);  // the rules loader checked it
    if (!toll_measure) continue;
    const std::string events = "," + none->Attribute("events") + ",";
    std::set<std::pair<uint32_t, uint32_t>> inferred;  // spans already read as tolls by this rule
    for (size_t k = from_claim; k < claims_.size(); ++k) {
      if (claims_[k].rule == none->id) inferred.insert({claims_[k].span.start, claims_[k].span.end});
    }
    const size_t end = claims_.size();
    for (size_t k = from_claim; k < end; ++k) {
      const auto* q = claims_[k].get<QuantityFacts>();
      if (!q || events.find(fmt::format(",{},", Name(q->event))) == std::string::npos) continue;
      if (!inferred.insert({claims_[k].span.start, claims_[k].span.end}).second) continue;
      Claim toll = claims_[k];
      auto* t = toll.get<QuantityFacts>();
      t->event = *toll_measure;
      toll.subject = SubjectOf(*t);
      toll.rule = none->id;
      claims_.push_back(std::move(toll));
    }
  }
}

// The rest of a figure's frame: the part of the incident's area it counts,
// the window of time it covers, and the state of the people it counts
// ("still held", "released").
void DocumentExtractor::Frame(const SentenceContext& ctx, const NumberExpr& n, Span clause, const Rule& counted,
                              QuantityFacts* q) const {
  // The place a figure counts follows it ("قتل 300 شخص في إقليم السند");
  // one before it, or after the next incident word, describes the incident
  // ("the quake that struck Japan's Noto peninsula killed 126").
  Span after{n.span.end, clause.end};
  bool incident_before = false;
  for (const RuleMatch* m : ctx.LongestOf("incident")) {
    if (m->span.start >= after.start && m->span.start < after.end) after.end = m->span.start;
    incident_before |= m->span.end <= n.span.start && m->span.start >= clause.start;
  }
  q->place = incidents_.PlaceIn(ctx, after);
  // "وفي بلوشستان ارتفع عدد القتلى إلى 253", "وسجل إقليم السند ... 306
  // قتلى": a place before a count, in a clause that names no incident, is
  // where it was counted ("كان مركزه في إقليم الحوز على عمق 18 كيلومترا"
  // places the quake, not its depth).
  if (q->place.empty() && !incident_before && counted.family == "event") {
    q->place = incidents_.PlaceIn(ctx, Span{AfterLastConjunction(ctx, clause.start, n.span.start), n.span.start});
  }
  if (q->who.empty()) q->who = incidents_.NationalsAfter(ctx, n.span.end);
  if (const RuleMatch* scope = Nearest(ctx.LongestOf("scope"), n.span, clause, false)) {
    q->scope = ScopeFromName(scope->value);
    if (q->scope == Scope::kWindow) q->window = scope->rule->Attribute("window", "day");
  }
  // Only counts of people who change state (hostages, the missing) have one.
  if (counted.Attribute("stateful") != "true") return;
  // A state names the counts it applies to ("survivors" says nothing of the
  // arrested): the nearest that applies to this one.
  std::vector<const RuleMatch*> states;
  for (const RuleMatch* s : ctx.LongestOf("state")) {
    const std::string events = "," + s->rule->Attribute("events") + ",";
    if (events == ",," || events.find("," + counted.value + ",") != std::string::npos) states.push_back(s);
  }
  if (const RuleMatch* state = Nearest(states, n.span, clause, true)) {
    q->state = FromName<CountState>(state->value).value_or(CountState::kUnstated);
  }
}

void DocumentExtractor::Dates(const SentenceContext& ctx, const Found& found) {
  const auto triggers = ctx.LongestOf("date_event");
  const auto people = ctx.LongestOf("person");
  ClaimBuilder builder(&claims_);
  const auto incidents = ctx.LongestOf("incident");
  const auto occurred = ctx.LongestOf("occurred");
  for (const TimeExpr& t : found.times) {
    const Span clause = ctx.ClauseAround(t.span);
    const RuleMatch* trigger = Nearest(triggers, t.span, clause, true);
    if (!trigger) trigger = IncidentDated(ctx, incidents, occurred, t, clause);
    if (!trigger) {
      // A date stated with its weekday dates nothing we know of, yet the
      // document can still contradict itself ("الخميس 5 يوليو" that was a
      // Friday): a claim of its own, compared with no other.
      if (t.relation.rfind("weekday ", 0) == 0 && StatesItsDate(ctx, t)) {
        const std::string subject = fmt::format("date/stated-day/{}@{}", ctx.doc().id, ctx.Original(t.span).start);
        builder.Add(ctx, t.span, *t.rule, subject, t.iso, DateFacts{t.iso, PrecisionOf(t), "stated-day", t.relation});
      }
      continue;
    }
    // An incident that lasts (a war) is dated by its start, as is any toll
    // counted "since" a day.
    const bool start = trigger->rule->family == "incident" && (trigger->rule->Attribute("lookback") == "none" || t.since);
    DateFacts d{t.iso, PrecisionOf(t), trigger->value + (start ? "-start" : ""), t.relation};
    std::string subject = "date/" + d.event;
    if (trigger->rule->Attribute("subject") == "person") {
      // Whose? The person of the clause, else the only one the sentence names
      // ("Truss, whose premiership lasted 49 days after she took office on…").
      const RuleMatch* person = Nearest(people, trigger->span, clause, false);
      if (!person) person = OnlyPerson(people);
      if (!person) continue;  // say nothing rather than guess
      subject += "/" + person->value;
      d.event += "/" + person->value;
    }
    builder.Add(ctx, t.span, *t.rule, subject, t.iso.empty() ? t.relation : t.iso, d);
  }
}

void DocumentExtractor::Durations(const SentenceContext& ctx, const Found& found) {
  const auto lasting = ctx.LongestOf("lasting");
  ClaimBuilder builder(&claims_);
  for (const DurationExpr& d : found.durations) {
    const RuleMatch* what = Nearest(lasting, d.span, ctx.ClauseAround(d.span), true);
    // "The war, entering its second year, ...": else the sentence's nearest.
    if (!what) what = Nearest(lasting, d.span, Span{0, static_cast<uint32_t>(ctx.folded().size())}, true);
    if (!what) continue;
    builder.Add(ctx, d.span, *d.rule, "duration/" + what->value, d.stated, DurationFacts{d.days, what->value, d.stated});
  }
}

std::string DocumentExtractor::JurisdictionFor(const std::string& office, const std::string& person_key,
                                               bool* inferred) const {
  *inferred = true;
  // The jurisdiction the document speaks of most among `allowed` (all when
  // empty): "وزير الخارجية" in an article about Washington.
  auto most_named = [&](const std::set<std::string>& allowed) {
    std::string best;
    int most = 0;
    for (const auto& [j, count] : jurisdiction_counts_) {
      if (count > most && (allowed.empty() || allowed.count(j))) best = j, most = count;
    }
    return best;
  };
  if (const Person* p = rules_.FindPerson(person_key)) {
    std::set<std::string> holding, countries;
    for (const std::string& role : p->roles) {
      const size_t slash = role.find('/');
      if (slash == std::string::npos) continue;
      if (role.substr(slash + 1) == office) holding.insert(role.substr(0, slash));
      countries.insert(role.substr(0, slash));
    }
    // King Charles reigns in fifteen realms: the one the article is about.
    if (!holding.empty()) {
      const std::string named = most_named(holding);
      return named.empty() ? *holding.begin() : named;
    }
    // Sudan's vice president called its president: still Sudan's office.
    if (countries.size() == 1) return *countries.begin();
  }
  return most_named({});
}

void DocumentExtractor::Officeholders(const SentenceContext& ctx, const Found& found) {
  ClaimBuilder builder(&claims_);
  for (const OfficeExpr& o : found.offices) {
    if (o.holders.empty()) {
      if (!o.jurisdiction.empty() && !o.former) unnamed_.push_back({&ctx, o});
      continue;
    }
    for (const NameExpr& holder : o.holders) {
      OfficeholderFacts f;
      f.office = o.office;
      f.jurisdiction = o.jurisdiction;
      f.person = ctx.Quote(holder.span);
      f.person_key = holder.key;
      f.time = o.former ? FromName<HolderTime>(o.status).value_or(HolderTime::kFormer) : HolderTime::kCurrent;
      if (f.jurisdiction.empty()) {
        // An unknown name with no jurisdiction in the text is too weak to claim.
        if (!holder.known) continue;
        f.jurisdiction = JurisdictionFor(o.office, holder.key, &f.inferred);
        if (f.jurisdiction.empty()) continue;
      }
      const Span evidence{std::min(o.span.start, holder.span.start), std::max(o.span.end, holder.span.end)};
      builder.Add(ctx, evidence, *o.rule, Join({"office", f.jurisdiction, f.office}),
                  f.person + (f.time != HolderTime::kCurrent ? fmt::format(" ({})", Name(f.time)) : ""), f);
    }
  }
}

// "وأوضح الرئيس الأمريكي أنه..." names no one; when the document names
// exactly one person known to have held that office, that is the holder
// meant (marked inferred).
void DocumentExtractor::InferUnnamedHolders() {
  ClaimBuilder builder(&claims_);
  std::set<std::string> done;
  for (const Unnamed& u : unnamed_) {
    const std::string role = u.office.jurisdiction + "/" + u.office.office;
    if (!done.insert(role).second) continue;
    const Person* only = nullptr;
    int candidates = 0;
    for (const auto& [key, count] : people_counts_) {
      const Person* p = rules_.FindPerson(key);
      if (p && std::count(p->roles.begin(), p->roles.end(), role)) only = p, ++candidates;
    }
    if (candidates != 1) continue;
    OfficeholderFacts f{u.office.office, u.office.jurisdiction, true, only->name, only->key, HolderTime::kCurrent};
    builder.Add(*u.ctx, u.office.span, *u.office.rule, Join({"office", f.jurisdiction, f.office}),
                only->name + " (inferred)", f);
  }
}

void DocumentExtractor::People(const SentenceContext& ctx, const Found& found) {
  ClaimBuilder builder(&claims_);
  std::vector<NameExpr> names = found.people;
  for (const OfficeExpr& o : found.offices) {
    for (const NameExpr& h : o.holders) {
      if (!h.known) names.push_back(h);
    }
  }
  for (const NameExpr& n : names) {
    const std::string person = ctx.Quote(n.span);
    builder.Add(ctx, n.span, *n.rule, "person/" + n.key, person, PersonFacts{person, n.key});
  }
}

void DocumentExtractor::AddMentions(const SentenceContext& ctx, const Found& found, std::vector<Mention>* out) const {
  auto add = [&](const char* kind, const char* family, const std::string& rule, std::string value, Interval range,
                 Span span) {
    out->push_back(
        Mention{kind, family, rule, std::move(value), range, span, ctx.Original(span), ctx.Quote(span), "", ""});
  };
  for (const NumberExpr& n : found.numbers) add("number", "number", n.rule, fmt::format("{}", n.stated), n.range, n.full);
  // Ordinals used as numbers ("احتل المركز الثالث", "the 21st"): a value,
  // marked by their family, and never a count (Quantities leaves them out).
  for (const RuleMatch* o : ctx.LongestOf("ordinal")) {
    const double value = std::strtod(o->value.c_str(), nullptr);
    add("number", "ordinal", o->rule->id, fmt::format("{}", value), {value, value}, o->span);
  }
  for (const TimeExpr& t : found.times) {
    add("time", "time", t.rule->id, t.iso.empty() ? t.relation : t.iso, {}, t.span);
    out->back().precision = t.precision;
    out->back().relation = t.relation;
  }
  for (const DurationExpr& d : found.durations) {
    add("duration", "duration", d.rule->id, fmt::format("{:.0f}", d.nominal), d.days, d.span);
  }
  for (const NameExpr& n : found.people) add("name", "person", n.rule->id, n.key, {}, n.span);
  for (const OfficeExpr& o : found.offices) {
    add("office", "office", o.rule->id, o.office, {}, o.span);
    for (const NameExpr& h : o.holders) {
      if (!h.known) add("name", "person", h.rule->id, h.key, {}, h.span);
    }
  }
  for (const RuleMatch& m : ctx.matches()) {
    out->push_back(Mention{"word", m.rule->family, m.rule->id, m.value, {}, m.span, ctx.Original(m.span),
                           ctx.Quote(m.span), "", ""});
  }
}

}  // namespace factlint
