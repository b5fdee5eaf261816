// Comparator benchmark on generated claims: 10k, 100k and 1M claims spread
// over subjects the way a news corpus spreads them (many subjects, a few
// claims each, some hot ones), to show compare time growing about linearly.
//
//   build/bench_compare_bench [max_claims=1000000]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>

#include "factlint/compare.h"
#include "factlint/engine.h"
#include "factlint/graph.h"

namespace {

using factlint::Claim;

Claim MakeClaim(size_t i, std::mt19937& rng, size_t docs, size_t subjects) {
  Claim c;
  const size_t doc = rng() % docs;
  c.doc = "doc" + std::to_string(doc);
  c.id = c.doc + "#" + std::to_string(i);
  c.doc_date = "";
  c.rule = "en.event.killed";
  const size_t subject = rng() % subjects;
  if (i % 4 == 0) {
    factlint::OfficeholderFacts o;
    o.office = "office" + std::to_string(subject % 500);
    o.jurisdiction = "j" + std::to_string(subject % 50);
    o.person_key = "person" + std::to_string(rng() % 3 + subject % 500 * 3);
    o.person = o.person_key;
    c.subject = "office/" + o.jurisdiction + "/" + o.office;
    c.value = o.person;
    c.facts = o;
  } else {
    factlint::QuantityFacts q;
    // Subjects differ by the group counted: the measures are a closed set.
    q.who = "group" + std::to_string(subject);
    q.stated = 1000 + rng() % 50;
    q.qualifier = factlint::Qualifier::kApproximate;
    q.range = {q.stated * 0.9, q.stated * 1.1};
    c.subject = "killed/" + q.who;
    c.value = std::to_string(static_cast<int>(q.stated));
    c.facts = q;
  }
  return c;
}

}  // namespace

int main(int argc, char** argv) {
  const size_t max_claims = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1000000;
  auto engine = factlint::Engine::Create(factlint::EngineOptions{});
  if (!engine.ok()) return std::fprintf(stderr, "bench: %s\n", engine.status().message().c_str()), 2;
  std::printf("%10s %10s %10s %12s %12s\n", "claims", "subjects", "findings", "seconds", "µs/claim");
  for (size_t n = 10000; n <= max_claims; n *= 10) {
    std::mt19937 rng(7);
    const size_t docs = n / 10, subjects = n / 8;
    std::vector<factlint::DocumentInfo> infos;
    for (size_t d = 0; d < docs; ++d) infos.push_back({"doc" + std::to_string(d), "", "en", "", false});
    std::vector<Claim> claims;
    claims.reserve(n);
    for (size_t i = 0; i < n; ++i) claims.push_back(MakeClaim(i, rng, docs, subjects));
    const auto start = std::chrono::steady_clock::now();
    factlint::ClaimGraph graph(infos, claims, engine.value()->rules());
    const auto findings = factlint::CompareClaims(engine.value()->rules(), engine.value()->knowledge(), 0.1, infos,
                                                  claims, graph);
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%10zu %10zu %10zu %12.3f %12.2f\n", n, subjects, findings.size(), s, s * 1e6 / n);
  }
  return 0;
}
