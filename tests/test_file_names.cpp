// An exporter's declared file naming (dossier/domain/file_names.hpp) and the files a dry run
// plans from it (dry_run.hpp).
#include <catch2/catch.hpp>

#include "dossier/domain/file_names.hpp"
#include "dry_run.hpp"

using namespace dossier;

TEST_CASE("a naming pattern gives the file name from the options' values") {
  const std::string pattern = "{stem}{-focus}{-language}{ext}";
  CHECK(file_name_from(pattern, "briefs/brief.pdf", "brief.pdf", {{"focus", "sdg:10"}, {"language", "fr"}}) ==
        "briefs/brief-sdg-10-fr.pdf");
  CHECK(file_name_from(pattern, "briefs/brief.pdf", "brief.pdf", {}) == "briefs/brief.pdf");
  CHECK(file_name_from(pattern, "briefs/brief.pdf", "brief.pdf", {{"focus", ""}, {"language", "fr"}}) ==
        "briefs/brief-fr.pdf");
  CHECK(file_name_from(pattern, "out.d/brief", "brief.pdf", {{"focus", "addressee:States"}}) ==
        "out.d/brief-addressee-states.pdf");  // no extension: the default file's
  CHECK(file_name_from("{stem}/{unknown}{ext}", "a.xml", "x", {}) == "a/{unknown}.xml");
}

TEST_CASE("a dry run plans one file per value of each option the pattern names") {
  const std::string pattern = "{stem}{-focus}{-language}{ext}";
  Options o;
  CHECK(host::planned_files(pattern, "b.pdf", "brief.pdf", o, "en") == std::vector<std::string>{"b.pdf"});
  CHECK(host::planned_files("", "b.pdf", "brief.pdf", o, "en") == std::vector<std::string>{"b.pdf"});
  o.set_list("focus", {"sdg:10", "gcm:13", "sdg:10"});
  o.set("language", "en");  // the build's: not in the name
  CHECK(host::planned_files(pattern, "b.pdf", "brief.pdf", o, "en") ==
        std::vector<std::string>{"b-sdg-10.pdf", "b-gcm-13.pdf"});
  o.set("language", "ar");
  CHECK(host::planned_files(pattern, "b.pdf", "brief.pdf", o, "en") ==
        std::vector<std::string>{"b-sdg-10-ar.pdf", "b-gcm-13-ar.pdf"});
}

TEST_CASE("a value only the run knows ('*') is shown as it is, so that a dry run names a pattern") {
  const std::string pattern = "{stem}{-focus}{-state}{-states}{-language}{ext}";  // the pdf exporter's
  CHECK(file_name_from(pattern, "briefs/upr.pdf", "brief.pdf", {{"states", "*"}}) == "briefs/upr-*.pdf");
  CHECK(file_name_from(pattern, "briefs/upr.pdf", "brief.pdf", {{"states", "Republic of Moldova"}, {"language", "fr"}}) ==
        "briefs/upr-republic-of-moldova-fr.pdf");
  Options o;
  o.set_list("states", {"Slovenia", "*"});
  CHECK(host::planned_files(pattern, "upr.pdf", "brief.pdf", o, "en") ==
        std::vector<std::string>{"upr-slovenia.pdf", "upr-*.pdf"});
  Options one;
  one.set("state", "Gabon");
  CHECK(host::planned_files(pattern, "upr.pdf", "brief.pdf", one, "en") == std::vector<std::string>{"upr-gabon.pdf"});
}
