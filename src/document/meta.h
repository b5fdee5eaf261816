// Reading DocumentMeta fields from YAML (front matter, --meta files) and JSON.
#pragma once

#include <string>

#include <nlohmann/json_fwd.hpp>
#include <yaml-cpp/yaml.h>

#include "factlint/document.h"
#include "factlint/status.h"

namespace factlint {

// Reads {date, lang, title, source} from a YAML map; `where` names the
// source for error messages.  Unknown keys are ignored (news front matter
// often carries more), wrong types are errors.
Status MetaFromYaml(const YAML::Node& node, const std::string& where, DocumentMeta* meta);

// The same from a JSON document object.
Status MetaFromJson(const nlohmann::json& object, const std::string& where, DocumentMeta* meta);

// Fields of `fallback` fill the fields `meta` leaves empty.
void FillMissing(const DocumentMeta& fallback, DocumentMeta* meta);

}  // namespace factlint
