// The gazetteer's built-in sources: ICU's countries and libgeonames' cities
// and states, with Arabic names from libgeonames' gettext catalogue.
#include <algorithm>
#include <cstring>
#include <fstream>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include <geonames.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "factlint/fold.h"
#include "places/gazetteer_data.h"

namespace factlint {
namespace {

// libgeonames looks names up with gettext under the process locale; reading
// the Arabic catalogue ourselves gives Arabic names whatever the locale is,
// without touching process-wide state (setlocale).  Its keys are GeoNames
// ids ("1855670"), "CC.admin1" for states and "CC" for countries.
constexpr const char* kArabicCatalogue = "/usr/share/locale/ar/LC_MESSAGES/geonames.mo";

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

bool HasArabicLetter(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    const auto b = static_cast<unsigned char>(c);
    return b >= 0xD8 && b <= 0xDB;  // lead bytes of U+0600..U+06FF
  });
}

// A gettext .mo file: msgid -> msgstr.  An unreadable or malformed file
// gives an empty catalogue (Arabic city names are then missing, nothing else).
class MoCatalogue {
 public:
  explicit MoCatalogue(const char* path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    bytes_ = bytes.str();
    Index();
  }

  // The translation of `key` when it is Arabic, else "".
  std::string_view Arabic(std::string_view key) const {
    auto it = entries_.find(key);
    if (it == entries_.end() || !HasArabicLetter(it->second)) return {};
    return it->second;
  }

 private:
  uint32_t Word(size_t offset) const {
    uint32_t v = 0;
    if (offset + 4 <= bytes_.size()) std::memcpy(&v, bytes_.data() + offset, 4);
    return v;  // .mo files are written little-endian on every Debian architecture we build for
  }

  std::string_view StringAt(size_t table, uint32_t i) const {
    const uint32_t length = Word(table + 8 * i), offset = Word(table + 8 * i + 4);
    if (static_cast<size_t>(offset) + length > bytes_.size()) return {};
    return std::string_view(bytes_).substr(offset, length);
  }

  void Index() {
    if (Word(0) != 0x950412de) return;
    const uint32_t count = Word(8), originals = Word(12), translations = Word(16);
    entries_.reserve(count);
    for (uint32_t i = 0; i < count; ++i) entries_.emplace(StringAt(originals, i), StringAt(translations, i));
  }

  std::string bytes_;
  std::unordered_map<std::string_view, std::string_view> entries_;
};

// One GeoNames city record, read straight from its serialized GVariant
// "(sssssssudd)" — id, name, admin1 code, admin1 name, country code, country
// name, time zone, population, latitude, longitude.  g_variant_get_child()
// per field costs ~6 µs a city (150 ms for all); this costs ~1 µs.
struct CityRecord {
  std::string_view field[7];
  uint32_t population = 0;
};

bool ReadCity(GVariant* city, CityRecord* out) {
  const auto* data = static_cast<const uint8_t*>(g_variant_get_data(city));
  const size_t size = g_variant_get_size(city);
  // Framing offsets of the 7 strings (each one's end) sit at the end of the
  // record, first string's last, in the smallest width that fits the size.
  const size_t width = size <= 0xFF ? 1 : size <= 0xFFFF ? 2 : 4;
  if (data == nullptr || size < 7 * width) return false;
  size_t start = 0;
  for (int k = 0; k < 7; ++k) {
    size_t end = 0;
    std::memcpy(&end, data + size - (k + 1) * width, width);
    if (end <= start || end > size) return false;
    out->field[k] = std::string_view(reinterpret_cast<const char*>(data) + start, end - start - 1);  // no NUL
    start = end;
  }
  const size_t population_at = (start + 3) & ~size_t{3};
  if (population_at + 4 > size) return false;
  std::memcpy(&out->population, data + population_at, 4);
  return true;
}

// A state's name without a generic word at either end ("Idlib Governorate"
// -> "idlib"; "ولاية شمال دارفور" -> "شمال دارفور"); "" when it has none.
std::string WithoutGenericWord(std::string_view name, const std::vector<std::string>& generic_words) {
  const std::string key = NameKeyOf(name);
  const size_t first_space = key.find(' '), last_space = key.rfind(' ');
  if (first_space == std::string::npos) return "";
  const std::string first = key.substr(0, first_space), last = key.substr(last_space + 1);
  auto generic = [&](const std::string& w) {
    return std::find(generic_words.begin(), generic_words.end(), w) != generic_words.end();
  };
  if (generic(last)) return key.substr(0, last_space);
  if (generic(first)) return key.substr(first_space + 1);
  return "";
}

class GeoNamesReader {
 public:
  GeoNamesReader(const std::vector<std::string>& generic_words, PlaceTableBuilder* builder)
      : generic_words_(generic_words), builder_(builder), arabic_(kArabicCatalogue) {}

  void AddCity(const CityRecord& r) {
    const std::string_view id = r.field[0], name = r.field[1], state_code = r.field[2], state_name = r.field[3],
                           country_code = r.field[4], country_name = r.field[5];
    const uint32_t country = CountryOf(country_code, country_name);
    builder_->AddPopulation(country, r.population);
    uint32_t parent = country;
    if (!state_code.empty() && state_code != "00" && !state_name.empty()) {
      parent = StateOf(country, country_code, state_code, state_name);
      builder_->AddPopulation(parent, r.population);
    }
    Place city{"gn:" + std::string(id), std::string(name), builder_->At(parent).id, builder_->At(country).id,
               PlaceLevel::kCity};
    const uint32_t index = builder_->Add(std::move(city), r.population);
    AddNames(index, name, arabic_.Arabic(id), NameSource::kGeoNames);
  }

 private:
  uint32_t CountryOf(std::string_view code, std::string_view english) {
    if (code == last_country_code_) return last_country_;
    last_country_code_ = code;
    return last_country_ = FindOrAddCountry(code, english);
  }

  uint32_t FindOrAddCountry(std::string_view code, std::string_view english) {
    const std::string id = Lower(code);
    int64_t index = builder_->IndexOf(id);
    if (index >= 0 && !named_countries_.insert(index).second) return static_cast<uint32_t>(index);
    if (index < 0) index = builder_->Add({id, std::string(english), "", id, PlaceLevel::kCountry}, 0);
    named_countries_.insert(index);
    // GeoNames' own country names ("United States of America") as well as ICU's.
    AddNames(static_cast<uint32_t>(index), english, arabic_.Arabic(code), NameSource::kCountry);
    return static_cast<uint32_t>(index);
  }

  uint32_t StateOf(uint32_t country, std::string_view country_code, std::string_view code, std::string_view english) {
    // Cities come grouped by country and state: most look-ups repeat the last.
    if (code == last_state_code_ && country == last_state_country_) return last_state_;
    const std::string key = std::string(country_code) + "." + std::string(code);
    const std::string id = Lower(key);
    const int64_t existing = builder_->IndexOf(id);
    last_state_code_ = code;
    last_state_country_ = country;
    if (existing >= 0) return last_state_ = static_cast<uint32_t>(existing);
    const Place& c = builder_->At(country);
    const uint32_t index = builder_->Add({id, std::string(english), c.id, c.country, PlaceLevel::kRegion}, 0);
    const std::string_view arabic = arabic_.Arabic(key);
    AddNames(index, english, arabic, NameSource::kGeoNames);
    for (std::string_view name : {english, arabic}) {
      const std::string bare = WithoutGenericWord(name, generic_words_);
      if (!bare.empty()) builder_->AddName(bare, index, NameSource::kGenericStripped);
    }
    return last_state_ = index;
  }

  void AddNames(uint32_t index, std::string_view english, std::string_view arabic, NameSource source) {
    builder_->AddName(english, index, source);
    if (!arabic.empty()) builder_->AddName(arabic, index, source);
  }

  const std::vector<std::string>& generic_words_;
  PlaceTableBuilder* builder_;
  MoCatalogue arabic_;
  std::unordered_set<int64_t> named_countries_;
  std::string last_country_code_, last_state_code_;
  uint32_t last_country_ = 0, last_state_ = 0, last_state_country_ = UINT32_MAX;
};

}  // namespace

void AddIcuCountries(PlaceTableBuilder* builder) {
  const icu::Locale arabic("ar");
  for (const char* const* code = icu::Locale::getISOCountries(); *code != nullptr; ++code) {
    const icu::Locale region("", *code);
    icu::UnicodeString en_u, ar_u;
    region.getDisplayCountry(icu::Locale::getEnglish(), en_u);
    region.getDisplayCountry(arabic, ar_u);
    std::string en, ar;
    en_u.toUTF8String(en);
    ar_u.toUTF8String(ar);
    if (en.empty() || en == *code) continue;  // a code CLDR has no name for
    const std::string id = Lower(*code);
    const uint32_t index = builder->Add({id, en, "", id, PlaceLevel::kCountry}, 0);
    for (const std::string& name : {en, ar}) {
      if (name.empty() || name == *code) continue;
      builder->AddName(name, index, NameSource::kCountry);
      // "Myanmar (Burma)" is also "Myanmar".
      const size_t paren = name.find(" (");
      if (paren != std::string::npos) builder->AddName(name.substr(0, paren), index, NameSource::kCountry);
    }
  }
}

void AddGeoNames(const std::vector<std::string>& generic_words, PlaceTableBuilder* builder) {
  GeoNamesReader reader(generic_words, builder);
  const gint count = geonames_get_n_cities();
  CityRecord record;
  for (gint i = 0; i < count; ++i) {
    GeonamesCity* city = geonames_get_city(i);
    if (city == nullptr) continue;
    // The record layout is libgeonames' own; skip anything that is not it.
    if (std::strcmp(g_variant_get_type_string(city), "(sssssssudd)") == 0 && ReadCity(city, &record)) {
      reader.AddCity(record);
    }
    geonames_city_free(city);
  }
}

}  // namespace factlint
