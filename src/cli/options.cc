#include "cli/options.h"

#include <filesystem>
#include <iostream>

#include <yaml-cpp/yaml.h>

namespace factlint::cli {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> StringList(const YAML::Node& node, const fs::path& base, bool paths) {
  std::vector<std::string> out;
  if (!node) return out;
  auto add = [&](const std::string& s) { out.push_back(paths && fs::path(s).is_relative() ? (base / s).string() : s); };
  if (node.IsSequence()) {
    for (const auto& item : node) add(item.as<std::string>());
  } else {
    add(node.as<std::string>());
  }
  return out;
}

}  // namespace

void AddCommonOptions(CLI::App* cmd, CommonOptions* o) {
  cmd->add_option("paths", o->paths, "Documents: files (.txt .md .json .jsonl), directories (recursed, sorted) or - for stdin")
      ->required();
  cmd->add_option("--meta", o->meta, "YAML map from file name to {date, lang, title, source}, as in seeds/meta.yaml");
  Repeatable(cmd->add_option("--rules", o->rules, "Extra rules folder (repeatable); its rules extend or override the built-in ones by id"));
  Repeatable(cmd->add_option("--kb", o->kb, "Extra knowledge file of office terms (repeatable), like rules/kb/offices.yaml"));
  cmd->add_option("--tolerance", o->tolerance, "Relative tolerance of approximate figures (about 250 = 225..275 at 0.1)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--min-confidence", o->min_confidence,
                  "Report only findings at least this sure (0..1; default 0.5); the rest abstain")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_flag("--show-updates", o->show_updates, "Also report tolls that only rose over time, as info timelines");
  cmd->add_option("--threads", o->threads, "Extraction threads (0: one per core)");
  cmd->add_flag("-q,--quiet", o->quiet, "No progress on stderr");
}

StatusOr<ProjectConfig> FindProjectConfig() {
  std::error_code ec;
  for (fs::path dir = fs::current_path(ec); !ec && !dir.empty(); dir = dir.parent_path()) {
    const fs::path file = dir / ".factlint.yaml";
    if (fs::exists(file, ec)) {
      ProjectConfig c;
      c.path = file.string();
      try {
        const YAML::Node root = YAML::LoadFile(c.path);
        c.rules = StringList(root["rules"], dir, true);
        c.kb = StringList(root["kb"], dir, true);
        c.formats = StringList(root["format"], dir, false);
        c.outs = StringList(root["out"], dir, true);
        if (root["tolerance"]) c.tolerance = root["tolerance"].as<double>();
        if (root["fail-on"]) c.fail_on = root["fail-on"].as<std::string>();
        if (root["store"]) c.store = StringList(root["store"], dir, true).front();
        if (root["meta"]) c.meta = StringList(root["meta"], dir, true).front();
        if (root["baseline"]) c.baseline = StringList(root["baseline"], dir, true).front();
      } catch (const YAML::Exception& e) {
        return Status::InvalidInput(c.path + ": line " + std::to_string(e.mark.line + 1) + ": " + e.msg);
      }
      return c;
    }
    if (dir == dir.root_path()) break;
  }
  return ProjectConfig{};
}

void ApplyConfig(const ProjectConfig& config, const CLI::App& cmd, CommonOptions* o) {
  if (cmd.count("--rules") == 0) o->rules = config.rules;
  if (cmd.count("--kb") == 0) o->kb = config.kb;
  if (cmd.count("--tolerance") == 0 && config.tolerance) o->tolerance = *config.tolerance;
  if (cmd.count("--meta") == 0 && !config.meta.empty()) o->meta = config.meta;
}

void ReportError(const Status& status) { std::cerr << "factlint: " << status.message() << "\n"; }

std::unique_ptr<Engine> MakeEngine(const CommonOptions& o) {
  EngineOptions options;
  options.rule_dirs = o.rules;
  options.kb_files = o.kb;
  options.tolerance = o.tolerance;
  options.min_confidence = o.min_confidence;
  options.show_updates = o.show_updates;
  options.threads = o.threads;
  auto engine = Engine::Create(options);
  if (!engine.ok()) {
    ReportError(engine.status());
    return nullptr;
  }
  return std::move(engine.value());
}

std::vector<Document> LoadInputs(const CommonOptions& o, size_t* rejected) {
  MetaTable meta;
  *rejected = 0;
  if (!o.meta.empty()) {
    auto table = LoadMetaTable(o.meta);
    if (!table.ok()) {
      ReportError(table.status());
      ++*rejected;
    } else {
      meta = std::move(table.value());
    }
  }
  LoadResult loaded = LoadDocuments(o.paths, meta);
  for (const Status& s : loaded.errors) ReportError(s);
  *rejected += loaded.errors.size();
  return std::move(loaded.documents);
}

}  // namespace factlint::cli
