// The document's metadata from the AKN `meta`, cover page and preface: symbol, id, title,
// date, issuing body, language, furniture, and the UN's own classification of it.
#include "akn_state.hpp"

#include <filesystem>

#include <dossier/model.hpp>
#include <dossier/domain/citation.hpp>

namespace dossier::akn_reader {

namespace {

/// ISO 639-2 (as FRBRlanguage holds it) to BCP 47; the six UN languages and a few more.
std::string bcp47(std::string_view code) {
  static const std::map<std::string_view, std::string_view> codes = {
      {"eng", "en"}, {"fra", "fr"}, {"fre", "fr"}, {"spa", "es"}, {"rus", "ru"}, {"ara", "ar"},
      {"chi", "zh"}, {"zho", "zh"}, {"deu", "de"}, {"ger", "de"}, {"por", "pt"}, {"ita", "it"}};
  const auto it = codes.find(code);
  return it != codes.end() ? std::string(it->second) : std::string(code);
}

/// Symbol of a General Assembly resolution from its AKN4UN work URI:
/// "/akn/un/statement/deliberation/unga/2020-12-21/75-226/" -> "A/RES/75/226".
std::string symbol_from_work_uri(std::string_view uri) {
  std::vector<std::string_view> parts;
  for (std::size_t b = 0; b <= uri.size();) {
    std::size_t e = uri.find('/', b);
    if (e == std::string_view::npos) e = uri.size();
    parts.push_back(uri.substr(b, e - b));
    b = e + 1;
  }
  for (std::size_t i = 0; i + 2 < parts.size(); ++i) {
    if (parts[i] != "unga") continue;
    const std::string_view number = parts[i + 2];
    const std::size_t dash = number.find('-');
    const auto digits = [](std::string_view s) {
      return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (dash != std::string_view::npos && digits(number.substr(0, dash)) && digits(number.substr(dash + 1)))
      return "A/RES/" + std::string(number.substr(0, dash)) + "/" + std::string(number.substr(dash + 1));
  }
  return {};
}

/// "Agenda item 74 (b)", "Point 74 b) de l'ordre du jour", "议程项目74 (b)" -> "74 (b)".
std::string agenda_item(std::string_view printed) {
  std::size_t i = 0;
  while (i < printed.size() && !(printed[i] >= '0' && printed[i] <= '9')) ++i;
  std::size_t end = i;
  while (end < printed.size() && printed[end] >= '0' && printed[end] <= '9') ++end;
  if (end == i) return {};
  std::string out(printed.substr(i, end - i));
  std::size_t j = end;
  for (;;) {  // spaces, also the no-break ones French typesetting puts there
    if (j < printed.size() && printed[j] == ' ') ++j;
    else if (printed.substr(j, 2) == "\xC2\xA0") j += 2;
    else if (printed.substr(j, 3) == "\xE2\x80\xAF") j += 3;
    else break;
  }
  if (j < printed.size() && printed[j] == '(') ++j;
  if (j + 1 < printed.size() && printed[j] >= 'a' && printed[j] <= 'z' && printed[j + 1] == ')')
    out += " (" + std::string(1, printed[j]) + ")";
  return out;
}

/// The UN's own metadata (docs/json-schema.md, "Akoma Ntoso"): the UN Library's SDG goals and
/// UNBIS / EuroVoc subject terms from `classification`, the session, the agenda item and
/// the document the resolution was adopted on. Document metadata, never annotations: the
/// analyzers map the text and are measured against these labels.
void read_classification(ParserState& st, pugi::xml_node document) {
  const auto add = [&](const std::string& key, std::string value) {
    value = normalise_space(value);
    if (value.empty()) return;
    for (const Metadata& m : st.doc.metadata)
      if (m.key == key && m.value == value) return;
    st.doc.metadata.push_back({key, std::move(value)});
  };
  for (pugi::xml_node c = st.child(document, "meta").first_child(); c; c = c.next_sibling()) {
    // Dossier's own mappings, in a file the akn exporter wrote, are no publisher's label.
    if (st.local(c) != "classification" || std::string_view(c.attribute("source").value()) == "#dossier") continue;
    for (pugi::xml_node k = c.first_child(); k; k = k.next_sibling()) {
      if (st.local(k) != "keyword") continue;
      const std::string_view dictionary = k.attribute("dictionary").value();
      std::string value = k.attribute("value").value();
      if (dictionary == "SDGO") {
        add("un_sdg_goal", value);
      } else if (dictionary == "UNBIS" || dictionary == "EuroVoc") {
        std::replace(value.begin(), value.end(), '_', ' ');  // "gender_equality"
        add(dictionary == "UNBIS" ? "unbis_subject" : "eurovoc_subject", value);
      }
    }
  }
  const pugi::xml_node session = st.find(document, "session");
  if (const char* value = session.attribute("value").value(); *value) add("session", value);
  for_each_element(st.child(document, "coverPage"), [&](pugi::xml_node e) {
    const std::string_view name = e.attribute("name").value();
    if (st.local(e) == "inline" && name == "agenda item") add("agenda_item", agenda_item(plain_text(st, e)));
    if (st.local(e) == "inline" && name == "originating document") add("originating_document", plain_text(st, e));
    return true;
  });
}

}  // namespace

void read_metadata(ParserState& st, pugi::xml_node document) {
  const pugi::xml_node identification = st.child(st.child(document, "meta"), "identification");
  const pugi::xml_node work = st.child(identification, "FRBRWork");
  const pugi::xml_node expression = st.child(identification, "FRBRExpression");

  // AKN4UN marks the printed symbol as the docNumber that refers to #symbol; without it,
  // a General Assembly resolution's work URI still names it.
  if (const pugi::xml_node symbol = st.find(document, "docNumber", "refersTo", "#symbol"))
    st.doc.symbol = plain_text(st, symbol);
  if (st.doc.symbol.empty())
    st.doc.symbol = symbol_from_work_uri(st.child(work, "FRBRthis").attribute("value").value());
  if (st.doc.symbol.empty())
    st.doc.symbol = symbol_from_work_uri(st.child(work, "FRBRuri").attribute("value").value());
  st.doc.id = st.doc.symbol.empty() ? slugify(std::filesystem::path(st.path).stem().string()) : st.doc.symbol;
  if (st.doc.symbol.empty())
    st.warn("no document symbol (docNumber refersTo=\"#symbol\" or an unga work URI); id from the file name",
            document, Diagnostic::Severity::info);

  // The cover page's docTitle is "Resolution adopted by the General Assembly on ..."; the
  // resolution's own title is the one in the preface.
  pugi::xml_node title = st.find(document, "docTitle", "refersTo", "#resolutionTitle");
  if (!title) title = st.find(st.child(document, "preface"), "docTitle");
  if (!title) title = st.find(document, "docTitle");
  if (!title) title = st.find(document, "longTitle");
  st.doc.title = plain_text(st, title);

  for (pugi::xml_node d = work.first_child(); d; d = d.next_sibling())
    if (st.local(d) == "FRBRdate" && std::string_view(d.attribute("name").value()) == "adoption")
      st.doc.date = d.attribute("date").value();
  if (st.doc.date.empty())
    st.doc.date = st.find(document, "docDate", "refersTo", "#adoptionDate").attribute("date").value();
  if (st.doc.date.empty()) st.doc.date = st.child(work, "FRBRdate").attribute("date").value();

  if (const pugi::xml_node body = st.find(document, "docAuthority", "refersTo", "#issuingBody")) {
    st.doc.body = plain_text(st, body);
  } else if (const pugi::xml_node author = st.child(work, "FRBRauthor")) {
    // FRBRauthor href="ga" names a TLCOrganization eId="ga" showAs="General Assembly".
    std::string_view href = author.attribute("href").value();
    if (!href.empty() && href.front() == '#') href.remove_prefix(1);
    if (!href.empty())
      st.doc.body = st.find(st.child(document, "meta"), "TLCOrganization", "eId", href).attribute("showAs").value();
  }

  const std::string language = st.child(expression, "FRBRlanguage").attribute("language").value();
  st.doc.language = bcp47(language);
  if (language.empty()) st.warn("no FRBRlanguage", document, Diagnostic::Severity::info);

  // The job number on the first page ("20-17629 (E)") is page furniture, as in the PDF.
  for_each_element(document, [&](pugi::xml_node e) {
    if (st.local(e) == "docketNumber") {
      const std::string job = plain_text(st, e);
      if (!job.empty()) st.doc.furniture.push_back(job);
    }
    return true;
  });

  read_classification(st, document);

  // Notes kept apart in meta/notes, cited by noteRef.
  for (pugi::xml_node n = st.child(st.child(document, "meta"), "notes").first_child(); n; n = n.next_sibling())
    if (st.local(n) == "note" && n.attribute("eId")) st.meta_notes[n.attribute("eId").value()] = n;
}

}  // namespace dossier::akn_reader
