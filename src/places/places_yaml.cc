// rules/places.yaml: press spellings, demonyms and the places ICU and
// GeoNames lack.  The format is described at the top of that file.
#include <set>

#include <fmt/format.h>

#include "factlint/fold.h"
#include "places/gazetteer_data.h"

namespace factlint {
namespace {

const std::set<std::string> kPlaceKeys = {"id",       "name",  "level",    "parent", "ar",  "en",
                                          "demonyms", "exact", "examples", "note", "back"};

Status Error(const std::string& file, const YAML::Node& node, const std::string& what) {
  return Status::InvalidRule(fmt::format("{}: line {}: {}", file, node.Mark().line + 1, what));
}

// A list of strings, or an error naming the line.
Status Strings(const std::string& file, const YAML::Node& node, std::vector<std::string>* out) {
  if (!node) return Status::OK();
  if (!node.IsSequence()) return Error(file, node, "expected a list of strings");
  for (const YAML::Node& item : node) {
    if (!item.IsScalar()) return Error(file, item, "expected a string");
    out->push_back(item.Scalar());
  }
  return Status::OK();
}

// {ar: [...], en: [...]} -> every string in it.
Status StringsByLanguage(const std::string& file, const YAML::Node& node, std::vector<std::string>* out) {
  if (!node) return Status::OK();
  if (!node.IsMap()) return Error(file, node, "expected a map {ar: [...], en: [...]}");
  for (const auto& kv : node) {
    Status s = Strings(file, kv.second, out);
    if (!s.ok()) return s;
  }
  return Status::OK();
}

bool ParseLevel(const std::string& text, PlaceLevel* level) {
  for (PlaceLevel l : {PlaceLevel::kCountry, PlaceLevel::kRegion, PlaceLevel::kCity, PlaceLevel::kLocality}) {
    if (text == PlaceLevelName(l)) {
      *level = l;
      return true;
    }
  }
  return false;
}

// Sets parent, country and level from the entry (for a new place, or to
// correct one: GeoNames puts Wajima in Ishikawa, we put it in Noto).
Status ApplyPlacement(const std::string& file, const YAML::Node& node, PlaceTableBuilder* builder, Place* place) {
  if (node["level"] && !ParseLevel(node["level"].Scalar(), &place->level)) {
    return Error(file, node["level"], "level must be country, region, city or locality");
  }
  if (!node["parent"]) return Status::OK();
  const std::string parent = node["parent"].Scalar();
  const int64_t parent_index = builder->IndexOf(parent);
  if (parent_index < 0) {
    return Error(file, node["parent"], fmt::format("unknown parent \"{}\" (define it earlier in the file)", parent));
  }
  place->parent = parent;
  place->country = builder->At(static_cast<uint32_t>(parent_index)).country;
  return Status::OK();
}

StatusOr<uint32_t> PlaceOf(const std::string& file, const YAML::Node& node, PlaceTableBuilder* builder) {
  if (!node["id"] || !node["id"].IsScalar()) return Error(file, node, "a place needs an \"id\"");
  const std::string id = node["id"].Scalar();
  const int64_t existing = builder->IndexOf(id);
  Place place;
  if (existing >= 0) {
    place = builder->At(static_cast<uint32_t>(existing));
  } else {
    if (!node["name"] || !node["level"]) return Error(file, node, fmt::format("new place \"{}\" needs name and level", id));
    place.id = id;
    place.name = node["name"].Scalar();
    place.country = id;  // a country is its own; any other gets its parent's below
  }
  Status s = ApplyPlacement(file, node, builder, &place);
  if (!s.ok()) return s;
  if (existing < 0 && place.level != PlaceLevel::kCountry && place.parent.empty()) {
    return Error(file, node, fmt::format("place \"{}\" needs a parent", id));
  }
  if (node["name"]) place.name = node["name"].Scalar();
  if (existing >= 0) {
    builder->At(static_cast<uint32_t>(existing)) = std::move(place);
    return static_cast<uint32_t>(existing);
  }
  return builder->Add(std::move(place), 0);
}

Status AddEntry(const std::string& file, const YAML::Node& node, PlaceTableBuilder* builder) {
  if (!node.IsMap()) return Error(file, node, "a place must be a map");
  for (const auto& kv : node) {
    if (!kPlaceKeys.count(kv.first.Scalar())) {
      return Error(file, kv.first, fmt::format("unknown key \"{}\"", kv.first.Scalar()));
    }
  }
  auto index = PlaceOf(file, node, builder);
  if (!index.ok()) return index.status();
  std::vector<std::string> names, demonyms, exact, examples, back;
  for (Status s : {Strings(file, node["ar"], &names), Strings(file, node["en"], &names),
                   StringsByLanguage(file, node["demonyms"], &demonyms), Strings(file, node["exact"], &exact),
                   StringsByLanguage(file, node["examples"], &examples), StringsByLanguage(file, node["back"], &back)}) {
    if (!s.ok()) return s;
  }
  for (const std::string& word : back) builder->At(index.value()).back.push_back(NameKeyOf(word));
  for (const std::string& name : names) builder->AddName(name, index.value(), NameSource::kRules);
  for (const std::string& name : demonyms) builder->AddName(name, index.value(), NameSource::kRules, true);
  for (const std::string& name : exact) builder->AddName(name, index.value(), NameSource::kRules, false, name);
  return Status::OK();
}

}  // namespace

StatusOr<PlacesFile> ReadPlacesFile(const std::string& path) {
  PlacesFile file;
  file.path = path;
  try {
    file.root = YAML::LoadFile(path);
  } catch (const YAML::BadFile&) {
    return Status::NotFound(path + ": cannot read the gazetteer's places file");
  } catch (const YAML::Exception& e) {
    return Status::InvalidRule(fmt::format("{}: line {}: malformed YAML: {}", path, e.mark.line + 1, e.msg));
  }
  if (!file.root.IsMap() || !file.root["places"] || !file.root["places"].IsSequence()) {
    return Status::InvalidRule(path + ": expected \"places:\" with a list of places");
  }
  std::vector<std::string> generic;
  Status s = StringsByLanguage(path, file.root["generic_words"], &generic);
  if (!s.ok()) return s;
  for (const std::string& word : generic) file.generic_words.push_back(NameKey(Fold(word)));
  return file;
}

Status AddPlacesYaml(const PlacesFile& file, PlaceTableBuilder* builder) {
  try {
    std::vector<std::string> not_places;
    Status s = StringsByLanguage(file.path, file.root["not_places"], &not_places);
    if (!s.ok()) return s;
    for (const std::string& name : not_places) builder->Forbid(name);
    for (const YAML::Node& node : file.root["places"]) {
      s = AddEntry(file.path, node, builder);
      if (!s.ok()) return s;
    }
  } catch (const YAML::Exception& e) {
    return Status::InvalidRule(fmt::format("{}: line {}: {}", file.path, e.mark.line + 1, e.msg));
  }
  return Status::OK();
}

}  // namespace factlint
