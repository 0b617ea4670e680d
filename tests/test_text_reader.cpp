// The text reader, loaded as the plugin it is, on the real sample corpus.
#include <catch2/catch.hpp>

#include <algorithm>

#include "dossier/address.hpp"
#include "dossier/context.hpp"
#include "dossier/sink.hpp"
#include "plugin_registry.hpp"
#include "support.hpp"

using namespace dossier;
using namespace dossier::host;

namespace {
Document read_sample(const std::string& file) {
  static PluginRegistry registry = [] {
    PluginRegistry r;
    r.discover({test::plugin_dir()});
    return r;
  }();
  auto reader = registry.find("text")->make_reader();
  Source source;
  source.path = (test::corpus_dir() / file).string();
  source.content = test::read_file(source.path);
  source.sha256 = sha256_hex(source.content);
  REQUIRE(reader->sniff(source) > 0);
  Context context("text", {}, {}, nullptr);
  return reader->read(source, context);
}

std::vector<int> numbers(const Document& d) {
  std::vector<int> out;
  for (const auto& b : d.blocks)
    if (b.kind == BlockKind::numbered_paragraph) out.push_back(std::stoi(b.number));
  return out;
}

const Block* paragraph(const Document& d, const std::string& number) {
  for (const auto& b : d.blocks)
    if (b.kind == BlockKind::numbered_paragraph && b.number == number) return &b;
  return nullptr;
}
}  // namespace

TEST_CASE("A/68/283 (001): numbered paragraphs 1 to 143 in order with addresses") {
  const Document d = read_sample("001_88e8c2357c784c71.txt");
  std::vector<int> expected(143);
  for (int i = 0; i < 143; ++i) expected[static_cast<std::size_t>(i)] = i + 1;
  CHECK(numbers(d) == expected);
  const Block* p135 = paragraph(d, "135");
  REQUIRE(p135);
  CHECK(p135->text.rfind("States should define more concrete outcomes of the GFMD summit meetings", 0) == 0);
  CHECK(p135->address == d.id + " \xC2\xB6" "135");
  CHECK(d.date == "2013-08-05");
}

TEST_CASE("A/68/283 (001): recommendations carry their addressee") {
  const Document d = read_sample("001_88e8c2357c784c71.txt");
  auto addressee_of = [&](const std::string& number) {
    for (const auto& r : d.recommendations)
      if (r.address == paragraph_address(d.id, number)) return r.addressee;
    return std::string("<none>");
  };
  CHECK(addressee_of("127") == "States");
  CHECK(addressee_of("140") == "Human Rights Council");
  CHECK(addressee_of("126") == "<none>");
}

TEST_CASE("the GCM dialogue (004): paragraphs 1 to 26 and its political and practical recommendations") {
  const Document d = read_sample("004_4233e7d77e7d0f2d.txt");
  CHECK(numbers(d).size() == 26);
  CHECK(numbers(d).back() == 26);
  const auto political = std::count_if(d.recommendations.begin(), d.recommendations.end(),
                                       [](const Recommendation& r) { return r.kind == "political_recommendation"; });
  CHECK(political == 11);
}

TEST_CASE("a numbered heading such as '1. ACKNOWLEDGEMENTS' is a section and not paragraph 1 (002)") {
  const Document d = read_sample("002_77a4883765ce66a6.txt");
  const bool found = std::any_of(d.sections.begin(), d.sections.end(),
                                 [](const Section& s) { return s.title == "ACKNOWLEDGEMENTS"; });
  CHECK(found);
  for (const auto& b : d.blocks)
    if (b.kind == BlockKind::numbered_paragraph) CHECK(b.text.rfind("ACKNOWLEDGEMENTS", 0) != 0);
}

TEST_CASE("every block of every sample document has a unique address") {
  for (const char* file : {"000_361761b2e85cd3df.txt", "001_88e8c2357c784c71.txt", "002_77a4883765ce66a6.txt",
                           "003_47dc10d97ca243f0.txt", "004_4233e7d77e7d0f2d.txt"}) {
    const Document d = read_sample(file);
    CHECK_FALSE(d.blocks.empty());
    std::vector<std::string> addresses;
    for (const auto& b : d.blocks) addresses.push_back(b.address);
    std::sort(addresses.begin(), addresses.end());
    INFO(file);
    CHECK(std::adjacent_find(addresses.begin(), addresses.end()) == addresses.end());
  }
}

TEST_CASE("the text reader declines binary content") {
  PluginRegistry r;
  r.discover({test::plugin_dir()});
  auto reader = r.find("text")->make_reader();
  Source binary;
  binary.content = std::string("%PDF-1.7\0\1\2", 11);
  CHECK(reader->sniff(binary) == 0);
  Source empty;
  CHECK(reader->sniff(empty) == 0);
}
