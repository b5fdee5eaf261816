#include "cli/options.h"

#include <filesystem>
#include <iostream>

#include <set>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "report/escape.h"

namespace factlint::cli {
namespace {

namespace fs = std::filesystem;

// Keys of .factlint.yaml; anything else is a typo worth an error.
const std::set<std::string> kConfigKeys = {"rules", "kb", "format", "out", "tolerance", "fail-on",
                                           "store", "meta", "baseline", "max-bytes"};

// Thrown inside FindProjectConfig only, to leave the parse with a message;
// caught there and turned into a Status.
struct ConfigError {
  std::string message;
};

std::string LineOf(const YAML::Node& node) { return "line " + std::to_string(node.Mark().line + 1); }

std::string Scalar(const YAML::Node& node, const std::string& key) {
  if (!node.IsScalar()) throw ConfigError{LineOf(node) + ": \"" + key + "\" takes a single value"};
  return node.Scalar();
}

std::vector<std::string> StringList(const YAML::Node& node, const std::string& key, const fs::path& base, bool paths) {
  std::vector<std::string> out;
  if (!node) return out;
  auto add = [&](const YAML::Node& item) {
    const std::string s = Scalar(item, key);
    out.push_back(paths && fs::path(s).is_relative() ? (base / s).string() : s);
  };
  if (node.IsSequence()) {
    for (const auto& item : node) add(item);
  } else {
    add(node);
  }
  return out;
}

std::string OnePath(const YAML::Node& node, const std::string& key, const fs::path& base) {
  if (!node) return "";
  const std::string s = Scalar(node, key);
  return fs::path(s).is_relative() ? (base / s).string() : s;
}

ProjectConfig ParseConfig(const YAML::Node& root, const fs::path& dir) {
  ProjectConfig c;
  if (root.IsNull()) return c;
  if (!root.IsMap()) throw ConfigError{"expected a map of settings (rules, kb, format, out, tolerance, ...)"};
  for (const auto& entry : root) {
    const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : "";
    if (!kConfigKeys.count(key)) {
      throw ConfigError{LineOf(entry.first) + ": unknown key \"" + key +
                        "\"; expected rules, kb, format, out, tolerance, fail-on, store, meta, baseline or max-bytes"};
    }
  }
  c.rules = StringList(root["rules"], "rules", dir, true);
  c.kb = StringList(root["kb"], "kb", dir, true);
  c.formats = StringList(root["format"], "format", dir, false);
  c.outs = StringList(root["out"], "out", dir, true);
  if (root["tolerance"]) c.tolerance = root["tolerance"].as<double>();
  if (root["max-bytes"]) c.max_bytes = root["max-bytes"].as<uint64_t>();
  if (root["fail-on"]) c.fail_on = Scalar(root["fail-on"], "fail-on");
  c.store = OnePath(root["store"], "store", dir);
  c.meta = OnePath(root["meta"], "meta", dir);
  c.baseline = OnePath(root["baseline"], "baseline", dir);
  return c;
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
  cmd->add_option("--max-bytes", o->max_bytes, "Largest document read, in bytes; a larger one is bad input")
      ->capture_default_str();
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
      const std::string path = file.string();
      if (fs::is_directory(file, ec)) return Status::InvalidInput(path + ": is a folder; the config is a YAML file");
      try {
        ProjectConfig c = ParseConfig(YAML::LoadFile(path), dir);
        c.path = path;
        return c;
      } catch (const ConfigError& e) {
        return Status::InvalidInput(path + ": " + e.message);
      } catch (const YAML::Exception& e) {
        return Status::InvalidInput(path + ": line " + std::to_string(e.mark.line + 1) + ": " + e.msg);
      }
    }
    if (dir == dir.root_path()) break;
  }
  return ProjectConfig{};
}

Status ApplyConfig(const ProjectConfig& config, const CLI::App& cmd, CommonOptions* o) {
  if (cmd.count("--rules") == 0) o->rules = config.rules;
  if (cmd.count("--kb") == 0) o->kb = config.kb;
  if (cmd.count("--tolerance") == 0 && config.tolerance) o->tolerance = *config.tolerance;
  if (cmd.count("--max-bytes") == 0 && config.max_bytes) o->max_bytes = *config.max_bytes;
  if (cmd.count("--meta") == 0 && !config.meta.empty()) o->meta = config.meta;
  const std::string where = config.path.empty() ? "" : " (with " + config.path + ")";
  // NaN passes a range check: test for the interval, not against it.
  if (!(o->tolerance >= 0.0 && o->tolerance <= 1.0)) {
    return Status::Usage("tolerance must be a number from 0 to 1, not " + std::to_string(o->tolerance) + where);
  }
  if (o->max_bytes == 0 || o->max_bytes > kLargestDocument) {
    return Status::Usage(fmt::format("max-bytes must be from 1 to {}{}", kLargestDocument, where));
  }
  return Status::OK();
}

Status Configure(const CLI::App& cmd, CommonOptions* options, ProjectConfig* config) {
  auto found = FindProjectConfig();
  if (!found.ok()) return found.status();
  *config = found.value();
  if (options == nullptr) return Status::OK();
  return ApplyConfig(*config, cmd, options);
}

// File names and ids in a message are untrusted: escape them for the terminal.
void ReportError(const Status& status) {
  std::cerr << "factlint: " << report::TerminalSafe(status.message()) << "\n";
}

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
  LoadOptions options;
  options.max_bytes = o.max_bytes;
  LoadResult loaded = LoadDocuments(o.paths, meta, options);
  for (const Status& s : loaded.errors) ReportError(s);
  *rejected += loaded.errors.size();
  return std::move(loaded.documents);
}

}  // namespace factlint::cli
