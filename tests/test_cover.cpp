// What a UN document's cover says about it (plugins/readers/common/cover.hpp).
#include <catch2/catch.hpp>

#include "cover.hpp"

#include <string>

using namespace dossier;
using namespace dossier::readers;

TEST_CASE("English ordinals, written as covers print them") {
  CHECK(english_ordinal("Forty-third") == 43);
  CHECK(english_ordinal("Eighth") == 8);
  CHECK(english_ordinal("sixty-eighth") == 68);
  CHECK(english_ordinal("Fifty-eighth") == 58);
  CHECK(english_ordinal("Twentieth") == 20);
  CHECK(english_ordinal("NINETEENTH") == 19);
  CHECK(english_ordinal("Forty") == 0);
  CHECK(english_ordinal("Forty-thirteenth") == 0);
  CHECK(english_ordinal("Regular") == 0);
  CHECK(english_ordinal("") == 0);
}

TEST_CASE("a UPR report's cover, as pdftotext -layout prints it") {
  const std::string head =
      "              United Nations                                                    A/HRC/43/15\n"
      "              General Assembly                                  Distr.: General\n"
      "                                                                19 December 2019\n\n"
      "                                                                Original: English\n\n\n\n"
      "Human Rights Council\n"
      "Forty-third session\n"
      "24 February-20 March 2020\n"
      "Agenda item 6\n"
      "Universal periodic review\n\n\n"
      "            Report of the Working Group on the Universal Periodic\n"
      "            Review*\n\n"
      "            Slovenia\n\n\n"
      "          * The annex is being circulated without formal editing.\n";
  Document doc;
  read_cover(head, doc);
  CHECK(metadata_value(doc, "session") == "43");
  CHECK(metadata_value(doc, "agenda_item") == "6");
  CHECK(metadata_value(doc, "state_under_review") == "Slovenia");
  CHECK(doc.body == "Human Rights Council");
  CHECK(metadata_value(doc, "no such key").empty());
}

TEST_CASE("a cover's title on one line, a body and a State in capitals") {
  Document doc;
  read_cover("GENERAL ASSEMBLY\nSixty-eighth session\nAgenda item 6\n\n"
             "Report of the Working Group on the Universal Periodic Review\n\nSLOVENIA\n",
             doc);
  CHECK(metadata_value(doc, "session") == "68");
  CHECK(metadata_value(doc, "agenda_item") == "6");
  CHECK(metadata_value(doc, "state_under_review") == "Slovenia");
  CHECK(doc.body == "General Assembly");
}

TEST_CASE("an agenda item with a letter keeps its letter") {
  Document doc;
  read_cover("General Assembly\nSixty-eighth session\nItem 69 (b) of the provisional agenda\n", doc);
  CHECK(metadata_value(doc, "agenda_item") == "69 (b)");
}

TEST_CASE("a State under review printed in capitals keeps its connectors in lower case") {
  Document doc;
  read_cover("Report of the Working Group on the Universal Periodic Review\n\nUNITED REPUBLIC OF TANZANIA\n", doc);
  CHECK(metadata_value(doc, "state_under_review") == "United Republic of Tanzania");
}

TEST_CASE("what the document already has is kept, and the first statement wins") {
  Document doc;
  doc.body = "Economic and Social Council";
  read_cover("Human Rights Council\nEighth session\nAgenda item 3\n\nTenth session\nAgenda item 4\n", doc);
  CHECK(doc.body == "Economic and Social Council");
  CHECK(metadata_value(doc, "session") == "8");
  CHECK(metadata_value(doc, "agenda_item") == "3");
  CHECK(metadata_value(doc, "state_under_review").empty());
  REQUIRE(doc.metadata.size() == 2);
}

TEST_CASE("a head without a cover adds nothing") {
  Document doc;
  read_cover("The Council adopted the report.\nThe session was closed.\n", doc);
  CHECK(doc.metadata.empty());
  CHECK(doc.body.empty());
}

TEST_CASE("a cover in another language takes its session from the symbol") {
  Document doc;
  doc.symbol = "A/HRC/43/15";
  read_cover("Conseil des droits de l'homme\nQuarante-troisième session\nPoint 6 de l'ordre du jour\n", doc);
  CHECK(metadata_value(doc, "session") == "43");

  Document ga;
  ga.symbol = "A/068/283";
  read_cover("Asamblea General\nSexagésimo octavo período de sesiones\n", ga);
  CHECK(metadata_value(ga, "session") == "68");

  Document other;  // another body's symbol says nothing of a session
  other.symbol = "E/CN.4/2005/12";
  read_cover("Commission des droits de l'homme\n", other);
  CHECK(metadata_value(other, "session").empty());
}

TEST_CASE("an older UPR cover in capitals, with note markers after the title and the State") {
  const std::string head =
      "HUMAN RIGHTS COUNCIL\n"
      "Thirteenth session\n"
      "Agenda item 6\n\n"
      "                                     UNIVERSAL PERIODIC REVIEW\n"
      "                                REPORT OF THE WORKING GROUP ON\n"
      "                                 THE UNIVERSAL PERIODIC REVIEW\xE2\x88\x97\n"
      "                                                       Utopia \xE2\x88\x97\n";
  Document doc;
  read_cover(head, doc);
  CHECK(doc.title == "Report of the Working Group on the Universal Periodic Review");
  CHECK(metadata_value(doc, "state_under_review") == "Utopia");
}

TEST_CASE("note markers end no title or name") {
  std::string a = "Review* ", b = "Brazil \xE2\x88\x97", c = "Annex\xE2\x80\xA0", d = "A* B";
  drop_trailing_note_markers(a);
  drop_trailing_note_markers(b);
  drop_trailing_note_markers(c);
  drop_trailing_note_markers(d);
  CHECK(a == "Review");
  CHECK(b == "Brazil");
  CHECK(c == "Annex");
  CHECK(d == "A* B");
}
