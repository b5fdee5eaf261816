// Calendar dates as day numbers, and ISO dates that may be partial.
//
// "2023-10-07" covers one day, "2023-W40" an ISO week (Monday to Sunday),
// "2023-10" a month, "2023" a year; an unknown
// year is written "XXXX" ("XXXX-10-07": a 7 October of some year).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace factlint {

struct CivilDate {
  int year = 0;
  int month = 0;  // 1-12, 0 when unknown
  int day = 0;    // 1-31, 0 when unknown
};

// Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's algorithm).
int64_t DaysFromCivil(int year, int month, int day);
CivilDate CivilFromDays(int64_t days);
// 0 = Sunday ... 6 = Saturday.
int WeekdayOf(int64_t days);

// The days an ISO date or partial date covers, inclusive.
struct DayRange {
  int64_t first = 0;
  int64_t last = 0;
  bool year_known = true;  // false for "XXXX-MM-DD"
  int month = 0;           // kept for unknown-year comparisons
  int day = 0;
};
std::optional<DayRange> ParseIsoDate(const std::string& iso);

std::string FormatIsoDay(int64_t days);
std::string FormatIsoWeek(int64_t days);  // the ISO week holding the day: "2025-W41"
// The month `months` after (or before) year/month: {2025, 1} - 2 -> {2024, 11}.
CivilDate AddMonths(int year, int month, int months);
int DaysInMonth(int year, int month);
std::string FormatIso(const CivilDate& date);  // YYYY-MM-DD, YYYY-MM, YYYY or XXXX-MM-DD

// True when two (possibly partial) dates can be the same day.
bool DatesCompatible(const DayRange& a, const DayRange& b);

}  // namespace factlint
