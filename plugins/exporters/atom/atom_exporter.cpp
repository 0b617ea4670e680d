// Writes atom.xml: an Atom 1.0 feed (RFC 4287) of the job's recommendations, the most recently
// added or changed first (docs/exporters/atom.md).
//
// What changed, and when, comes from the host's build history (Context::history()); without one
// (no store, `dossier run`) every recommendation is new, as on a first build. Entry ids depend
// only on the job and the recommendation's address, so a subscriber sees a changed
// recommendation as the same entry, updated. Nothing in the feed depends on the build's own
// time once a build has been recorded, so a rebuild with no change writes the same feed.
#include <algorithm>
#include <cstdint>
#include <map>
#include <ostream>
#include <queue>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include <dossier/domain/citation.hpp>
#include <dossier/domain/wording.hpp>
#include <dossier/domain/write_errors.hpp>
#include <dossier/dossier.hpp>

#include "document_files.hpp"
#include "mapping_names.hpp"
#include "xml_output.hpp"
namespace {

using namespace dossier;
using xml_output::Builder;

constexpr const char* atom_namespace = "http://www.w3.org/2005/Atom";
constexpr const char* change_scheme = "https://dossier.example.org/ns/change";

/// The first words of `text`, at most about `limit` bytes, ending at a word with "…" when cut.
std::string first_words(const std::string& text, std::size_t limit = 90) {
  if (text.size() <= limit) return text;
  std::size_t cut = text.rfind(' ', limit);
  if (cut == std::string::npos || cut < limit / 2) {
    cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // a whole character
  }
  std::string out = text.substr(0, cut);
  while (!out.empty() && (out.back() == ' ' || out.back() == ',' || out.back() == ';' || out.back() == ':')) out.pop_back();
  return out + "\xE2\x80\xA6";
}

/// Seconds since the epoch of midnight UTC of an ISO date "2013-08-05" (a longer ISO date-time
/// counts by its day); false for anything else ("August 2013", "2013").
bool iso_day(const std::string& text, std::int64_t& seconds) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (text[i] < '0' || text[i] > '9') return false;
  if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') return false;
  std::int64_t y = std::stoi(text.substr(0, 4));
  const int m = std::stoi(text.substr(5, 2)), d = std::stoi(text.substr(8, 2));
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  // Days from 1970-01-01 (Howard Hinnant's days_from_civil).
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  seconds = (era * 146097 + doe - 719468) * 86400;
  return true;
}

/// One recommendation's place in the feed and its times (docs/exporters/atom.md#dates).
struct Entry {
  std::size_t position;       ///< among the recommendations listed, in corpus order
  Change since_previous;      ///< against the previous build, for the log
  bool edited;                ///< changed at some build after it first appeared
  std::int64_t recorded;      ///< the build in which it appeared or last changed
  std::int64_t published;     ///< its document's date, or when it first appeared
  std::int64_t updated;       ///< when its content last changed, as far as Dossier knows
};

/// The newest first; what the history dates alike by content date, then in corpus order.
bool newer(const Entry& x, const Entry& y) {
  if (x.recorded != y.recorded) return x.recorded > y.recorded;
  if (x.updated != y.updated) return x.updated > y.updated;
  return x.position < y.position;
}

/// Each recommendation of a document once (a second one at the same address is left out),
/// with its place among all those listed: the order both passes over the corpus see them in.
template <class Visit>
void for_each_listed(const Document& doc, std::size_t& position, Visit&& visit) {
  std::set<std::string_view> seen;  // addresses begin with their document's id: unique across documents
  for (const Recommendation& r : doc.recommendations)
    if (seen.insert(r.address).second) visit(r, position++);
}

class AtomExporter final : public Exporter {
 public:
  static constexpr OptionSpec options[] = {
      {"title", OptionType::text, "", "the feed's title (default: \"Dossier JOB: new and changed recommendations\")"},
      {"author", OptionType::text, "", "the feed's author (default: \"Dossier job JOB\")"},
      {"id_base", OptionType::text, "tag:dossier.example.org,2026:", "prefix of entry ids"},
      {"base_url", OptionType::text, "",
       "where the job's outputs are published (https://example.org/gfmd/); default: links relative to the feed"},
      {"document_path", OptionType::text, "akn/{name}.xml",
       "the file, among the outputs, an entry links to when its document has no public address"},
      {"max_entries", OptionType::integer, "500", "the most recently added or changed recommendations listed; 0: all"},
      {"min_score", OptionType::number, "0", "leave out mappings scoring below"},
  };

  static constexpr const char* default_file = "atom.xml";

  void write(const CorpusView& view, const std::string& file_name, OutputSink& out, Context& context) override {
    const auto& options = context.options();
    const auto& build = context.build();
    const BuildHistory& history = context.history();
    const std::string job = build.job_name.empty() ? "dossier" : build.job_name;
    const std::string id_base = options.get("id_base", "tag:dossier.example.org,2026:");
    const double min_score = options.get_double("min_score", 0.0);
    const long long max_entries = options.get_int("max_entries", 500);
    if (max_entries < 0) throw std::invalid_argument("option 'max_entries': a number of entries, 0 for all");
    const std::string language = build.language.empty() ? "en" : build.language;
    const std::string base = outputs_address(options.get("base_url"), file_name);
    const std::string document_path = options.get("document_path", "akn/{name}.xml");
    if (document_path.find("{name}") == std::string::npos)
      throw std::invalid_argument("option 'document_path': '" + document_path +
                                  "' has no {name} (where the document's file name goes)");
    if (!history.available())
      context.info("no build history (no store, or `dossier run`): every recommendation is listed as new");
    else if (!history.has_previous())
      context.info("first recorded build of job '" + job + "': every recommendation is listed as new");

    // The corpus is read twice, in batches (docs/bounded-memory.md): first the times of every
    // recommendation, keeping the newest `max_entries` (all with 0), then the entries of those.
    const auto by_age = [](const Entry& x, const Entry& y) { return newer(x, y); };  // the oldest on top
    std::priority_queue<Entry, std::vector<Entry>, decltype(by_age)> window(by_age);
    std::size_t added = 0, changed = 0, listed = 0;
    view.for_each_batch([&](const CorpusView::Batch& batch) {
      for (const Document* d = batch.begin; d != batch.end; ++d) {
        std::int64_t dated = 0;
        const bool has_date = iso_day(d->date, dated);
        for_each_listed(*d, listed, [&](const Recommendation& r, std::size_t position) {
          const Entry e = timed(r, position, has_date, dated, history, build.build_time);
          added += e.since_previous == Change::added;
          changed += e.since_previous == Change::changed;
          window.push(e);
          if (max_entries > 0 && window.size() > static_cast<std::size_t>(max_entries)) window.pop();
        });
      }
    });
    std::vector<Entry> entries;
    entries.reserve(window.size());
    for (; !window.empty(); window.pop()) entries.push_back(window.top());
    std::reverse(entries.begin(), entries.end());  // the newest first
    // The feed changed when the newest of its entries was recorded: the same on a rebuild with
    // no change.
    std::int64_t feed_updated = entries.empty() ? build.build_time : 0;
    for (const Entry& e : entries) feed_updated = std::max(feed_updated, e.recorded);

    Builder b;
    OutputFile& file = out.create(file_name);
    std::ostream& os = output_stream(file);
    xml_output::open_root(os, "feed", {{"xmlns", atom_namespace}, {"xml:lang", language}}, b);
    {
      pugi::xml_document head;
      b.element(head, "id", id_base + percent_encode(job));
      b.element(head, "title", options.get("title", "Dossier " + job + ": new and changed recommendations"));
      b.element(head, "updated", xml_output::rfc3339(feed_updated));
      pugi::xml_node generator = b.element(head, "generator", "Dossier");
      b.attr(generator, "version", build.host_version);
      b.element(head.append_child("author"), "name", options.get("author", "Dossier job " + job));
      // The feed's own address; relative (its own file name) resolves to wherever it is read from.
      pugi::xml_node self = head.append_child("link");
      b.attr(self, "rel", "self");
      b.attr(self, "type", "application/atom+xml");
      b.attr(self, "href", base + file_name.substr(file_name.rfind('/') + 1));
      for (pugi::xml_node n = head.first_child(); n; n = n.next_sibling()) xml_output::print(n, os, 1);
    }

    // Each entry of the window is written where the second pass meets it, into its place.
    std::unordered_map<std::size_t, std::size_t> place;  // position -> rank in the feed
    for (std::size_t k = 0; k < entries.size(); ++k) place.emplace(entries[k].position, k);
    std::vector<std::string> written(entries.size());
    xml_output::DocumentFileNames names;
    std::size_t to_files = 0;
    listed = 0;
    view.for_each_batch([&](const CorpusView::Batch& batch) {
      for (const Document* d = batch.begin; d != batch.end; ++d) {
        const Document& doc = *d;
        const std::string name = names.next(doc);
        for_each_listed(doc, listed, [&](const Recommendation& r, std::size_t position) {
          const auto at = place.find(position);
          if (at == place.end()) return;
          const Entry& entry = entries[at->second];
          pugi::xml_document tree;
          pugi::xml_node e = tree.append_child("entry");
          b.element(e, "id", id_base + percent_encode(job) + "/" + percent_encode(r.address, "/"));
          // Words a feed reader can list: the citation as people write it, then how it begins.
          b.element(e, "title", human_citation(doc, r.address, language) + " \xE2\x80\x94 " + first_words(r.text));
          b.element(e, "updated", xml_output::rfc3339(entry.updated));
          b.element(e, "published", xml_output::rfc3339(entry.published));
          // Where to read it: its document (the UN's system, or the catalogue's URL); else the
          // document's own file among the outputs.
          if (const std::string href = document_link(doc, language); !href.empty()) {
            link(e, "alternate", href, cited_name(doc), b);
          } else {
            std::string path = document_path;
            path.replace(path.find("{name}"), 6, name);
            link(e, "alternate", base + path, cited_name(doc), b);
            ++to_files;
          }
          // The UN documents the recommendation itself cites.
          std::set<std::string> cited{doc.symbol};
          for (const Reference& ref : doc.references)
            if (ref.type == dossier::reference_type::un_symbol && ref.address == r.address && cited.insert(ref.id).second)
              link(e, "related", un_document_link(ref.id, language), ref.id, b);
          // Its SDG and GCM codes, in code order, the highest score of each kept.
          std::map<std::pair<std::string, std::string>, const Annotation*> categories;
          for (const Annotation* a : view.annotations_of(r.address)) {
            if ((a->scheme != dossier::scheme::sdg && a->scheme != dossier::scheme::gcm) || a->score < min_score)
              continue;
            auto& slot = categories[{a->scheme, a->code}];
            if (!slot || slot->score < a->score) slot = a;
          }
          for (const auto& [key, a] : categories) category(e, *a, language, b);
          pugi::xml_node state = e.append_child("category");
          b.attr(state, "term", entry.edited ? "changed" : "added");
          b.attr(state, "scheme", change_scheme);
          b.attr(state, "label", entry.edited ? "changed" : "new");
          if (!r.kind.empty()) {
            pugi::xml_node kind = e.append_child("category");
            b.attr(kind, "term", r.kind);
            b.attr(kind, "label", kind_label(r.kind, language));
          }
          pugi::xml_node content = b.element(e, "content", r.text);
          b.attr(content, "type", "text");
          std::ostringstream entry_xml;
          xml_output::print(e, entry_xml, 1);
          written[at->second] = std::move(entry_xml).str();
        });
      }
    });
    for (const std::string& entry : written) os << entry;
    xml_output::close_root(os, "feed");
    finish_output(file);
    b.report(context, file_name);
    context.info("wrote " + std::to_string(entries.size()) + " entries, the newest first (" + std::to_string(added) +
                 " new and " + std::to_string(changed) + " changed since the previous build)");
    if (to_files && base.find("://") == std::string::npos)
      context.info(std::to_string(to_files) +
                   " entries link to their document's file among the outputs, relative to the feed; set base_url to "
                   "where the outputs are published for absolute links");
  }

 private:
  /// A recommendation's times: `updated` is the build in which it last changed, or, while
  /// unchanged since it appeared, its document's date (the text is as old as the document; the
  /// build only found it).
  static Entry timed(const Recommendation& r, std::size_t position, bool has_date, std::int64_t dated,
                     const BuildHistory& history, std::int64_t build_time) {
    const ItemHistory h = history.recommendation(r.address);
    const std::int64_t first = h.first_seen ? h.first_seen : build_time;
    const std::int64_t last = h.last_changed ? h.last_changed : build_time;
    const std::int64_t published = has_date && dated < first ? dated : first;
    const bool edited = last > first;
    return {position, h.change, edited, last, published, edited ? last : published};
  }

  /// "" (links relative to the feed at `file_name`: "../" for each folder it is in) or the
  /// absolute `base_url` ending in "/".
  static std::string outputs_address(std::string base_url, const std::string& file_name) {
    if (base_url.empty()) {
      std::string up;
      for (char c : file_name)
        if (c == '/') up += "../";
      return up;
    }
    const auto scheme = base_url.find("://");
    if (scheme == std::string::npos || scheme == 0 || base_url.find_first_of(" \t\n\"<>") != std::string::npos)
      throw std::invalid_argument("option 'base_url': '" + base_url +
                                  "' is no absolute web address (https://example.org/gfmd/)");
    if (base_url.back() != '/') base_url += '/';
    return base_url;
  }

  static void link(pugi::xml_node entry, const char* rel, const std::string& href, const std::string& title, Builder& b) {
    pugi::xml_node l = entry.append_child("link");
    b.attr(l, "rel", rel);
    b.attr(l, "href", href);
    b.attr(l, "title", title);
  }

  static void category(pugi::xml_node entry, const Annotation& a, const std::string& language, Builder& b) {
    pugi::xml_node c = entry.append_child("category");
    b.attr(c, "term", a.code);
    b.attr(c, "scheme", xml_output::mapping_scheme_uri(a.scheme));
    b.attr(c, "label", xml_output::mapping_label(a.scheme, a.code, language));
  }
};

}  // namespace

DOSSIER_PLUGIN(exporter, AtomExporter, "atom", "0.1.0",
               "Atom 1.0 feed (atom.xml) of the job's recommendations, the most recently added or changed first")
