#include "factlint/civil_date.h"

#include <fmt/format.h>

namespace factlint {

int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return CivilDate{static_cast<int>(yoe + era * 400 + (m <= 2)), m, d};
}

int WeekdayOf(int64_t days) { return static_cast<int>(days >= -4 ? (days + 4) % 7 : (days + 5) % 7 + 6); }

int DaysInMonth(int y, int m) {
  return static_cast<int>(DaysFromCivil(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) - DaysFromCivil(y, m, 1));
}

CivilDate AddMonths(int year, int month, int months) {
  const int index = year * 12 + (month - 1) + months;
  return CivilDate{index / 12, index % 12 + 1, 0};
}

namespace {

// Monday = 1 ... Sunday = 7.
int IsoWeekday(int64_t days) { return WeekdayOf(days) == 0 ? 7 : WeekdayOf(days); }

// The Monday of ISO week 1 of `year` (the week holding 4 January).
int64_t FirstIsoMonday(int year) {
  const int64_t jan4 = DaysFromCivil(year, 1, 4);
  return jan4 - (IsoWeekday(jan4) - 1);
}

}  // namespace

std::string FormatIsoWeek(int64_t days) {
  const int64_t thursday = days - IsoWeekday(days) + 4;  // its week's Thursday names the year
  const int year = CivilFromDays(thursday).year;
  return fmt::format("{:04}-W{:02}", year, (thursday - FirstIsoMonday(year)) / 7 + 1);
}

std::optional<DayRange> ParseIsoDate(const std::string& iso) {
  int y = 0, m = 0, d = 0;
  DayRange r;
  if (iso.size() >= 4 && iso.compare(0, 4, "XXXX") == 0) {
    if (std::sscanf(iso.c_str(), "XXXX-%d-%d", &m, &d) != 2 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
    r.year_known = false;
    r.month = m;
    r.day = d;
    return r;
  }
  int week = 0;
  if (std::sscanf(iso.c_str(), "%d-W%d", &y, &week) == 2 && iso.find("-W") == 4) {
    if (y < 1000 || y > 9999 || week < 1 || week > 53) return std::nullopt;
    r.first = FirstIsoMonday(y) + 7 * (week - 1);
    r.last = r.first + 6;
    return r;
  }
  const int n = std::sscanf(iso.c_str(), "%d-%d-%d", &y, &m, &d);
  if (n < 1 || y < 1000 || y > 9999) return std::nullopt;
  if (n >= 2 && (m < 1 || m > 12)) return std::nullopt;
  if (n == 3 && (d < 1 || d > DaysInMonth(y, m))) return std::nullopt;
  r.month = n >= 2 ? m : 0;
  r.day = n == 3 ? d : 0;
  if (n == 1) {
    r.first = DaysFromCivil(y, 1, 1);
    r.last = DaysFromCivil(y, 12, 31);
  } else if (n == 2) {
    r.first = DaysFromCivil(y, m, 1);
    r.last = r.first + DaysInMonth(y, m) - 1;
  } else {
    r.first = r.last = DaysFromCivil(y, m, d);
  }
  return r;
}

std::string FormatIsoDay(int64_t days) {
  const CivilDate c = CivilFromDays(days);
  return fmt::format("{:04}-{:02}-{:02}", c.year, c.month, c.day);
}

std::string FormatIso(const CivilDate& c) {
  const std::string year = c.year > 0 ? fmt::format("{:04}", c.year) : "XXXX";
  if (c.month == 0) return year;
  if (c.day == 0) return fmt::format("{}-{:02}", year, c.month);
  return fmt::format("{}-{:02}-{:02}", year, c.month, c.day);
}

bool DatesCompatible(const DayRange& a, const DayRange& b) {
  if (!a.year_known || !b.year_known) {
    // Compare what both state: month and day.
    if (a.month && b.month && a.month != b.month) return false;
    return !(a.day && b.day && a.day != b.day);
  }
  return a.first <= b.last && b.first <= a.last;
}

}  // namespace factlint
