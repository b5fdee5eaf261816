#include "test_support.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>

#include <doctest/doctest.h>

#include "factlint/report.h"
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace factlint::testing {

const Engine& SharedEngine() {
  static const std::unique_ptr<Engine> engine = [] {
    auto created = Engine::Create(EngineOptions{});
    if (!created.ok()) throw std::runtime_error(created.status().message());
    return std::move(created.value());
  }();
  return *engine;
}

Document MakeDocument(const std::string& text, const std::string& name, const std::string& date) {
  LoadResult r = ParseDocuments(name, text);
  if (r.documents.empty()) throw std::runtime_error("test document rejected: " + r.errors.front().message());
  Document doc = std::move(r.documents.front());
  doc.meta.date = date;
  return doc;
}

std::vector<Claim> ClaimsOf(const std::string& text, const std::string& date) {
  return SharedEngine().Extract(MakeDocument(text, "case.txt", date));
}

std::filesystem::path SourceDir() { return FACTLINT_SOURCE_DIR; }

std::filesystem::path SeedsDir() {
  const auto dir = SourceDir().parent_path() / "shared" / "corpus" / "seeds";
  return std::filesystem::exists(dir) ? dir : std::filesystem::path();
}

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "factlint-test-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::filesystem::path TempDir::Write(const std::string& name, const std::string& bytes) const {
  const auto file = path_ / name;
  std::filesystem::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << bytes;
  return file;
}

std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}


RunResult RunFactlint(const std::string& args, const std::string& stdin_text) {
  TempDir tmp;
  const auto in = tmp.Write("stdin", stdin_text);
  const auto out = tmp.path() / "stdout";
  const auto err = tmp.path() / "stderr";
  const std::string cmd = std::string("NO_COLOR=1 '") + FACTLINT_BINARY + "' " + args + " < '" + in.string() +
                          "' > '" + out.string() + "' 2> '" + err.string() + "'";
  const int raw = std::system(cmd.c_str());
  RunResult r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = ReadFile(out);
  r.err = ReadFile(err);
  return r;
}

std::string ScoreAgainstGold(const std::filesystem::path& report, const std::filesystem::path& gold) {
  const auto seeds = SeedsDir();
  const std::string cmd = "python3 '" + (seeds.parent_path().parent_path() / "tools" / "score_findings.py").string() +
                          "' '" + (gold.empty() ? seeds / "gold.yaml" : gold).string() + "' '" + report.string() +
                          "' | tail -n 1";
  std::string out;
  if (FILE* p = popen(cmd.c_str(), "r")) {
    char buf[512];
    while (fgets(buf, sizeof buf, p)) out += buf;
    pclose(p);
  }
  return out;
}

namespace {
namespace fs = std::filesystem;
}  // namespace

void CheckGolden(const std::string& dir, const std::string& name, const std::string& actual) {
  const fs::path path = fs::path(FACTLINT_SOURCE_DIR) / dir / name;
  const char* update = std::getenv("FACTLINT_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    fs::create_directories(path.parent_path());
    REQUIRE(factlint::WriteFileAtomically(path.string(), actual).ok());
    MESSAGE("rewrote " << path.string());
    return;
  }
  REQUIRE_MESSAGE(fs::exists(path), path.string()
                                        << " is missing; run with FACTLINT_UPDATE_GOLDEN=1");
  const std::string expected = ReadFile(path);
  if (expected == actual) return;
  std::istringstream a(actual), e(expected);
  std::string al, el;
  int line = 0;
  while (true) {
    ++line;
    const bool more_a = static_cast<bool>(std::getline(a, al));
    const bool more_e = static_cast<bool>(std::getline(e, el));
    if (!more_a && !more_e) break;
    if (al != el || more_a != more_e) {
      FAIL_CHECK(name << ":" << line
                      << " differs (FACTLINT_UPDATE_GOLDEN=1 rewrites it)\n  expected: " << el
                      << "\n  actual:   " << al);
      return;
    }
  }
  FAIL_CHECK(name << " differs in line endings");
}

}  // namespace factlint::testing
