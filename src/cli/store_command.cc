// factlint store add|list|stats|remove: the claim store of a newsroom's CI gate.
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/progress.h"
#include "factlint/pipeline.h"
#include "factlint/store.h"
#include "report/escape.h"

namespace factlint::cli {
namespace {

struct StoreOptions {
  CommonOptions common;
  std::string store;
  std::vector<std::string> ids;
};

std::unique_ptr<ClaimStore> OpenStore(const std::string& path, StoreMode mode) {
  if (path.empty()) {
    ReportError(Status::Usage("--store is required (or set store: in .factlint.yaml)"));
    return nullptr;
  }
  auto store = ClaimStore::Open(path, mode);
  if (!store.ok()) {
    ReportError(store.status());
    return nullptr;
  }
  return std::move(store.value());
}

int Add(const StoreOptions& o) {
  size_t rejected = 0;
  const std::vector<Document> docs = LoadInputs(o.common, &rejected);
  std::unique_ptr<Engine> engine = MakeEngine(o.common);
  auto store = OpenStore(o.store, StoreMode::kCreate);
  if (!engine || !store) return kExitBadInput;
  size_t changed = 0;
  const Status added = [&] {
    Progress progress(docs, !o.common.quiet);  // cleared before anything else is printed
    return AddToStore(*engine, docs, *store, &changed, [&](size_t i) { progress.Done(i); });
  }();
  if (!added.ok()) {
    ReportError(added);
    return kExitBadInput;
  }
  std::cout << fmt::format("{}: {} documents read, {} added or changed, {} unchanged\n", o.store, docs.size(), changed,
                           docs.size() - changed);
  return rejected ? kExitBadInput : kExitClean;
}

int List(const StoreOptions& o) {
  auto store = OpenStore(o.store, StoreMode::kReadOnly);
  if (!store) return kExitBadInput;
  auto docs = store->List();
  if (!docs.ok()) return ReportError(docs.status()), kExitBadInput;
  for (const DocumentInfo& d : docs.value()) {
    // Ids and paths came from documents: no escape sequence reaches the terminal.
    std::cout << fmt::format("{}\t{}\t{}\t{}\n", report::TerminalSafe(d.id), d.date.empty() ? "-" : d.date,
                             d.lang.empty() ? "-" : report::TerminalSafe(d.lang), report::TerminalSafe(d.path));
  }
  return kExitClean;
}

int Stats(const StoreOptions& o) {
  auto store = OpenStore(o.store, StoreMode::kReadOnly);
  if (!store) return kExitBadInput;
  auto stats = store->Stats();
  if (!stats.ok()) return ReportError(stats.status()), kExitBadInput;
  std::cout << fmt::format("documents {}\nclaims {}\nsubjects {}\n", stats->documents, stats->claims, stats->subjects);
  for (const auto& [kind, count] : stats->claims_by_kind) std::cout << fmt::format("  {} {}\n", kind, count);
  return kExitClean;
}

int Remove(const StoreOptions& o) {
  auto store = OpenStore(o.store, StoreMode::kReadWrite);
  if (!store) return kExitBadInput;
  int code = kExitClean;
  for (const std::string& id : o.ids) {
    bool removed = false;
    if (Status s = store->Remove(id, &removed); !s.ok()) return ReportError(s), kExitBadInput;
    if (!removed) {
      ReportError(Status::NotFound(o.store + ": no document \"" + id + "\"; see factlint store list"));
      code = kExitBadInput;
    }
  }
  return code;
}

void AddStoreOption(CLI::App* cmd, StoreOptions* o) {
  cmd->add_option("--store", o->store, "The SQLite claim store file (store add creates it when missing)");
}

template <typename Fn>
void OnRun(CLI::App* cmd, std::shared_ptr<StoreOptions> o, int* exit_code, Fn fn) {
  cmd->callback([cmd, o, exit_code, fn] {
    ProjectConfig config;
    Status s = Configure(*cmd, cmd->get_option_no_throw("--rules") ? &o->common : nullptr, &config);
    if (!s.ok()) {
      ReportError(s);
      *exit_code = kExitBadInput;
      return;
    }
    if (cmd->count("--store") == 0) o->store = config.store;
    *exit_code = fn(*o);
  });
}

}  // namespace

void AddStoreCommand(CLI::App* app, int* exit_code) {
  CLI::App* store = app->add_subcommand("store", "Keep published articles' claims in a SQLite store for CI checks");
  store->require_subcommand(1);
  auto add_options = std::make_shared<StoreOptions>();
  CLI::App* add = store->add_subcommand("add", "Record documents and their claims (idempotent; a changed document is replaced)");
  AddCommonOptions(add, &add_options->common);
  AddStoreOption(add, add_options.get());
  OnRun(add, add_options, exit_code, Add);
  auto read_options = std::make_shared<StoreOptions>();
  CLI::App* list = store->add_subcommand("list", "List stored documents: id, date, language, path");
  AddStoreOption(list, read_options.get());
  OnRun(list, read_options, exit_code, List);
  CLI::App* stats = store->add_subcommand("stats", "Count stored documents, claims and subjects");
  AddStoreOption(stats, read_options.get());
  OnRun(stats, read_options, exit_code, Stats);
  auto remove_options = std::make_shared<StoreOptions>();
  CLI::App* remove = store->add_subcommand("remove", "Remove documents (by id) and their claims");
  AddStoreOption(remove, remove_options.get());
  remove->add_option("ids", remove_options->ids, "Document ids")->required();
  OnRun(remove, remove_options, exit_code, Remove);
}

}  // namespace factlint::cli
