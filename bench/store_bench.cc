// Benchmark of the claim store: bulk adds, then Related() for one new
// article against everything stored.
//
//   bench_store_bench [ARTICLES=100000] [ZIPF_S=0.9] [STORE_PATH]
//
// Articles are synthetic: 5-10 claims each (quantities, officeholders, dates,
// durations, people) over ~400 subject keys such as killed/palestinians/gaza
// or office/us/secretary-of-state and ~300 person keys; how often a subject
// or person comes up follows a Zipf law with exponent ZIPF_S (0 = uniform).
// The store goes to a temporary folder (removed afterwards) unless
// STORE_PATH is given; a STORE_PATH that already holds ARTICLES documents is
// reused as it is (to time Related() again without rebuilding).
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "factlint/store.h"
#include "store/schema.h"
#include "store/sqlite.h"

namespace {

using namespace factlint;
using Clock = std::chrono::steady_clock;

double MsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Draws ranks 0..n-1 with P(k) ~ 1/(k+1)^s.
class Zipf {
 public:
  Zipf(size_t n, double s) {
    std::vector<double> w(n);
    for (size_t k = 0; k < n; ++k) w[k] = 1.0 / std::pow(double(k + 1), s);
    dist_ = std::discrete_distribution<size_t>(w.begin(), w.end());
  }
  size_t operator()(std::mt19937_64& rng) { return dist_(rng); }

 private:
  std::discrete_distribution<size_t> dist_;
};

struct Subject {
  std::string key;
  std::string kind;  // quantity | officeholder | date | duration
};

struct World {
  std::vector<Subject> subjects;       // most frequent first
  std::vector<std::string> people;     // person keys, most frequent first
};

World MakeWorld() {
  World w;
  std::mt19937_64 rng(7);
  const char* events[] = {"killed",   "injured",  "displaced", "detained",    "hostages",
                          "missing",  "arrested", "evacuated", "aid-trucks",  "homes-destroyed",
                          "rockets",  "airstrikes", "released", "starvation-deaths"};
  const char* who[] = {"palestinians", "israelis", "children",  "women",    "journalists",
                       "aid-workers",  "soldiers", "civilians", "lebanese", "medics"};
  const char* where[] = {"", "gaza", "west-bank", "rafah", "khan-younis", "jabalia", "lebanon", "israel"};
  std::vector<Subject> quantities;
  for (const char* e : events) {
    for (const char* p : who) {
      for (const char* l : where) {
        quantities.push_back({fmt::format("{}/{}{}{}", e, p, *l ? "/" : "", l), "quantity"});
      }
    }
  }
  std::shuffle(quantities.begin(), quantities.end(), rng);
  quantities.resize(300);
  // The classic ones lead.
  quantities.insert(quantities.begin(), {{"killed/palestinians/gaza", "quantity"},
                                         {"killed/palestinians", "quantity"},
                                         {"hostages/israelis", "quantity"},
                                         {"injured/palestinians/gaza", "quantity"}});
  const char* jurisdictions[] = {"us", "il", "ps", "eg", "qa", "ca", "uk", "fr", "de", "jo", "lb", "un"};
  const char* offices[] = {"secretary-of-state", "president",        "prime-minister",
                           "foreign-minister",   "defense-minister", "ambassador-to-un"};
  std::vector<Subject> others;
  for (const char* j : jurisdictions) {
    for (const char* o : offices) others.push_back({fmt::format("office/{}/{}", j, o), "officeholder"});
  }
  for (int i = 0; i < 25; ++i) others.push_back({fmt::format("date/event-{}", i), "date"});
  others.push_back({"date/war-start", "date"});
  for (const char* d : {"war", "ceasefire", "siege", "truce", "blockade", "occupation", "talks",
                        "operation", "detention", "offensive"}) {
    others.push_back({fmt::format("duration/{}", d), "duration"});
  }
  std::shuffle(others.begin(), others.end(), rng);
  // Interleave so that every kind has frequent and rare subjects.
  for (size_t q = 0, o = 0; q < quantities.size() || o < others.size();) {
    for (int i = 0; i < 3 && q < quantities.size(); ++i) w.subjects.push_back(quantities[q++]);
    if (o < others.size()) w.subjects.push_back(others[o++]);
  }
  const char* famous[] = {"blinken", "netanyahu", "biden", "sinwar", "haniyeh", "gallant",
                          "guterres", "rubio", "trump", "abbas", "sisi", "al-thani"};
  for (const char* f : famous) w.people.push_back(f);
  for (int i = 0; w.people.size() < 300; ++i) w.people.push_back(fmt::format("person-{:03}", i));
  return w;
}

const char* kSentencesAr[] = {
    "قالت السلطات الصحية الفلسطينية إن أكثر من 40 ألف فلسطيني قُتلوا في غزة منذ السابع من أكتوبر، "
    "فيما أصيب عشرات الآلاف بجروح.",
    "وصل وزير الخارجية الأمريكي أنتوني بلينكين إلى المنطقة في جولة جديدة لبحث وقف إطلاق النار.",
};
const char* kSentencesEn[] = {
    "More than 40,000 Palestinians have been killed in Gaza since 7 October, according to the "
    "Palestinian health authorities, with tens of thousands more injured.",
    "US Secretary of State Antony Blinken arrived in the region on a new tour to discuss a "
    "ceasefire and the release of hostages.",
};

class Generator {
 public:
  Generator(const World& world, double s, uint64_t seed)
      : w_(world), subject_(world.subjects.size(), s), person_(world.people.size(), s), rng_(seed) {}

  StoredDocument Article(const std::string& id, int day) {
    StoredDocument d;
    const bool ar = rng_() % 2 == 0;
    d.info = DocumentInfo{id, fmt::format("news/{}/{}.txt", day / 30, id), ar ? "ar" : "en",
                          fmt::format("{:04}-{:02}-{:02}", 2023 + day / 365, 1 + day / 31 % 12,
                                      1 + day % 28),
                          false};
    d.content_hash = ContentHash(id + std::to_string(rng_()));
    const int n = 5 + int(rng_() % 6);
    for (int i = 0; i < n; ++i) d.claims.push_back(MakeClaim(d.info, i));
    return d;
  }

  Claim MakeClaim(const DocumentInfo& doc, int i) {
    Claim c;
    c.id = fmt::format("{}#{}", doc.id, i);
    c.doc = doc.id;
    c.lang = doc.lang;
    c.doc_date = doc.date;
    c.rule = doc.lang + ".quantity.killed";
    const char* sentence = (doc.lang == "ar" ? kSentencesAr : kSentencesEn)[rng_() % 2];
    c.sentence_text = sentence;
    c.sentence = Span{uint32_t(200 * i), uint32_t(200 * i + c.sentence_text.size())};
    c.text = c.sentence_text.substr(0, c.sentence_text.find(' ', 30));  // whole words
    c.span = Span{c.sentence.start + 10, c.sentence.start + 50};
    c.line = 3 + i;
    c.column = 11;
    if (rng_() % 10 == 0) {  // a person named in passing
      const std::string& key = w_.people[person_(rng_)];
      c.subject = "person/" + key;
      c.value = key;
      c.facts = PersonFacts{key, key};
      return c;
    }
    const Subject& s = w_.subjects[subject_(rng_)];
    c.subject = s.key;
    if (s.kind == "quantity") {
      QuantityFacts q;
      q.stated = double(1000 + rng_() % 50000);
      q.range = Interval{q.stated, rng_() % 4 ? q.stated : Interval::kInfinity};
      q.qualifier = q.range.high == q.stated ? Qualifier::kExact : Qualifier::kLowerBound;
      q.event = FromName<Measure>(s.key.substr(0, s.key.find('/'))).value_or(Measure::kKilled);
      q.who = "palestinians";
      q.where = "gaza";
      q.since = "2023-10-07";
      q.source = doc.lang == "ar" ? "السلطات الصحية الفلسطينية" : "Palestinian health authorities";
      c.value = fmt::format("{}", q.stated);
      c.facts = q;
    } else if (s.kind == "officeholder") {
      OfficeholderFacts o;
      o.office = s.key.substr(s.key.rfind('/') + 1);
      o.jurisdiction = s.key.substr(7, s.key.rfind('/') - 7);
      o.person_key = w_.people[person_(rng_)];
      o.person = o.person_key;
      c.value = o.person;
      c.facts = o;
    } else if (s.kind == "date") {
      c.facts = DateFacts{"2023-10-07", DatePrecision::kDay, s.key.substr(5), ""};
      c.value = "2023-10-07";
    } else {
      DurationFacts du;
      du.days = Interval{365, 730};
      du.what = s.key.substr(9);
      du.stated = "2 years";
      c.facts = du;
      c.value = du.stated;
    }
    return c;
  }

 private:
  const World& w_;
  Zipf subject_, person_;
  std::mt19937_64 rng_;
};

struct Keys {
  std::set<std::string> subjects, people;
};

// The keys `factlint check --store` asks for: quantity subjects cut to
// event/who, as CompareKey (src/graph) groups them ("killed/palestinians/gaza"
// -> "killed/palestinians", which also finds every place below it).
Keys KeysOf(const std::vector<Claim>& claims) {
  Keys k;
  for (const Claim& c : claims) {
    if (c.get<QuantityFacts>()) {
      k.subjects.insert(c.subject.substr(0, c.subject.find('/', c.subject.find('/') + 1)));
    } else {
      k.subjects.insert(c.subject);
    }
    if (const auto* o = c.get<OfficeholderFacts>()) k.people.insert(o->person_key);
    if (const auto* p = c.get<PersonFacts>()) k.people.insert(p->person_key);
  }
  return k;
}

struct Timing {
  double median = 0, p95 = 0, min = 0;
};

Timing Summarize(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  Timing t;
  t.min = ms.front();
  t.median = ms[ms.size() / 2];
  t.p95 = ms[std::min(ms.size() - 1, size_t(std::ceil(0.95 * ms.size())) - 1)];
  return t;
}

// What reading the matching rows alone costs (index searches and row reads,
// no JSON decoding): the floor under Related().  Same keys, same indexes.
struct RawReader {
  sqlite::Stmt exact, below, person;
  size_t Read(const Keys& keys) const {
    size_t bytes = 0;
    auto drain = [&](sqlite::Query& q) {
      while (q.Step()) bytes += q.Text(0).size();
    };
    for (const std::string& key : keys.subjects) {
      {
        auto q = exact.Run("bench");
        q.Bind(1, key);
        drain(q);
      }
      auto q = below.Run("bench");
      q.Bind(1, key + "/").Bind(2, key + "0");
      drain(q);
    }
    for (const std::string& key : keys.people) {
      auto q = person.Run("bench");
      q.Bind(1, key);
      drain(q);
    }
    return bytes;
  }
};

double CpuMs() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int Fail(const Status& s) {
  fmt::print(stderr, "error: {}\n", s.message());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  const size_t articles = argc > 1 ? std::stoul(argv[1]) : 100000;
  const double zipf_s = argc > 2 ? std::stod(argv[2]) : 0.9;
  std::string dir;
  std::string path;
  if (argc > 3) {
    path = argv[3];
  } else {
    std::string pattern = (std::filesystem::temp_directory_path() / "factlint-bench-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      perror("mkdtemp");
      return 1;
    }
    dir = pattern;
    path = dir + "/claims.db";
  }
  const World world = MakeWorld();
  fmt::print("store bench: {} articles, {} subject keys, {} person keys, zipf s={}\n", articles,
             world.subjects.size(), world.people.size(), zipf_s);
  fmt::print("store: {}\n\n", path);

  auto opened = ClaimStore::Open(path);
  if (!opened.ok()) return Fail(opened.status());
  ClaimStore& store = *opened.value();

  // ---- bulk add (skipped when STORE_PATH already holds enough articles)
  Generator gen(world, zipf_s, 42);
  auto before = store.Stats();
  if (!before.ok()) return Fail(before.status());
  if (before->documents >= articles) {
    fmt::print("add:     skipped, reusing the {} documents and {} claims in the store\n",
               before->documents, before->claims);
  } else {
    constexpr size_t kBatch = 1000;
    size_t claims_added = 0;
    double gen_ms = 0;
    const auto add_start = Clock::now();
    for (size_t done = 0; done < articles;) {
      auto g = Clock::now();
      std::vector<StoredDocument> batch;
      for (size_t i = 0; i < kBatch && done < articles; ++i, ++done) {
        batch.push_back(gen.Article(fmt::format("art-{:07}", done), int(done * 730 / std::max<size_t>(articles, 1))));
        claims_added += batch.back().claims.size();
      }
      gen_ms += MsSince(g);
      if (Status s = store.AddBatch(batch, nullptr); !s.ok()) return Fail(s);
    }
    const double add_ms = MsSince(add_start) - gen_ms;
    std::error_code ec;
    const auto db_bytes = std::filesystem::file_size(path, ec) + std::filesystem::file_size(path + "-wal", ec);
    fmt::print("add:     {} articles, {} claims in {:.2f} s (AddBatch of {}; generation excluded)\n",
               articles, claims_added, add_ms / 1000, kBatch);
    fmt::print("         {:.0f} articles/s, {:.0f} claims/s; store file {:.1f} MB\n",
               articles / (add_ms / 1000), claims_added / (add_ms / 1000), db_bytes / 1e6);
  }

  // A single Add (one transaction each), for scale.
  {
    std::vector<double> ms;
    for (int i = 0; i < 200; ++i) {
      StoredDocument d = gen.Article(fmt::format("single-{:04}", i), 700);
      auto t = Clock::now();
      if (Status s = store.Add(d.info, d.content_hash, d.claims, nullptr); !s.ok()) return Fail(s);
      ms.push_back(MsSince(t));
    }
    Timing t = Summarize(ms);
    fmt::print("Add:     one article per transaction: median {:.3f} ms, p95 {:.3f} ms (200 adds)\n",
               t.median, t.p95);
  }

  {
    auto t = Clock::now();
    auto stats = store.Stats();
    if (!stats.ok()) return Fail(stats.status());
    fmt::print("Stats:   {} documents, {} claims, {} subjects in {:.0f} ms\n\n", stats->documents,
               stats->claims, stats->subjects, MsSince(t));
  }

  // ---- Related() for one new article
  auto db = sqlite::Db::Open(path, 1000);
  if (!db.ok()) return Fail(db.status());
  // The store's own read settings (see store.cc), for a fair comparison.
  if (Status s = db->Exec("PRAGMA cache_size = -32768; PRAGMA mmap_size = 1073741824", "bench");
      !s.ok()) {
    return Fail(s);
  }
  RawReader raw;
  for (const auto& [stmt, sql] :
       {std::pair{&raw.exact, "SELECT json FROM claims WHERE subject = ?1"},
        std::pair{&raw.below, "SELECT json FROM claims WHERE subject >= ?1 AND subject < ?2"},
        std::pair{&raw.person, "SELECT json FROM claims WHERE person_key = ?1"}}) {
    auto prepared = sqlite::Stmt::Prepare(db.value(), sql);
    if (!prepared.ok()) return Fail(prepared.status());
    *stmt = std::move(prepared.value());
  }

  struct Profile {
    std::string name;
    Keys keys;
  };
  std::vector<Profile> profiles;
  {
    Generator fresh(world, zipf_s, 4242);
    StoredDocument article = fresh.Article("new-article", 731);
    profiles.push_back({fmt::format("typical new article ({} claims, same distribution)",
                                    article.claims.size()),
                        KeysOf(article.claims)});
    Keys hot;
    for (int i = 0; i < 6; ++i) hot.subjects.insert(world.subjects[i].key);
    hot.subjects.erase("killed/palestinians/gaza");  // found through killed/palestinians
    hot.people = {world.people[0], world.people[1]};
    profiles.push_back({"hot-topic article (the most common subjects, 2 top people)", hot});
    Keys niche;
    for (int i = 0; i < 6; ++i) niche.subjects.insert(world.subjects[world.subjects.size() - 1 - 7 * i].key);
    niche.people = {world.people.back()};
    profiles.push_back({"niche article (6 rare subjects, 1 rare person)", niche});
  }
  constexpr int kRepeats = 50;
  const size_t kCaps[] = {0, 500, 100};  // RelatedOptions::max_per_key; 0: all
  fmt::print("Related() for one new article: up to {} runs each (fewer when one passes 20 s), "
             "excluding the article itself; {} hardware threads\n",
             kRepeats, std::thread::hardware_concurrency());
  for (const Profile& p : profiles) {
    fmt::print("  {}\n    keys: {} subjects, {} people: {}\n", p.name, p.keys.subjects.size(),
               p.keys.people.size(),
               fmt::join(std::vector<std::string>(p.keys.subjects.begin(),
                                                  std::next(p.keys.subjects.begin(),
                                                            std::min<size_t>(4, p.keys.subjects.size()))),
                         ", "));
    for (size_t cap : kCaps) {
      RelatedOptions options;
      options.max_per_key = cap;
      std::vector<DocumentInfo> docs;
      std::vector<Claim> claims;
      std::vector<double> ms, cpu_ms, index_ms;
      size_t bytes = 0;
      const auto profile_start = Clock::now();
      for (int r = 0; r < kRepeats; ++r) {
        // Heavy profiles: at least 5 runs, then stop after ~20 s.
        if (r >= 5 && MsSince(profile_start) > 20000) break;
        auto t = Clock::now();
        const double cpu = CpuMs();
        if (Status s = store.Related(p.keys.subjects, p.keys.people, {"new-article"}, &docs,
                                     &claims, options);
            !s.ok()) {
          return Fail(s);
        }
        ms.push_back(MsSince(t));
        cpu_ms.push_back(CpuMs() - cpu);
        if (cap == 0) {
          t = Clock::now();
          bytes = raw.Read(p.keys);
          index_ms.push_back(MsSince(t));
        }
      }
      Timing t = Summarize(ms);
      Timing cpu = Summarize(cpu_ms);
      fmt::print("    {:<18} {:6} claims from {:5} docs: median {:7.1f} ms  p95 {:7.1f} ms  "
                 "(cpu median {:7.1f} ms; {} runs)\n",
                 cap == 0 ? "all matches:" : fmt::format("max_per_key={}:", cap), claims.size(),
                 docs.size(), t.median, t.p95, cpu.median, ms.size());
      if (cap == 0) {
        Timing ix = Summarize(index_ms);
        fmt::print("      reading those rows alone ({:.1f} MB of JSON, no decoding): median {:.1f} ms, "
                   "p95 {:.1f} ms; so decoding costs ~{:.1f} us of cpu per claim\n",
                   bytes / 1e6, ix.median, ix.p95,
                   claims.empty() ? 0.0 : (cpu.median - ix.median) * 1000 / claims.size());
      }
    }
  }
  opened.value().reset();
  std::error_code ec;
  if (!dir.empty()) std::filesystem::remove_all(dir, ec);
  return 0;
}
