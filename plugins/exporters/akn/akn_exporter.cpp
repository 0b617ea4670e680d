// Writes one Akoma Ntoso 3.0 document per corpus document (akn/<slug of id>.xml), valid
// against the OASIS schema shipped in schemas/akn/ (docs/exporters/akn.md).
//
// The markup is chosen so that the akn reader gives the same blocks and recommendations back:
// - sections are `hcontainer`s (name = kind, num = label, heading = title); the section's
//   own heading block is their num and heading;
// - every block is a `paragraph`: numbered ones carry their number in `num`; the others name
//   their kind in `class` (list_item, text, heading, table) and, for list items, their
//   marker in `num`, and are cited by ordinal as before; sub-paragraphs cited as ¶4(a) are
//   `point`s in a `list` of their paragraph, as in the UN's own files;
// - a recommendation is an `hcontainer name="recommendation"` around the paragraph(s) it is
//   made of, with its kind as `class` and its addressee as a TLC reference;
// - footnotes are `authorialNote`s where they are cited; SDG/GCM mappings are
//   classification keywords.
#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <dossier/domain/citation.hpp>
#include <dossier/domain/write_errors.hpp>
#include <dossier/dossier.hpp>

#include "document_files.hpp"
#include "mapping_names.hpp"
#include "xml_output.hpp"

namespace {

using namespace dossier;
using xml_output::Builder;

constexpr const char* akn_namespace = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

/// BCP 47 to the ISO 639-2 code FRBRlanguage holds (the reader maps it back).
std::string iso639_2(std::string_view bcp47) {
  static const std::map<std::string_view, std::string_view> codes = {
      {"en", "eng"}, {"fr", "fra"}, {"es", "spa"}, {"ru", "rus"}, {"ar", "ara"}, {"zh", "zho"},
      {"de", "deu"}, {"pt", "por"}, {"it", "ita"}};
  const auto it = codes.find(bcp47.substr(0, bcp47.find('-')));
  return it != codes.end() ? std::string(it->second) : std::string(bcp47.empty() ? "und" : bcp47);
}

bool iso_date(const std::string& date) {
  static const std::regex pattern(R"(\d{4}-\d{2}-\d{2})");
  return std::regex_match(date, pattern);
}

/// An eId part: no white space (the schema's only rule), kept readable.
std::string id_part(std::string_view text) {
  std::string out;
  for (char c : text) out += (c == ' ' || c == '\t' || c == '\n' || c == '\r') ? '_' : c;
  return out.empty() ? "x" : out;
}

/// Scheme, then codes in official order: "2" before "10", "10.2" before "10.10".
struct CodeOrder {
  bool operator()(const std::pair<std::string, std::string>& a, const std::pair<std::string, std::string>& b) const {
    if (a.first != b.first) return a.first < b.first;
    return key(a.second) < key(b.second);
  }
  static std::vector<std::pair<long, std::string>> key(const std::string& code) {
    std::vector<std::pair<long, std::string>> parts;
    for (std::size_t i = 0; i <= code.size();) {
      std::size_t dot = code.find('.', i);
      if (dot == std::string::npos) dot = code.size();
      const std::string part = code.substr(i, dot - i);
      const bool digits = !part.empty() && part.find_first_not_of("0123456789") == std::string::npos;
      parts.emplace_back(digits ? std::stol(part) : 1L << 30, part);  // lettered targets after numbered
      i = dot + 1;
    }
    return parts;
  }
};

class DocumentWriter {
 public:
  DocumentWriter(const Document& doc, const std::vector<const Annotation*>& annotations, const BuildInfo& build,
                 Builder& b)
      : doc_(doc), annotations_(annotations), build_(build), b_(b) {}

  void write(pugi::xml_document& xml) {
    pugi::xml_node root = xml.append_child("akomaNtoso");
    root.append_attribute("xmlns") = akn_namespace;
    pugi::xml_node d = root.append_child("doc");
    d.append_attribute("name") = "document";
    plan_recommendations();
    plan_parts();
    meta(d.append_child("meta"));
    preface(d);
    body(d.append_child("mainBody"), -1);
    // Annexes and components that number their paragraphs afresh ("<id> annex ¶12") are
    // documents of their own inside this one, as in the UN's files.
    pugi::xml_node attachments;
    for (const int part : parts_) {
      if (!attachments) attachments = d.append_child("attachments");
      const Section& s = doc_.sections[static_cast<std::size_t>(part)];
      pugi::xml_node inner = attachments.append_child("attachment").append_child("doc");
      b_.attr(inner, "name", s.label, true);
      identification(inner.append_child("meta"), "/" + id_part(s.label));
      if (!s.title.empty()) b_.element(inner.append_child("preface").append_child("p"), "docTitle", s.title);
      body(inner.append_child("mainBody"), part);
    }
  }

  std::size_t unrepresented() const { return unrepresented_; }


 private:
  // --- metadata -------------------------------------------------------------------------

  void meta(pugi::xml_node meta) {
    identification(meta, "");
    classification(meta);

    pugi::xml_node refs = meta.append_child("references");
    refs.append_attribute("source") = "#dossier";
    tlc(refs, "TLCOrganization", "dossier", "/akn/ontology/organization/dossier", "Dossier");
    if (!doc_.body.empty())
      tlc(refs, "TLCOrganization", "author", "/akn/ontology/organization/" + slugify(doc_.body), doc_.body);
    if (!doc_.symbol.empty()) tlc(refs, "TLCConcept", "symbol", "/akn/ontology/reference/un/symbol", "Symbol");
    if (std::any_of(doc_.metadata.begin(), doc_.metadata.end(), [](const Metadata& m) { return m.key == "un_sdg_goal"; }))
      tlc(refs, "TLCOrganization", "publisher", "/akn/ontology/organization/un", "United Nations");
    for (const auto& [addressee, eid] : addressees_)
      tlc(refs, "TLCOrganization", eid, "/akn/ontology/organization/" + slugify(addressee), addressee);
  }

  /// FRBR identification of the document, or of its part `component` ("/annex").
  void identification(pugi::xml_node meta, const std::string& component) {
    const std::string slug = slugify(doc_.id);
    const std::string date = iso_date(doc_.date) ? doc_.date : "0001-01-01";  // AKN4UN's "unknown"
    const std::string work = "/akn/un/doc/document/" + date + "/" + slug;
    const std::string expression = work + "/" + iso639_2(doc_.language) + "@";
    const std::string author = doc_.body.empty() ? "#dossier" : "#author";
    pugi::xml_node id = meta.append_child("identification");
    id.append_attribute("source") = "#dossier";
    const std::string main = "/!main" + component;
    frbr(id.append_child("FRBRWork"), work + main, work + "/", date, iso_date(doc_.date) ? "document" : "unknown", author);
    id.child("FRBRWork").append_child("FRBRcountry").append_attribute("value") = "un";
    pugi::xml_node e = frbr(id.append_child("FRBRExpression"), expression + main, expression + "/", date,
                            iso_date(doc_.date) ? "document" : "unknown", author);
    e.append_child("FRBRlanguage").append_attribute("language") = iso639_2(doc_.language).c_str();
    const std::string built = xml_output::rfc3339(build_.build_time).substr(0, 10);
    frbr(id.append_child("FRBRManifestation"), expression + main + ".xml", expression + ".xml", built, "markup",
         "#dossier");
  }

  pugi::xml_node frbr(pugi::xml_node n, const std::string& this_, const std::string& uri, const std::string& date,
                      const char* date_name, const std::string& author) {
    b_.attr(n.append_child("FRBRthis"), "value", this_, true);
    b_.attr(n.append_child("FRBRuri"), "value", uri, true);
    pugi::xml_node d = n.append_child("FRBRdate");
    b_.attr(d, "date", date, true);
    d.append_attribute("name") = date_name;
    pugi::xml_node a = n.append_child("FRBRauthor");
    b_.attr(a, "href", author, true);
    return n;
  }

  void tlc(pugi::xml_node refs, const char* element, const std::string& eid, const std::string& href,
           const std::string& show_as) {
    pugi::xml_node t = refs.append_child(element);
    b_.attr(t, "eId", eid, true);
    b_.attr(t, "href", href, true);
    b_.attr(t, "showAs", show_as, true);
  }

  /// The publisher's classification as the reader found it (the UN Library's SDG goals,
  /// UNBIS and EuroVoc terms), kept apart from Dossier's own under source "#publisher", as
  /// the UN's files have it, so that reading the file back gives the same metadata.
  void publisher_classification(pugi::xml_node meta) {
    pugi::xml_node c;
    for (const Metadata& m : doc_.metadata) {
      const char* dictionary = m.key == "un_sdg_goal"       ? "SDGO"
                               : m.key == "unbis_subject"   ? "UNBIS"
                               : m.key == "eurovoc_subject" ? "EuroVoc"
                                                            : nullptr;
      if (!dictionary) continue;
      if (!c) {
        c = meta.append_child("classification");
        c.append_attribute("source") = "#publisher";
      }
      std::string value = m.value;
      std::replace(value.begin(), value.end(), ' ', '_');  // as the UN writes them: "gender_equality"
      pugi::xml_node k = c.append_child("keyword");
      b_.attr(k, "value", value, true);
      b_.attr(k, "showAs", m.key == "un_sdg_goal" ? "sdg_" + value : value, true);
      if (m.key == "un_sdg_goal") b_.attr(k, "href", "http://metadata.un.org/sdg/" + value);
      k.append_attribute("dictionary") = dictionary;
    }
  }

  /// One keyword per SDG goal/target/indicator and GCM objective the document maps to.
  void classification(pugi::xml_node meta) {
    publisher_classification(meta);
    std::set<std::pair<std::string, std::string>, CodeOrder> codes;  // (scheme, code)
    for (const Annotation* a : annotations_)
      if (a->scheme == dossier::scheme::sdg || a->scheme == dossier::scheme::gcm) codes.emplace(a->scheme, a->code);
    for (const char* scheme : {"sdg", "gcm"}) {
      pugi::xml_node c;
      for (const auto& key : codes) {
        if (key.first != scheme) continue;
        if (!c) {
          c = meta.append_child("classification");
          c.append_attribute("source") = "#dossier";
        }
        pugi::xml_node k = c.append_child("keyword");
        b_.attr(k, "value", key.second, true);
        b_.attr(k, "showAs", xml_output::mapping_label(key.first, key.second, build_.language), true);
        b_.attr(k, "href", xml_output::mapping_uri(key.first, key.second));
        k.append_attribute("dictionary") = key.first == "sdg" ? "SDGO" : "GCM";  // SDGO: as AKN4UN names it
      }
    }
  }

  void preface(pugi::xml_node d) {
    pugi::xml_node preface = d.append_child("preface");
    if (!doc_.symbol.empty()) {
      pugi::xml_node n = b_.element(preface.append_child("p"), "docNumber", doc_.symbol);
      n.append_attribute("refersTo") = "#symbol";
    }
    if (!doc_.title.empty()) b_.element(preface.append_child("p"), "docTitle", doc_.title);
    if (!doc_.date.empty() && iso_date(doc_.date)) {
      pugi::xml_node n = b_.element(preface.append_child("p"), "docDate", doc_.date);
      b_.attr(n, "date", doc_.date);
    }
    if (!doc_.body.empty()) {
      pugi::xml_node n = b_.element(preface.append_child("p"), "docAuthority", doc_.body);
      n.append_attribute("refersTo") = "#issuingBody";
    }
    // Footnotes cited by no block: the reader keeps notes of the preface without anchors.
    pugi::xml_node unplaced;
    for (const Footnote& f : doc_.footnotes) {
      if (!f.anchors.empty()) continue;
      if (!unplaced) unplaced = preface.append_child("p");
      note(unplaced, f);
    }
    if (!preface.first_child()) d.remove_child(preface);
  }

  // --- body -------------------------------------------------------------------------------

  /// Which blocks each recommendation is made of: the block at its address, and the
  /// sub-items after it whose text the recommendation goes on with (" (a) ...").
  void plan_recommendations() {
    std::map<std::string_view, std::size_t> index;
    for (std::size_t i = 0; i < doc_.blocks.size(); ++i) index.emplace(doc_.blocks[i].address, i);
    std::set<std::string_view> rec_starts;
    for (const Recommendation& r : doc_.recommendations) rec_starts.insert(r.address);
    for (const Recommendation& r : doc_.recommendations) {
      const auto it = index.find(r.address);
      if (it == index.end() || rec_at_.count(it->second)) {
        ++unrepresented_;
        continue;
      }
      // Sub-items (list items) continue the text; other blocks between them (a damaged
      // bullet) belong to it without adding words.
      const std::size_t first = it->second;
      std::size_t last = first;
      std::string text = doc_.blocks[first].text;
      for (std::size_t j = first + 1; text != r.text && j < doc_.blocks.size(); ++j) {
        const Block& next = doc_.blocks[j];
        if (next.section != doc_.blocks[first].section || rec_starts.count(next.address)) break;
        if (next.kind != BlockKind::list_item) continue;
        const std::string longer = text + " " + (next.marker.empty() ? "" : next.marker + " ") + next.text;
        if (r.text.compare(0, longer.size(), longer) != 0) break;
        text = longer;
        last = j;
      }
      if (text != r.text) ++unrepresented_;  // the file gives the block's text
      rec_at_[first] = {&r, last};
      if (!r.addressee.empty() && !addressees_.count(r.addressee))
        addressees_[r.addressee] = "addressee_" + std::to_string(addressees_.size() + 1);
    }
  }

  /// The section's heading block, when it is the first block of the section and says what
  /// num and heading say: written as those, not again as a paragraph.
  bool is_section_heading(std::size_t i) const {
    const Block& b = doc_.blocks[i];
    if (b.kind != BlockKind::heading || b.section < 0) return false;
    if (i > 0 && doc_.blocks[i - 1].section == b.section) return false;
    const Section& s = doc_.sections[static_cast<std::size_t>(b.section)];
    return b.text == (s.label.empty() ? s.title : s.title.empty() ? s.label : s.label + " " + s.title);
  }

  /// The top-level sections whose paragraphs are addressed within them (the reader's annexes
  /// and components: "<id> annex ¶12").
  void plan_parts() {
    // The akn reader's own parts, even without numbered paragraphs: a component, or an annex
    // labelled as it labels them ("annex", "annex II"; a text's "ANNEX I" heading is a section).
    for (std::size_t i = 0; i < doc_.sections.size(); ++i) {
      const Section& s = doc_.sections[i];
      if (s.parent < 0 && (s.kind == "component" || (s.kind == "annex" && s.label.compare(0, 5, "annex") == 0)))
        parts_.insert(static_cast<int>(i));
    }
    for (const Block& b : doc_.blocks) {
      if (b.section < 0) continue;
      const int top = top_of(b.section);
      const Section& s = doc_.sections[static_cast<std::size_t>(top)];
      const std::string prefix = doc_.id + " " + s.label + " ";
      if (!s.label.empty() && b.kind == BlockKind::numbered_paragraph && b.address.compare(0, prefix.size(), prefix) == 0)
        parts_.insert(top);
    }
  }

  /// The top-level section that `section` (>= 0) lies in.
  int top_of(int section) const {
    while (doc_.sections[static_cast<std::size_t>(section)].parent >= 0)
      section = doc_.sections[static_cast<std::size_t>(section)].parent;
    return section;
  }

  /// The part that section `section` belongs to, -1 for the document's own body.
  int part_of(int section) const {
    if (section < 0) return -1;
    const int top = top_of(section);
    return parts_.count(top) ? top : -1;
  }

  /// Writes the blocks of `part` (-1: those of no part) into `main`.
  void body(pugi::xml_node main, int part) {
    // Containers of the open sections, innermost last; the first is the body (or the part).
    std::vector<std::pair<int, pugi::xml_node>> open{{part, main}};
    int opened = part;
    auto open_up_to = [&](int section) {
      while (opened < section) {
        ++opened;
        if (part_of(opened) != part) continue;
        const Section& s = doc_.sections[static_cast<std::size_t>(opened)];
        while (open.size() > 1 && open.back().first != s.parent) open.pop_back();
        pugi::xml_node h = open.back().second.append_child("hcontainer");
        b_.attr(h, "eId", "sec_" + std::to_string(opened + 1), true);
        b_.attr(h, "name", s.kind.empty() ? "section" : id_part(s.kind), true);
        if (!s.label.empty()) b_.element(h, "num", s.label);
        if (!s.title.empty()) b_.element(h, "heading", s.title);
        open.emplace_back(opened, h);
      }
    };
    for (std::size_t i = 0; i < doc_.blocks.size(); ++i) {
      const Block& block = doc_.blocks[i];
      if (part_of(block.section) != part) continue;
      if (block.section >= 0) open_up_to(block.section);
      if (is_section_heading(i) && block.section != part) {
        // Its footnotes go into the heading (or num) the section already has.
        pugi::xml_node h = open.back().second.child("heading");
        if (!h) h = open.back().second.child("num");
        if (h) notes(h, block);
        continue;
      }
      pugi::xml_node parent = open.back().second;
      const auto rec = rec_at_.find(i);
      if (rec != rec_at_.end()) {
        const Recommendation& r = *rec->second.first;
        pugi::xml_node h = parent.append_child("hcontainer");
        b_.attr(h, "eId", "rec_" + std::to_string(++recommendations_), true);
        h.append_attribute("name") = "recommendation";
        b_.attr(h, "class", id_part(r.kind.empty() ? "recommendation" : r.kind), true);
        if (!r.addressee.empty()) b_.attr(h, "refersTo", "#" + addressees_[r.addressee]);
        std::size_t last = i;
        for (std::size_t j = i; j <= rec->second.second; j = last + 1) last = unit(h, j, false);
        i = last;
      } else {
        i = unit(parent, i, false);
      }
    }
    if (!doc_.sections.empty()) open_up_to(static_cast<int>(doc_.sections.size()) - 1);  // empty sections
    if (!main.first_child()) main.append_child("p");  // mainBody may not be empty
  }

  /// Whether `child` is a sub-paragraph of `parent` as the UN cites them: number "4.a" and
  /// address "<id> ¶4(a)" after "4" at "<id> ¶4".
  static bool is_sub_paragraph(const Block& parent, const Block& child) {
    if (child.kind != BlockKind::list_item || parent.number.empty() || child.section != parent.section) return false;
    const std::string prefix = parent.number + ".";
    if (child.number.compare(0, prefix.size(), prefix) != 0) return false;
    const std::string own = child.number.substr(prefix.size());
    return !own.empty() && own.find('.') == std::string::npos && child.address == parent.address + "(" + own + ")";
  }

  /// Writes block `i` as a `paragraph` (a `point` when `nested`), with the sub-paragraphs
  /// that follow it as `point`s of a `list`. Returns the index of the last block written.
  std::size_t unit(pugi::xml_node parent, std::size_t i, bool nested) {
    const Block& block = doc_.blocks[i];
    pugi::xml_node p = parent.append_child(nested ? "point" : "paragraph");
    const bool numbered = !nested && block.kind == BlockKind::numbered_paragraph && !block.number.empty();
    // Paragraphs numbered afresh under headings ("<id> section II ¶3") keep eIds apart.
    std::string scope;
    if (const std::size_t mark = block.address.rfind(" \xC2\xB6"); numbered && mark != std::string::npos && mark > doc_.id.size())
      scope = id_part(block.address.substr(doc_.id.size() + 1, mark - doc_.id.size() - 1)) + "_";
    b_.attr(p, "eId", numbered ? "para_" + scope + id_part(block.number) : "blk_" + std::to_string(i + 1), true);
    if (!numbered && !nested)
      b_.attr(p, "class", std::string(to_string(block.kind == BlockKind::numbered_paragraph ? BlockKind::text : block.kind)), true);
    if (numbered) b_.element(p, "num", block.number + ".");
    else if (!block.marker.empty()) b_.element(p, "num", block.marker);
    if (block.kind == BlockKind::heading) {
      notes(b_.element(p, "heading", block.text), block);
      return i;
    }
    if (i + 1 < doc_.blocks.size() && is_sub_paragraph(block, doc_.blocks[i + 1])) {
      pugi::xml_node list = p.append_child("list");
      b_.attr(list, "eId", "blk_" + std::to_string(i + 1) + "__list", true);
      notes(b_.element(list.append_child("intro"), "p", block.text), block);
      std::size_t last = i;
      while (last + 1 < doc_.blocks.size() && is_sub_paragraph(block, doc_.blocks[last + 1]))
        last = unit(list, last + 1, true);
      return last;
    }
    pugi::xml_node content = p.append_child("content");
    if (block.kind == BlockKind::table && !block.cells.empty()) {
      pugi::xml_node table = content.append_child("table");
      b_.attr(table, "eId", "blk_" + std::to_string(i + 1) + "__table", true);
      for (const auto& row : block.cells) {
        pugi::xml_node tr = table.append_child("tr");
        for (const auto& cell : row) b_.element(tr.append_child("td"), "p", cell);
      }
      if (!block.footnote_refs.empty()) notes(content.append_child("p"), block);
      return i;
    }
    notes(b_.element(content, "p", block.text), block);
    return i;
  }

  /// The block's footnotes as authorialNotes at the end of `where`.
  void notes(pugi::xml_node where, const Block& block) {
    for (const auto& label : block.footnote_refs) {
      const Footnote* found = nullptr;
      for (const Footnote& f : doc_.footnotes) {
        if (f.label != label) continue;
        if (!found) found = &f;
        for (const auto& a : f.anchors)
          if (a == block.address) found = &f;
      }
      if (found) note(where, *found);
    }
  }

  void note(pugi::xml_node where, const Footnote& f) {
    pugi::xml_node n = where.append_child("authorialNote");
    b_.attr(n, "marker", f.label, true);
    n.append_attribute("placement") = "bottom";
    b_.attr(n, "eId", "note_" + std::to_string(++notes_), true);
    b_.element(n, "p", f.text);
  }

  const Document& doc_;
  const std::vector<const Annotation*>& annotations_;
  const BuildInfo& build_;
  Builder& b_;
  std::map<std::size_t, std::pair<const Recommendation*, std::size_t>> rec_at_;  // first block -> rec, last block
  std::map<std::string, std::string> addressees_;                                // addressee -> eId
  std::size_t recommendations_ = 0, notes_ = 0, unrepresented_ = 0;
  std::set<int> parts_;  ///< top-level sections written as attachments
};

class AknExporter final : public Exporter {
 public:
  static constexpr const char* default_file = "akn";

  void write(const CorpusView& view, const std::string& file_name, OutputSink& out, Context& context) override {
    Builder b;
    xml_output::DocumentFileNames names;
    std::size_t unrepresented = 0;
    // Read in batches (docs/bounded-memory.md).
    view.for_each_batch([&](const CorpusView::Batch& batch) {
      for (const Document* d = batch.begin; d != batch.end; ++d) {
        const Document& doc = *d;
        pugi::xml_document xml;
        DocumentWriter writer(doc, view.annotations_in(doc), context.build(), b);
        writer.write(xml);
        unrepresented += writer.unrepresented();
        OutputFile& file = out.create(file_name + "/" + names.next(doc) + ".xml");
        xml_output::save(xml, output_stream(file));
        finish_output(file);
      }
    });
    b.report(context, file_name);
    if (unrepresented)
      context.warn(std::to_string(unrepresented) +
                   " recommendations whose text is not their paragraphs' text (or share an address): the files "
                   "give the paragraphs' text");
    context.info("wrote " + std::to_string(view.document_count()) + " Akoma Ntoso documents into " + file_name +
                 "/");
  }
};

}  // namespace

DOSSIER_PLUGIN(exporter, AknExporter, "akn", "0.1.0",
               "One Akoma Ntoso 3.0 document per corpus document (akn/*.xml): FRBR metadata, numbered paragraphs, "
               "recommendations, footnotes, SDG/GCM keywords")
