// Hostile inputs (issue 11), as data: tests/hostile/cases.yaml runs each
// case through the binary; tests/hostile/linear.yaml checks that each stage
// stays linear in its input (time ratios, not absolute times).
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <ctime>
#include <fstream>
#include <functional>
#include <regex>

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "factlint/engine.h"
#include "factlint/rules.h"
#include "test_support.h"

namespace factlint::testing {
namespace {

namespace fs = std::filesystem;

fs::path HostileDir() { return SourceDir() / "tests" / "hostile"; }

// "%FF" in a file name is the raw byte 0xFF (a name YAML cannot spell).
std::string RawName(const std::string& name) {
  std::string out;
  for (size_t i = 0; i < name.size(); ++i) {
    if (name[i] == '%' && i + 2 < name.size() && std::isxdigit(name[i + 1]) && std::isxdigit(name[i + 2])) {
      out += static_cast<char>(std::stoi(name.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += name[i];
    }
  }
  return out;
}

// "${repeat:400:7}" -> "7" 400 times.
std::string Expand(const std::string& text) {
  static const std::regex kRepeat(R"(\$\{repeat:(\d+):([^}]*)\})");
  std::string out;
  auto begin = std::sregex_iterator(text.begin(), text.end(), kRepeat);
  size_t last = 0;
  for (auto it = begin; it != std::sregex_iterator(); ++it) {
    out += text.substr(last, it->position() - last);
    for (int i = 0; i < std::stoi((*it)[1]); ++i) out += (*it)[2];
    last = it->position() + it->length();
  }
  return out + text.substr(last);
}

std::vector<std::string> Fragments(const YAML::Node& node) {
  std::vector<std::string> out;
  if (!node) return out;
  if (node.IsScalar()) return {node.Scalar()};
  for (const auto& item : node) out.push_back(item.Scalar());
  return out;
}

// Runs as an unprivileged user when we are root (root ignores file modes).
std::string AsOtherUser() {
  return ::geteuid() == 0 && fs::exists("/usr/bin/setpriv") ? "setpriv --reuid=65534 --regid=65534 --clear-groups --"
                                                            : "";
}

RunResult RunCase(const YAML::Node& c, const TempDir& root) {
  const fs::path dir = root.path() / "case";
  fs::create_directories(dir);
  ::chmod(root.path().c_str(), 0755);
  ::chmod(dir.c_str(), 0755);
  if (c["files"]) {
    for (const auto& file : c["files"]) {
      const std::string name = RawName(file.first.Scalar());
      if (name.ends_with('/')) {
        fs::create_directories(dir / name);
        continue;
      }
      fs::create_directories((dir / name).parent_path());
      std::ofstream(dir / name, std::ios::binary) << Expand(file.second.Scalar());
    }
  }
  std::ofstream(root.path() / "run.sh") << c["run"].Scalar() << "\n";
  const std::string cmd = fmt::format(
      "cd '{0}' && NO_COLOR=1 B='{1}' DIR='{0}' AS_OTHER='{2}' sh ../run.sh > ../stdout 2> ../stderr", dir.string(),
      FACTLINT_BINARY, AsOtherUser());
  const int raw = std::system(cmd.c_str());
  RunResult r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = ReadFile(root.path() / "stdout");
  r.err = ReadFile(root.path() / "stderr");
  return r;
}

TEST_CASE("hostile: every case of tests/hostile/cases.yaml") {
  const YAML::Node cases = YAML::LoadFile((HostileDir() / "cases.yaml").string())["cases"];
  REQUIRE(cases.size() > 40);
  for (const YAML::Node& c : cases) {
    const std::string name = c["name"].Scalar();
    TempDir root;
    const RunResult r = RunCase(c, root);
    INFO(name, " [", c["tag"].Scalar(), "]\nstdout: ", r.out.substr(0, 2000), "\nstderr: ", r.err.substr(0, 2000));
    CHECK(r.status == c["exit"].as<int>());
    for (const std::string& f : Fragments(c["stderr"])) CHECK_MESSAGE(r.err.find(f) != std::string::npos, "stderr lacks: ", f);
    for (const std::string& f : Fragments(c["stdout"])) CHECK_MESSAGE(r.out.find(f) != std::string::npos, "stdout lacks: ", f);
    for (const std::string& f : Fragments(c["no_stdout"])) CHECK_MESSAGE(r.out.find(f) == std::string::npos, "stdout has: ", f);
    // Whatever happened, it was said in one message, never an abort.
    CHECK(r.err.find("internal error") == std::string::npos);
    CHECK(r.err.find("terminate called") == std::string::npos);
  }
}

// ---------------------------------------------------------------- linear time

std::string ExampleText() {
  std::string text;
  for (const char* name : {"quake_en_1.md", "quake_ar_1.md", "quake_ar_2.txt"}) {
    text += ReadFile(SourceDir() / "examples" / name) + "\n";
  }
  return text;
}

std::string Repeat(const std::string& piece, size_t bytes) {
  std::string out;
  out.reserve(bytes + piece.size());
  while (out.size() < bytes) out += piece;
  return out;
}

// The document of a shape at `size` bytes.
std::string GenerateShape(const std::string& shape, size_t size) {
  if (shape == "seeds") return Repeat(ExampleText(), size);
  if (shape == "long_line") {
    std::string text = Repeat(ExampleText(), size);
    std::replace(text.begin(), text.end(), '\n', ' ');
    return text;
  }
  if (shape == "paragraph") return Repeat("12 people were killed and 40 injured in the north while ", size);
  if (shape == "inference") {
    return "نزح 40 ألفا من مخيم زمزم\n" +
           Repeat("وكان في المروحية ثمانية ركاب لم ينج أحد منهم ونحو 400 ألف شخص، فروا من المخيم وقال المسؤولون إن "
                  "الوضع في المنطقة صعب للغاية وإن فرق الإغاثة تعمل ليل نهار في ظروف قاسية و", size);
  }
  if (shape == "digits") return std::string("a").append(size, '1');
  if (shape == "quote") return "«" + Repeat("He said 12 people were killed. ", size);
  // Segmentation alone: no figure, so that no claim's memory blurs the ratio.
  if (shape == "short_lines") return Repeat("It rained. Roads shut\n", size);
  if (shape == "user_rule") return std::string("q").append(size, 'z').append("a");
  FAIL("unknown shape ", shape);
  return "";
}

// A rules folder with `count` word-list rules, or the q[a-z ]*zz rule.
void WriteUserRules(const fs::path& dir, const std::string& shape, size_t count) {
  fs::create_directories(dir / "en");
  std::ofstream out(dir / "en" / "user.yaml");
  out << "rules:\n";
  if (shape == "user_rule") {
    out << "  - {id: en.user.q, family: hedge, pattern: 'q[a-z ]*zz'}\n";
    return;
  }
  for (size_t i = 0; i < count; ++i) out << "  - {id: en.user.r" << i << ", family: source, words: [agency" << i << "]}\n";
}

// User CPU seconds of this process spent in `fn`.  Not wall time: on a
// machine shared by several builds that says more about the neighbours.  Not
// system time: the first run at a large size pays the kernel for fresh pages
// (a third of the time on a paravirtualised VM), the small runs reuse theirs.
double Seconds(const std::function<void()>& fn) {
  auto now = [] {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec) + static_cast<double>(usage.ru_utime.tv_usec) * 1e-6;
  };
  const double start = now();
  fn();
  return now() - start;
}

// The time of one run of `shape` at `size`: extraction of one document, or
// loading the rules for many_rules.  Best of `runs` (timings on a shared
// machine only ever come out too slow).
double TimeShape(const std::string& shape, size_t size, int runs) {
  TempDir dir;
  std::unique_ptr<Engine> own;
  const Engine* engine = &SharedEngine();
  if (shape == "user_rule" || shape == "many_rules") {
    WriteUserRules(dir.path(), shape, size);
    EngineOptions options;
    options.rule_dirs = {dir.path().string()};
    options.threads = 1;
    double best = 1e9;
    for (int i = 0; i < (shape == "many_rules" ? runs : 1); ++i) {
      best = std::min(best, Seconds([&] {
        auto created = Engine::Create(options);
        REQUIRE_MESSAGE(created.ok(), created.status().message());
        own = std::move(created.value());
      }));
    }
    if (shape == "many_rules") return best;
    engine = own.get();
  }
  const Document doc = MakeDocument(GenerateShape(shape, size), "long.txt", "2024-03-05");
  double best = 1e9;
  for (int i = 0; i < runs; ++i) best = std::min(best, Seconds([&] { engine->Extract(doc); }));
  return best;
}

TEST_CASE("hostile: every stage is linear in its input (tests/hostile/linear.yaml)") {
  const YAML::Node cases = YAML::LoadFile((HostileDir() / "linear.yaml").string())["linear"];
  for (const YAML::Node& c : cases) {
    const std::string shape = c["shape"].Scalar();
    const auto small = c["small"].as<size_t>(), large = c["large"].as<size_t>();
#ifdef FACTLINT_SANITIZED
    // Sanitizer timings say nothing about the release build: run the small
    // size once, to show the shape does not crash, and check no ratio.
    MESSAGE("sanitizer build: time ratio of \"", c["name"].Scalar(), "\" not checked");
    TimeShape(shape, small / 10, 1);
#else
    // Both sizes best of two, after a warm-up (lazy RE2 DFA states, ICU
    // data): the first run at a size also pays for fresh heap pages.
    TimeShape(shape, small, 1);
    const double t_small = TimeShape(shape, small, 2);
    const double t_large = TimeShape(shape, large, 2);
    const double size_ratio = static_cast<double>(large) / static_cast<double>(small);
    // A floor of 5 ms keeps a tiny small-size time from inflating the ratio.
    const double ratio = t_large / std::max(t_small, 0.005);
    MESSAGE(fmt::format("{}: {} -> {}: {:.3f}s -> {:.3f}s, ratio {:.1f} for {:.0f}x", c["name"].Scalar(), small, large,
                        t_small, t_large, ratio, size_ratio));
    INFO(c["name"].Scalar(), " [", c["tag"].Scalar(), "]");
    CHECK(ratio <= 1.5 * size_ratio);
#endif
  }
}

}  // namespace
}  // namespace factlint::testing
