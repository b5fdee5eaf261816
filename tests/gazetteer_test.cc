// Gazetteer: places from ICU, GeoNames and rules/places.yaml, found in
// folded Arabic and English text, and how they nest.
#include <doctest/doctest.h>

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "factlint/fold.h"
#include "factlint/gazetteer.h"
#include "test_support.h"

using factlint::FoldedText;
using factlint::Gazetteer;
using factlint::Place;
using factlint::PlaceLevel;

namespace {

// Loading reads ~24,000 cities: once for the whole file.
const Gazetteer& Places() {
  static const Gazetteer* gazetteer = [] {
    auto loaded = Gazetteer::Load((factlint::testing::SourceDir() / "rules").string());
    REQUIRE_MESSAGE(loaded.ok(), loaded.status().message());
    return new Gazetteer(std::move(loaded.value()));
  }();
  return *gazetteer;
}

// Ids of the places found in `text`, in order, case-aware (the original is kept).
std::vector<std::string> IdsIn(const std::string& text) {
  const FoldedText folded(text, 0);
  std::vector<std::string> ids;
  for (const Gazetteer::Match& m : Places().Find(folded, text)) ids.push_back(m.place->id);
  return ids;
}

const Place& Get(const char* id) {
  const Place* p = Places().ById(id);
  REQUIRE_MESSAGE(p != nullptr, id);
  return *p;
}

}  // namespace

TEST_CASE("gazetteer: places in sentences, with their parents") {
  struct Case {
    const char* text;
    std::vector<std::string> ids;
  } cases[] = {
      {"ضرب زلزال قوي شبه جزيرة نوتو في محافظة إيشيكاوا باليابان", {"jp/noto-peninsula", "jp.15", "jp"}},
      {"A strong quake hit the Noto Peninsula in Ishikawa prefecture, Japan, on Monday",
       {"jp/noto-peninsula", "jp.15", "jp"}},
      {"غمرت المياه مدينة دادو في إقليم السند جنوبي باكستان", {"gn:1180809", "pk.05", "pk"}},
      {"Floods cut off Jacobabad and Dadu in Sindh", {"gn:1176515", "gn:1180809", "pk.05"}},
      {"هاجم مسلحون قاعة كروكوس سيتي هول في كراسنوغورسك بضواحي موسكو",
       {"ru/crocus-city-hall", "gn:542374", "gn:524901"}},
      {"غرق مركب قبالة بيلوس في إقليم ميسينيا ونقل الناجون إلى كالاماتا",
       {"gr/pylos", "gr/messenia", "gn:261604"}},
      {"انفجرت أجهزة النداء في الضاحية الجنوبية لبيروت وفي جنوب لبنان والبقاع",
       {"lb/dahieh", "lb.06", "lb.08"}},
      {"سقطت المروحية قرب ورزقان في محافظة أذربيجان الشرقية", {"ir/varzaqan", "ir.33"}},
      {"اشتد الحصار على الفاشر عاصمة ولاية شمال دارفور وعلى مخيم زمزم", {"gn:379555", "sd.55", "sd/zamzam"}},
      {"The Palisades fire in Pacific Palisades and the Eaton fire near Altadena, Los Angeles County",
       {"us/pacific-palisades", "us/pacific-palisades", "gn:5323525", "us/los-angeles-county"}},
      {"Helene flooded Asheville, North Carolina, after landfall in Florida", {"gn:4453066", "us.nc", "us.fl"}},
      {"دمرت النيران بلدة لاهاينا في جزيرة ماوي بولاية هاواي", {"us/lahaina", "us/maui", "us.hi"}},
      {"انهيارات أرضية في وايناد بولاية كيرالا جنوب الهند", {"in/wayanad", "in.13", "in"}},
      {"ضرب الزلزال إقليم الحوز جنوب غرب مراكش", {"ma/al-haouz", "gn:2542997"}},
      {"Rescuers in Kahramanmaras and Hatay, and in Aleppo and Idlib", {"gn:310859", "tr.31", "gn:170063", "gn:169389"}},
      {"جرفت السيول أحياء في درنة شرق ليبيا", {"gn:87205", "ly"}},
      {"نزح الآلاف من رفح إلى خان يونس في قطاع غزة وفي الضفة الغربية", {"gn:281102", "gn:281124", "ps.gz", "ps.we"}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(IdsIn(c.text) == c.ids);
  }
  CHECK(Get("jp/noto-peninsula").parent == "jp.15");
  CHECK(Get("jp.15").parent == "jp");
  CHECK(Get("jp/wajima").country == "jp");
  CHECK(Get("jp/wajima").level == PlaceLevel::kCity);
  CHECK(Get("gn:542374").parent == "ru.47");
}

TEST_CASE("gazetteer: Arabic proclitics, spelling variants and demonyms") {
  struct Case {
    const char* text;
    const char* id;
  } cases[] = {
      {"باليابان", "jp"},     {"لليابان", "jp"},          {"وفي اليابان", "jp"},     {"واليابان", "jp"},
      {"فاليابان", "jp"},     {"وباليابان", "jp"},        {"بإيران", "ir"},          {"وايران", "ir"},
      {"لإيران", "ir"},       {"للسودان", "sd"},          {"أمريكا", "us"},          {"أميركا", "us"},
      {"إيران", "ir"},        {"ايران", "ir"},            {"بريطانيا", "gb"},        {"المملكة المتحدة", "gb"},
      {"the U.S. said", "us"}, {"USA", "us"},            {"US officials", "us"},    {"the UK", "gb"},
      {"Japanese", "jp"},     {"اليابانية", "jp"},        {"الأميركيين", "us"},     {"الإسرائيلي", "il"},
      {"Japan's", "jp"},      {"Khyber-Pakhtunkhwa", "pk.03"}, {"خيبر بختونخوا", "pk.03"},
      {"مُدِينَةِ غَزَّةَ", "gn:281133"},  // diacritics are folded away
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(IdsIn(c.text) == std::vector<std::string>{c.id});
  }
  const std::string demonym = "قال مسؤول ياباني";
  const auto matches = Places().Find(FoldedText(demonym, 0), demonym);
  REQUIRE(matches.size() == 1);
  CHECK(matches[0].demonym);
}

TEST_CASE("gazetteer: the same place in two languages has one id") {
  const std::pair<const char*, const char*> pairs[] = {
      {"غزة", "Gaza"},       {"الفاشر", "El Fasher"}, {"بيروت", "Beirut"},   {"اليونان", "Greece"},
      {"إيشيكاوا", "Ishikawa"}, {"تبريز", "Tabriz"},  {"السودان", "Sudan"},   {"كاليفورنيا", "California"},
      {"أذربيجان الشرقية", "East Azerbaijan"},         {"بلوشستان", "Balochistan"}, {"موسكو", "Moscow"},
  };
  for (const auto& [ar, en] : pairs) {
    CAPTURE(ar);
    const auto ar_ids = IdsIn(ar), en_ids = IdsIn(en);
    REQUIRE(ar_ids.size() == 1);
    CHECK(ar_ids == en_ids);
  }
}

TEST_CASE("gazetteer: whole words only, and case where the original is known") {
  const char* none[] = {
      "Japanology",  "Parisians",       "الهنديات", "إيرانيات", "سورياليه", "reading the report",
      "let us know", "a mobile clinic", "in March",  "the capital", "العاصمة", "نقلت المدينة",
      "كان أنا أمن إطار جامعة", "Hassan and Nigel",
  };
  for (const char* text : none) {
    CAPTURE(text);
    CHECK(IdsIn(text).empty());
  }
  CHECK(IdsIn("Indiana") == std::vector<std::string>{"us.in"});
  // A small GeoNames town needs its country in the text, and no proclitic.
  CHECK(IdsIn("Mehar").empty());
  CHECK(IdsIn("Mehar, Pakistan") == std::vector<std::string>{"gn:1170584", "pk"});
  CHECK(IdsIn("قال الرئيس بايدن في واشنطن") == std::vector<std::string>{"gn:4140963"});  // not ب + Eden
  CHECK(IdsIn("بين طوكيو وكانازاوا") == std::vector<std::string>{"gn:1850147", "gn:1860243"});
  // Without the original, Latin names match in any case but "US" never does.
  CHECK(Places().Find(factlint::Fold("us officials")).empty());
  CHECK(Places().Find(factlint::Fold("japan")).size() == 1);
}

TEST_CASE("gazetteer: a shared name goes to the country the text names") {
  CHECK(IdsIn("قصف في طرابلس شمال لبنان") == std::vector<std::string>{"gn:266826", "lb"});
  CHECK(IdsIn("اشتباكات في طرابلس غرب ليبيا") == std::vector<std::string>{"gn:2210247", "ly"});
  CHECK(IdsIn("Tripoli") == std::vector<std::string>{"gn:2210247"});  // the largest alone
}

TEST_CASE("gazetteer: containment and compatibility") {
  struct Case {
    const char *a, *b;
    bool compatible;
  } cases[] = {
      {"jp/wajima", "jp", true},          {"jp/wajima", "jp.15", true},
      {"jp/wajima", "jp/noto-peninsula", true}, {"jp/wajima", "jp/suzu", false},
      {"gn:1855670", "jp/noto-peninsula", true}, {"gn:5368361", "gn:4453066", false},
      {"us/pacific-palisades", "us.ca", true},  {"us/pacific-palisades", "us", true},
      {"us/pacific-palisades", "gn:5323525", false}, {"gn:379555", "sd/darfur", true},
      {"sd/zamzam", "gn:379555", false},  {"gn:281102", "ps.gz", true},
      {"ps.gz", "ps.we", false},          {"lb/dahieh", "gn:276781", true},
      {"jp", "jp", true},                 {"jp", "pk", false},
      {"gr/pylos", "gr.esye25", true},    {"ir/varzaqan", "gn:113646", false},
  };
  for (const Case& c : cases) {
    CAPTURE(c.a);
    CAPTURE(c.b);
    CHECK(Places().Compatible(Get(c.a), Get(c.b)) == c.compatible);
    CHECK(Places().Compatible(Get(c.b), Get(c.a)) == c.compatible);
  }
  CHECK(Places().Contains(Get("jp"), Get("jp/wajima")));
  CHECK_FALSE(Places().Contains(Get("jp/wajima"), Get("jp")));
  CHECK(std::string(factlint::PlaceLevelName(Get("sd/zamzam").level)) == "locality");
}

TEST_CASE("gazetteer: every example in places.yaml finds its place") {
  const YAML::Node root = YAML::LoadFile((factlint::testing::SourceDir() / "rules" / "places.yaml").string());
  int checked = 0;
  for (const YAML::Node& place : root["places"]) {
    const std::string id = place["id"].Scalar();
    for (const auto& lang : place["examples"]) {
      for (const YAML::Node& example : lang.second) {
        const std::string text = example.Scalar();
        CAPTURE(id);
        CAPTURE(text);
        const auto ids = IdsIn(text);
        CHECK(std::find(ids.begin(), ids.end(), id) != ids.end());
        ++checked;
      }
    }
    CHECK_MESSAGE(place["examples"].IsDefined(), id, " has no examples");
  }
  CHECK(checked > 100);
}

TEST_CASE("gazetteer: sizes and bad places.yaml") {
  CHECK(Places().CountAt(PlaceLevel::kCountry) > 240);
  CHECK(Places().CountAt(PlaceLevel::kRegion) > 2000);
  CHECK(Places().CountAt(PlaceLevel::kCity) > 24000);

  factlint::testing::TempDir dir;
  dir.Write("places.yaml", "places:\n  - id: xx/nowhere\n    name: Nowhere\n    level: city\n    parent: zz/none\n");
  auto bad = Gazetteer::Load(dir.path().string());
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("places.yaml: line 5") != std::string::npos);
  CHECK(bad.status().message().find("zz/none") != std::string::npos);

  dir.Write("places.yaml", "places:\n  - id: jp\n    colour: red\n");
  bad = Gazetteer::Load(dir.path().string());
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("line 3: unknown key \"colour\"") != std::string::npos);
}
