#include "extract/incidents.h"

#include <algorithm>
#include <iterator>
#include <set>

#include <fmt/format.h>

#include "factlint/civil_date.h"

namespace factlint {
namespace {

// The headline and the sentence after it say what the article is about.
int WeightOf(size_t sentence_index) { return sentence_index < 2 ? 3 : 1; }

// The keys of `weights` that carry at least half of the largest weight,
// sorted and joined by commas ("il,ps"): the places an article is about.
std::string Leading(const std::map<std::string, int>& weights) {
  int most = 0;
  for (const auto& [key, w] : weights) most = std::max(most, w);
  std::string out;
  for (const auto& [key, w] : weights) {
    if (most > 0 && 2 * w >= most) out += (out.empty() ? "" : ",") + key;
  }
  return out;
}

std::string Heaviest(const std::map<std::string, int>& weights) {
  std::string best;
  int most = 0;
  for (const auto& [key, w] : weights) {
    if (w > most) best = key, most = w;
  }
  return best;
}

// The region-level place (province, prefecture, state) a place lies in.
const Place* RegionOf(const Gazetteer& gazetteer, const Place* place) {
  while (place && place->level != PlaceLevel::kRegion) {
    if (place->parent.empty()) return nullptr;
    place = gazetteer.ById(place->parent);
  }
  return place;
}

// "47 سوريا": a place name right after a figure names whom it counts.
bool AfterFigure(std::string_view folded, const Gazetteer::Match& m) {
  size_t i = m.begin;
  while (i > 0 && folded[i - 1] == ' ') --i;
  return i > 0 && folded[i - 1] >= '0' && folded[i - 1] <= '9';
}

// Bytes: ", in 2010," or "، عام 2010،".
constexpr uint32_t kShortClause = 24;
// Bytes between two incident words named together: " and ", " و".
constexpr uint32_t kTogether = 24;
// Bytes from an incident word to the country it happened in: "a magnitude
// 6.7 earthquake struck off the southern Philippine province" (some eight words).
constexpr uint32_t kNearIncident = 96;

uint32_t GapBetween(Span a, Span b) {
  if (b.start >= a.end) return b.start - a.end;
  return a.start >= b.end ? a.start - b.end : 0;
}

int YearOf(const std::string& iso) { return iso.size() >= 4 ? std::atoi(iso.substr(0, 4).c_str()) : 0; }

int64_t ParseLookback(const std::string& value) { return value == "none" ? -1 : std::atoll(value.c_str()); }

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A year written in a clause ("زلزال عام 2011", "the 2011 earthquake"): four
// digits from 1900 to 2100 standing alone.  0 when there is none.
int YearIn(std::string_view text) {
  for (size_t i = 0; i + 4 <= text.size(); ++i) {
    if ((i > 0 && IsDigit(text[i - 1])) || (i + 4 < text.size() && IsDigit(text[i + 4]))) continue;
    if (!std::all_of(text.begin() + i, text.begin() + i + 4, IsDigit)) continue;
    const int year = std::atoi(std::string(text.substr(i, 4)).c_str());
    if (year >= 1900 && year <= 2100) return year;
  }
  return 0;
}

// A dateline ("طوكيو - الرافدين |", "TOKYO (Reuters) -") names where the
// report was filed, not where anything happened.
bool IsDateline(std::string_view folded, const Gazetteer::Match& m) {
  if (m.begin > 24) return false;
  size_t i = m.end;
  while (i < folded.size() && folded[i] == ' ') ++i;
  return i < folded.size() && (folded[i] == '-' || folded[i] == '(' || folded[i] == '|' ||
                               folded.compare(i, 3, "–") == 0);
}

}  // namespace

void IncidentTracker::AddSentence(size_t index, const SentenceContext& ctx, const std::vector<TimeExpr>& times) {
  SentenceInfo info;
  info.span = ctx.sentence().span;
  const int weight = WeightOf(index);
  const auto pasts = ctx.LongestOf("incident_past");
  const auto occurred = ctx.LongestOf("occurred");
  for (const RuleMatch* m : ctx.LongestOf("incident")) {
    Mention mention;
    mention.type = m->value;
    mention.kind_of = m->rule->Attribute("kind_of");
    mention.lookback = ParseLookback(m->rule->Attribute("lookback", "none"));
    mention.span = ctx.Original(m->span);
    for (const RuleMatch* p : pasts) {
      if (p->span.start >= m->span.end && ctx.OnlySpaceBetween(m->span.end, p->span.start)) mention.past = true;
    }
    const Span clause = ctx.ClauseAround(m->span);
    mention.year = YearIn(ctx.Between(clause.start, clause.end));
    // "the worst floods on record, in 2010, killed…": a year set off in a
    // short clause of its own right after the incident's.
    if (!mention.year && clause.end + 3 < ctx.folded().size()) {
      // Past the break (an Arabic comma is two bytes) and its space.
      const Span next = ctx.ClauseAround(Span{clause.end + 3, clause.end + 3});
      if (next.end - next.start <= kShortClause) mention.year = YearIn(ctx.Between(next.start, next.end));
    }
    // Only a clause that says the incident happened dates it ("ضرب الزلزال
    // اليابان في 1 يناير"); "the toll rose on Saturday" dates a report.
    const bool happened = std::any_of(occurred.begin(), occurred.end(), [&](const RuleMatch* o) { return clause.contains(o->span); });
    for (const TimeExpr& t : times) {
      if (!happened || t.iso.empty() || t.iso[0] == 'X' || !clause.contains(t.span) || t.since) continue;
      // "an aftershock rattled the region on Tuesday": a day named from the
      // report's own dates the report, not the incident.
      if (!t.relation.empty() && !StatesItsDate(ctx, t)) continue;
      if (t.precision == "day" && mention.day.empty()) mention.day = t.iso;
    }
    if (!mention.past && mention.type != kAnyIncident) {
      if (!type_weight_.count(m->value)) type_order_.push_back(m->value);
      type_weight_[m->value] += weight;
    }
    info.mentions.push_back(mention);
  }
  // Places tell where the article's incident is (its headline, its lead,
  // the sentences that name an incident or give a figure or a date) and
  // where a figure was counted; the gazetteer is not asked about the others.
  const bool telling = index < 2 || !info.mentions.empty() || !times.empty() ||
                       !ctx.Family("number_digits").empty() || !ctx.Family("number_word").empty();
  if (gazetteer_ && telling) {
    for (const Gazetteer::Match& g : Places(ctx)) {
      if (!IsDateline(ctx.folded(), g) && !AfterFigure(ctx.folded(), g) && !g.place->country.empty()) {
        info.countries.push_back({g.place->country, ctx.Original(Span{static_cast<uint32_t>(g.begin), static_cast<uint32_t>(g.end)})});
      }
      if (!g.place->country.empty()) country_weight_[g.place->country] += weight;
      if (!g.demonym && !g.place->back.empty()) {
        std::erase(named_back_, g.place);
        named_back_.push_back(g.place);
      }
      if (const Place* region = RegionOf(*gazetteer_, g.place)) region_weight_[region->id] += weight;
    }
  }
  sentences_.push_back(std::move(info));
}

std::string IncidentTracker::NationalsAfter(const SentenceContext& ctx, uint32_t end) const {
  if (!gazetteer_) return "";
  for (const Gazetteer::Match& g : Places(ctx)) {
    // "47 سوريا" (47 Syrians) as well as "12 باكستانيا".
    if (g.begin >= end && ctx.OnlySpaceBetween(end, static_cast<uint32_t>(g.begin))) {
      return "nationals/" + g.place->country;
    }
  }
  return "";
}

const std::vector<Gazetteer::Match>& IncidentTracker::Places(const SentenceContext& ctx) const {
  if (places_of_ != &ctx) {
    places_ = gazetteer_->Find(ctx.folded_text(), ctx.doc().bytes);
    places_of_ = &ctx;
  }
  return places_;
}

std::string IncidentTracker::PlaceIn(const SentenceContext& ctx, Span clause) const {
  if (!gazetteer_) return "";
  const Place* best = nullptr;
  for (const Gazetteer::Match& g : Places(ctx)) {
    if (g.demonym || IsDateline(ctx.folded(), g) || AfterFigure(ctx.folded(), g)) continue;
    if (!clause.contains(Span{static_cast<uint32_t>(g.begin), static_cast<uint32_t>(g.end)})) continue;
    if (!best || g.place->level > best->level) best = g.place;
  }
  if (!best) best = NamedBack(ctx, clause);
  return best ? best->id : "";
}

const Place* IncidentTracker::NamedBack(const SentenceContext& ctx, Span clause) const {
  if (named_back_.empty()) return nullptr;
  // A back word stands close to its figure ("فروا من المخيم"); looking no
  // further keeps a figure's cost bounded in a clause of any length.
  constexpr uint32_t kNear = 160;
  clause.end = std::min(clause.end, clause.start + kNear);
  // The clause's words as written, and again without a proclitic
  // ("بالمخيم", "والمخيم"), each string with a space around every word.
  std::string words = " ", bare = " ";
  for (const FoldedWord& w : FoldedWords(ctx.Between(clause.start, clause.end))) {
    std::string_view text = w.text;
    for (const auto& [proclitic, unused] : ctx.Lexicon("proclitic")) {
      if (text.size() > proclitic.size() && text.starts_with(proclitic)) {
        text.remove_prefix(proclitic.size());
        break;
      }
    }
    words.append(w.text).push_back(' ');
    bare.append(text).push_back(' ');
  }
  for (auto it = named_back_.rbegin(); it != named_back_.rend(); ++it) {
    for (const std::string& key : (*it)->back) {
      const std::string word = " " + key + " ";
      if (words.find(word) != std::string::npos || bare.find(word) != std::string::npos) return *it;
    }
  }
  return nullptr;
}

std::map<std::string, int64_t> IncidentTracker::Lookbacks() const {
  std::map<std::string, int64_t> lookbacks;
  for (const SentenceInfo& s : sentences_) {
    for (const Mention& m : s.mentions) lookbacks.emplace(m.type, m.lookback);
  }
  return lookbacks;
}

bool IncidentTracker::CountsLongerStory(const IncidentFacts& incident, int64_t lookback, const QuantityFacts& q) const {
  const auto since = ParseIsoDate(q.since);
  const auto reported = ParseIsoDate(!incident.day.empty() ? incident.day : doc_.meta.date);
  return lookback > 0 && since && reported && since->last < reported->first - lookback;
}

std::map<std::string, std::string> IncidentTracker::OnlyDays(const IncidentFacts& main) const {
  std::map<std::string, std::string> days;
  std::set<std::string> several;
  for (const SentenceInfo& s : sentences_) {
    for (const Mention& m : s.mentions) {
      if (m.day.empty() || IsPast(m, main)) continue;
      auto [it, fresh] = days.emplace(m.type, m.day);
      if (!fresh && it->second != m.day) several.insert(m.type);
    }
  }
  for (const std::string& type : several) days.erase(type);
  return days;
}

IncidentFacts IncidentTracker::Main() const {
  IncidentFacts main;
  int most = 0;
  for (const std::string& type : type_order_) {  // ties go to the first named
    if (type_weight_.at(type) > most) main.type = type, most = type_weight_.at(type);
  }
  if (main.type.empty()) return main;
  main.country = Leading(country_weight_);
  main.region = Heaviest(region_weight_);
  main.local = "main";
  for (const SentenceInfo& s : sentences_) {
    for (const Mention& m : s.mentions) {
      if (m.type == main.type && !m.past && !m.day.empty() && main.day.empty()) main.day = m.day;
    }
  }
  return main;
}

// "the 2011 earthquake", "the previous war": not the incident reported on.
// A year or day stated for an incident that lasts (a war) says when it
// began; for the rest, one older than the type's lookback is another one.
bool IncidentTracker::IsPast(const Mention& m, const IncidentFacts& main) const {
  if (m.past) return true;
  const int stated = m.year ? m.year : YearOf(m.day);
  if (m.lookback < 0) {  // a war: another one when it began years apart ("the war of 2003")
    const int began = YearOf(main.day);
    return stated && began && std::abs(stated - began) > 3;
  }
  const auto reported = ParseIsoDate(!main.day.empty() ? main.day : doc_.meta.date);
  if (!reported) return false;
  if (const auto day = ParseIsoDate(m.day); day && day->last < reported->first - m.lookback) return true;
  return stated && DaysFromCivil(stated, 12, 31) < reported->first - m.lookback;
}

IncidentFacts IncidentTracker::ForClaim(const Claim& claim, const IncidentFacts& main,
                                        const std::map<std::string, std::string>& only_days, int* next_local) const {
  // Sentences come in text order: a binary search keeps this linear overall.
  auto after = std::upper_bound(sentences_.begin(), sentences_.end(), claim.span.start,
                                [](uint32_t pos, const SentenceInfo& s) { return pos < s.span.start; });
  if (after == sentences_.begin()) return main;
  const auto sentence = std::prev(after);
  if (!sentence->span.contains(claim.span) || sentence->mentions.empty()) return main;
  // The incident word nearest before the claim, else the first after it.
  const Mention* nearest = nullptr;
  std::set<std::string> types;  // of incidents named together ("the pager and radio blasts")
  for (const Mention& m : sentence->mentions) {
    for (const Mention& other : sentence->mentions) {
      if (other.type == m.type || m.type == kAnyIncident || other.type == kAnyIncident) continue;
      if (GapBetween(m.span, other.span) <= kTogether && !IsPast(m, main)) types.insert(m.type);
    }
    if (m.span.start <= claim.span.start || !nearest) nearest = &m;
  }
  // "the disaster", "الكارثة": whatever the article reports on, unless dated
  // years back ("the March 2011 disaster").
  const std::string type = nearest->type == kAnyIncident ? main.type : nearest->type;
  if (type.empty()) return main;
  IncidentFacts own{type, main.country, main.region, nearest->day, fmt::format("s{}", ++*next_local), true};
  if (auto only = only_days.find(type); own.day.empty() && !IsPast(*nearest, main) && only != only_days.end()) {
    own.day = only->second;
  }
  // "37 killed in the pager and radio blasts": a sum over two incidents,
  // compared with nothing outside its document.
  if (types.size() > 1) {
    own.day.clear();
    return own;
  }
  if (type != main.type || IsPast(*nearest, main)) return own;
  // "a quake struck the Philippines" in a report on Japan's: another one;
  // a country named far from the incident word ("…on the way back from a
  // dam at the border with Azerbaijan") is not where it happened.
  bool near_foreign = false, near_main = false;
  for (const auto& [country, span] : sentence->countries) {
    if (GapBetween(span, nearest->span) > kNearIncident) continue;
    (main.country.find(country) != std::string::npos ? near_main : near_foreign) = true;
  }
  if (near_foreign && !near_main) return own;
  IncidentFacts same = main;
  same.from_sentence = true;
  return same;
}

// A figure "in Japan" about a Japanese quake counts all of it; a figure in
// one of its provinces counts a part (and is compared only with that part).
// A war is named by the area it is fought over ("the war on Gaza"): its
// region, and any place containing it, is all of it too.
void IncidentTracker::NarrowPlace(const IncidentFacts& incident, bool lasting, QuantityFacts* q) const {
  if (q->place.empty() || !gazetteer_) return;
  const Place* place = gazetteer_->ById(q->place);
  if (!place) return;
  if (place->level == PlaceLevel::kCountry && incident.country.find(place->country) != std::string::npos) {
    q->place.clear();
  }
  const Place* region = incident.region.empty() ? nullptr : gazetteer_->ById(incident.region);
  if (lasting && region && gazetteer_->Contains(*place, *region)) q->place.clear();
}

void IncidentTracker::Attach(std::vector<Claim>* claims) const {
  const IncidentFacts main = Main();
  const std::map<std::string, std::string> only_days = OnlyDays(main);
  const std::map<std::string, int64_t> lookbacks = Lookbacks();
  int next_local = 0;
  for (Claim& c : *claims) {
    auto* q = c.get<QuantityFacts>();
    if (!q && !c.get<DateFacts>() && !c.get<DurationFacts>()) continue;
    c.incident = ForClaim(c, main, only_days, &next_local);
    if (!q) continue;
    const auto lookback = lookbacks.find(c.incident.type);
    const int64_t days = lookback == lookbacks.end() ? 0 : lookback->second;
    // "hundreds killed since October 2023" in a report on a blast of
    // September 2024: a count of something longer than this incident, which
    // the article does not name; it abstains.
    if (CountsLongerStory(c.incident, days, *q)) {
      c.incident = IncidentFacts{};
      c.incident.local = kOutsideIncident;
      continue;
    }
    NarrowPlace(c.incident, days < 0, q);
  }
  HeadlineToLead(claims);
}

// "Second wave of device blasts kills 20" over "Walkie-talkies exploded …,
// killing 14": a headline tells the story of the body's first figure of the
// same measure, when that figure's incident is a kind of the headline's
// (radio-blasts, a kind of explosion).
void IncidentTracker::HeadlineToLead(std::vector<Claim>* claims) const {
  std::map<std::string, std::string> kind_of;  // type -> the wider type
  for (const SentenceInfo& s : sentences_) {
    for (const Mention& m : s.mentions) {
      if (!m.kind_of.empty()) kind_of[m.type] = m.kind_of;
    }
  }
  if (kind_of.empty()) return;
  std::map<std::string, const Claim*> lead;  // measure -> the body's first figure of it
  for (const Claim& body : *claims) {
    if (const auto* b = body.get<QuantityFacts>(); b && !body.headline) lead.emplace(b->Measure(), &body);
  }
  for (Claim& head : *claims) {
    const auto* q = head.get<QuantityFacts>();
    if (!head.headline || !q || head.incident.type.empty()) continue;
    auto body = lead.find(q->Measure());
    if (body == lead.end()) continue;
    auto wider = kind_of.find(body->second->incident.type);
    if (wider != kind_of.end() && wider->second == head.incident.type) head.incident = body->second->incident;
  }
}

}  // namespace factlint
