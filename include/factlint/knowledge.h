// KnowledgeBase: facts from outside the documents — who held which office,
// and when (rules/kb/*.yaml, plus --kb files).
//
// A knowledge file may hold three sections (see README, "Knowledge base"):
//
//   countries: [{id: de, name: Germany, wikidata: Q183, ar: [...], en: [...],
//                head_of_state: president, head_of_government: chancellor}]
//   people:    [{key: merz, name: Friedrich Merz, ar: فريدريش ميرتس,
//                wikidata: Q..., aliases: [...]}]
//   terms:     {de/chancellor: [{person: merz, from: 2025-05-06, to: ...,
//                acting: true, wikidata: Q...}]}
//
// rules/people.yaml (people with `roles`) reads the same way.  Countries and
// people become jurisdiction words and person names for the extractor (the
// rules loader reads them); terms are what the comparator asks about.
//
// The comparator asks three things: did this person hold this office on this
// day; which period does an undated article describe (the intersection of
// the terms of the officeholders it names); and who held the office then (to
// name the closest holder when an article's name matches none).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "factlint/status.h"

namespace factlint {

struct Term {
  std::string person;  // person key
  int64_t from = 0;    // day numbers (civil_date.h), inclusive
  int64_t to = 0;      // kOpen when still in office
  bool acting = false; // acting, interim or caretaker holder
};

// One knowledge file as written, every entry with its line, so that
// `factlint kb check` can name where a problem is.
struct KbCountry {
  std::string id, name, wikidata, head_of_state, head_of_government;
  std::vector<std::string> ar, en;  // names and adjectives as the press writes them
  int line = 0;
};

struct KbPerson {
  std::string key, name, ar, wikidata;
  std::vector<std::string> aliases;  // other spellings, both scripts
  std::vector<std::string> roles;    // rules/people.yaml: "us/president", ...
  int line = 0;
  // Every spelling: name, ar and the aliases.
  std::vector<std::string> Spellings() const;
};

struct KbTerm {
  std::string office;  // "de/chancellor"
  std::string person;
  std::string from, to;          // as written ("" = still in office)
  int64_t first = 0, last = 0;   // day numbers; last = KnowledgeBase::kOpen when open
  bool acting = false;
  std::string wikidata;          // the office item
  int line = 0;
};

struct KnowledgeFile {
  std::string path;
  std::vector<KbCountry> countries;
  std::vector<KbPerson> people;
  std::vector<KbTerm> terms;
  std::map<std::string, int> office_lines;  // office -> line of its "terms" entry
};

// Reads one knowledge file; a malformed one is rejected with file, line and
// reason.  Dates may be YYYY-MM-DD, YYYY-MM or YYYY (the first day counts).
StatusOr<KnowledgeFile> ReadKnowledgeFile(const std::string& path);

// What a knowledge file is checked against: the office ids of
// rules/offices.yaml with their exclusivity, and the jurisdiction ids it
// declares (organisations, and countries named there).
struct OfficeCatalog {
  std::map<std::string, bool> exclusive;  // office id -> one holder at a time
  std::vector<std::string> jurisdictions;
};

// rules/offices.yaml's offices and jurisdictions, read on their own (so that
// `kb check` works even when the knowledge files do not load).
StatusOr<OfficeCatalog> ReadOfficeCatalog(const std::string& offices_yaml);

struct KbProblem {
  std::string file;
  int line = 0;
  std::string reason;
  bool warning = false;  // reported, but not a failure (a country that two files describe)
};

// Every problem of a set of knowledge files, checked together (a term may
// name a person defined in another file): an end before a start,
// overlapping terms of an exclusive office (an acting holder may overlap),
// a term naming an unknown person, office or country, a person defined
// twice, a spelling that points at two people.  Terms of one office add up
// across files (overlaps are checked over all of them).  The one place this logic lives: `factlint kb check` and the
// loaders' validation both call it.
std::vector<KbProblem> CheckKnowledge(const std::vector<KnowledgeFile>& files, const OfficeCatalog& offices);

// A set of day intervals, inclusive; used for estimated periods.
using Period = std::vector<std::pair<int64_t, int64_t>>;

class KnowledgeBase {
 public:
  static constexpr int64_t kOpen = INT64_MAX / 4;

  // Reads knowledge files.  An office's terms add up across files; a term of
  // the same person from the same day is the later file's.
  static StatusOr<KnowledgeBase> Load(const std::vector<std::string>& files);
  static KnowledgeBase FromFiles(const std::vector<KnowledgeFile>& files);

  // Terms of an office ("us/secretary-of-state"); empty when unknown.
  const std::vector<Term>& Terms(const std::string& office) const;
  bool Knows(const std::string& office) const { return !Terms(office).empty(); }

  // The days on which `person` held `office`.
  Period TermsOf(const std::string& office, const std::string& person) const;
  // Holders of `office` at some day of `period`.
  std::vector<std::string> HoldersDuring(const std::string& office, const Period& period) const;

  // Countries declared in the knowledge files, by id.
  const std::map<std::string, KbCountry>& countries() const { return countries_; }

 private:
  std::map<std::string, std::vector<Term>> terms_;
  std::map<std::string, KbCountry> countries_;
};

// Period helpers.
Period Intersect(const Period& a, const Period& b);
bool Overlaps(const Period& a, const Period& b);
Period Everything();
std::string DescribePeriod(const Period& p);  // "2021-01-26..2025-01-20"

}  // namespace factlint
