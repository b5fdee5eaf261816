// IncidentTracker: which real-world happening each figure and event date of
// one document is about.
//
// While the extractor walks the sentences, the tracker records the incident
// words ("زلزال", "the attack"), the places (gazetteer) and the event days
// of each sentence.  At the end it picks the document's main incident (the
// type its headline and body name most, where most of its places lie, the
// day it states) and gives every quantity and date claim an incident:
//   - the incident named in the claim's own sentence when there is one: the
//     main one when of the main type, else one of its own that is compared
//     only inside this document (a strike in a war article, "the 2011
//     earthquake" in a report on this year's);
//   - else the main incident; a document that names none leaves its claims
//     without one, and they abstain.
// It also narrows a figure's place: a place that is the incident's own
// country or region says nothing more than the incident and is dropped.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "extract/sentence_context.h"
#include "extract/times.h"
#include "factlint/claim.h"
#include "factlint/gazetteer.h"

namespace factlint {

// The value of incident words that name no type ("the disaster",
// "الكارثة"): the article's own incident, unless dated years back.
inline constexpr char kAnyIncident[] = "any";

class IncidentTracker {
 public:
  IncidentTracker(const Document& doc, const Gazetteer* gazetteer) : doc_(doc), gazetteer_(gazetteer) {}

  // Records one sentence; `index` counts sentences from 0 (the headline).
  void AddSentence(size_t index, const SentenceContext& ctx, const std::vector<TimeExpr>& times);

  // The most specific gazetteer place named inside `span` of `ctx`, else the
  // place a `back` word there stands for ("فروا من المخيم" after "مخيم
  // زمزم"); "" none.
  std::string PlaceIn(const SentenceContext& ctx, Span clause) const;

  // "47 سوريا", "12 Pakistanis": the nationals a figure counts, as
  // "nationals/<country>", when a demonym follows the figure at `end`; "" else.
  std::string NationalsAfter(const SentenceContext& ctx, uint32_t end) const;

  // Gives every quantity and date claim its incident (see above).
  void Attach(std::vector<Claim>* claims) const;

 private:
  struct Mention {        // an incident word in a sentence
    std::string type;
    std::string kind_of;  // the wider type it is a kind of ("explosion" for pager-blasts)
    int64_t lookback = -1;  // the type's lookback in days; -1: no limit
    Span span;            // original bytes
    std::string day;      // a day stated in its clause
    int year = 0;         // a year stated in its clause ("زلزال 2011")
    bool past = false;    // "السابق", "previous"
  };
  struct SentenceInfo {
    Span span;            // original bytes
    std::vector<Mention> mentions;
    std::vector<std::pair<std::string, Span>> countries;  // countries named as places, original bytes
  };

  // The places of a sentence, found once: a sentence asks for them once for
  // itself and two or three times for each of its figures.
  const std::vector<Gazetteer::Match>& Places(const SentenceContext& ctx) const;
  IncidentFacts Main() const;
  void HeadlineToLead(std::vector<Claim>* claims) const;
  // Incident type -> the one day the document gives an incident of that
  // type that is not in the past ("the crash on Sunday 19 May" dates "the
  // crash" of a later sentence); types given no day, or two, are left out.
  std::map<std::string, std::string> OnlyDays(const IncidentFacts& main) const;
  IncidentFacts ForClaim(const Claim& claim, const IncidentFacts& main,
                         const std::map<std::string, std::string>& only_days, int* next_local) const;
  bool IsPast(const Mention& m, const IncidentFacts& main) const;
  void NarrowPlace(const IncidentFacts& incident, bool lasting, QuantityFacts* q) const;
  // Incident type -> its lookback in days (-1: none, a war), for the types
  // the document names; found once per document, not once per figure.
  std::map<std::string, int64_t> Lookbacks() const;
  // True when `q` counts since a day long before `incident` began (its
  // type's `lookback` in days): a longer story than the incident.
  bool CountsLongerStory(const IncidentFacts& incident, int64_t lookback, const QuantityFacts& q) const;
  const Place* NamedBack(const SentenceContext& ctx, Span clause) const;

  const Document& doc_;
  const Gazetteer* gazetteer_;
  std::vector<SentenceInfo> sentences_;
  std::map<std::string, int> type_weight_;     // incident type -> weighted mentions
  std::map<std::string, int> country_weight_;  // country code -> weighted place mentions
  std::map<std::string, int> region_weight_;   // region id -> weighted place mentions
  std::vector<std::string> type_order_;        // types in order of first mention
  std::vector<const Place*> named_back_;       // places named so far that have `back` words, last named last
  mutable const SentenceContext* places_of_ = nullptr;  // the sentence places_ were found in
  mutable std::vector<Gazetteer::Match> places_;
};

}  // namespace factlint
