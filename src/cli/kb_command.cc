// factlint kb: check knowledge files, and import them from Wikidata.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/options.h"
#include "factlint/kb_import.h"
#include "factlint/knowledge.h"
#include "factlint/report.h"
#include "factlint/rules.h"

namespace factlint::cli {
namespace {

namespace fs = std::filesystem;

// The bundled knowledge: rules/kb/*.yaml, then rules/people.yaml.
std::vector<std::string> BundledKnowledgeFiles() {
  const fs::path dir = BuiltinRulesDir();
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir / "kb", ec)) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  files.push_back((dir / "people.yaml").string());
  return files;
}

bool SameFile(const std::string& a, const std::string& b) {
  std::error_code ec;
  return fs::equivalent(a, b, ec);
}

bool Among(const std::string& file, const std::vector<std::string>& files) {
  return std::any_of(files.begin(), files.end(), [&](const std::string& f) { return SameFile(f, file); });
}

// Reads `files`; an unreadable one is reported and counted.
std::vector<KnowledgeFile> ReadAll(const std::vector<std::string>& files, int* errors) {
  std::vector<KnowledgeFile> out;
  for (const std::string& f : files) {
    auto kb = ReadKnowledgeFile(f);
    if (!kb.ok()) {
      std::cout << kb.status().message() << "\n";
      ++*errors;
      continue;
    }
    out.push_back(std::move(kb.value()));
  }
  return out;
}

struct CheckOptions {
  std::vector<std::string> files;
  std::string offices;
};

int RunCheck(const CheckOptions& o) {
  const std::vector<std::string> bundled = BundledKnowledgeFiles();
  const std::vector<std::string> checked = o.files.empty() ? bundled : o.files;
  // Files named on the command line are checked against the bundled ones
  // (a term may name a person of rules/people.yaml); only their problems count.
  std::vector<std::string> all;
  for (const std::string& f : bundled) {
    if (!Among(f, checked)) all.push_back(f);
  }
  all.insert(all.end(), checked.begin(), checked.end());
  auto catalog = ReadOfficeCatalog(o.offices.empty() ? (fs::path(BuiltinRulesDir()) / "offices.yaml").string() : o.offices);
  if (!catalog.ok()) {
    ReportError(catalog.status());
    return kExitBadInput;
  }
  int errors = 0, warnings = 0;
  const std::vector<KnowledgeFile> files = ReadAll(all, &errors);
  size_t people = 0, terms = 0, countries = 0;
  for (const KnowledgeFile& f : files) {
    if (!Among(f.path, checked)) continue;
    people += f.people.size();
    terms += f.terms.size();
    countries += f.countries.size();
  }
  for (const KbProblem& p : CheckKnowledge(files, catalog.value())) {
    if (!Among(p.file, checked)) continue;
    std::cout << fmt::format("{}:{}: {}: {}\n", p.file, p.line, p.warning ? "warning" : "error", p.reason);
    ++(p.warning ? warnings : errors);
  }
  std::cerr << fmt::format("kb check: {} file(s), {} countries, {} people, {} terms: {} error(s), {} warning(s)\n",
                           checked.size(), countries, people, terms, errors, warnings);
  return errors ? kExitBadInput : kExitClean;
}

struct ImportOptions {
  std::string results;
  std::string out;
};

int RunImport(const ImportOptions& o) {
  std::ifstream in(o.results, std::ios::binary);
  if (!in) {
    ReportError(Status::NotFound(o.results + ": cannot read the SPARQL results file"));
    return kExitBadInput;
  }
  std::stringstream text;
  text << in.rdbuf();
  auto rules = RuleSet::Load({BuiltinRulesDir()});
  if (!rules.ok()) {
    ReportError(rules.status());
    return kExitBadInput;
  }
  std::optional<KnowledgeFile> existing;
  std::error_code ec;
  if (fs::exists(o.out, ec)) {
    auto kb = ReadKnowledgeFile(o.out);
    if (!kb.ok()) {
      ReportError(kb.status());
      return kExitBadInput;
    }
    existing = std::move(kb.value());
  }
  int errors = 0;
  std::vector<std::string> others;
  for (const std::string& f : BundledKnowledgeFiles()) {
    if (!SameFile(f, o.out)) others.push_back(f);
  }
  const std::vector<KnowledgeFile> context = ReadAll(others, &errors);
  auto imported = ImportWikidata(text.str(), o.results, existing ? &*existing : nullptr, *rules.value(), context);
  if (!imported.ok()) {
    ReportError(imported.status());
    return kExitBadInput;
  }
  for (const std::string& why : imported->skipped) std::cerr << "factlint: " << o.results << ": skipped " << why << "\n";
  if (Status s = WriteFileAtomically(o.out, imported->yaml); !s.ok()) {
    ReportError(s);
    return kExitBadInput;
  }
  std::cerr << fmt::format("kb import: {} new people, {} new terms, {} updated, {} rows skipped -> {}\n",
                           imported->new_people, imported->new_terms, imported->updated_terms,
                           imported->skipped.size(), o.out);
  return kExitClean;
}

}  // namespace

void AddKbCommand(CLI::App* app, int* exit_code) {
  CLI::App* kb = app->add_subcommand("kb", "Check knowledge files (officeholders), or import them from Wikidata");
  kb->require_subcommand(1);

  auto check = std::make_shared<CheckOptions>();
  CLI::App* c = kb->add_subcommand(
      "check", "Validate knowledge files (default: the bundled rules/kb/*.yaml and rules/people.yaml): overlapping "
               "terms of an exclusive office, an end before a start, unknown people, offices or countries, a spelling "
               "of two people. Exit 2 on any error.");
  c->add_option("FILE", check->files, "Knowledge files to check");
  c->add_option("--offices", check->offices, "Offices catalog (default: the built-in rules/offices.yaml)");
  c->callback([check, exit_code] { *exit_code = RunCheck(*check); });

  CLI::App* import = kb->add_subcommand("import", "Import knowledge from an outside source");
  import->require_subcommand(1);
  auto wd = std::make_shared<ImportOptions>();
  CLI::App* w = import->add_subcommand(
      "wikidata", "Turn a Wikidata SPARQL result (application/sparql-results+json; the query is in the README) into "
                  "a knowledge file; an existing --out file is updated by Wikidata id, written atomically");
  w->add_option("RESULTS", wd->results, "The query's JSON result")->required();
  w->add_option("--out", wd->out, "The knowledge file to write or update")->required();
  w->callback([wd, exit_code] { *exit_code = RunImport(*wd); });
}

}  // namespace factlint::cli
