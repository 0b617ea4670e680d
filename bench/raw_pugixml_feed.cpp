// Raw pugixml writing the same feed.xml as the xml exporter: the exporter's own elements,
// attributes and text, replayed from an event file (bench/run.py makes it from the
// exporter's feed.xml), built as a pugixml DOM and saved. What a user writing the feed with
// pugixml alone would pay; the exporter's share of this rate is its overhead.
//
//   bench_raw_feed EVENTS.tsv OUT.xml [--runs R]
//
// EVENTS.tsv, one a line: "o<TAB>name" opens an element, "a<TAB>name<TAB>value" sets an
// attribute on it, "t<TAB>text" adds text, "c" closes it (\n \t \r \\ escaped).
#include <pugixml.hpp>

#include <cstdio>

#include "command_line.hpp"
#include "inputs.hpp"
#include "measure.hpp"

namespace {

struct Event {
  char kind;
  std::string name, value;
};

std::vector<Event> load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<Event> events;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    Event e{line[0], {}, {}};
    const std::string rest = line.size() > 2 ? line.substr(2) : std::string();
    if (e.kind == 'o') e.name = rest;
    else if (e.kind == 't') e.value = bench::unescape(rest);
    else if (e.kind == 'a') {
      const auto tab = rest.find('\t');
      e.name = rest.substr(0, tab);
      e.value = tab == std::string::npos ? std::string() : bench::unescape(rest.substr(tab + 1));
    }
    events.push_back(std::move(e));
  }
  return events;
}

void write_feed(const std::vector<Event>& events, const std::string& path) {
  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  pugi::xml_node node = doc;
  for (const Event& e : events) {
    switch (e.kind) {
      case 'o': node = node.append_child(e.name.c_str()); break;
      case 'a': node.append_attribute(e.name.c_str()) = e.value.c_str(); break;
      case 't': node.append_child(pugi::node_pcdata).set_value(e.value.c_str()); break;
      case 'c': node = node.parent(); break;
      default: break;
    }
  }
  if (!doc.save_file(path.c_str(), "  ", pugi::format_indent, pugi::encoding_utf8))
    throw std::runtime_error("cannot write " + path);
}

void benchmark(const bench::CommandLine& line) {
  const std::vector<Event> events = load(line.args[0]);
  const std::string& out = line.args[1];
  write_feed(events, out);  // kept, to compare with the exporter's
  const auto runs = bench::measured_runs(line.runs, [&] { write_feed(events, out + ".tmp"); });
  std::remove((out + ".tmp").c_str());
  std::cout << nlohmann::json{{"runs", bench::to_json(runs)}, {"events", events.size()}}.dump() << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  return bench::run_main(argc, argv, "bench_raw_feed", 2, "bench_raw_feed EVENTS.tsv OUT.xml [--runs R]", {}, benchmark);
}
