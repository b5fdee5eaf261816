// Gazetteer: the places news writes about, in Arabic and English, and how they
// nest (a city in a region in a country).
//
// Three sources, merged on Load():
//   - countries: every ISO 3166 region ICU knows, named in Arabic and English
//     (CLDR display names, icu::Locale::getDisplayCountry);
//   - cities of 15,000+ people and their states (admin1 regions) from GeoNames
//     as packaged by Debian (libgeonames), with Arabic names read from its
//     `ar` gettext catalogue;
//   - rules_dir/places.yaml: press spellings, demonyms ("Japanese",
//     "الياباني"), and the regions, provinces and areas the first two lack,
//     each with its parent, level and examples.
//
// Ids are stable strings: "jp" (lower-case ISO 3166 code) for a country,
// "jp.15" (GeoNames admin1 code) for a state, "gn:1855670" (GeoNames id) for
// a city, and the id places.yaml gives (e.g. "jp/noto-peninsula") for the rest.
//
// Find() matches FOLDED text (fold.h) word by word with hash look-ups: whole
// words only, longest name first, Arabic proclitics و ف ب ك ل allowed on the
// first word ("باليابان", "لليابان").  A name several places share ("Tripoli")
// goes to the candidate whose country the same text names, else to the one
// places.yaml prefers, a city before a region, or the most populous.
//
// A Gazetteer is immutable after Load(); copies share the same tables, and
// Place pointers stay valid while any copy lives.  Safe to use from several
// threads at once.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "factlint/status.h"

namespace factlint {

class FoldedText;

enum class PlaceLevel { kCountry, kRegion, kCity, kLocality };

// "country", "region", "city", "locality".
const char* PlaceLevelName(PlaceLevel level);

struct Place {
  std::string id;       // stable, see above
  std::string name;     // English name, for messages ("Ishikawa Prefecture")
  std::string parent;   // id of the enclosing place; "" for a country
  std::string country;  // lower-case ISO 3166 code of its country ("jp")
  PlaceLevel level = PlaceLevel::kCity;
  // Words that name it again once a text has named it ("المخيم", "the camp"
  // after "مخيم زمزم"), as look-up keys of folded words; from places.yaml.
  std::vector<std::string> back = {};
};

class Gazetteer {
 public:
  // Loads ICU's countries, libgeonames' cities and rules_dir/places.yaml.
  // A bad places.yaml gives an error naming the file and line.
  static StatusOr<Gazetteer> Load(const std::string& rules_dir);

  struct Match {
    size_t begin = 0, end = 0;     // byte offsets in the folded text (proclitics excluded)
    const Place* place = nullptr;  // never null
    bool demonym = false;          // an adjective or people ("Japanese", "اليابانيين")
  };

  // Place mentions in `folded`, in text order, not overlapping.
  //
  // Without the original text, a Latin-script name matches in any case.  Pass
  // `folded` as a FoldedText and the `document` its offsets map into to
  // require an upper-case first letter for Latin-script names ("Reading",
  // "Mobile" and "Of" are English towns; "reading", "mobile" and "of" are not)
  // and to find case-only names such as "US".
  //
  // A small GeoNames place (under 300,000 people) is found only when the
  // same text confidently names its country — or `named_countries` (country
  // codes, e.g. those Find gave for the rest of the document) holds it — and
  // never through a proclitic: its names include ordinary words ("أنا" is
  // Ina, Japan).  Places from places.yaml and ICU are always found.
  std::vector<Match> Find(std::string_view folded) const;
  std::vector<Match> Find(const FoldedText& folded, std::string_view document,
                          const std::vector<std::string>& named_countries = {}) const;

  // The place with this id, or nullptr.
  const Place* ById(std::string_view id) const;

  // True when `inner` lies inside `outer` (walking inner's parents), or is it.
  bool Contains(const Place& outer, const Place& inner) const;

  // True when `a` and `b` may describe the same happening's place: the same
  // place, or one contains the other.  Two different cities are not.
  bool Compatible(const Place& a, const Place& b) const;

  // Number of places at each level, for reports and tests.
  size_t CountAt(PlaceLevel level) const;

  struct Data;  // the tables (src/places/gazetteer_data.h)

 private:
  explicit Gazetteer(std::shared_ptr<const Data> data) : data_(std::move(data)) {}
  std::vector<Match> FindImpl(std::string_view folded, const FoldedText* map, std::string_view document,
                              const std::vector<std::string>& named_countries) const;

  std::shared_ptr<const Data> data_;
};

}  // namespace factlint
