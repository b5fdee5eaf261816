// Quantities: every figure of one incident and frame (what is counted, of
// whom, where, over what time) is one group; the group gives at most one
// finding.  Its sides are the sets of mutually compatible figures that
// contradict one another, ordered by as-of date; the rest of the timeline
// is told in the message.  A toll that only rises over time contradicts
// nothing (an `info` timeline, shown with --show-updates).
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "compare/compare_context.h"
#include "factlint/civil_date.h"
#include "factlint/fold.h"

namespace factlint {
namespace {

bool SameScopeDate(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return true;
  auto ra = ParseIsoDate(a), rb = ParseIsoDate(b);
  return !ra || !rb || DatesCompatible(*ra, *rb);
}

// Two figures speak of the same thing: same unit, no two different places,
// and not a single day's toll against a running total.
bool Comparable(const QuantityFacts& a, const QuantityFacts& b) {
  if (a.unit != b.unit) return false;
  if (!a.where.empty() && !b.where.empty() && a.where != b.where) return false;
  if ((!a.since.empty() && !b.on.empty()) || (!a.on.empty() && !b.since.empty())) return false;
  return SameScopeDate(a.since, b.since) && SameScopeDate(a.on, b.on);
}

const QuantityFacts& Q(const Claim* c) { return *c->get<QuantityFacts>(); }

bool Agree(const Claim& a, const Claim& b) {
  return Comparable(*a.get<QuantityFacts>(), *b.get<QuantityFacts>()) &&
         a.get<QuantityFacts>()->range.Overlaps(b.get<QuantityFacts>()->range);
}

std::string SideValue(const ClaimGroup& side) {
  std::set<std::string> values;
  for (const Claim* c : side) values.insert(c->value);
  std::string out;
  for (const std::string& v : values) out += (out.empty() ? "" : " / ") + v;
  return out;
}

// What one side says, for comparing sides: the values all its figures allow,
// and the days it was said on.
struct SideView {
  const ClaimGroup* claims = nullptr;
  Interval range{-Interval::kInfinity, Interval::kInfinity};
  std::optional<int64_t> first_day, last_day;
  bool all_dated = true;
  bool rounded = false;  // some figure is approximate or a round number ("2,800")
};

// "about 2,800", "50", "1,000": a figure that may have been rounded.
bool MayBeRounded(const QuantityFacts& q) {
  if (q.qualifier != Qualifier::kExact) return true;
  return q.stated >= 10 && std::fmod(q.stated, 10) == 0;
}

SideView ViewOf(const ClaimGroup& side, const CompareContext& ctx) {
  SideView v;
  v.claims = &side;
  for (const Claim* c : side) {
    v.range.low = std::max(v.range.low, Q(c).range.low);
    v.range.high = std::min(v.range.high, Q(c).range.high);
    v.rounded |= MayBeRounded(Q(c));
    const auto day = ctx.DayOf(c->doc);
    if (!day) { v.all_dated = false; continue; }
    if (!v.first_day || *day < *v.first_day) v.first_day = day;
    if (!v.last_day || *day > *v.last_day) v.last_day = day;
  }
  return v;
}

enum class Verdict { kUpdate, kShrank, kSameDay, kNearMiss, kConflict };

// How a measure moves over time (its rule's `grows`): a toll only grows
// (true), a count of the missing moves either way (either), a magnitude
// stays (absent).
enum class Trend { kNone, kGrows, kChanges };

Trend TrendOf(const Rule* rule) {
  const std::string grows = rule ? rule->Attribute("grows") : "";
  return grows == "true" ? Trend::kGrows : grows == "either" ? Trend::kChanges : Trend::kNone;
}

struct Contradiction {
  size_t a = 0, b = 0;  // side indexes, `a` the smaller figure
  Verdict verdict = Verdict::kConflict;
};

bool IsError(const std::optional<Contradiction>& c) {
  return c && (c->verdict == Verdict::kShrank || c->verdict == Verdict::kConflict);
}

// The content words of a source ("الهيئة الوطنية لإدارة الكوارث" ->
// الهيئه الوطنيه لاداره الكوارث): articles and proclitics off, short words out.
std::set<std::string> SourceWords(const std::string& source) {
  std::set<std::string> words;
  std::string folded = Fold(source);
  size_t start = 0;
  while (start < folded.size()) {
    size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    std::string w = folded.substr(start, end - start);
    for (const char* article : {"لل", "ال", "وال", "بال", "the"}) {
      if (w.rfind(article, 0) == 0 && w.size() > std::string(article).size() + 4) w.erase(0, std::string(article).size());
    }
    if (w.size() >= 8) words.insert(w);  // four Arabic letters, eight Latin ones
    start = end + 1;
  }
  return words;
}

// The article whose headline is on one side and its body on the other; "" none.
std::string HeadlineAgainstBody(const ClaimGroup& a, const ClaimGroup& b) {
  for (const Claim* x : a) {
    for (const Claim* y : b) {
      if (x->doc == y->doc && x->headline != y->headline) return x->doc;
    }
  }
  return "";
}

// Two sources are the same when they share two content words ("التقرير
// اليومي للهيئة الوطنية لإدارة الكوارث" and "أرقام الهيئة الوطنية لإدارة الكوارث"),
// and a headline is written from its own article's body: one source.
bool SameSource(const ClaimGroup& a, const ClaimGroup& b) {
  if (!HeadlineAgainstBody(a, b).empty()) return true;
  for (const Claim* x : a) {
    const std::set<std::string> wx = SourceWords(Q(x).source);
    for (const Claim* y : b) {
      int shared = 0;
      for (const std::string& w : SourceWords(Q(y).source)) shared += wx.count(w);
      if (shared >= 2 || (!Q(x).source.empty() && Fold(Q(x).source) == Fold(Q(y).source))) return true;
    }
  }
  return false;
}

// How two disjoint sides read: `small` holds the smaller figures.
// `near`: how far apart two figures may be and still be a rounding matter,
// in the measure's unit (a magnitude's scale is logarithmic: 6.7 and 7.6 are
// far apart); below zero, the relative tolerance decides.
Verdict Judge(const SideView& small, const SideView& large, Trend trend, double near, const CompareContext& ctx) {
  if (trend != Trend::kNone && small.all_dated && large.all_dated) {
    if (*small.last_day == *large.first_day) return Verdict::kSameDay;
    // A later, smaller toll; the missing are found, so theirs may fall.
    if (*small.last_day > *large.first_day && trend == Trend::kGrows) return Verdict::kShrank;
    return Verdict::kUpdate;
  }
  // Close figures are a matter of rounding only when one may be rounded:
  // 112 and 121 seats are two counts, 2,800 and 2,931 injured perhaps one.
  const double gap = large.range.low - small.range.high;
  if (near >= 0) return gap <= near ? Verdict::kNearMiss : Verdict::kConflict;
  const bool rounding = small.rounded || large.rounded;
  return rounding && gap <= ctx.tolerance * large.range.low ? Verdict::kNearMiss : Verdict::kConflict;
}

Severity SeverityOf(Verdict v, bool same_source) {
  switch (v) {
    case Verdict::kShrank:
    case Verdict::kConflict: return Severity::kError;
    case Verdict::kSameDay: return same_source ? Severity::kError : Severity::kWarning;
    case Verdict::kNearMiss: return Severity::kWarning;
    case Verdict::kUpdate: return Severity::kInfo;
  }
  return Severity::kInfo;
}

const char* Why(Verdict v) {
  switch (v) {
    case Verdict::kShrank: return "the later figure is the smaller one, though this toll only grows";
    case Verdict::kSameDay: return "both were given on the same day";
    case Verdict::kNearMiss: return "the figures are close, check the rounding";
    case Verdict::kConflict: return "both cannot hold";
    case Verdict::kUpdate: return "a figure that changes over time: an update";
  }
  return "";
}

// Confidence starts from how the figures disagree and drops for every
// reason a careful reader could have to doubt that they are comparable.
void SetConfidence(Verdict worst, bool same_source, const std::vector<const ClaimGroup*>& sides, Finding* f) {
  // Figures given the same day by different sources are often a count and its
  // update during the day: below the default threshold unless one source.
  double c = worst == Verdict::kNearMiss                 ? 0.55
             : worst == Verdict::kSameDay && !same_source ? 0.45
                                                          : 0.9;
  auto reason = [&](bool applies, double delta, const char* why) {
    if (!applies) return;
    c += delta;
    f->confidence_reasons.push_back(why);
  };
  bool approximate = false, vague = false, hedged = false, inferred = false, inferred_only = true, headline = false,
       from_story = false;
  std::set<std::string> langs, docs;
  for (const ClaimGroup* side : sides) {
    bool side_inferred = true;
    for (const Claim* x : *side) {
      approximate |= Q(x).qualifier != Qualifier::kExact;
      vague |= Q(x).qualifier == Qualifier::kVague;
      hedged |= !Q(x).hedge.empty();
      inferred |= !x->incident.from_sentence;
      from_story |= x->incident.type.empty();
      side_inferred &= !x->incident.from_sentence;
      headline |= x->headline;
      langs.insert(x->lang);
      docs.insert(x->doc);
    }
    inferred_only &= side_inferred;
  }
  f->confidence_reasons.push_back(worst == Verdict::kNearMiss ? "close figures"
                                  : worst == Verdict::kSameDay ? "different figures on the same day"
                                                                : "disjoint figures");
  reason(same_source, 0.05, "same source");
  reason(approximate && !vague, -0.05, "an approximate figure");
  reason(vague, -0.3, "a vague figure (dozens, thousands)");
  reason(hedged, -0.15, "a figure called an estimate");
  reason(inferred, -0.05, "incident taken from the article, not the sentence");
  reason(inferred_only, -0.1, "no side names the incident in its sentence");
  // An article that names no incident is placed by the story it shares with
  // others (the same incident, or a person in the news the same week).
  reason(from_story, -0.3, "an article that names no incident, placed by its story");
  reason(langs.size() > 1, -0.05, "read in two languages");
  reason(docs.size() == 1 && headline, 0.0, "the headline contradicts the body");
  reason(docs.size() == 1 && !headline, -0.3, "both in one article's body: often a part and the whole");
  f->confidence = std::clamp(c, 0.05, 0.99);
}

std::string Timeline(const std::vector<ClaimGroup>& sides, const CompareContext& ctx) {
  std::vector<std::pair<std::optional<int64_t>, const ClaimGroup*>> order;
  for (const ClaimGroup& s : sides) order.push_back({ViewOf(s, ctx).first_day, &s});
  std::stable_sort(order.begin(), order.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  // A dozen figures tell the story; thousands (hostile input) would bury it.
  constexpr size_t kShown = 12;
  std::string out;
  for (size_t i = 0; i < order.size() && i < kShown; ++i) {
    out += fmt::format("{}{} ({})", out.empty() ? "" : ", then ", SideValue(*order[i].second), ctx.Where(*order[i].second));
  }
  if (order.size() > kShown) out += fmt::format(", and {} more", order.size() - kShown);
  return out;
}

// "more than 48", "at least 1,000": a bound, not a figure.  It agrees with
// every larger figure, so it must not join two of them into one side.
bool OpenEnded(const Claim* c) { return std::isinf(Q(c).range.low) || std::isinf(Q(c).range.high); }

// The sides of a group: its figures clustered by agreement, bounds left out;
// each bound then joins the side it agrees with that was said closest in
// time (it is compatible with that one, and with all later rises), or opens
// a side of its own when it agrees with none.
std::vector<ClaimGroup> SidesOf(const ClaimGroup& group, const CompareContext& ctx) {
  ClaimGroup figures, bounds;
  for (const Claim* c : group) (OpenEnded(c) ? bounds : figures).push_back(c);
  const auto agree = [](const Claim& a, const Claim& b) { return Agree(a, b); };
  std::vector<ClaimGroup> sides = Cluster(figures, agree);
  const size_t figure_sides = sides.size();
  ClaimGroup unmatched;
  for (const Claim* bound : bounds) {
    const auto day = ctx.DayOf(bound->doc);
    ClaimGroup* best = nullptr;
    int64_t best_gap = 0;
    for (size_t i = 0; i < figure_sides; ++i) {
      if (!std::all_of(sides[i].begin(), sides[i].end(), [&](const Claim* o) { return Agree(*o, *bound); })) continue;
      const auto other = ctx.DayOf(sides[i].front()->doc);
      const int64_t gap = day && other ? std::llabs(*day - *other) : 1 << 20;
      if (!best || gap < best_gap) best = &sides[i], best_gap = gap;
    }
    if (best) {
      best->push_back(bound);
    } else {
      unmatched.push_back(bound);
    }
  }
  for (ClaimGroup& side : Cluster(unmatched, agree)) sides.push_back(std::move(side));
  return sides;
}

void CompareFrame(const ClaimGroup& group, const std::string& subject_key, const CompareContext& ctx,
                  std::vector<Finding>* out);

}  // namespace

// A window's figures ("in the past 24 hours") are each of their own day: two
// daily tolls of different days never contradict, so each day is a frame.
void CompareQuantities(const ClaimGroup& group, const std::string& subject_key, const CompareContext& ctx,
                       std::vector<Finding>* out) {
  if (Q(group.front()).scope != Scope::kWindow) return CompareFrame(group, subject_key, ctx, out);
  std::map<std::optional<int64_t>, ClaimGroup> by_day;
  for (const Claim* c : group) by_day[ctx.DayOf(c->doc)].push_back(c);
  for (const auto& [day, claims] : by_day) {
    if (day) CompareFrame(claims, subject_key, ctx, out);
  }
}

namespace {

void CompareFrame(const ClaimGroup& group, const std::string& subject_key, const CompareContext& ctx,
                  std::vector<Finding>* out) {
  const std::vector<ClaimGroup> sides = SidesOf(group, ctx);
  if (sides.size() < 2) return;
  const Rule* rule = ctx.rules.Find(group.front()->rule);
  const Trend trend = TrendOf(rule);
  const double near = rule && !rule->Attribute("near").empty() ? std::strtod(rule->Attribute("near").c_str(), nullptr) : -1;
  std::vector<SideView> views;
  for (const ClaimGroup& s : sides) views.push_back(ViewOf(s, ctx));
  // Sides are usually few, but hostile input makes thousands: keep the worst
  // contradiction and which sides take part in one, never every pair, and
  // stop once every side takes part and the worst is an error.
  std::optional<Contradiction> worst;
  std::vector<bool> shown_side(sides.size(), false);
  size_t shown_count = 0;
  for (size_t i = 0; i < sides.size() && !(shown_count == sides.size() && IsError(worst)); ++i) {
    for (size_t j = i + 1; j < sides.size(); ++j) {
      if (!Comparable(Q(sides[i].front()), Q(sides[j].front()))) continue;
      if (views[i].range.Overlaps(views[j].range)) continue;
      const bool i_small = views[i].range.high < views[j].range.low;
      const size_t small = i_small ? i : j, large = i_small ? j : i;
      const Verdict v = Judge(views[small], views[large], trend, near, ctx);
      if (v == Verdict::kUpdate) continue;
      for (size_t side : {small, large}) {
        if (!shown_side[side]) shown_side[side] = true, ++shown_count;
      }
      if (!worst || SeverityOf(v, false) > SeverityOf(worst->verdict, false)) worst = Contradiction{small, large, v};
    }
  }
  const Claim& first = *group.front();
  const std::string subject = DescribeSubject(first, ctx.rules);
  if (!worst) {
    if (!ctx.show_updates) return;
    ClaimGroup all;
    for (const ClaimGroup& s : sides) all.insert(all.end(), s.begin(), s.end());
    Finding f = MakeFinding("quantity", Severity::kInfo, subject, subject_key,
                            "The figure rose over time: " + Timeline(sides, ctx) + ".", {{SideValue(all), all}});
    f.confidence = 0.9;
    f.confidence_reasons = {"a timeline of updates"};
    out->push_back(std::move(f));
    return;
  }
  // The worst contradiction names the finding; every side in one is shown.
  std::vector<size_t> order;
  for (size_t i = 0; i < sides.size(); ++i) {
    if (shown_side[i]) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) { return views[x].first_day < views[y].first_day; });
  std::vector<std::pair<std::string, ClaimGroup>> named;
  std::vector<const ClaimGroup*> shown_sides;
  for (size_t i : order) {
    named.push_back({SideValue(sides[i]), sides[i]});
    shown_sides.push_back(&sides[i]);
  }
  const bool same_source = SameSource(sides[worst->a], sides[worst->b]);
  const SideView& small = views[worst->a];
  const SideView& large = views[worst->b];
  // The earlier side speaks first.
  const bool large_first = small.first_day && large.first_day && *large.first_day < *small.first_day;
  const size_t lead = large_first ? worst->b : worst->a, other = large_first ? worst->a : worst->b;
  std::string message = fmt::format("{} ({}) excludes {} ({}); {}", SideValue(sides[lead]), ctx.Where(sides[lead]),
                                    SideValue(sides[other]), ctx.Where(sides[other]), Why(worst->verdict));
  if (const std::string doc = HeadlineAgainstBody(sides[lead], sides[other]); !doc.empty()) {
    message += fmt::format("; the headline of {} contradicts its body", doc);
  } else if (same_source) {
    message += ", from the same source";
  }
  for (const ClaimGroup* side : shown_sides) {
    for (const Claim* c : *side) {
      if (!Q(c).hedge.empty()) {
        message += fmt::format("; {} calls its figure an {}", c->doc,
                               Q(c).hedge == "initial-estimate" ? "initial estimate" : Q(c).hedge);
      }
    }
  }
  if (sides.size() > 2) message += ". All figures: " + Timeline(sides, ctx);
  Finding f = MakeFinding("quantity", SeverityOf(worst->verdict, same_source), subject, subject_key,
                          message + ".", named);
  f.incident = subject_key.substr(0, subject_key.find('|'));
  SetConfidence(worst->verdict, same_source, shown_sides, &f);
  out->push_back(std::move(f));
}

}  // namespace
}  // namespace factlint
