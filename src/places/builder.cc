// PlaceTableBuilder: collects places and names, then freezes them.
#include <algorithm>

#include <fmt/format.h>

#include "factlint/fold.h"
#include "places/gazetteer_data.h"

namespace factlint {
namespace {

// Names longer than this many words are not indexed (none is near it).
constexpr size_t kMaxNameWords = 12;
// Shorter GeoNames and ICU names ("As", "Ad") are words, not places here;
// places.yaml may still list one.
constexpr size_t kMinNameBytes = 3;

}  // namespace

PlaceTableBuilder::PlaceTableBuilder() {
  // Sized for ICU's countries and GeoNames' ~24,400 cities and ~2,700 states.
  constexpr size_t kPlaces = 28000, kNames = 64000;
  data_->places.reserve(kPlaces);
  population_.reserve(kPlaces);
  data_->by_id.reserve(kPlaces);
  data_->names.reserve(kNames);
  data_->longest_from.reserve(kNames);
}

uint32_t PlaceTableBuilder::Add(Place place, uint64_t population) {
  const int64_t existing = IndexOf(place.id);
  if (existing >= 0) return static_cast<uint32_t>(existing);
  const auto index = static_cast<uint32_t>(data_->places.size());
  data_->by_id.emplace(place.id, index);
  data_->places.push_back(std::move(place));
  population_.push_back(population);
  return index;
}

int64_t PlaceTableBuilder::IndexOf(std::string_view id) const {
  auto it = data_->by_id.find(id);
  return it == data_->by_id.end() ? -1 : static_cast<int64_t>(it->second);
}

void PlaceTableBuilder::AddName(std::string_view name, uint32_t index, NameSource source, bool demonym,
                                std::string exact) {
  const std::string key = NameKeyOf(name);
  const size_t words = static_cast<size_t>(std::count(key.begin(), key.end(), ' ')) + 1;
  if (key.empty() || words > kMaxNameWords) return;
  if (source != NameSource::kRules && key.size() < kMinNameBytes) return;
  uint8_t exact_index = 0;
  if (!exact.empty()) {
    if (data_->exact.size() > UINT8_MAX) return;  // far more case-exact names than anyone writes
    auto it = std::find(data_->exact.begin(), data_->exact.end(), exact);
    exact_index = static_cast<uint8_t>(it - data_->exact.begin());
    if (it == data_->exact.end()) data_->exact.push_back(std::move(exact));
  }
  std::vector<NameCandidate>& candidates = data_->names[key];
  for (NameCandidate& c : candidates) {
    if (c.place == index && c.exact == exact_index) {  // same name again: keep the strongest reading
      c.source = std::max(c.source, source);
      c.demonym = c.demonym && demonym;
      return;
    }
  }
  const unsigned char first = static_cast<unsigned char>(name.empty() ? 0 : name.front());
  const bool latin = first < 0x80 || (first >= 0xC3 && first <= 0xC9);  // ASCII, Latin-1, Latin Extended
  candidates.push_back({index, source, demonym, latin, exact_index});
  const std::string_view first_word = std::string_view(key).substr(0, key.find(' '));
  auto longest = data_->longest_from.find(first_word);
  if (longest == data_->longest_from.end()) {
    data_->longest_from.emplace(std::string(first_word), static_cast<uint8_t>(words));
  } else {
    longest->second = std::max<uint8_t>(longest->second, static_cast<uint8_t>(words));
  }
}

void PlaceTableBuilder::Forbid(std::string_view name) { forbidden_.push_back(NameKeyOf(name)); }

StatusOr<std::shared_ptr<const Gazetteer::Data>> PlaceTableBuilder::Finish() {
  Gazetteer::Data& d = *data_;
  d.parent.assign(d.places.size(), -1);
  for (size_t i = 0; i < d.places.size(); ++i) {
    const Place& p = d.places[i];
    if (p.parent.empty()) continue;
    const int64_t parent = IndexOf(p.parent);
    if (parent < 0) return Status::InvalidRule(fmt::format("place \"{}\": unknown parent \"{}\"", p.id, p.parent));
    d.parent[i] = static_cast<int32_t>(parent);
  }
  for (const std::string& key : forbidden_) {
    auto it = d.names.find(key);
    if (it == d.names.end()) continue;
    std::erase_if(it->second, [](const NameCandidate& c) { return c.source != NameSource::kRules; });
    if (it->second.empty()) d.names.erase(it);
  }
  // Best first: the more trusted source; then a city before a region (a
  // state is often named after its capital: "Tripoli", "Khartoum"); then the
  // bigger place.
  auto city_first = [&](const NameCandidate& c) { return d.places[c.place].level == PlaceLevel::kCity ? 0 : 1; };
  for (auto& [key, candidates] : d.names) {
    std::stable_sort(candidates.begin(), candidates.end(), [&](const NameCandidate& a, const NameCandidate& b) {
      if (a.source != b.source) return a.source > b.source;
      if (city_first(a) != city_first(b)) return city_first(a) < city_first(b);
      return population_[a.place] > population_[b.place];
    });
  }
  d.population = std::move(population_);
  return std::shared_ptr<const Gazetteer::Data>(data_);
}

}  // namespace factlint
