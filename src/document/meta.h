// Reading DocumentMeta fields from YAML (front matter, --meta files) and JSON.
#pragma once

#include <string>

#include <nlohmann/json_fwd.hpp>
#include <yaml-cpp/yaml.h>

#include "factlint/document.h"
#include "factlint/status.h"

namespace factlint {

// What to do with a key that is none of date, lang, title, source.
enum class UnknownKeys { kIgnore, kReject };

// Reads {date, lang, title, source} from a YAML map; `where` names the
// source for error messages.  Front matter ignores unknown keys (news front
// matter often carries more); a --meta file rejects them (a typo would
// otherwise silently drop the field).  Wrong types and invalid dates are
// errors naming the line.
Status MetaFromYaml(const YAML::Node& node, const std::string& where, DocumentMeta* meta,
                    UnknownKeys unknown = UnknownKeys::kIgnore);

// True for "YYYY", "YYYY-MM" and "YYYY-MM-DD" naming a real day (no 2025-02-30).
bool IsValidIsoDate(const std::string& date);

// The same from a JSON document object.
Status MetaFromJson(const nlohmann::json& object, const std::string& where, DocumentMeta* meta);

// Fields of `fallback` fill the fields `meta` leaves empty.
void FillMissing(const DocumentMeta& fallback, DocumentMeta* meta);

}  // namespace factlint
