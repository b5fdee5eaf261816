// json: the report contract read by shared/tools/score_findings.py and by
// other programs.  Claims and findings use the same JSON as everywhere else
// (ClaimToJson, FindingToJson), so that a report can be fed back in.
#include <nlohmann/json.hpp>

#include "report/formats.h"

namespace factlint::report {

std::string RenderJson(const CheckResult& result, const ReportOptions& options) {
  // ordered_json keeps the contract's key order, the order a person reads in.
  nlohmann::ordered_json out;
  out["tool"] = {{"name", "factlint"}, {"version", options.version}};
  auto& documents = out["documents"] = nlohmann::ordered_json::array();
  for (const DocumentInfo& d : result.documents) {
    documents.push_back({{"id", d.id},
                         {"path", d.path},
                         {"lang", d.lang},
                         {"date", d.date},
                         {"from_store", d.from_store}});
  }
  auto& claims = out["claims"] = nlohmann::ordered_json::array();
  for (const Claim& c : result.claims) claims.push_back(nlohmann::ordered_json(ClaimToJson(c)));
  auto& findings = out["findings"] = nlohmann::ordered_json::array();
  for (const Finding& f : result.findings)
    findings.push_back(nlohmann::ordered_json(FindingToJson(f)));
  out["errors"] = result.input_errors;
  // replace: a stray invalid byte in an article must not abort the report.
  return out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace factlint::report
