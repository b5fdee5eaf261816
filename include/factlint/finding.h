// Finding: a disagreement between claims, with the evidence for each side.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace factlint {

enum class Severity { kInfo = 0, kWarning = 1, kError = 2 };

const char* SeverityName(Severity s);                 // "info" | "warning" | "error"
bool ParseSeverity(const std::string& name, Severity* out);

// One position in a disagreement: a value and the claims that support it.
struct Side {
  std::string value;                // "more than 40,000", "Antony Blinken"
  std::vector<std::string> claims;  // claim ids
};

struct Finding {
  std::string id;           // "F1", "F2", ... in report order
  std::string fingerprint;  // stable across runs and input order
  std::string kind;         // quantity | officeholder | date | duration | name
  Severity severity = Severity::kError;
  std::string subject;      // in words: "Palestinians killed (Gaza)"
  std::string subject_key;  // the claims' subject key
  std::string message;      // one sentence: why the sides disagree
  std::vector<Side> sides;
  std::string incident;     // the resolved incident the claims are about ("" for officeholders...)
  // How sure factlint is that a careful reader would agree (0..1), and why.
  double confidence = 0.9;
  std::vector<std::string> confidence_reasons;
  bool baselined = false;   // accepted in a baseline file: counted, never fails the run
  std::string baseline_reason;
};

nlohmann::json FindingToJson(const Finding& finding);

}  // namespace factlint
