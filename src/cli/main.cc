// factlint: cross-document fact consistency checking for news.
#include <exception>
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/options.h"

int main(int argc, char** argv) {
  CLI::App app{
      "factlint — checks that news articles agree on the facts they state: figures (killed, injured, "
      "hostages…), who holds which office, dates and durations, in Arabic and English.\n"
      "Exit status: 0 no finding at --fail-on, 1 a finding at or above it, 2 bad input or usage."};
  app.set_version_flag("--version", std::string("factlint ") + FACTLINT_VERSION);
  app.require_subcommand(1);
  int exit_code = factlint::cli::kExitClean;
  factlint::cli::AddCheckCommand(&app, &exit_code);
  factlint::cli::AddExtractCommand(&app, &exit_code);
  factlint::cli::AddGraphCommand(&app, &exit_code);
  factlint::cli::AddExplainCommand(&app, &exit_code);
  factlint::cli::AddStoreCommand(&app, &exit_code);
  factlint::cli::AddKbCommand(&app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : factlint::cli::kExitBadInput;
  } catch (const std::exception& e) {
    // A last resort: library calls return Status, so reaching here is a bug.
    // One line and exit status 2 beat an abort that loses every report.
    std::cerr << "factlint: internal error: " << e.what() << "; please report this with the input that caused it\n";
    return factlint::cli::kExitBadInput;
  } catch (...) {
    std::cerr << "factlint: internal error; please report this with the input that caused it\n";
    return factlint::cli::kExitBadInput;
  }
  return exit_code;
}
