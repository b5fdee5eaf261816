// factlint explain: why two claims were, or were not, compared.
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/options.h"
#include "factlint/explain.h"

namespace factlint::cli {
namespace {

struct ExplainOptions {
  CommonOptions common;
  std::string claim_a, claim_b;
};

int Run(const ExplainOptions& o) {
  size_t rejected = 0;
  const std::vector<Document> docs = LoadInputs(o.common, &rejected);
  std::unique_ptr<Engine> engine = MakeEngine(o.common);
  if (!engine) return kExitBadInput;
  const CheckResult collected = engine->Collect(docs);
  auto text = ExplainPair(*engine, collected.documents, collected.claims, o.claim_a, o.claim_b);
  if (!text.ok()) {
    ReportError(text.status());
    return kExitBadInput;
  }
  std::cout << text.value();
  return rejected ? kExitBadInput : kExitClean;
}

}  // namespace

void AddExplainCommand(CLI::App* app, int* exit_code) {
  auto o = std::make_shared<ExplainOptions>();
  CLI::App* cmd = app->add_subcommand(
      "explain", "Say why two claims were or were not compared: incidents and frames side by side, and the rule that decided");
  cmd->add_option("claim_a", o->claim_a, "First claim id (as `factlint extract` prints it: FILE#N)")->required();
  cmd->add_option("claim_b", o->claim_b, "Second claim id")->required();
  AddCommonOptions(cmd, &o->common);
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
