#include "operative.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <vector>

#include <dossier/model.hpp>
#include <dossier/domain/references.hpp>
#include <dossier/domain/white_space.hpp>

#include "text_util.hpp"

namespace dossier::readers {

namespace {

std::vector<std::string_view> words_of(std::string_view s) {
  std::vector<std::string_view> words;
  for (std::size_t i = 0; i < s.size();) {
    while (i < s.size() && is_ascii_space(s[i])) ++i;
    const std::size_t start = i;
    while (i < s.size() && !is_ascii_space(s[i])) ++i;
    if (i > start) words.push_back(s.substr(start, i - start));
  }
  return words;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

template <std::size_t N>
bool one_of(std::string_view w, const std::string_view (&list)[N]) {
  return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

// A word without the punctuation that clings to it: "States," -> "States".
std::string_view bare(std::string_view w) {
  while (!w.empty() && std::string_view(",;:.()").find(w.back()) != std::string_view::npos) w.remove_suffix(1);
  while (!w.empty() && w.front() == '(') w.remove_prefix(1);
  return w;
}

// The grammar of one language that the addressee depends on.
struct Grammar {
  std::vector<std::string_view> asking;      ///< stems of verbs that ask someone to act
  std::vector<std::string_view> adverbs;     ///< words between the verb and whom it asks
  std::vector<std::string_view> particles;   ///< "upon", "aux": the verb's own words before its object
  std::vector<std::string_view> ends;        ///< words after which the action follows: "to", "que"
  std::vector<std::string_view> leading;     ///< articles and quantifiers dropped from the name
  std::vector<std::string_view> connectors;  ///< lower-case words a name may hold: "of", "and", "relevant"
  std::vector<std::string_view> actors;      ///< lower-case nouns that name actors: "governments"
  std::vector<std::string_view> participle_endings;  ///< preambular forms: "ing", "ant"
  std::vector<std::string_view> infinitive_endings;  ///< "er", "ir": a "de"/"a" before them ends the name
};

const Grammar* grammar_for(std::string_view language) {
  static const Grammar en{
      {"request", "call", "urge", "encourag", "invit", "appeal", "exhort", "authoriz", "authoris", "direct",
       "instruct", "remind", "ask", "requir", "entrust", "recommend", "demand", "mandat", "implor"},
      {"also", "further", "strongly", "urgently", "once", "again", "firmly", "earnestly", "respectfully", "therefore",
       "moreover", "in", "this", "regard", "its", "call", "appeal", "request", "invitation", "renewed", "repeated"},
      {"upon", "on", "to", "that"},
      {"to", "that"},
      {"the", "all"},
      {"of", "and", "or", "the", "for", "on", "relevant", "other", "all", "international", "regional",
       "subregional", "national", "local", "non-governmental", "intergovernmental", "civil", "private", "concerned",
       "interested", "competent", "specialized", "appropriate", "its", "their", "respective", "development",
       "financial", "humanitarian", "multilateral", "donor", "member", "host", "affected", "developing", "developed",
       "united", "nations", "as", "well", "including", "organizations", "agencies", "entities", "bodies", "funds",
       "programmes", "and/or"},
      {"governments", "states", "parties", "stakeholders", "organizations", "organisations", "agencies", "entities",
       "institutions", "donors", "partners", "community", "communities", "society", "bodies", "members", "countries",
       "sector", "authorities", "funds", "programmes", "mechanisms", "system", "actors", "parliaments", "banks",
       "media", "businesses", "employers", "unions", "officials", "leaders", "procedures", "commissions",
       "committees", "offices", "secretariat", "groups", "associations", "companies", "enterprises", "providers",
       "individuals", "people", "persons", "professionals", "personnel", "forces", "missions", "representatives",
       "coordinators", "teams", "families", "holders", "administrations", "regime", "government", "powers"},
      {"ing"},
      {}};
  static const Grammar fr{
      {"prie", "demande", "engage", "exhorte", "invite", "encourage", "recommande", "charge", "autorise",
       "enjoint", "incite", "exige", "lance", "réitère", "renouvelle"},
      {"également", "aussi", "en", "outre", "instamment", "vivement", "de", "nouveau", "à", "une", "fois", "encore",
       "nouvelle", "fermement", "résolument", "par", "ailleurs", "donc", "tout", "particulièrement", "un", "appel",
       "sa", "son", "demande", "invitation", "pressant", "solennel"},
      {"aux", "au", "à", "que", "qu'", "qu’"},
      {"de", "d'", "d’", "à", "que", "qu'", "qu’", "pour"},
      {"le", "la", "les", "l'", "l’", "aux", "au", "à", "tous", "toutes"},
      {"de", "des", "du", "la", "le", "les", "l'", "l’", "et", "ou", "pour", "sur", "aux", "au", "à", "en",
       "concernés", "intéressés", "compétents", "internationales", "internationaux", "internationale", "régionales",
       "régionaux", "nationales", "nationaux", "non", "gouvernementales", "intergouvernementales", "civile",
       "privé", "autres", "tous", "toutes", "organisations", "organismes", "entités", "institutions", "donateurs",
       "pertinents", "pertinentes", "humanitaires", "financières", "multilatérales", "ainsi", "que", "y", "compris"},
      {"gouvernements", "parties", "organisations", "organismes", "entités", "institutions", "donateurs", "partenaires",
       "communauté", "société", "acteurs", "parlements", "pays", "membres", "autorités", "secteur", "mécanismes",
       "système", "fonds", "programmes", "procédures", "commissions", "comités", "bureaux", "secrétariat",
       "intervenants", "parties prenantes", "banques", "employeurs", "syndicats", "dirigeants", "associations"},
      {"ant"},
      {"er", "ir", "re", "oir"}};
  static const Grammar es{
      {"solicita", "pide", "exhorta", "alienta", "invita", "insta", "encarga", "autoriza", "recomienda", "exige",
       "hace", "reitera", "renueva", "encomienda"},
      {"también", "además", "encarecidamente", "una", "vez", "más", "nuevamente", "firmemente", "asimismo",
       "enérgicamente", "un", "llamamiento", "su", "solicitud", "invitación", "exhortación"},
      {"a", "al", "que"},
      {"a", "que", "para", "de"},
      {"a", "al", "el", "la", "los", "las", "todos", "todas"},
      {"de", "del", "la", "el", "los", "las", "y", "o", "para", "sobre", "en", "a", "al", "pertinentes",
       "interesados", "competentes", "internacionales", "internacional", "regionales", "nacionales", "no",
       "gubernamentales", "intergubernamentales", "civil", "privado", "otros", "otras", "todos", "todas",
       "organizaciones", "organismos", "entidades", "instituciones", "donantes", "humanitarias", "financieras",
       "multilaterales", "así", "como", "incluidos", "incluidas", "unidas", "naciones"},
      {"gobiernos", "partes", "organizaciones", "organismos", "entidades", "instituciones", "donantes", "asociados",
       "comunidad", "sociedad", "agentes", "actores", "parlamentos", "países", "miembros", "autoridades", "sector",
       "mecanismos", "sistema", "fondos", "programas", "procedimientos", "comisiones", "comités", "oficinas",
       "secretaría", "interesados", "bancos", "empleadores", "sindicatos", "dirigentes", "asociaciones"},
      {"ando", "iendo", "endo"},
      {"ar", "er", "ir"}};
  const std::string primary(language.substr(0, 2));
  if (primary == "en" || primary.empty()) return &en;
  if (primary == "fr") return &fr;
  if (primary == "es") return &es;
  return nullptr;
}

bool listed(std::string_view w, const std::vector<std::string_view>& list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

// Lower-case form for comparing words: ASCII letters and the capitals of Latin-1 (É).
std::string lower(std::string_view w) {
  std::string out = ascii_lower(w);
  for (std::size_t i = 0; i + 1 < out.size(); ++i)
    if (static_cast<unsigned char>(out[i]) == 0xC3 && static_cast<unsigned char>(out[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(out[i + 1]) <= 0x9E && static_cast<unsigned char>(out[i + 1]) != 0x97)
      out[i + 1] = static_cast<char>(static_cast<unsigned char>(out[i + 1]) + 0x20);
  return out;
}

bool asks(const Grammar& g, std::string_view word) {
  const std::string w = lower(bare(word));
  return std::any_of(g.asking.begin(), g.asking.end(), [&](std::string_view stem) { return starts_with(w, stem); });
}

// Whether `w` (lower case) reads as an infinitive after "de" / "a": "présenter", "examiner".
bool infinitive(const Grammar& g, std::string_view w) {
  if (w.size() < 4) return listed(w, {"lui", "leur", "se", "s'", "s’", "y", "en", "ne"});
  return std::any_of(g.infinitive_endings.begin(), g.infinitive_endings.end(),
                     [&](std::string_view e) { return ends_with(w, e); });
}

std::string join(const std::vector<std::string_view>& words, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) {
    if (!out.empty()) out += ' ';
    out += words[i];
  }
  return out;
}

}  // namespace

bool operative_verb_like(std::string_view verb, std::string_view language) {
  const std::vector<std::string_view> words = words_of(verb);
  if (words.empty() || words.size() > 6) return false;
  if (std::any_of(verb.begin(), verb.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
  // Capitalised in the scripts that have capitals; Arabic, Cyrillic lower case (Russian
  // prints "просит" in lower case) and Chinese are taken as they come.
  const auto first = static_cast<unsigned char>(verb[0]);
  if (first < 0x80 && !std::isupper(first)) return false;
  if (words[0].size() < 3) return false;  // "a", "b": list markers set in italics
  if (const Grammar* g = grammar_for(language)) {
    const std::string head = lower(bare(words[0]));
    for (const std::string_view ending : g->participle_endings)
      if (ends_with(head, ending)) return false;
  }
  return true;
}

std::string canonical_actor(std::string name) {
  name = trim(name);
  while (!name.empty() && std::string_view(",;:.").find(name.back()) != std::string_view::npos) name.pop_back();
  // Articles and "all": "all Member States" and "Member States" are one addressee.
  for (bool again = true; again;) {
    again = false;
    for (const std::string_view lead : {"the ", "The ", "all ", "All ", "le ", "la ", "les ", "l'", "l’", "aux ",
                                        "au ", "à ", "tous les ", "toutes les ", "a ", "al ", "el ", "los ", "las ",
                                        "todos los ", "todas las ", "Le ", "La ", "Les ", "L'", "L\xE2\x80\x99",
                                        "Tous les ", "El ", "Los ", "Las ", "Todos los "}) {
      if (starts_with(name, lead) && name.size() > lead.size()) {
        name.erase(0, lead.size());
        again = true;
      }
    }
  }
  struct Alias {
    std::string_view printed, canonical;
  };
  static constexpr Alias aliases[] = {
      {"Secretary General", "Secretary-General"},
      {"United Nations Secretary-General", "Secretary-General"},
      {"Secrétaire général", "Secretary-General"},
      {"Secrétaire général de l'Organisation des Nations Unies", "Secretary-General"},
      {"Secretario General", "Secretary-General"},
      {"États Membres", "Member States"},
      {"Etats Membres", "Member States"},
      {"Estados Miembros", "Member States"},
      {"États", "States"},
      {"Estados", "States"},
      {"gouvernements", "Governments"},
      {"Gouvernements", "Governments"},
      {"gobiernos", "Governments"},
      {"Gobiernos", "Governments"},
      {"communauté internationale", "international community"},
      {"comunidad internacional", "international community"},
      {"HRC", "Human Rights Council"},
      {"Conseil des droits de l'homme", "Human Rights Council"},
      {"governments", "Governments"},
      {"states", "States"},
      {"policymakers", "policy makers"},
  };
  for (const Alias& a : aliases)
    if (name == a.printed) return std::string(a.canonical);
  // One organisation the tables know, named whole: its acronym. The UN's principal organs
  // and officers keep their names, which everyone reads.
  const std::vector<Reference> refs = find_references(name, {});
  if (refs.size() == 1 && refs[0].type == dossier::reference_type::organisation && refs[0].text.size() + 2 >= name.size()) {
    const std::string& id = refs[0].id;
    if (id == "UNSG") return "Secretary-General";
    if (id == "HRC") return "Human Rights Council";
    if (id == "UNGA") return "General Assembly";
    if (id == "UNSC") return "Security Council";
    if (id == "ECOSOC") return "Economic and Social Council";
    // Special rapporteurs and representatives are people: their title reads better.
    if (id.rfind("SR", 0) == 0) return name;
    return id;
  }
  return name;
}

std::string operative_addressee(std::string_view verb, std::string_view rest, std::string_view language) {
  const Grammar* g = grammar_for(language);
  if (!g) return {};
  const std::vector<std::string_view> verb_words = words_of(verb);
  const std::vector<std::string_view> words = words_of(rest);
  // The verb asks someone to act ("Requests"), or its object does ("Reiterates its call upon").
  bool asking = std::any_of(verb_words.begin(), verb_words.end(), [&](std::string_view w) { return asks(*g, w); });
  std::size_t i = 0;
  const bool english = g == grammar_for("en");
  // "Calls for" asks for something, not someone.
  if (english && !verb_words.empty() && lower(bare(verb_words.back())) == "for") return {};
  for (; i < words.size() && i < 6; ++i) {
    const std::string w = lower(bare(words[i]));
    if (listed(w, g->adverbs)) {
      if (!asking && asks(*g, w)) asking = true;
      continue;
    }
    if (!asking && asks(*g, w) && i < 3) {
      asking = true;
      continue;
    }
    break;
  }
  if (!asking || i >= words.size()) return {};
  if (english && lower(words[i]) == "for") return {};
  bool that_clause = false;
  while (i < words.size() && listed(lower(words[i]), g->particles)) {
    const std::string p = lower(words[i]);
    that_clause = that_clause || p == "that" || p == "que" || p == "qu'" || p == "qu’";
    // French "aux"/"au", Spanish "a"/"al" are the article of the name that follows: kept
    // for canonical_actor to drop.
    if (p == "aux" || p == "au" || p == "al" || (p == "a" && !english) || p == "à") break;
    ++i;
  }
  const std::size_t start = i;
  std::size_t end = start;
  const std::size_t limit = std::min(words.size(), start + 25);
  for (; end < limit; ++end) {
    const std::string_view raw = words[end];
    const std::string w = lower(raw);
    const std::string b = lower(bare(raw));
    if (end > start && listed(b, g->ends)) {
      if (english || b == "que" || b == "qu'" || b == "qu’") break;
      // "de présenter", "a que", "à continuer": the name ends; "droits de l'homme" goes on.
      if (end + 1 < words.size() && (b == "a" && lower(bare(words[end + 1])) == "que")) break;
      if (end + 1 < words.size() && infinitive(*g, lower(bare(words[end + 1])))) break;
    }
    // "d'examiner", "d’élaborer": elided "de" before the infinitive.
    if (end > start && (starts_with(w, "d'") || starts_with(w, "d\xE2\x80\x99")) &&
        infinitive(*g, w.substr(w[1] == '\'' ? 2 : 4)))
      break;
    if (that_clause && end > start && !starts_upper(raw) && !listed(b, g->connectors) && !listed(b, g->actors)) break;
    if (raw.back() == ';' || raw.back() == ':') {
      ++end;
      break;
    }
    if (raw.back() == ',') {
      // "Governments, in cooperation with ...": the name ends unless the list goes on
      // with another actor ("States, international organizations and ...").
      if (end + 1 >= words.size()) break;
      const std::string next = lower(bare(words[end + 1]));
      if (!starts_upper(words[end + 1]) && !listed(next, g->connectors) && !listed(next, g->actors)) {
        ++end;
        break;
      }
    }
  }
  if (end == limit && limit < words.size()) return {};  // no end in sight: not a name
  std::string name = join(words, start, end);
  while (!name.empty() && std::string_view(",;:. ").find(name.back()) != std::string_view::npos) name.pop_back();
  if (name.empty()) return {};
  // An actor is named: a capitalised name ("Member States", "IOM") or an actor noun.
  const std::vector<std::string_view> name_words = words_of(name);
  bool actor = false;
  for (const std::string_view w : name_words) {
    const std::string lw = lower(bare(w));
    if (listed(lw, g->leading)) continue;
    if (starts_upper(w) || listed(lw, g->actors)) actor = true;
  }
  if (!actor) return {};
  return canonical_actor(name);
}

std::string subject_addressee(std::string_view text, std::string_view language) {
  static constexpr std::string_view en_modals[] = {"should", "could", "must", "may", "can", "shall", "will", "need",
                                                   "needs", "are", "is", "might", "would"};
  static constexpr std::string_view fr_modals[] = {"devraient", "doivent", "devrait", "doit", "pourraient",
                                                   "peuvent", "pourrait", "sont", "est"};
  static constexpr std::string_view es_modals[] = {"deberían", "deben", "debería", "debe", "podrían", "pueden",
                                                   "podría", "son", "es"};
  // Who else writes recommendations for whom: people and fora, beyond the UN's actors.
  static constexpr std::string_view more_actors[] = {"policymakers", "makers", "gfmd", "forum", "participants",
                                                     "delegates", "diaspora", "diasporas", "migrants", "cities",
                                                     "municipalities", "ministries", "employers", "recruiters",
                                                     "gouvernements", "états", "gobiernos", "estados"};
  const Grammar* g = grammar_for(language);
  if (!g) return {};
  const std::string primary(language.substr(0, 2));
  // The first sentence, or what introduces a list (up to its colon).
  std::size_t end = text.size();
  for (std::size_t i = 0; i + 1 < text.size(); ++i)
    if ((text[i] == '.' && text[i + 1] == ' ') || text[i] == ';') {
      end = i;
      break;
    }
  const std::vector<std::string_view> words = words_of(text.substr(0, std::min<std::size_t>(end, 600)));
  for (std::size_t m = 1; m < words.size() && m < 40; ++m) {
    const std::string w = lower(bare(words[m]));
    const bool modal = (primary == "fr")   ? one_of(w, fr_modals)
                       : (primary == "es") ? one_of(w, es_modals)
                                           : one_of(w, en_modals);
    if (!modal) continue;
    // "are"/"is" only as "are encouraged/invited/urged/called upon to", "need" as "need to".
    const std::string next = m + 1 < words.size() ? lower(bare(words[m + 1])) : std::string();
    if ((w == "are" || w == "is" || w == "sont" || w == "est" || w == "son" || w == "es") &&
        !listed(next, {"encouraged", "invited", "urged", "called", "requested", "invités", "encouragés", "invitados",
                       "alentados"}))
      continue;
    if ((w == "need" || w == "needs") && next != "to") continue;
    // The subject: from the last comma before the modal (a clause before it is no subject:
    // "To address ..., governments can") or the sentence's start.
    std::size_t from = 0;
    for (std::size_t k = m; k-- > 0;)
      if (words[k].back() == ',') {
        from = k + 1;
        break;
      }
    std::vector<std::string_view> subject(words.begin() + static_cast<std::ptrdiff_t>(from),
                                          words.begin() + static_cast<std::ptrdiff_t>(m));
    // Unless that is a phrase set off by commas: "Interested governments, with the
    // assistance of ..., should" has its subject before the first comma.
    if (subject.empty() || listed(lower(subject.front()), {"with", "in", "as", "including", "through", "together",
                                                            "where", "when", "if", "avec", "en", "con"})) {
      std::size_t stop = 0;
      while (stop < from && words[stop].back() != ',') ++stop;
      subject.assign(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(std::min(stop + 1, from)));
    }
    // "it is recommended that the GFMD should": the subject follows "that".
    for (std::size_t k = 0; k + 1 < subject.size(); ++k)
      if (lower(subject[k]) == "that" && k > 0 && starts_with(lower(subject[k - 1]), "recommend"))
        subject.erase(subject.begin(), subject.begin() + static_cast<std::ptrdiff_t>(k + 1));
    if (subject.empty() || subject.size() > 10) return {};
    // A relative or subordinate clause ("a clearing house that would", "so that employers
    // can", "While it may") is no recommendation's subject.
    const std::string first = lower(subject.front()), last = lower(bare(subject.back()));
    if (listed(last, {"that", "which", "who", "whom", "qui", "que", "cual"}) ||
        listed(first, {"but", "and", "or", "so", "which", "who", "that", "while", "because", "although", "if", "when",
                       "where", "as", "it", "this", "these", "they", "we", "there", "mais", "et", "ou", "si", "pero", "y"}))
      return {};
    for (const std::string_view w : subject)
      if (listed(lower(w), {"that", "so", "which"})) return {};
    // An actor: an organisation the tables know, or a head noun that names actors
    // ("Origin and destination countries", "Policy makers", "Each RCP and IRF"), not a
    // thing done ("The creation of RCPs").
    std::string name = join(subject, 0, subject.size());
    bool actor = false;
    for (const Reference& r : find_references(name, {}))
      if (r.type == dossier::reference_type::organisation && r.text.size() * 2 >= name.size()) actor = true;
    std::size_t head_end = subject.size();
    for (std::size_t k = 1; k < subject.size(); ++k)
      if (listed(lower(subject[k]), {"of", "on", "for", "in", "at", "de", "du", "des", "del"})) {
        head_end = k;
        break;
      }
    const std::string_view head = bare(subject[head_end - 1]);
    const std::string lh = lower(head);
    const bool acronym = head.size() >= 2 && std::all_of(head.begin(), head.end(), [](char c) {
      return (c >= 'A' && c <= 'Z') || c == 's' || c == '-';
    }) && head.front() >= 'A' && head.front() <= 'Z';
    if (listed(lh, g->actors) || one_of(lh, more_actors) || lh == "states" || lh == "governments" || acronym)
      actor = true;
    if (!actor) return {};
    while (!name.empty() && std::string_view(",;: ").find(name.back()) != std::string_view::npos) name.pop_back();
    // "Interested governments", "All participating States": whoever of them wishes.
    for (const std::string_view lead : {"Interested ", "interested ", "Participating ", "participating ", "Concerned ",
                                        "concerned "})
      if (starts_with(name, lead)) name.erase(0, lead.size());
    return canonical_actor(name);
  }
  return {};
}

std::optional<OperativeClause> operative_clause(std::string_view text, std::string_view language) {
  // The verbs UN resolutions use to open operative paragraphs, in their printed form.
  static constexpr std::string_view en_verbs[] = {
      "accepts", "acknowledges", "adopts", "affirms", "agrees", "appeals", "appreciates", "approves", "authorizes",
      "calls", "commends", "concurs", "condemns", "confirms", "considers", "decides", "declares", "deplores",
      "demands", "designates", "determines", "directs", "emphasizes", "encourages", "endorses", "expresses",
      "highlights", "instructs", "invites", "looks", "notes", "proclaims", "reaffirms", "recalls", "recognizes",
      "recommends", "regrets", "reiterates", "reminds", "renews", "requests", "resolves", "stresses", "supports",
      "takes", "underlines", "underscores", "urges", "welcomes", "exhorts", "re-emphasizes", "recommits", "remains",
      "continues", "pays", "congratulates", "rejects", "commits", "appropriates", "entrusts", "mandates", "requires"};
  static constexpr std::string_view fr_verbs[] = {
      "prie", "demande", "souligne", "prend", "encourage", "se", "réaffirme", "invite", "décide", "engage",
      "rappelle", "note", "exhorte", "constate", "considère", "salue", "est", "condamne", "accueille", "estime",
      "sait", "remercie", "exprime", "insiste", "félicite", "recommande", "affirme", "souscrit", "approuve",
      "apprécie", "reconnaît", "exige", "déplore", "préconise", "appelle", "attend", "souhaite", "appuie", "réitère",
      "autorise", "s'inquiète", "s\xE2\x80\x99" "inquiète", "s'engage", "s\xE2\x80\x99" "engage", "redit", "rend", "convient",
      "lance", "renouvelle", "soutient", "adopte", "confirme", "proclame", "demeure"};
  static constexpr std::string_view es_verbs[] = {
      "alienta", "solicita", "exhorta", "reconoce", "acoge", "observa", "reafirma", "decide", "insta", "recuerda",
      "toma", "invita", "destaca", "pone", "expresa", "reitera", "hace", "subraya", "pide", "condena", "encomia",
      "recomienda", "afirma", "recalca", "aprueba", "exige", "apoya", "deplora", "aguarda", "tiene", "resalta",
      "aprecia", "considera", "renueva", "autoriza", "resuelve", "sigue", "señala", "declara", "conviene"};
  const std::string primary(language.substr(0, 2));
  const std::vector<std::string_view> words = words_of(text.substr(0, 400));
  if (words.empty() || !starts_upper(words[0])) return std::nullopt;
  const Grammar* g = grammar_for(language);
  if (!g) return std::nullopt;
  // English puts its adverbs first ("Also strongly urges"); French and Spanish after the verb.
  std::size_t i = 0;
  if (primary == "en" || primary.empty())
    while (i < words.size() && i < 3 && listed(lower(words[i]), {"also", "further", "strongly", "once", "again",
                                                                 "urgently", "firmly", "earnestly"}))
      ++i;
  if (i >= words.size()) return std::nullopt;
  const std::string head = lower(bare(words[i]));
  const bool known = (primary == "en" || primary.empty()) ? one_of(head, en_verbs)
                     : primary == "fr"                    ? one_of(head, fr_verbs)
                     : primary == "es"                    ? one_of(head, es_verbs)
                                                          : false;
  if (!known || bare(words[i]) != words[i]) return std::nullopt;  // "Notes:" is a heading
  std::size_t end = i + 1;
  // The verb's own particles and the adverbs that follow it: "Calls upon", "Takes note",
  // "Prie également", "Alienta además", "Se félicite", "Acoge con beneplácito".
  static constexpr std::string_view tails[] = {
      "upon", "on", "note", "forward", "with", "appreciation", "satisfaction", "concern", "its", "également",
      "aussi", "instamment", "vivement", "en", "outre", "félicite", "déclare", "con", "beneplácito", "también",
      "además", "nota", "acte", "conscient", "consciente", "attention"};
  while (end < words.size() && end < i + 4 && one_of(lower(bare(words[end])), tails) && bare(words[end]) == words[end])
    ++end;
  OperativeClause clause;
  clause.verb = join(words, 0, end);
  std::size_t offset = 0;
  for (std::size_t k = 0; k < end; ++k) offset = static_cast<std::size_t>(words[k].data() - text.data()) + words[k].size();
  clause.addressee = operative_addressee(clause.verb, text.substr(offset), language);
  return clause;
}

std::string text_with_points(const Document& doc, std::size_t index) {
  std::string text = doc.blocks[index].text;
  for (std::size_t i = index + 1; i < doc.blocks.size() && doc.blocks[i].kind == BlockKind::list_item; ++i)
    text += " " + (doc.blocks[i].marker.empty() ? "" : doc.blocks[i].marker + " ") + doc.blocks[i].text;
  return text;
}

std::size_t add_operative_paragraphs(Document& doc) {
  std::set<std::string> taken;
  for (const Recommendation& r : doc.recommendations) taken.insert(r.address);
  std::size_t paragraphs = 0;
  std::vector<std::pair<std::size_t, OperativeClause>> found;
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    const Block& b = doc.blocks[i];
    // Top-level numbered paragraphs of the body: "4" but not a UPR list's "120.4", nor an
    // annex's "annex ¶4" (a declaration's "We commit" is no operative paragraph).
    if (b.kind != BlockKind::numbered_paragraph || b.number.find('.') != std::string::npos || taken.count(b.address) ||
        b.address != paragraph_address(doc.id, b.number))
      continue;
    ++paragraphs;
    if (auto clause = operative_clause(b.text, doc.language)) found.emplace_back(i, std::move(*clause));
  }
  // The evidence is the document's: one paragraph that opens with "Notes" is no resolution.
  if (found.size() < 3 || found.size() * 5 < paragraphs * 3) return 0;
  for (auto& [index, clause] : found) {
    const Block& b = doc.blocks[index];
    Recommendation r;
    r.address = b.address;
    r.kind = "operative_paragraph";
    r.text = text_with_points(doc, index);
    r.addressee = std::move(clause.addressee);
    r.verb = std::move(clause.verb);
    doc.recommendations.push_back(std::move(r));
  }
  // In reading order with whatever the document's lists of recommendations gave.
  std::map<std::string, std::size_t> order;
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) order.emplace(doc.blocks[i].address, i);
  std::stable_sort(doc.recommendations.begin(), doc.recommendations.end(),
                   [&](const Recommendation& a, const Recommendation& b) { return order[a.address] < order[b.address]; });
  return found.size();
}

std::size_t infer_implied_addressees(Document& doc) {
  std::map<std::string, std::size_t> named;
  std::size_t named_total = 0;
  std::vector<Recommendation*> implied;
  for (Recommendation& r : doc.recommendations) {
    if (r.kind == "operative_paragraph" || !r.recommended_by.empty() || !r.position.empty()) continue;
    if (r.addressee.empty()) {
      implied.push_back(&r);
    } else {
      ++named[r.addressee];
      ++named_total;
    }
  }
  if (implied.empty()) return 0;
  std::string actor, evidence;
  const auto most = std::max_element(named.begin(), named.end(),
                                     [](const auto& a, const auto& b) { return a.second < b.second; });
  if (most != named.end() && most->second >= 2 && most->second * 2 >= named_total) {
    actor = most->first;
    evidence = "as " + std::to_string(most->second) + " of the " + std::to_string(named_total) +
               " that name an actor";
  } else {
    // The forum's own description of itself, anywhere in the text.
    for (const Block& b : doc.blocks) {
      const std::string t = ascii_lower(b.text);
      for (const std::string_view led : {"state-led", "states-led", "government-led", "governments-led"})
        if (t.find(led) != std::string::npos) {
          actor = "Governments";
          evidence = "the document calls its forum " + std::string(led) + " (" + b.address + ")";
          break;
        }
      if (!actor.empty()) break;
    }
  }
  if (actor.empty()) return 0;
  for (Recommendation* r : implied) r->addressee = actor;
  doc.diagnostics.push_back({Diagnostic::Severity::info,
                             std::to_string(implied.size()) + " recommendations that name nobody (\"Adopt ...\") are "
                             "taken as addressed to " + actor + ": " + evidence,
                             {}, "recommendations.addressee_inferred", 0});
  return implied.size();
}

}  // namespace dossier::readers
