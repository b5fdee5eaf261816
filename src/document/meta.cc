#include "document/meta.h"

#include <nlohmann/json.hpp>

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

}  // namespace

Status MetaFromYaml(const YAML::Node& node, const std::string& where, DocumentMeta* meta) {
  if (!node.IsMap()) return Status::InvalidInput(where + ": expected a map of date, lang, title, source");
  for (const Field& field : kFields) {
    const YAML::Node value = node[field.key];
    if (!value) continue;
    if (!value.IsScalar()) {
      return Status::InvalidInput(where + " (line " + std::to_string(value.Mark().line + 1) +
                                  "): \"" + field.key + "\" must be a single value");
    }
    meta->*field.member = value.Scalar();
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
  return Status::OK();
}

void FillMissing(const DocumentMeta& fallback, DocumentMeta* meta) {
  for (const Field& field : kFields) {
    if ((meta->*field.member).empty()) meta->*field.member = fallback.*field.member;
  }
}

}  // namespace factlint
