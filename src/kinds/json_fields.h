// Reading and writing the fields of a claim's JSON object, shared by the
// claim kinds (src/kinds/*_kind.cc) and the claim itself (src/extract/claim.cc).
#pragma once

#include <cmath>
#include <optional>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "factlint/claim.h"
#include "factlint/status.h"

namespace factlint {
namespace json_fields {

// JSON has no infinity: an open upper bound is written as null.
inline nlohmann::json Bound(double v) { return std::isinf(v) ? nlohmann::json(nullptr) : nlohmann::json(v); }
inline double BoundFrom(const nlohmann::json& j, double fallback) {
  return j.is_number() ? j.get<double>() : fallback;
}

// The string at `key`; "" when absent or not a string.
inline std::string Str(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The enum value named at `key`.  An absent key keeps `*out` (the default);
// a name of no value is an error naming it and the names allowed.
template <typename Enum>
Status ReadEnum(const nlohmann::json& j, const char* key, Enum* out) {
  auto it = j.find(key);
  if (it == j.end()) return Status::OK();
  const std::string name = it->is_string() ? it->get<std::string>() : it->dump();
  const std::optional<Enum> value = FromName<Enum>(name);
  if (!value) {
    return Status::InvalidInput(
        fmt::format("unknown {} \"{}\" in a claim; expected one of: {}", key, name, AllowedNames<Enum>()));
  }
  *out = *value;
  return Status::OK();
}

}  // namespace json_fields
}  // namespace factlint
