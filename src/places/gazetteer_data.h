// The gazetteer's tables and the builder that fills them from its sources
// (ICU, libgeonames, places.yaml).  Internal to src/places.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "factlint/gazetteer.h"
#include "factlint/status.h"

namespace factlint {

// Where a name came from; a later source is trusted more when two places
// share a name.  kGenericStripped is a state's name without its generic word
// ("Idlib" for "Idlib Governorate"), weaker than a city called just that.
enum class NameSource : uint8_t { kGenericStripped, kGeoNames, kCountry, kRules };

// One place a name may mean; 8 bytes, as there are ~55,000 of them.
struct NameCandidate {
  uint32_t place = 0;
  NameSource source = NameSource::kGeoNames;
  bool demonym = false;
  bool latin = false;  // written in Latin letters: needs a capital in context
  uint8_t exact = 0;   // > 0: matches only the spelling Data::exact[exact] ("US")
};

// Hash and equality that accept string_view, so look-ups never allocate.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <typename V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

struct Gazetteer::Data {
  std::vector<Place> places;
  std::vector<int32_t> parent;  // index of places[i]'s parent, -1 for none
  std::vector<uint64_t> population;  // GeoNames' (a state's or country's: its cities')
  StringMap<uint32_t> by_id;
  // Folded name, its words joined by one space -> candidates, best first.
  StringMap<std::vector<NameCandidate>> names;
  // First word of some name -> the most words any name starting with it has.
  StringMap<uint8_t> longest_from;
  std::vector<std::string> exact = {""};  // case-exact spellings; [0] unused
};

// A word of folded text: a maximal run of letters, marks and digits.
struct WordSpan {
  uint32_t begin = 0, end = 0;
};
std::vector<WordSpan> SplitPlaceWords(std::string_view folded);

// The look-up key of a folded name: its words joined by one space.
std::string NameKey(std::string_view folded);
// The look-up key of a name as written: NameKey(Fold(name)), faster.
std::string NameKeyOf(std::string_view name);

// Collects places and names from the sources, then freezes them into Data.
class PlaceTableBuilder {
 public:
  PlaceTableBuilder();
  // Adds `place` unless its id exists; returns its index either way.
  // `population` ranks places that share a name.
  uint32_t Add(Place place, uint64_t population);
  // Index of the place with this id, or -1.
  int64_t IndexOf(std::string_view id) const;
  Place& At(uint32_t index) { return data_->places[index]; }
  void AddPopulation(uint32_t index, uint64_t population) { population_[index] += population; }

  // Adds a name (any spelling; folded here) of places[index].
  void AddName(std::string_view name, uint32_t index, NameSource source, bool demonym = false,
               std::string exact = "");
  // Names that are ordinary words more often than places ("المدينة",
  // "Mobile"): only places.yaml may still use them.
  void Forbid(std::string_view name);

  // Links parents (an unknown parent id is an error naming it), orders each
  // name's candidates and returns the frozen tables.
  StatusOr<std::shared_ptr<const Gazetteer::Data>> Finish();

 private:
  std::shared_ptr<Gazetteer::Data> data_ = std::make_shared<Gazetteer::Data>();
  std::vector<uint64_t> population_;
  std::vector<std::string> forbidden_;
};

// places.yaml, parsed (see rules/places.yaml for its format).
struct PlacesFile {
  std::string path;
  YAML::Node root;
  std::vector<std::string> generic_words;  // folded: "governorate", "محافظه"
};
StatusOr<PlacesFile> ReadPlacesFile(const std::string& path);

// The sources, in the order Load() applies them; each adds to `builder`.
void AddIcuCountries(PlaceTableBuilder* builder);
// A state's name is also added without its generic word ("Idlib").
void AddGeoNames(const std::vector<std::string>& generic_words, PlaceTableBuilder* builder);
// Names, demonyms, new places and forbidden names from places.yaml.
Status AddPlacesYaml(const PlacesFile& file, PlaceTableBuilder* builder);

}  // namespace factlint
