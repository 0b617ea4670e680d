// Operative paragraphs: the verb that opens them and whom they address, in English, French
// and Spanish (operative.hpp). The sentences are the UN's usual forms.
#include <catch2/catch.hpp>

#include "operative.hpp"

using namespace dossier::readers;

TEST_CASE("the addressee follows a verb that asks someone to act") {
  CHECK(operative_addressee("Requests", " the Secretary-General to submit a report", "en") == "Secretary-General");
  CHECK(operative_addressee("Calls upon", " States to promote and protect", "en") == "States");
  CHECK(operative_addressee("Calls", " upon all Member States to ratify", "en") == "Member States");
  CHECK(operative_addressee("Also strongly urges", " Governments, in cooperation with civil society, to act", "en") ==
        "Governments");
  CHECK(operative_addressee("Invites", " the International Organization for Migration to continue", "en") == "IOM");
  CHECK(operative_addressee("Encourages", " States, international organizations and civil society to cooperate", "en") ==
        "States, international organizations and civil society");
  CHECK(operative_addressee("Recommends", " that Member States consider the measures", "en") == "Member States");
  CHECK(operative_addressee("Reiterates", " its call upon all States to become parties", "en") == "States");
  CHECK(operative_addressee("Demands", " that the Syrian regime cooperate fully", "en") == "Syrian regime");
}

TEST_CASE("verbs that ask nobody, and asking verbs that name no actor, have no addressee") {
  CHECK(operative_addressee("Decides", " to include in the provisional agenda of its seventy-ninth session", "en").empty());
  CHECK(operative_addressee("Welcomes", " the efforts of States to cooperate", "en").empty());
  CHECK(operative_addressee("Calls for", " the full implementation of the Programme of Action", "en").empty());
  CHECK(operative_addressee("Encourages", " continued efforts to strengthen cooperation", "en").empty());
  CHECK(operative_addressee("Requests", " the report", "en").empty());  // no "to": no end in sight
}

TEST_CASE("French and Spanish clauses name the same actors") {
  CHECK(operative_addressee("Prie", " le Secr\xC3\xA9taire g\xC3\xA9n\xC3\xA9ral de lui pr\xC3\xA9senter un rapport", "fr") ==
        "Secretary-General");
  CHECK(operative_addressee("Demande instamment", " aux \xC3\x89tats de continuer \xC3\xA0 s'employer", "fr") == "States");
  CHECK(operative_addressee("Engage", " les \xC3\x89tats Membres \xC3\xA0 accro\xC3\xAEtre la r\xC3\xA9silience", "fr") ==
        "Member States");
  CHECK(operative_addressee("Prie", " le Haut-Commissariat des Nations Unies aux droits de l'homme de continuer", "fr") ==
        "Haut-Commissariat des Nations Unies aux droits de l'homme");
  CHECK(operative_addressee("Solicita", " al Secretario General que presente un informe", "es") == "Secretary-General");
  CHECK(operative_addressee("Exhorta", " a los Estados a que, directamente, adopten medidas", "es") == "States");
  CHECK(operative_addressee("Alienta", " a los Estados Miembros a fortalecer", "es") == "Member States");
  CHECK(operative_addressee("Decide", " incluir en el programa provisional", "es").empty());
  CHECK(operative_addressee("\xD0\xBF\xD1\x80\xD0\xBE\xD1\x81\xD0\xB8\xD1\x82", " ...", "ru").empty());  // no grammar yet
}

TEST_CASE("what a publisher sets in italics is a verb only when it reads as one") {
  CHECK(operative_verb_like("Calls upon", "en"));
  CHECK(operative_verb_like("Also strongly encourages", "en"));
  CHECK(operative_verb_like("\xD0\xBF\xD1\x80\xD0\xBE\xD1\x81\xD0\xB8\xD1\x82", "ru"));  // Russian: lower case
  CHECK_FALSE(operative_verb_like("Recalling", "en"));                                 // preambular
  CHECK_FALSE(operative_verb_like("Rappelant", "fr"));
  CHECK_FALSE(operative_verb_like("Recordando", "es"));
  CHECK_FALSE(operative_verb_like("Seventy-fifth Session, Supplement No. 48", "en"));
  CHECK_FALSE(operative_verb_like("a", "en"));
  CHECK_FALSE(operative_verb_like("", "en"));
}

TEST_CASE("without markup the verb is read from the paragraph's first words") {
  auto c = operative_clause("Also requests the Secretary-General to report on the implementation", "en");
  REQUIRE(c);
  CHECK(c->verb == "Also requests");
  CHECK(c->addressee == "Secretary-General");
  c = operative_clause("Calls upon States to ratify the Convention;", "en");
  REQUIRE(c);
  CHECK(c->verb == "Calls upon");
  CHECK(c->addressee == "States");
  c = operative_clause("Takes note of the report of the Secretary-General;", "en");
  REQUIRE(c);
  CHECK(c->verb == "Takes note");
  CHECK(c->addressee.empty());
  c = operative_clause("Prie \xC3\xA9galement le Secr\xC3\xA9taire g\xC3\xA9n\xC3\xA9ral de lui pr\xC3\xA9senter", "fr");
  REQUIRE(c);
  CHECK(c->verb == "Prie \xC3\xA9galement");
  CHECK(c->addressee == "Secretary-General");
  CHECK_FALSE(operative_clause("Governments should protect migrants.", "en"));
  CHECK_FALSE(operative_clause("Notes: see annex", "en"));  // a heading, not a verb
  CHECK_FALSE(operative_clause("the report notes that", "en"));
}

TEST_CASE("actors keep the names the UN uses, in English") {
  CHECK(canonical_actor("the United Nations Secretary General") == "Secretary-General");
  CHECK(canonical_actor("all Member States") == "Member States");
  CHECK(canonical_actor("les \xC3\x89tats Membres") == "Member States");
  CHECK(canonical_actor("the Office of the United Nations High Commissioner for Refugees") == "UNHCR");
  CHECK(canonical_actor("the Human Rights Council") == "Human Rights Council");
  CHECK(canonical_actor("civil society") == "civil society");
}

TEST_CASE("a recommendation written as a statement names its actor before the modal") {
  CHECK(subject_addressee("Governments should consider circular or temporary migration schemes.", "en") == "Governments");
  CHECK(subject_addressee("The GFMD can help adjustment to changes in family structures.", "en") == "GFMD");
  CHECK(subject_addressee("Policy makers should take the family into account.", "en") == "Policy makers");
  CHECK(subject_addressee("To address the issue of missing migrants, governments can establish channels.", "en") ==
        "Governments");
  CHECK(subject_addressee("Interested governments, with the assistance of international organizations and external "
                          "experts, should:",
                          "en") == "Governments");
  CHECK(subject_addressee("Member States are encouraged to ratify the Convention.", "en") == "Member States");
  CHECK(subject_addressee("In sum, it is recommended that the GFMD should review its working methods.", "en") == "GFMD");
  CHECK(subject_addressee("Les gouvernements devraient ratifier la Convention.", "fr") == "Governments");
}

TEST_CASE("subjects that are no actor, and imperatives, name nobody") {
  CHECK(subject_addressee("Effective data collection at the regional level should be pursued.", "en").empty());
  CHECK(subject_addressee("The creation of RCPs should be at the initiative of interested governments.", "en").empty());
  CHECK(subject_addressee("Establish a clearing house that would include information on indicators.", "en").empty());
  CHECK(subject_addressee("Adopt policies that are predictable, so that employers can plan.", "en").empty());
  CHECK(subject_addressee("While it may be premature to institutionalize the linkages, X is a model.", "en").empty());
  CHECK(subject_addressee("Communication and awareness campaigns must be conducted.", "en").empty());
  CHECK(subject_addressee("Adopt concrete measures to prevent violations.", "en").empty());
  CHECK(subject_addressee("Training is an issue that States are facing.", "en").empty());
}

TEST_CASE("imperatives take the actor most of a document's recommendations name, or its forum's members") {
  dossier::Document d;
  d.blocks.push_back({"D #1", "", dossier::BlockKind::text, -1, "", "A state-led process of dialogue.", {}, {}, "", {}});
  d.recommendations.push_back({"D #2", "policy_option", "", "Adopt concrete measures.", {}});
  d.recommendations.push_back({"D #3", "operative_paragraph", "", "Decides to remain seized of the matter.", {}});
  d.recommendations.push_back({"D #4", "recommendation", "Slovenia", "Ratify the Convention (France);", {"France"}});
  CHECK(infer_implied_addressees(d) == 1);
  CHECK(d.recommendations[0].addressee == "Governments");
  CHECK(d.recommendations[1].addressee.empty());  // a resolution's "Decides" asks nobody
  CHECK(d.diagnostics.back().code == "recommendations.addressee_inferred");

  dossier::Document named;
  named.recommendations.push_back({"D #1", "recommendation", "States", "States should act.", {}});
  named.recommendations.push_back({"D #2", "recommendation", "States", "States should also act.", {}});
  named.recommendations.push_back({"D #3", "recommendation", "GFMD", "The GFMD could act.", {}});
  named.recommendations.push_back({"D #4", "recommendation", "", "Act.", {}});
  CHECK(infer_implied_addressees(named) == 1);
  CHECK(named.recommendations[3].addressee == "States");

  dossier::Document silent;  // no actor named, no forum described: nothing is guessed
  silent.recommendations.push_back({"D #1", "recommendation", "", "Act.", {}});
  CHECK(infer_implied_addressees(silent) == 0);
  CHECK(silent.recommendations[0].addressee.empty());
}
