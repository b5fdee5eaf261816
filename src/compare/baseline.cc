#include "factlint/baseline.h"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace factlint {

StatusOr<Baseline> LoadBaseline(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound(path + ": cannot read the baseline; create it with --write-baseline");
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(in);
  } catch (const nlohmann::json::parse_error& e) {
    return Status::InvalidInput(path + ": malformed baseline JSON (" + e.what() + ")");
  }
  if (!j.is_object() || !j.contains("accepted") || !j["accepted"].is_array()) {
    return Status::InvalidInput(path + ": expected {\"version\": 1, \"accepted\": [...]}");
  }
  Baseline b;
  for (const auto& entry : j["accepted"]) {
    if (!entry.is_object() || !entry.contains("fingerprint") || !entry["fingerprint"].is_string()) {
      return Status::InvalidInput(path + ": every accepted entry needs a \"fingerprint\" string");
    }
    b.reasons[entry["fingerprint"].get<std::string>()] = entry.value("reason", "");
  }
  return b;
}

std::string BaselineJson(const std::vector<Finding>& findings, const Baseline& previous) {
  nlohmann::json accepted = nlohmann::json::array();
  for (const Finding& f : findings) {
    auto it = previous.reasons.find(f.fingerprint);
    accepted.push_back({{"fingerprint", f.fingerprint},
                        {"kind", f.kind},
                        {"subject", f.subject},
                        {"reason", it == previous.reasons.end() ? "" : it->second}});
  }
  return nlohmann::json({{"version", 1}, {"accepted", accepted}}).dump(2) + "\n";
}

void ApplyBaseline(const Baseline& baseline, std::vector<Finding>* findings) {
  for (Finding& f : *findings) {
    auto it = baseline.reasons.find(f.fingerprint);
    if (it == baseline.reasons.end()) continue;
    f.baselined = true;
    f.baseline_reason = it->second;
  }
}

}  // namespace factlint
