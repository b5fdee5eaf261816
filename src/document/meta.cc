#include "document/meta.h"

#include <nlohmann/json.hpp>

#include "factlint/civil_date.h"

namespace factlint {
namespace {

struct Field {
  const char* key;
  std::string DocumentMeta::*member;
};
constexpr Field kFields[] = {{"date", &DocumentMeta::date},
                             {"lang", &DocumentMeta::lang},
                             {"title", &DocumentMeta::title},
                             {"source", &DocumentMeta::source}};

std::string LineOf(const YAML::Node& node) { return std::to_string(node.Mark().line + 1); }

Status CheckDate(const std::string& date, const std::string& where) {
  if (date.empty() || IsValidIsoDate(date)) return Status::OK();
  return Status::InvalidInput(where + ": date \"" + date +
                              "\" is not a real day; write YYYY-MM-DD (or YYYY-MM, YYYY)");
}

}  // namespace

bool IsValidIsoDate(const std::string& date) {
  static constexpr std::string_view kShape = "dddd-dd-dd";
  if (date.size() != 4 && date.size() != 7 && date.size() != 10) return false;
  for (size_t i = 0; i < date.size(); ++i) {
    const bool digit = date[i] >= '0' && date[i] <= '9';
    if (kShape[i] == 'd' ? !digit : date[i] != '-') return false;
  }
  return ParseIsoDate(date).has_value();
}

Status MetaFromYaml(const YAML::Node& node, const std::string& where, DocumentMeta* meta, UnknownKeys unknown) {
  if (!node.IsMap()) return Status::InvalidInput(where + ": expected a map of date, lang, title, source");
  for (const auto& entry : node) {
    const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : "";
    const Field* field = nullptr;
    for (const Field& f : kFields) {
      if (key == f.key) field = &f;
    }
    if (field == nullptr) {
      // "note" is the reader's comment (shared/corpus/seeds/meta.yaml has them).
      if (unknown == UnknownKeys::kIgnore || key == "note") continue;
      return Status::InvalidInput(where + " (line " + LineOf(entry.first) + "): unknown key \"" + key +
                                  "\"; expected date, lang, title, source or note");
    }
    if (!entry.second.IsScalar()) {
      return Status::InvalidInput(where + " (line " + LineOf(entry.second) + "): \"" + field->key +
                                  "\" must be a single value");
    }
    meta->*field->member = entry.second.Scalar();
    if (field->member == &DocumentMeta::date) {
      Status s = CheckDate(meta->date, where + " (line " + LineOf(entry.second) + ")");
      if (!s.ok()) return s;
    }
  }
  return Status::OK();
}

Status MetaFromJson(const nlohmann::json& object, const std::string& where, DocumentMeta* meta) {
  for (const Field& field : kFields) {
    auto it = object.find(field.key);
    if (it == object.end() || it->is_null()) continue;
    if (!it->is_string()) {
      return Status::InvalidInput(where + ": \"" + field.key + "\" must be a string");
    }
    meta->*field.member = it->get<std::string>();
  }
  return CheckDate(meta->date, where);
}

void FillMissing(const DocumentMeta& fallback, DocumentMeta* meta) {
  for (const Field& field : kFields) {
    if ((meta->*field.member).empty()) meta->*field.member = fallback.*field.member;
  }
}

}  // namespace factlint
