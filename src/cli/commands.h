// The subcommands; each registers itself on the app and sets *exit_code
// when it runs.
#pragma once

#include <CLI/CLI.hpp>

namespace factlint::cli {

void AddCheckCommand(CLI::App* app, int* exit_code);
void AddExtractCommand(CLI::App* app, int* exit_code);
void AddExplainCommand(CLI::App* app, int* exit_code);
void AddGraphCommand(CLI::App* app, int* exit_code);
void AddStoreCommand(CLI::App* app, int* exit_code);

}  // namespace factlint::cli
