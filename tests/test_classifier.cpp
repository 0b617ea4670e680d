// The learned classifier: its terms in the six UN languages, its model file, and training
// that learns, cross-validates and refuses what it cannot use.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "classifier.hpp"

using namespace dossier::classifier;

namespace {
std::vector<std::string> terms(std::string_view text, bool pairs = false) {
  std::vector<std::string> out;
  terms_of(text, pairs, 0, [&](std::string_view t) { out.emplace_back(t); });
  return out;
}

// Two topics in two languages, told apart by their words: a model must learn them.
std::vector<Example> two_topics() {
  const char* water[] = {"clean water and sanitation for all", "safe drinking water supply", "water sanitation hygiene",
                         "eau potable et assainissement", "gestion durable de l'eau", "accès à l'eau potable"};
  const char* school[] = {"quality education for every child", "primary school enrolment", "teachers and schools",
                          "éducation de qualité pour tous", "scolarisation des enfants", "les écoles et les enseignants"};
  std::vector<Example> examples;
  for (int round = 0; round < 5; ++round)
    for (int i = 0; i < 6; ++i) {
      const std::string group = "part " + std::to_string(round);
      const std::string language = i < 3 ? "en" : "fr";
      examples.push_back({{water[i]}, {"6"}, group, language, true});
      examples.push_back({{school[i]}, {"4"}, group, language, true});
    }
  return examples;
}
}  // namespace

TEST_CASE("terms: lower-cased words, function of script; digits-only words and single letters dropped") {
  CHECK(terms("Migrant Workers' 2030 rights, a") == std::vector<std::string>{"migrant", "workers", "rights"});
  CHECK(terms("ÉDUCATION Élèves") == std::vector<std::string>{"éducation", "élèves"});
  CHECK(terms("МИГРАНТЫ Права") == std::vector<std::string>{"мигранты", "права"});
  // Arabic vowel marks and tatweel do not split or change a word.
  CHECK(terms("الهِجْرة الهجـرة") == std::vector<std::string>{"الهجرة", "الهجرة"});
}

TEST_CASE("terms: adjacent words pair up, but not across punctuation or numbers") {
  CHECK(terms("human rights, of migrants 12 today", true) ==
        std::vector<std::string>{"human", "rights", "human rights", "of", "migrants", "of migrants", "today"});
}

TEST_CASE("terms: Chinese needs no spaces; characters and adjacent pairs") {
  CHECK(terms("移民工人。") == std::vector<std::string>{"移", "民", "移民", "工", "民工", "人", "工人"});
  CHECK(terms("可持续 发展") == std::vector<std::string>{"可", "持", "可持", "续", "持续", "发", "展", "发展"});
}

TEST_CASE("terms: malformed UTF-8 is a separator, never a crash") {
  CHECK(terms(std::string("water\xff\xfe" "supply\xe2\x82", 14)) == std::vector<std::string>{"water", "supply"});
}

TEST_CASE("terms: with stems, a word's first letters are a term too, after an Arabic article") {
  std::vector<std::string> out;
  terms_of("миграции мигрантов право", false, 6, [&](std::string_view t) { out.emplace_back(t); });
  CHECK(out == std::vector<std::string>{"миграции", "миграц~", "мигрантов", "мигран~", "право"});
  out.clear();
  // Arabic: the article (with a fused "and") or a leading "and" comes off, and two thirds of
  // the letters make the stem (four for six): تعزيز and وتعزيز share one.
  terms_of("الهجرة والمهاجرين تعزيز وتعزيز", false, 6, [&](std::string_view t) { out.emplace_back(t); });
  CHECK(out == std::vector<std::string>{"الهجرة", "هجرة~", "والمهاجرين", "مهاج~", "تعزيز", "تعزي~", "وتعزيز",
                                        "تعزي~"});
  Model m;
  m.scheme = "gcm";
  m.level = "objective";
  m.name = "t";
  m.version = "1";
  m.labels = {"1"};
  m.document_threshold = m.passage_threshold = {0.5};
  m.bias = {0};
  m.terms = {"мигран~"};
  m.idf = {1};
  m.weights = {1};
  m.stems = 6;
  const Model back = Model::parse(m.serialize(), "stems.model");
  CHECK(back.stems == 6);
  CHECK(back.vectorize("мигрантам").size() == 1);  // the dative shares the stem
  m.stems = 0;
  CHECK(Model::parse(m.serialize(), "plain.model").vectorize("мигрантам").empty());
}

TEST_CASE("train learns two topics in two languages, cross-validated per group") {
  TrainOptions options;
  options.labels = {"4", "6"};
  options.min_df = 1;
  options.max_df_share = 1.0;
  const Trained trained = train(two_topics(), options);
  const Model& m = trained.model;
  const auto p = m.probabilities(m.vectorize("drinking water for the village"));
  REQUIRE(p.size() == 2);
  CHECK(p[1] > m.passage_threshold[1]);
  CHECK(p[1] > p[0]);
  const auto q = m.probabilities(m.vectorize("les enseignants de l'école primaire"));
  CHECK(q[0] > q[1]);
  // The terms that weighed most are the topic's words.
  const auto why = m.strongest_terms(m.vectorize("safe water and schools"), 1, 3);
  REQUIRE_FALSE(why.empty());
  CHECK(why[0].term == "water");
  // Held-out scores exist per language and for all, and are good on so plain a task.
  bool all_languages = false;
  for (const auto& r : trained.reports)
    if (r.slice == "passages, all languages") {
      all_languages = true;
      CHECK(r.examples == 60);
      CHECK(r.macro_f1 > 0.8);
    }
  CHECK(all_languages);
}

TEST_CASE("train refuses data it cannot learn from") {
  TrainOptions options;
  options.labels = {"4", "6"};
  CHECK_THROWS_AS(train({}, options), std::invalid_argument);
  std::vector<Example> unlabelled = two_topics();
  for (auto& e : unlabelled) e.labels = {"99"};
  options.min_df = 1;
  CHECK_THROWS_AS(train(unlabelled, options), std::invalid_argument);
  options.labels.clear();
  CHECK_THROWS_AS(train(two_topics(), options), std::invalid_argument);
}

TEST_CASE("a model file reads back as written, and a damaged one is refused with its name") {
  TrainOptions options;
  options.labels = {"4", "6"};
  options.min_df = 1;
  Model m = train(two_topics(), options).model;
  m.scheme = "sdg";
  m.level = "goal";
  m.name = "test";
  m.version = "1";
  m.trained_on = "two topics\nin two languages";  // a line break cannot break the header
  const std::string bytes = m.serialize();
  const Model back = Model::parse(bytes, "test.model");
  CHECK(back.terms == m.terms);
  CHECK(back.labels == m.labels);
  CHECK(back.trained_on == "two topics in two languages");
  const auto x = m.vectorize("clean water");
  const auto a = m.probabilities(x), b = back.probabilities(back.vectorize("clean water"));
  for (std::size_t k = 0; k < a.size(); ++k) CHECK(b[k] == Approx(a[k]).margin(1e-3));

  CHECK_THROWS_WITH(Model::parse("not a model", "x.model"), Catch::Contains("x.model") && Catch::Contains("dossier-classifier"));
  for (std::size_t cut : {bytes.size() - 1, bytes.size() / 2, bytes.find("\n\n") + 2})
    CHECK_THROWS_WITH(Model::parse(bytes.substr(0, cut), "cut.model"), Catch::Contains("cut.model"));
  CHECK_THROWS(Model::parse(bytes + "x", "long.model"));
  std::string bad_labels = bytes;
  bad_labels.replace(bad_labels.find("labels: 4 6"), 11, "labels: 4 4");
  CHECK_THROWS_WITH(Model::parse(bad_labels, "l.model"), Catch::Contains("twice"));
  std::string huge = bytes;
  const auto at = huge.find("terms: ");
  huge.replace(at, huge.find('\n', at) - at, "terms: 99999999999");
  CHECK_THROWS_WITH(Model::parse(huge, "h.model"), Catch::Contains("truncated"));
}

TEST_CASE("terms found text by text make the vector of the texts taken together") {
  TrainOptions options;
  options.labels = {"4", "6"};
  options.min_df = 1;
  options.max_df_share = 1.0;
  const Model m = train(two_topics(), options).model;
  const std::vector<std::string_view> texts = {"Safe drinking water", "", "les écoles et l'eau potable", "water water"};
  std::vector<std::uint32_t> found;
  for (const auto text : texts) m.find_terms(text, found);
  CHECK(found.size() > 5);
  const Vector split = m.vector_of(found), whole = m.vectorize(texts);
  REQUIRE(split.size() == whole.size());
  for (std::size_t i = 0; i < whole.size(); ++i) {
    CHECK(split[i].index == whole[i].index);
    CHECK(split[i].value == Approx(whole[i].value));
  }
  std::vector<std::uint32_t> none;  // an empty text adds nothing
  m.find_terms("", none);
  CHECK(none.empty());
}

TEST_CASE("the strongest terms: by share, ties to the earlier term, several labels in one pass") {
  Model m;
  m.labels = {"x", "y"};
  m.terms = {"alpha", "beta", "delta", "gamma"};  // sorted, as a model file lists them
  m.idf = {1, 1, 1, 1};
  m.weights = {0.5f, 0.1f,    // alpha
               0.5f, 0.3f,    // beta: ties alpha for x
               0.9f, 0.0f,    // delta
               -0.2f, 0.4f};  // gamma: lowers x, never named for it
  m.bias = {0, 0};
  m.index_terms();
  const Vector x = m.vectorize("gamma delta beta alpha");
  REQUIRE(x.size() == 4);
  const auto names = [](const std::vector<Weighed>& w) {
    std::vector<std::string> out;
    for (const auto& t : w) out.emplace_back(t.term);
    return out;
  };
  CHECK(names(m.strongest_terms(x, 0, 2)) == std::vector<std::string>{"delta", "alpha"});
  CHECK(names(m.strongest_terms(x, 0, 6)) == std::vector<std::string>{"delta", "alpha", "beta"});
  CHECK(names(m.strongest_terms(x, 1, 6)) == std::vector<std::string>{"gamma", "beta", "alpha"});
  CHECK(m.strongest_terms(x, 1, 0).empty());
  const auto both = m.strongest_terms(x, std::vector<std::size_t>{1, 0}, 2);
  REQUIRE(both.size() == 2);
  CHECK(names(both[0]) == std::vector<std::string>{"gamma", "beta"});
  CHECK(names(both[1]) == std::vector<std::string>{"delta", "alpha"});
  CHECK(both[1][0].contribution == Approx(0.45));
}

namespace {
// An image in memory aligned as a plugin's .rodata holds it (Model::view() needs 8 bytes).
struct AlignedImage {
  std::vector<std::uint64_t> words;
  std::size_t size = 0;
  explicit AlignedImage(const std::string& bytes) : words((bytes.size() + 7) / 8), size(bytes.size()) {
    std::memcpy(words.data(), bytes.data(), bytes.size());
  }
  std::string_view view() const { return {reinterpret_cast<const char*>(words.data()), size}; }
};

// A model with what each lookup path reads: short and long words, word pairs (trained), and
// Chinese characters and pairs of them (added by hand, in byte order as a file lists them).
Model model_of_every_kind() {
  TrainOptions options;
  options.labels = {"4", "6"};
  options.min_df = 1;
  options.max_df_share = 1.0;
  Model m = train(two_topics(), options).model;
  std::vector<std::pair<std::string, std::size_t>> terms;
  for (std::size_t i = 0; i < m.terms.size(); ++i) terms.emplace_back(m.terms[i], i);
  for (const char* chinese : {"水", "水资", "教育", "学"}) terms.emplace_back(chinese, terms.size());
  std::sort(terms.begin(), terms.end());
  Model sorted = m;
  sorted.terms.clear();
  sorted.idf.clear();
  sorted.weights.clear();
  for (const auto& [term, i] : terms) {
    const bool added = i >= m.terms.size();
    sorted.terms.push_back(term);
    sorted.idf.push_back(added ? 1.5f : m.idf[i]);
    sorted.weights.push_back(added ? 0.7f : m.weights[2 * i]);
    sorted.weights.push_back(added ? -0.2f : m.weights[2 * i + 1]);
  }
  sorted.scheme = "sdg";
  sorted.level = "goal";
  sorted.name = "every kind";
  sorted.version = "1";
  sorted.index_terms();
  return sorted;
}
}  // namespace

TEST_CASE("a model's image, used in place, scores exactly as the model; a damaged image is refused") {
  const Model m = model_of_every_kind();
  const AlignedImage image(m.image());
  const Model v = Model::view(image.view(), "built-in test model");
  CHECK(v.terms.empty());  // nothing copied out of the image
  REQUIRE(v.term_count() == m.terms.size());
  for (std::size_t i = 0; i < m.terms.size(); ++i) CHECK(v.term(i) == m.terms[i]);
  CHECK(v.labels == m.labels);
  CHECK(v.name == "every kind");
  CHECK(v.word_pairs == m.word_pairs);
  CHECK(v.document_threshold == m.document_threshold);
  CHECK(v.passage_threshold == m.passage_threshold);
  CHECK(v.bias == m.bias);
  CHECK(v.serialize() == m.serialize());
  const Model copy = v;  // a copy reads the same image
  for (const char* text : {"Safe drinking water and sanitation for all", "les écoles et l'eau potable", "水资源和教育",
                           "学校 water 水", "", "unknown words only"}) {
    std::vector<std::uint32_t> a, b;
    m.find_terms(text, a);
    copy.find_terms(text, b);
    CHECK(a == b);
    const Vector x = m.vectorize(text), y = v.vectorize(text);
    REQUIRE(x.size() == y.size());
    for (std::size_t i = 0; i < x.size(); ++i) {
      CHECK(x[i].index == y[i].index);
      CHECK(x[i].value == y[i].value);
    }
    CHECK(m.probabilities(x) == v.probabilities(y));
    const auto why = m.strongest_terms(x, std::vector<std::size_t>{0, 1}, 3),
               why_v = v.strongest_terms(y, std::vector<std::size_t>{0, 1}, 3);
    for (std::size_t k = 0; k < 2; ++k) {
      REQUIRE(why[k].size() == why_v[k].size());
      for (std::size_t j = 0; j < why[k].size(); ++j) {
        CHECK(why[k][j].term == why_v[k][j].term);
        CHECK(why[k][j].contribution == why_v[k][j].contribution);
      }
    }
  }
  CHECK_FALSE(v.vectorize("水资源").empty());

  const std::string bytes(image.view());
  CHECK_THROWS_WITH(Model::view(AlignedImage(bytes.substr(0, bytes.size() - 1)).view(), "cut image"),
                    Catch::Contains("cut image"));
  CHECK_THROWS_WITH(Model::view(AlignedImage(m.serialize()).view(), "a model file"),
                    Catch::Contains("not a usable model image"));
  std::string unaligned(bytes.size() + 1, '\0');
  std::memcpy(unaligned.data() + 1, bytes.data(), bytes.size());
  const AlignedImage shifted(unaligned);
  CHECK_THROWS_WITH(Model::view(shifted.view().substr(1), "shifted"), Catch::Contains("aligned"));
  Model unindexed;
  unindexed.labels = {"x"};
  CHECK_THROWS_AS(unindexed.image(), std::logic_error);
  // Every word of the head and of the tables the lookups follow (header, numbers, term index,
  // filter), overwritten in turn: each damaged image is refused or, where the damage only
  // changes numbers, scores without reading outside it (the sanitizer build checks that).
  std::size_t refused = 0, used = 0;
  for (std::size_t at = 0; at + 8 <= std::min<std::size_t>(bytes.size(), 16384); at += 8)
    for (const std::uint64_t value :
         {~std::uint64_t{0}, std::uint64_t{0}, std::uint64_t{0x7fffffff}, std::uint64_t{0xFFFFFFFF00000000}}) {
      AlignedImage damaged(bytes);
      std::memcpy(reinterpret_cast<char*>(damaged.words.data()) + at, &value, 8);
      try {
        const Model d = Model::view(damaged.view(), "damaged");
        for (const char* text : {"Safe drinking water and sanitation", "水资源和教育"}) {
          const Vector x = d.vectorize(text);
          (void)d.probabilities(x);
          (void)d.strongest_terms(x, 0, 3);
        }
        ++used;
      } catch (const std::runtime_error&) {
        ++refused;
      }
    }
  CHECK(refused > 0);
  CHECK(used > 0);
}
