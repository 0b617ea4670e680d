// Google Benchmark micro-benchmarks of the functions that set the pace of a build:
//   BM_AuroraMatch        the Aurora matcher (all 17 SDG query files) over sample-corpus paragraphs
//   BM_SdgMatcher         the sdg analyzer's matcher (Aurora queries + SDG vocabulary), same text
//   BM_GcmMatcher         the gcm analyzer's matcher (GCM vocabulary), same text
//   BM_FindReferences     reference extraction (sdk references.cpp) over the same paragraphs
//   BM_ParseCitation      citation parsing (sdk address.cpp) of typical citations
//   BM_ParseConvertedText the text reader's structure parser on one whole sample document
//   BM_DocumentToJson / BM_DocumentFromJson  sdk json encode / decode of that document
//   BM_ModelTerms / BM_ModelVectorize / BM_ModelScore  the shipped sdg model's term split,
//                         feature vectors and label probabilities, per paragraph, over the
//                         sample paragraphs (English, Arg 0), a French resolution (tests/data,
//                         Arg 1) and a Chinese one (samples/resolutions, Arg 2)
// Rates are bytes of input per second (SetBytesProcessed) or items per second.
//
//   build/bin/bench_micro [--benchmark_filter=REGEX] [--benchmark_min_time=0.5]
//                         [--benchmark_format=json]
#include <benchmark/benchmark.h>
#include <pugixml.hpp>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "aurora.hpp"
#include "classifier.hpp"
#include "vocabulary.hpp"
#include "dossier/domain/citation.hpp"
#include "dossier/domain/reference_data.hpp"
#include "dossier/model.hpp"
#include "dossier/domain/files.hpp"
#include "dossier/domain/json.hpp"
#include "dossier/domain/references.hpp"
#include "structure.hpp"

namespace {

namespace fs = std::filesystem;
using dossier::read_bytes;

const fs::path kRoot = DOSSIER_SOURCE_DIR;

// The non-empty lines of the sample corpus: its paragraphs, in a fixed order.
const std::vector<std::string>& paragraphs() {
  static const std::vector<std::string> lines = [] {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(kRoot / "samples" / "corpus"))
      if (e.path().extension() == ".txt") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::vector<std::string> out;
    for (const auto& f : files) {
      std::istringstream in(read_bytes(f));
      for (std::string line; std::getline(in, line);)
        if (line.size() > 20) out.push_back(line);
    }
    return out;
  }();
  return lines;
}

std::size_t total_bytes(const std::vector<std::string>& v) {
  std::size_t n = 0;
  for (const auto& s : v) n += s.size();
  return n;
}

// `per_line` on each of `lines` in every iteration, what it returns summed (and kept from the
// optimiser); the rate is bytes of the lines per second.
template <typename F>
void over_lines(benchmark::State& state, const std::vector<std::string>& lines, F per_line) {
  decltype(per_line(lines.front())) sum{};
  for (auto _ : state)
    for (const auto& l : lines) sum += per_line(l);
  benchmark::DoNotOptimize(sum);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * total_bytes(lines)));
}

// Every Aurora query, from the files embedded in the SDK (what the sdg analyzer reads).
std::vector<dossier::aurora::TargetQuery> aurora_queries() {
  std::vector<dossier::aurora::TargetQuery> queries;
  for (const auto& xml : dossier::aurora_query_files()) {
    const auto q = dossier::aurora::load_queries(xml);
    queries.insert(queries.end(), q.begin(), q.end());
  }
  return queries;
}

// The sdg analyzer's queries: every Aurora query and the project's SDG vocabulary's rules.
std::vector<dossier::aurora::TargetQuery> sdg_queries() {
  auto queries = aurora_queries();
  for (auto& q :
       dossier::vocabulary::queries_of(dossier::vocabulary::parse(dossier::vocabulary_file("sdg"), "sdg.toml")))
    queries.push_back(std::move(q));
  return queries;
}

// One matcher (an aurora::Matcher or a vocabulary::Compiled) over the sample paragraphs.
template <typename M>
void match_paragraphs(benchmark::State& state, const M& m) {
  over_lines(state, paragraphs(), [&](const std::string& l) { return m.match(l).size(); });
  state.counters["paragraphs"] = static_cast<double>(paragraphs().size());
}

void BM_AuroraMatch(benchmark::State& state) {
  static const dossier::aurora::Matcher m(aurora_queries());
  match_paragraphs(state, m);
}
BENCHMARK(BM_AuroraMatch)->Unit(benchmark::kMillisecond);

// The sdg analyzer's own matcher: all its queries in one pass (goal and target mapping
// together), without the analyzer's evidence and annotations.
void BM_SdgMatcher(benchmark::State& state) {
  static const dossier::aurora::Matcher m(sdg_queries());
  match_paragraphs(state, m);
}
BENCHMARK(BM_SdgMatcher)->Unit(benchmark::kMillisecond);

// The sdg analyzer's fixed cost, paid once per process: reading the queries and compiling them.
void BM_SdgMatcherSetup(benchmark::State& state) {
  std::size_t compiled = 0;
  for (auto _ : state) compiled += dossier::aurora::Matcher(sdg_queries()).compiled_queries();
  benchmark::DoNotOptimize(compiled);
}
BENCHMARK(BM_SdgMatcherSetup)->Unit(benchmark::kMillisecond);

// The gcm analyzer's matcher: the project's GCM vocabulary.
void BM_GcmMatcher(benchmark::State& state) { match_paragraphs(state, *dossier::vocabulary::builtin("gcm")); }
BENCHMARK(BM_GcmMatcher)->Unit(benchmark::kMillisecond);

void BM_FindReferences(benchmark::State& state) {
  over_lines(state, paragraphs(), [](const std::string& l) { return dossier::find_references(l, "bench ¶1").size(); });
}
BENCHMARK(BM_FindReferences)->Unit(benchmark::kMillisecond);

void BM_ParseCitation(benchmark::State& state) {
  const std::vector<std::string> citations = {"A/68/283 ¶135",      "A/68/283 ¶50-54", "A/RES/76/172 ¶4(a)",
                                              "A/68/283 paras 50-54", "gfmd-2010 §6.1 #3", "not a citation"};
  std::size_t ok = 0;
  for (auto _ : state)
    for (const auto& c : citations) {
      dossier::Citation out;
      ok += dossier::parse_citation(c, out);
    }
  benchmark::DoNotOptimize(ok);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * citations.size()));
}
BENCHMARK(BM_ParseCitation);

// The largest sample document (002, 192 kB), as the text reader parses it.
const std::string& one_document() {
  static const std::string text = [] {
    fs::path biggest;
    for (const auto& e : fs::directory_iterator(kRoot / "samples" / "corpus"))
      if (e.path().extension() == ".txt" && (biggest.empty() || fs::file_size(e.path()) > fs::file_size(biggest)))
        biggest = e.path();
    return read_bytes(biggest);
  }();
  return text;
}

void BM_ParseConvertedText(benchmark::State& state) {
  const auto& text = one_document();
  for (auto _ : state) {
    auto doc = dossier::readers::parse_converted_text(text, "bench.txt");
    benchmark::DoNotOptimize(doc);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ParseConvertedText)->Unit(benchmark::kMillisecond);

void BM_DocumentToJson(benchmark::State& state) {
  const auto doc = dossier::readers::parse_converted_text(one_document(), "bench.txt");
  std::size_t bytes = 0;
  for (auto _ : state) {
    const std::string j = dossier::to_json(doc);
    bytes += j.size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_DocumentToJson)->Unit(benchmark::kMillisecond);

void BM_DocumentFromJson(benchmark::State& state) {
  const std::string j = dossier::to_json(dossier::readers::parse_converted_text(one_document(), "bench.txt"));
  for (auto _ : state) {
    auto doc = dossier::document_from_json(j);
    benchmark::DoNotOptimize(doc);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * j.size()));
}
BENCHMARK(BM_DocumentFromJson)->Unit(benchmark::kMillisecond);

// The lines of a French GA resolution (tests/data/resolutions), as paragraphs.
const std::vector<std::string>& french_paragraphs() {
  static const std::vector<std::string> lines = [] {
    std::istringstream in(read_bytes(kRoot / "tests" / "data" / "resolutions" / "A_RES_76_172_fr.txt"));
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);)
      if (line.size() > 20) out.push_back(line);
    return out;
  }();
  return lines;
}

// The paragraphs (<p> elements, the text of their inline markup included) of a Chinese GA
// resolution in Akoma Ntoso (samples/resolutions): text in a script without spaces.
const std::vector<std::string>& chinese_paragraphs() {
  static const std::vector<std::string> lines = [] {
    pugi::xml_document xml;
    const auto path = kRoot / "samples" / "resolutions" / "A_RES_78_217-2325999C.xml";
    if (!xml.load_file(path.c_str())) throw std::runtime_error("cannot read " + path.string());
    std::vector<std::string> out;
    for (const auto& p : xml.select_nodes("//p")) {
      std::string text;
      for (const auto& node : p.node().select_nodes(".//text()")) text += node.node().value();
      if (text.size() > 20) out.push_back(std::move(text));
    }
    return out;
  }();
  return lines;
}

// The shipped SDG model as the analyzer uses it: its image, in place (Model::view).
const std::string& sdg_model_image() {
  static const std::string image = dossier::classifier::Model::parse(
      read_bytes(kRoot / "plugins" / "analyzers" / "sdg" / "model" / "sdg-goals.model"), "sdg-goals.model").image();
  return image;
}

const dossier::classifier::Model& sdg_model() {
  static const auto model = dossier::classifier::Model::view(sdg_model_image(), "sdg-goals image");
  return model;
}

const std::vector<std::string>& bench_lines(const benchmark::State& state) {
  return state.range(0) == 0 ? paragraphs() : state.range(0) == 1 ? french_paragraphs() : chinese_paragraphs();
}

void BM_ModelTerms(benchmark::State& state) {
  over_lines(state, bench_lines(state), [](const std::string& l) {
    std::size_t terms = 0;
    dossier::classifier::terms_of(l, true, 0, [&](std::string_view) { ++terms; });
    return terms;
  });
}
BENCHMARK(BM_ModelTerms)->Arg(0)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);

void BM_ModelVectorize(benchmark::State& state) {
  const auto& model = sdg_model();
  over_lines(state, bench_lines(state), [&](const std::string& l) { return model.vectorize(l).size(); });
}
BENCHMARK(BM_ModelVectorize)->Arg(0)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);

void BM_ModelScore(benchmark::State& state) {
  const auto& model = sdg_model();
  over_lines(state, bench_lines(state), [&](const std::string& l) { return model.probabilities(model.vectorize(l))[0]; });
}
BENCHMARK(BM_ModelScore)->Arg(0)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);

// Loading the shipped SDG model (6.8 MB, about 120,000 terms x 17 goals): what every build
// using the model pays once, before the first document.
void BM_ModelParse(benchmark::State& state) {
  const std::string bytes = read_bytes(kRoot / "plugins" / "analyzers" / "sdg" / "model" / "sdg-goals.model");
  for (auto _ : state) {
    const auto model = dossier::classifier::Model::parse(bytes, "sdg-goals.model");
    benchmark::DoNotOptimize(model.terms.size());
  }
}
BENCHMARK(BM_ModelParse)->Unit(benchmark::kMillisecond);

// What the analyzer does instead since the model is embedded as its image: check it and point
// at its tables (here warm in memory; in a fresh child its pages are the plugin file's).
void BM_ModelView(benchmark::State& state) {
  const std::string& image = sdg_model_image();
  for (auto _ : state) {
    const auto model = dossier::classifier::Model::view(image, "sdg-goals image");
    benchmark::DoNotOptimize(model.term_count());
  }
}
BENCHMARK(BM_ModelView)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
