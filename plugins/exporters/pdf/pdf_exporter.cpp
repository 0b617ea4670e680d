// The `pdf` exporter: printable briefs for delegations, one per focus value, in the
// language the job asks for (docs/exporters/pdf.md).
#include <algorithm>
#include <cstdio>
#include <functional>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <dossier/domain/citation.hpp>
#include <dossier/domain/file_names.hpp>
#include <dossier/dossier.hpp>

#include "brief.hpp"
#include "brief_writer.hpp"
#include "labels.hpp"
#include "state_brief.hpp"
#include "state_brief_writer.hpp"

namespace {

using namespace dossier;

constexpr const char* kVersion = "0.1.0";

std::string code_points(const std::set<char32_t>& missing) {
  std::string out;
  std::size_t shown = 0;
  for (char32_t c : missing) {
    if (shown++ == 8) return out + " ...";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%sU+%04X", out.empty() ? "" : " ", static_cast<unsigned>(c));
    out += buf;
  }
  return out;
}

/// Which Debian package would show the missing characters.
std::string font_hint(const std::set<char32_t>& missing) {
  bool arabic = false, cjk = false;
  for (char32_t c : missing) {
    arabic = arabic || (c >= 0x0600 && c <= 0x06FF) || (c >= 0xFB50 && c <= 0xFEFF);
    cjk = cjk || (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF);
  }
  if (cjk) return "install fonts-wqy-zenhei or fonts-arphic-uming, or add a font with the 'fonts' option";
  if (arabic) return "install fonts-kacst, or add a font with the 'fonts' option";
  return "add a font that has them with the 'fonts' option";
}

/// "10 key recommendations of 94 in focus, from 4 documents, on 9 SDG goals; 1 quoted with 1 other
/// paragraph that says the same thing".
std::string key_summary(const pdf::Brief& brief) {
  std::set<const Document*> documents;
  std::set<int> goals;
  std::size_t merged = 0, others = 0;
  for (const auto& key : brief.keys) {
    std::vector<std::size_t> members{key.item};
    members.insert(members.end(), key.same.begin(), key.same.end());
    for (std::size_t m : members) {
      documents.insert(brief.items[m].document);
      goals.insert(brief.items[m].goals.begin(), brief.items[m].goals.end());
    }
    merged += !key.same.empty();
    others += key.same.size();
  }
  std::string text = std::to_string(brief.keys.size()) + " key recommendations of " + std::to_string(brief.items.size()) +
                     " in focus, from " + std::to_string(documents.size()) + " documents, on " +
                     std::to_string(goals.size()) + " SDG goals";
  if (merged > 0)
    text += "; " + std::to_string(merged) + " quoted with " + std::to_string(others) + " other paragraph" +
            (others == 1 ? "" : "s") + " saying the same thing";
  return text;
}

/// Which quotes are not in the brief's language, and why: a line per paragraph whose version
/// could not be trusted (a warning), one line for the documents the corpus has in no version
/// in that language (information).
void report_quotes(const std::string& name, const pdf::Brief& brief, const std::string& language, Context& context) {
  std::size_t original = 0;
  std::vector<std::string> without_version;
  for (const auto& key : brief.keys) {
    const pdf::Quote& q = key.quote;
    if (q.why_original.empty()) continue;
    ++original;
    const std::string document = cited_name(*q.document);
    if (q.misaligned)
      context.warn(name + ": " + q.why_original);
    else if (std::find(without_version.begin(), without_version.end(), document) == without_version.end())
      without_version.push_back(document);
  }
  if (original == 0) return;
  std::string names;
  for (const auto& d : without_version) names += (names.empty() ? "" : ", ") + d;
  context.info(name + ": " + std::to_string(original) + " of " + std::to_string(brief.keys.size()) +
               " key recommendations quoted in the language of their document" +
               (names.empty() ? "" : "; the corpus has no version " + pdf::in_language_words(language) + " of " + names));
}

class PdfExporter final : public Exporter {
 public:
  static constexpr const char* needs[] = {"sdg", "gcm"};  // the SDG chart, the goals and objectives quoted
  static constexpr OptionSpec options[] = {
      {"focus", OptionType::list, "", "one brief per value: sdg:GOAL, sdg:TARGET, gcm:N, addressee:NAME, document:ID"},
      {"language", OptionType::text, "", "labels in en, fr, es, ru, ar or zh (default: the job's)"},
      {"title", OptionType::text, "", "title on the cover (default: \"Policy brief\" in the language)"},
      {"organisation", OptionType::text, "", "shown above the title, in the footer and as the PDF's author"},
      {"paper", OptionType::text, "a4", "a4 or letter"},
      {"key_recommendations", OptionType::integer, "10", "how many recommendations the brief quotes (1..200)"},
      {"standard_fonts", OptionType::boolean, "true", "false uses only the files in fonts"},
      {"fonts", OptionType::list, "", "extra font files: PATH, PATH:INDEX or SCRIPT=PATH"},
      {"state", OptionType::text, "", "a UPR brief on this State instead of focus briefs (\"Slovenia\")"},
      {"states", OptionType::list, "", "a UPR brief on each of these States; \"*\": every State under review"},
  };

  static constexpr const char* default_file = "brief.pdf";
  // "briefs/brief.pdf" with focus sdg:10 in French: "briefs/brief-sdg-10-fr.pdf". Declared, so
  // that `dossier --dry-run` names the briefs; written by file_name_from() from it.
  // A State brief takes the State's name: "briefs/upr.pdf" on Slovenia, "briefs/upr-slovenia.pdf".
  static constexpr const char* file_names = "{stem}{-focus}{-state}{-states}{-language}{ext}";

  void write(const CorpusView& view, const std::string& file_name, OutputSink& out, Context& context) override {
    const Options& o = context.options();
    const std::string requested = o.get("language", context.build().language);
    pdf::BriefSettings settings;
    settings.language = pdf::label_language(requested);
    if (settings.language.empty()) {
      context.warn("no labels in language '" + requested + "' (there are en, fr, es, ru, ar, zh): labels in English");
      settings.language = "en";
    }
    settings.title = o.get("title");
    settings.organisation = o.get("organisation");
    settings.paper = pdf::paper_named(o.get("paper", "a4"));
    settings.creator = "Dossier " + context.build().host_version + " (pdf exporter " + kVersion + ")";
    settings.build_time = context.build().build_time;
    for (const auto& f : o.get_list("fonts")) {
      settings.fonts.push_back(pdf::parse_font_option(f));
      std::error_code ec;
      if (!std::filesystem::is_regular_file(settings.fonts.back().path, ec))
        context.warn("font file " + settings.fonts.back().path + " (option 'fonts') does not exist");
    }
    if (o.get_bool("standard_fonts", true))
      for (auto& f : pdf::standard_fonts()) settings.fonts.push_back(std::move(f));
    const long long key = o.get_int("key_recommendations", 10);
    if (key < 1 || key > 200) throw std::invalid_argument("option 'key_recommendations' must be 1..200");

    // The language goes into the name when it is not the job's, so that one job can list
    // the exporter once per language without the files overwriting each other.
    const std::string name_language = requested == context.build().language ? "" : requested;
    std::set<std::string> rejected;
    const auto report = [&](const std::string& name, const pdf::BriefResult& result, const std::string& what) {
      if (!result.missing.empty())
        context.warn(name + ": " + std::to_string(result.missing.size()) +
                     " characters no font can show, drawn as a box: " + code_points(result.missing) + " (" +
                     font_hint(result.missing) + ")");
      context.info(name + ": " + std::to_string(result.pages) + " pages, " + what);
      for (const auto& f : result.fonts) context.debug(name + ": font " + f);
      for (const auto& f : result.rejected)
        if (rejected.insert(f).second) context.warn("font file " + f + " is not a TrueType font libharu can embed: skipped");
    };

    // One of the two, so that the dry run (which names one file per combination of values)
    // names the files written.
    if (!o.get("state").empty() && !o.get_list("states").empty())
      throw std::invalid_argument("options 'state' and 'states': give one of them (states = [\"Gabon\", \"Slovenia\"])");
    std::vector<std::string> states = o.get("state").empty() ? o.get_list("states") : o.get_list("state");
    if (!states.empty()) {
      if (!o.get_list("focus").empty())
        throw std::invalid_argument("options 'focus' and '" + std::string(o.get("state").empty() ? "states" : "state") +
                                    "' exclude each other: list the exporter twice, once with each");
      write_state_briefs(view, states, settings, file_name, name_language, out, context, report);
      return;
    }

    // Each focus as given (its slug names the file) and as understood.
    std::vector<std::pair<std::string, pdf::Focus>> focuses;
    for (const auto& f : o.get_list("focus")) focuses.emplace_back(f, pdf::parse_focus(f));
    if (focuses.empty()) focuses.emplace_back();

    std::set<std::string> names;
    pdf::CorpusWords words(view);  // split once for every focus
    for (const auto& [given, focus] : focuses) {
      const std::string name =
          file_name_from(file_names, file_name, default_file, {{"focus", given}, {"language", name_language}});
      if (!names.insert(name).second) {
        context.warn("focus '" + focus.text() + "' is listed twice: " + name + " written once");
        continue;
      }
      pdf::Brief brief = pdf::select_brief(view, focus, static_cast<std::size_t>(key), &words);
      pdf::quote_keys(brief, settings.language);
      if (brief.items.empty())
        context.warn(name + ": no recommendation matches focus '" + focus.text() + "' (are the sdg and gcm analyzers requested?)");
      report(name, pdf::write_brief(brief, settings, out.create(name)), key_summary(brief));
      report_quotes(name, brief, settings.language, context);
    }
  }

 private:
  using Report = std::function<void(const std::string&, const pdf::BriefResult&, const std::string&)>;

  // One brief per State asked for (docs/exporters/pdf.md, "State briefs"); "*" is every State
  // under review in the corpus.
  static void write_state_briefs(const CorpusView& view, const std::vector<std::string>& asked,
                                 const pdf::BriefSettings& settings, const std::string& file_name,
                                 const std::string& name_language, OutputSink& out, Context& context,
                                 const Report& report) {
    std::vector<std::string> states;
    for (const auto& s : asked) {
      if (s != "*") {
        states.push_back(s);
        continue;
      }
      const auto all = pdf::states_under_review(view);
      if (all.empty()) context.warn("states = [\"*\"]: no report of the Universal Periodic Review in the corpus");
      states.insert(states.end(), all.begin(), all.end());
    }
    std::set<std::string> done;
    for (const auto& state : states) {
      const pdf::StateBrief brief = pdf::select_state_brief(view, state);
      if (!done.insert(brief.key).second) continue;  // named twice, or by two names
      const std::string name = file_name_from(file_names, file_name, default_file,
                                              {{"states", state}, {"language", name_language}});
      if (brief.reviews.empty() && brief.made.empty())
        context.warn(name + ": the corpus has no UPR report of " + state + " and no recommendation it made");
      const pdf::StateReview* latest = brief.latest();
      report(name, pdf::write_state_brief(brief, settings, out.create(name)),
             std::to_string(latest ? latest->items.size() : 0) + " recommendations received, " +
                 std::to_string(brief.made_count) + " made to other States");
    }
  }
};

}  // namespace

DOSSIER_PLUGIN(exporter, PdfExporter, "pdf", "0.1.0",
               "PDF briefs for delegations: one per focus (SDG goal or target, GCM objective, addressee, document), in six languages")
