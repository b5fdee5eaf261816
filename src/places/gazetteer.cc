// Gazetteer: loading, finding place names in folded text, containment.
#include "factlint/gazetteer.h"

#include <algorithm>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "factlint/fold.h"
#include "places/gazetteer_data.h"

namespace factlint {
namespace {

// Arabic proclitics in UTF-8 (folded text): conjunctions, then prepositions.
constexpr std::string_view kWa = "\xD9\x88", kFa = "\xD9\x81";                      // و ف
constexpr std::string_view kBi = "\xD8\xA8", kLi = "\xD9\x84", kKa = "\xD9\x83";    // ب ل ك
constexpr std::string_view kAl = "\xD8\xA7\xD9\x84";                                 // ال
constexpr size_t kArabicLetterBytes = 2;
// A clitic is stripped only when at least this much word is left.
constexpr size_t kMinStemBytes = 3 * kArabicLetterBytes;
// GeoNames places this big are found without their country being named.
constexpr uint64_t kConfidentPopulation = 300000;

// A first word as written, or with proclitics removed: "باليابان" is also
// "اليابان" (skip 2 bytes), "لليابان" is "اليابان" (skip 2: the ل of ال
// stands in for the dropped alef).
struct FirstWordForm {
  std::string word;
  size_t skip = 0;  // clitic bytes before the name
};

std::vector<FirstWordForm> FirstWordForms(std::string_view word) {
  std::vector<FirstWordForm> forms = {{std::string(word), 0}};
  if (word.size() < kArabicLetterBytes || static_cast<unsigned char>(word[0]) < 0xD8) return forms;
  std::vector<FirstWordForm> bases = forms;
  if ((word.starts_with(kWa) || word.starts_with(kFa)) && word.size() - 2 >= kMinStemBytes) {
    bases.push_back({std::string(word.substr(2)), 2});
  }
  for (const FirstWordForm& base : bases) {
    const std::string_view w = base.word;
    if (base.skip > 0) forms.push_back(base);
    if (!(w.starts_with(kBi) || w.starts_with(kLi) || w.starts_with(kKa)) || w.size() - 2 < kMinStemBytes) continue;
    if (w.substr(0, 4) == "\xD9\x84\xD9\x84") {  // لل = ل + ال
      forms.push_back({std::string(kAl) + std::string(w.substr(4)), base.skip + 2});
    } else {
      forms.push_back({std::string(w.substr(2)), base.skip + 2});
    }
  }
  return forms;
}

// Words of one name may be separated by spaces, a hyphen, dots or an
// apostrophe ("Khyber-Pakhtunkhwa", "U.S.", "Cote d'Ivoire") — not by a comma
// or a full stop and a space.
bool Adjacent(std::string_view folded, const WordSpan& left, const WordSpan& right) {
  const std::string_view gap = folded.substr(left.end, right.begin - left.end);
  if (gap.size() > 3) return false;
  if (gap == ". " || gap == ".  ") return false;
  return std::all_of(gap.begin(), gap.end(), [](char c) { return c == ' ' || c == '-' || c == '.' || c == '\''; });
}

// True when some word of `text` starts with an upper-case letter: "Gaza",
// "southern Lebanon", "the U.S.", but not "reading" or "mobile".
bool HasCapitalizedWord(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  bool word_start = true;
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return false;
    if (word_start && (u_isupper(c) || u_istitle(c))) return true;
    word_start = c == ' ' || c == '-';
  }
  return false;
}

// The place name found at one position, before context picks its candidate.
struct Found {
  size_t begin = 0, end = 0;
  std::vector<const NameCandidate*> candidates;  // usable here, best first
  bool clitic = false;                           // found only with a proclitic removed
};

}  // namespace

const char* PlaceLevelName(PlaceLevel level) {
  switch (level) {
    case PlaceLevel::kCountry: return "country";
    case PlaceLevel::kRegion: return "region";
    case PlaceLevel::kCity: return "city";
    case PlaceLevel::kLocality: return "locality";
  }
  return "?";
}

StatusOr<Gazetteer> Gazetteer::Load(const std::string& rules_dir) {
  auto file = ReadPlacesFile(rules_dir + "/places.yaml");
  if (!file.ok()) return file.status();
  PlaceTableBuilder builder;
  AddIcuCountries(&builder);
  AddGeoNames(file->generic_words, &builder);
  Status s = AddPlacesYaml(file.value(), &builder);
  if (!s.ok()) return s;
  auto data = builder.Finish();
  if (!data.ok()) return Status::InvalidRule(file->path + ": " + data.status().message());
  return Gazetteer(data.value());
}

std::vector<Gazetteer::Match> Gazetteer::Find(std::string_view folded) const { return FindImpl(folded, nullptr, {}); }

std::vector<Gazetteer::Match> Gazetteer::Find(const FoldedText& folded, std::string_view document) const {
  return FindImpl(folded.text(), &folded, document);
}

std::vector<Gazetteer::Match> Gazetteer::FindImpl(std::string_view folded, const FoldedText* map,
                                                  std::string_view document) const {
  const Data& d = *data_;
  // Case checks need the original spelling; without a map, "exact" names
  // ("US") never match and Latin names match in any case.
  auto usable = [&](const NameCandidate& c, size_t begin, size_t end) {
    if (map == nullptr) return c.exact == 0;
    const Span span = map->ToOriginal(static_cast<uint32_t>(begin), static_cast<uint32_t>(end));
    if (span.end > document.size() || span.start > span.end) return false;
    const std::string_view original = document.substr(span.start, span.size());
    if (c.exact > 0) return original == d.exact[c.exact];
    return !c.latin || HasCapitalizedWord(original);
  };

  const std::vector<WordSpan> words = SplitPlaceWords(folded);
  std::vector<Found> found;
  for (size_t i = 0; i < words.size();) {
    Found best;
    size_t best_words = 0;
    for (const FirstWordForm& form : FirstWordForms(folded.substr(words[i].begin, words[i].end - words[i].begin))) {
      auto longest = d.longest_from.find(form.word);
      if (longest == d.longest_from.end()) continue;
      // Keys of 1..n words from here, then tried longest first.
      std::vector<std::string> keys = {form.word};
      for (size_t k = i + 1; k < words.size() && keys.size() < longest->second; ++k) {
        if (!Adjacent(folded, words[k - 1], words[k])) break;
        keys.push_back(keys.back() + ' ' + std::string(folded.substr(words[k].begin, words[k].end - words[k].begin)));
      }
      for (size_t n = keys.size(); n > best_words; --n) {
        auto it = d.names.find(keys[n - 1]);
        if (it == d.names.end()) continue;
        Found here{words[i].begin + form.skip, words[i + n - 1].end, {}, form.skip > 0};
        for (const NameCandidate& c : it->second) {
          if (usable(c, here.begin, here.end)) here.candidates.push_back(&c);
        }
        if (here.candidates.empty()) continue;
        best = std::move(here);
        best_words = n;
        break;
      }
    }
    if (best_words == 0) {
      ++i;
      continue;
    }
    found.push_back(std::move(best));
    i += best_words;
  }

  // Which reading of each name to trust.  A name from ICU or places.yaml, or
  // a big city, is confident, and unless GeoNames alone gives it to several
  // places, its country is "named by the text".  A
  // shared name goes to the candidate in such a country ("Tripoli" beside
  // "Lebanon" is Lebanon's).  A small GeoNames place needs its country named
  // too, and no proclitic: GeoNames' Arabic and English names include many
  // ordinary words ("أنا" is Ina, Japan; "Hassan" is a town in India).
  auto confident = [&](const NameCandidate& c) {
    return c.source >= NameSource::kCountry || d.population[c.place] >= kConfidentPopulation;
  };
  std::vector<std::string_view> countries;
  for (const Found& f : found) {
    const NameCandidate& best = *f.candidates.front();
    const bool shared = f.candidates.size() > 1 && best.source < NameSource::kCountry;  // "Tripoli"
    if (confident(best) && !shared) countries.push_back(d.places[best.place].country);
  }
  auto named = [&](const NameCandidate* c) {
    return std::find(countries.begin(), countries.end(), d.places[c->place].country) != countries.end();
  };
  std::vector<Match> matches;
  matches.reserve(found.size());
  for (const Found& f : found) {
    auto in_context = std::find_if(f.candidates.begin(), f.candidates.end(), named);
    const NameCandidate* chosen = in_context != f.candidates.end() ? *in_context : f.candidates.front();
    // A proclitic read off a small place's name is more often part of a
    // word: "بايدن" is Biden, not ب + Eden, North Carolina.
    if (!confident(*chosen) && (f.clitic || !named(chosen))) continue;
    matches.push_back({f.begin, f.end, &d.places[chosen->place], chosen->demonym});
  }
  return matches;
}

const Place* Gazetteer::ById(std::string_view id) const {
  auto it = data_->by_id.find(id);
  return it == data_->by_id.end() ? nullptr : &data_->places[it->second];
}

bool Gazetteer::Contains(const Place& outer, const Place& inner) const {
  auto it = data_->by_id.find(inner.id);
  if (it == data_->by_id.end()) return outer.id == inner.id;
  // Parent chains are short (locality < city < region < country); the bound
  // guards against a cycle written in places.yaml.
  int32_t at = static_cast<int32_t>(it->second);
  for (int steps = 0; at >= 0 && steps < 16; ++steps) {
    if (data_->places[at].id == outer.id) return true;
    at = data_->parent[at];
  }
  return false;
}

bool Gazetteer::Compatible(const Place& a, const Place& b) const { return Contains(a, b) || Contains(b, a); }

size_t Gazetteer::CountAt(PlaceLevel level) const {
  return static_cast<size_t>(std::count_if(data_->places.begin(), data_->places.end(),
                                           [&](const Place& p) { return p.level == level; }));
}

}  // namespace factlint
