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

#include <sstream>

#include <dossier/domain/json.hpp>

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

}  // namespace

int main(int argc, char** argv) {
  try {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.size() < 2) {
      std::cerr << "usage: bench_raw_feed EVENTS.tsv OUT.xml [--runs R]\n";
      return 2;
    }
    int runs = 5;
    if (args.size() >= 4 && args[2] == "--runs") runs = std::stoi(args[3]);
    const std::vector<Event> events = load(args[0]);
    write_feed(events, args[1]);  // kept, to compare with the exporter's
    std::vector<bench::Run> measured;
    for (int r = 0; r < runs; ++r) measured.push_back(bench::measured([&] { write_feed(events, args[1] + ".tmp"); }));
    std::remove((args[1] + ".tmp").c_str());
    std::cout << nlohmann::json{{"runs", bench::to_json(measured)}, {"events", events.size()}}.dump() << "\n";
    return 0;
  } catch (const std::exception& ex) {
    std::cerr << "bench_raw_feed: " << ex.what() << "\n";
    return 1;
  }
}
