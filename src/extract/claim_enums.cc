// Names of the claim enums (include/factlint/claim.h): one table per enum,
// read in both directions by the same two templates.
#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "factlint/claim.h"

namespace factlint {
namespace {

// kNames[i] is the name of the enum value i: keep them in declaration order.
template <typename Enum> struct EnumNames;

template <> struct EnumNames<Qualifier> {
  static constexpr std::array<std::string_view, 6> kNames = {"exact",       "approximate", "lower_bound",
                                                             "upper_bound", "vague",       "range"};
};
template <> struct EnumNames<DatePrecision> {
  static constexpr std::array<std::string_view, 6> kNames = {"", "minute", "day", "week", "month", "year"};
};
template <> struct EnumNames<HolderTime> {
  static constexpr std::array<std::string_view, 6> kNames = {"current", "former", "acting",
                                                             "designate", "elect", "late"};
};
template <> struct EnumNames<Measure> {
  static constexpr std::array<std::string_view, 17> kNames = {
      "killed",  "injured",   "hostages",  "captives", "missing",   "displaced",
      "detained", "released", "bodies",    "seats",    "survivors", "aboard",
      "earthquake-magnitude", "earthquake-depth", "election-turnout", "population", "aid-amount"};
};
template <> struct EnumNames<CountState> {
  static constexpr std::array<std::string_view, 8> kNames = {"",      "held",  "held-alive", "released",
                                                             "dead", "found", "rescued",    "hospitalised"};
};

template <typename Enum>
std::string_view NameOf(Enum value) {
  return EnumNames<Enum>::kNames[static_cast<size_t>(value)];
}

}  // namespace

std::string_view Name(Qualifier value) { return NameOf(value); }
std::string_view Name(DatePrecision value) { return NameOf(value); }
std::string_view Name(HolderTime value) { return NameOf(value); }
std::string_view Name(Measure value) { return NameOf(value); }
std::string_view Name(CountState value) { return NameOf(value); }

template <typename Enum>
std::optional<Enum> FromName(std::string_view name) {
  const auto& names = EnumNames<Enum>::kNames;
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

template <typename Enum>
std::string AllowedNames() {
  std::string out;
  for (std::string_view name : EnumNames<Enum>::kNames) {
    if (name.empty()) continue;  // "unstated" is never written in a rule
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

#define FACTLINT_ENUM_NAMES(Enum)                                     \
  template std::optional<Enum> FromName<Enum>(std::string_view name); \
  template std::string AllowedNames<Enum>();
FACTLINT_ENUM_NAMES(Qualifier)
FACTLINT_ENUM_NAMES(DatePrecision)
FACTLINT_ENUM_NAMES(HolderTime)
FACTLINT_ENUM_NAMES(Measure)
FACTLINT_ENUM_NAMES(CountState)
#undef FACTLINT_ENUM_NAMES

}  // namespace factlint
