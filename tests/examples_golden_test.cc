// Golden reports of the bundled examples/ in every format: what a reader,
// GitHub and the scorer see, byte for byte.
#include <doctest/doctest.h>

#include "test_support.h"

TEST_CASE("examples: every report format matches its golden file") {
  // ctest runs in the source folder, so paths in the reports are relative and stable.
  for (const char* format : {"text", "json", "markdown", "html", "sarif", "github"}) {
    INFO(format);
    const auto run = factlint::testing::RunFactlint(std::string("check --quiet examples --meta examples/meta.yaml -f ") + format);
    CHECK(run.status == 1);  // the examples disagree on purpose
    CHECK(run.err.empty());
    factlint::testing::CheckGolden("tests/golden/examples", std::string("example.") + format, run.out);
  }
}
