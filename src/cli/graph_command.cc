// factlint graph: the claim graph as DOT or JSON, findings as edges.
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/options.h"
#include "factlint/pipeline.h"
#include "factlint/report.h"

namespace factlint::cli {
namespace {

struct GraphOptions {
  CommonOptions common;
  std::string format = "dot";
  std::string out;
};

int Run(const GraphOptions& o) {
  size_t rejected = 0;
  const std::vector<Document> docs = LoadInputs(o.common, &rejected);
  std::unique_ptr<Engine> engine = MakeEngine(o.common);
  if (!engine) return kExitBadInput;
  const std::unique_ptr<ClaimGraph> graph = BuildClaimGraph(*engine, docs);
  const std::string text = o.format == "json" ? graph->ToJson().dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n" : graph->ToDot();
  if (o.out.empty() || o.out == "-") {
    std::cout << text;
  } else if (Status s = WriteFileAtomically(o.out, text); !s.ok()) {
    ReportError(s);
    return kExitBadInput;
  }
  return rejected ? kExitBadInput : kExitClean;
}

}  // namespace

void AddGraphCommand(CLI::App* app, int* exit_code) {
  auto o = std::make_shared<GraphOptions>();
  CLI::App* cmd = app->add_subcommand("graph", "Write the claim graph (documents, claims, subjects, entities)");
  AddCommonOptions(cmd, &o->common);
  cmd->add_option("--format", o->format, "dot (Graphviz) or json")->check(CLI::IsMember({"dot", "json"}))->capture_default_str();
  cmd->add_option("-o,--out", o->out, "Output file (written atomically); default stdout");
  cmd->callback([cmd, o, exit_code] {
    ProjectConfig config;
    if (Status s = Configure(*cmd, &o->common, &config); !s.ok()) {
      ReportError(s);
      *exit_code = kExitBadInput;
      return;
    }
    *exit_code = Run(*o);
  });
}

}  // namespace factlint::cli
