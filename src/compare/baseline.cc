#include "factlint/baseline.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace factlint {

StatusOr<Baseline> LoadBaseline(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return Status::InvalidInput(path + ": is a folder; --baseline takes a file");
  std::ifstream in(path);
  if (!in) return Status::NotFound(path + ": cannot read the baseline; create it with --write-baseline");
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& e) {  // also numbers out of range (1e999)
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
    auto reason = entry.find("reason");
    if (reason != entry.end() && !reason->is_string() && !reason->is_null()) {
      return Status::InvalidInput(path + ": a \"reason\" must be a string");
    }
    b.reasons[entry["fingerprint"].get<std::string>()] =
        reason != entry.end() && reason->is_string() ? reason->get<std::string>() : "";
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
  return nlohmann::json({{"version", 1}, {"accepted", accepted}}).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
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
