// Findings: severity names and the report contract's JSON.
#include <cmath>
#include "factlint/finding.h"

#include <nlohmann/json.hpp>

namespace factlint {

const char* SeverityName(Severity s) {
  switch (s) {
    case Severity::kInfo: return "info";
    case Severity::kWarning: return "warning";
    case Severity::kError: return "error";
  }
  return "error";
}

bool ParseSeverity(const std::string& name, Severity* out) {
  for (Severity s : {Severity::kInfo, Severity::kWarning, Severity::kError}) {
    if (name == SeverityName(s)) {
      *out = s;
      return true;
    }
  }
  return false;
}

nlohmann::json FindingToJson(const Finding& f) {
  nlohmann::json sides = nlohmann::json::array();
  for (const Side& side : f.sides) sides.push_back({{"value", side.value}, {"claims", side.claims}});
  nlohmann::json out = {
      {"id", f.id},
      {"fingerprint", f.fingerprint},
      {"kind", f.kind},
      {"severity", SeverityName(f.severity)},
      {"subject", f.subject},
      {"subject_key", f.subject_key},
      {"message", f.message},
      {"sides", sides},
      {"baselined", f.baselined},
      {"incident", f.incident},
      {"confidence", std::round(f.confidence * 100) / 100},
      {"confidence_reasons", f.confidence_reasons},
  };
  if (!f.baseline_reason.empty()) out["baseline_reason"] = f.baseline_reason;
  return out;
}

}  // namespace factlint
