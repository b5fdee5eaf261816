// Pipeline benchmark: load -> fold -> segment, and extract end to end, over
// a corpus made by repeating the seed articles (or any folder) to a size.
//
//   build/bench_pipeline_bench [MB=100] [FOLDER=../shared/corpus/seeds]
//
// Prints MB/s and documents/s for: folding + segmentation on one core;
// extraction on one core; extraction on all cores; and peak memory.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "factlint/document.h"
#include "factlint/engine.h"
#include "factlint/fold.h"
#include "factlint/rules.h"
#include "factlint/segment.h"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

void Report(const char* what, size_t bytes, size_t docs, double seconds) {
  std::printf("%-38s %8.1f MB/s %10.0f documents/s  (%.2f s)\n", what, bytes / 1e6 / seconds, docs / seconds, seconds);
}

long PeakMemoryMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

}  // namespace

int main(int argc, char** argv) {
  const double megabytes = argc > 1 ? std::atof(argv[1]) : 100;
  const std::string folder = argc > 2 ? argv[2] : "../shared/corpus/seeds";
  factlint::LoadResult seeds = factlint::LoadDocuments({folder});
  if (seeds.documents.empty()) {
    std::fprintf(stderr, "bench: no documents in %s\n", folder.c_str());
    return 2;
  }
  // The corpus: copies of the seeds, each its own document, in memory.
  std::vector<factlint::Document> corpus;
  size_t bytes = 0;
  for (size_t i = 0; bytes < megabytes * 1e6; ++i) {
    factlint::Document d = seeds.documents[i % seeds.documents.size()];
    d.id = std::to_string(i) + "_" + d.id;
    bytes += d.bytes.size();
    corpus.push_back(std::move(d));
  }
  std::printf("corpus: %zu documents, %.1f MB (repeating %zu seeds from %s)\n", corpus.size(), bytes / 1e6,
              seeds.documents.size(), folder.c_str());

  auto start = Clock::now();
  size_t sentences = 0, folded = 0;
  factlint::SentenceSplitter splitter;
  for (const factlint::Document& d : corpus) {
    for (const factlint::Sentence& s : splitter.Split(d)) {
      folded += factlint::FoldedText(d.Text(s.span), s.span.start).text().size();
      ++sentences;
    }
  }
  Report("fold + segment, 1 core", bytes, corpus.size(), Seconds(start));
  std::printf("  (%zu sentences, %zu folded bytes)\n", sentences, folded);
  // The two halves apart, to see which one limits.
  start = Clock::now();
  for (const factlint::Document& d : corpus) folded += factlint::FoldedText(d.Text(d.body), d.body.start).text().size();
  Report("  fold only", bytes, corpus.size(), Seconds(start));
  start = Clock::now();
  for (const factlint::Document& d : corpus) sentences += splitter.Split(d).size();
  Report("  segment only", bytes, corpus.size(), Seconds(start));

  start = Clock::now();
  size_t total = 0;
  for (const factlint::Document& d : corpus) total += d.bytes.size();
  auto reparsed = Clock::now();
  for (const factlint::Document& d : corpus) factlint::ParseDocuments(d.id + ".txt", d.bytes);
  Report("load (validate UTF-8, front matter)", total, corpus.size(), Seconds(reparsed));

  {
    // Rule matching alone (RE2 set prefilter + the rules it selects).
    auto engine = factlint::Engine::Create(factlint::EngineOptions{});
    if (!engine.ok()) return 2;
    start = Clock::now();
    size_t matches = 0;
    for (const factlint::Document& d : corpus) {
      for (const factlint::Sentence& s : splitter.Split(d)) {
        const factlint::FoldedText f(d.Text(s.span), s.span.start);
        matches += engine.value()->rules().Match(f.text(), s.lang).size();
      }
    }
    Report("  fold + segment + match rules", bytes, corpus.size(), Seconds(start));
    std::printf("  (%zu rule matches, %.1f per sentence)\n", matches, double(matches) / sentences * 2);
  }
  // All cores first: the first run pays for growing the heap, and one core is
  // then measured on a warm one (as a long-running process would be).
  for (unsigned threads : {std::max(1u, std::thread::hardware_concurrency()), 1u}) {
    factlint::EngineOptions options;
    options.threads = threads;
    auto engine = factlint::Engine::Create(options);
    if (!engine.ok()) {
      std::fprintf(stderr, "bench: %s\n", engine.status().message().c_str());
      return 2;
    }
    start = Clock::now();
    size_t claims = 0;
    for (const auto& per_doc : engine.value()->ExtractAll(corpus)) claims += per_doc.size();
    const std::string label = "extract end to end, " + std::to_string(threads) + " thread(s)";
    Report(label.c_str(), bytes, corpus.size(), Seconds(start));
    std::printf("  (%zu claims)\n", claims);
  }
  std::printf("peak memory: %ld MB\n", PeakMemoryMb());
  return 0;
}
