// The tables behind find_references()'s `treaty`, `organisation` and `country` references.
// Format and matching rules: see reference_tables.hpp. Longer names win over shorter ones at
// the same place, and a name that starts earlier wins over one inside it, so a row may list
// a name that contains another row's name ("Optional Protocol to the Convention against
// Torture" is not also the Convention against Torture).
#include "reference_tables.hpp"

#include <iterator>

namespace dossier {
DOSSIER_ABI_NAMESPACE_BEGIN
namespace detail {

namespace {

// Titles as the depositaries print them: OHCHR's list of the core international human
// rights instruments and their optional protocols, the UN Treaty Collection (UNTOC and its
// Palermo Protocols, the refugee and statelessness conventions), ILO NORMLEX (short titles of
// the ILO conventions most cited on migration; any ILO convention is also found by its
// number, see reference_forms.cpp), and the General Assembly resolutions that adopted or endorsed
// the compacts and agendas (73/195 GCM, 73/151 GCR, 71/1 New York Declaration, 70/1 2030
// Agenda, 69/313 Addis Ababa, 69/283 Sendai). Acronyms and short forms are the ones UN and
// GFMD documents use.
constexpr NameRow kTreaties[] = {
    {"ICRMW",
     "International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families|"
     "Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families|"
     "International Convention on the Protection of the Rights of All Migrant Workers|"
     "Convention on the Protection of the Rights of All Migrant Workers|"
     "International Convention on Migrant Workers|Migrant Workers Convention|ICRMW|ICMW|UN CMW|UNCMW"},
    {"ICCPR", "International Covenant on Civil and Political Rights|ICCPR"},
    {"ICESCR", "International Covenant on Economic, Social and Cultural Rights|ICESCR"},
    {"CERD",
     "International Convention on the Elimination of All Forms of Racial Discrimination|"
     "Convention on the Elimination of All Forms of Racial Discrimination|ICERD|CERD"},
    {"CEDAW", "Convention on the Elimination of All Forms of Discrimination against Women|CEDAW"},
    {"CAT",
     "Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment|"
     "Convention against Torture|UNCAT|~CAT"},
    {"CRC", "Convention on the Rights of the Child|UNCRC|CRC"},
    {"CRPD", "Convention on the Rights of Persons with Disabilities|CRPD|UNCRPD"},
    {"CPED",
     "International Convention for the Protection of All Persons from Enforced Disappearance|"
     "Convention for the Protection of All Persons from Enforced Disappearance|"
     "Convention on Enforced Disappearance|CPED|ICPPED"},
    {"OP-CAT",
     "Optional Protocol to the Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or "
     "Punishment|Optional Protocol to the Convention against Torture|OPCAT|OP-CAT"},
    {"OP-ICESCR", "Optional Protocol to the International Covenant on Economic, Social and Cultural Rights|OP-ICESCR"},
    {"OP1-ICCPR",
     "Optional Protocol to the International Covenant on Civil and Political Rights|"
     "First Optional Protocol to the International Covenant on Civil and Political Rights"},
    {"OP2-ICCPR", "Second Optional Protocol to the International Covenant on Civil and Political Rights"},
    {"OP-CEDAW",
     "Optional Protocol to the Convention on the Elimination of All Forms of Discrimination against Women|OP-CEDAW"},
    {"OP-CRC", "Optional Protocol to the Convention on the Rights of the Child"},
    {"OP-CRC-AC",
     "Optional Protocol to the Convention on the Rights of the Child on the involvement of children in armed "
     "conflict"},
    {"OP-CRC-SC",
     "Optional Protocol to the Convention on the Rights of the Child on the sale of children, child prostitution "
     "and child pornography"},
    {"OP-CRC-IC", "Optional Protocol to the Convention on the Rights of the Child on a communications procedure"},
    {"OP-CRPD", "Optional Protocol to the Convention on the Rights of Persons with Disabilities"},
    {"UDHR", "Universal Declaration of Human Rights|UDHR"},
    {"1951-refugee",
     "Convention relating to the Status of Refugees|1951 Convention relating to the Status of Refugees|"
     "1951 Refugee Convention|1951 Geneva Convention|1951 Convention|Refugee Convention"},
    {"1967-protocol",
     "Protocol relating to the Status of Refugees|1967 Protocol relating to the Status of Refugees|1967 Protocol"},
    {"1954-statelessness",
     "Convention relating to the Status of Stateless Persons|"
     "1954 Convention relating to the Status of Stateless Persons|1954 Statelessness Convention|1954 Convention"},
    {"1961-statelessness",
     "Convention on the Reduction of Statelessness|1961 Convention on the Reduction of Statelessness|"
     "1961 Statelessness Convention|1961 Convention"},
    {"UNTOC",
     "United Nations Convention against Transnational Organized Crime|"
     "United Nations Convention against Transnational Organised Crime|"
     "UN Convention against Transnational Organized Crime|UN Convention against Transnational Organised Crime|"
     "Convention against Transnational Organized Crime|Convention against Transnational Organised Crime|"
     "Palermo Convention|UNTOC"},
    // "Palermo Protocols" names both protocols: it is listed under each.
    {"palermo-trafficking",
     "Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children|"
     "Protocol to Prevent, Suppress and Punish Trafficking in Persons|Trafficking in Persons Protocol|"
     "Trafficking Protocol|Palermo Protocol|Palermo Protocols"},
    {"palermo-smuggling",
     "Protocol against the Smuggling of Migrants by Land, Sea and Air|Protocol against the Smuggling of Migrants|"
     "Smuggling of Migrants Protocol|Migrant Smuggling Protocol|Smuggling Protocol|Palermo Protocols"},
    {"ILO-C29", "Forced Labour Convention|Forced Labor Convention"},
    {"ILO-P29",
     "Protocol of 2014 to the Forced Labour Convention|Protocol to the Forced Labour Convention|"
     "Forced Labour Protocol"},
    {"ILO-C87", "Freedom of Association and Protection of the Right to Organise Convention"},
    {"ILO-C97", "Migration for Employment Convention"},
    {"ILO-C98", "Right to Organise and Collective Bargaining Convention"},
    {"ILO-C100", "Equal Remuneration Convention"},
    {"ILO-C105", "Abolition of Forced Labour Convention"},
    {"ILO-C111", "Discrimination (Employment and Occupation) Convention"},
    {"ILO-C118", "Equality of Treatment (Social Security) Convention"},
    {"ILO-C138", "Minimum Age Convention"},
    {"ILO-C143", "Migrant Workers (Supplementary Provisions) Convention"},
    {"ILO-C157", "Maintenance of Social Security Rights Convention"},
    {"ILO-C181", "Private Employment Agencies Convention"},
    {"ILO-C182", "Worst Forms of Child Labour Convention"},
    {"ILO-C189", "Domestic Workers Convention"},
    {"ILO-C190", "Violence and Harassment Convention"},
    {"GCM",
     "Global Compact for Safe, Orderly and Regular Migration|Global Compact on Safe, Orderly and Regular Migration|"
     "Global Compact for Migration|Global Compact on Migration|GCM"},
    {"GCR", "Global Compact on Refugees|Global Compact for Refugees|GCR"},
    {"NYD", "New York Declaration for Refugees and Migrants|New York Declaration|NYD"},
    {"2030-agenda",
     "Transforming our world: the 2030 Agenda for Sustainable Development|2030 Agenda for Sustainable Development|"
     "2030 Agenda|Agenda 2030"},
    {"AAAA", "Addis Ababa Action Agenda|AAAA"},
    {"sendai", "Sendai Framework for Disaster Risk Reduction|Sendai Framework"},
};

// Official names as the UN System Chief Executives Board and the bodies themselves print
// them, with the acronyms in common use; the id is the usual acronym.
constexpr NameRow kOrganisations[] = {
    {"IOM", "International Organization for Migration|International Organisation for Migration|IOM"},
    {"UNHCR",
     "Office of the United Nations High Commissioner for Refugees|United Nations High Commissioner for Refugees|"
     "UN High Commissioner for Refugees|High Commissioner for Refugees|UN Refugee Agency|UNHCR"},
    {"OHCHR",
     "Office of the United Nations High Commissioner for Human Rights|"
     "Office of the High Commissioner for Human Rights|United Nations High Commissioner for Human Rights|"
     "UN High Commissioner for Human Rights|High Commissioner for Human Rights|UN Human Rights Office|OHCHR"},
    {"ILO",
     "International Labour Organization|International Labour Organisation|International Labor Organization|"
     "International Labour Office|ILO"},
    {"UNDP", "United Nations Development Programme|UN Development Programme|United Nations Development Program|UNDP"},
    {"UNICEF", "United Nations Children's Fund|UN Children's Fund|UNICEF"},
    // UNIFEM was merged into UN-Women in 2010.
    {"UN-Women",
     "United Nations Entity for Gender Equality and the Empowerment of Women|UN-Women|"
     "United Nations Development Fund for Women|UNIFEM"},
    {"UNODC", "United Nations Office on Drugs and Crime|UN Office on Drugs and Crime|UNODC"},
    {"UNFPA", "United Nations Population Fund|UN Population Fund|UNFPA"},
    {"UNESCO", "United Nations Educational, Scientific and Cultural Organization|UNESCO"},
    {"WHO", "World Health Organization|World Health Organisation|~WHO"},
    {"WB", "World Bank Group|World Bank|International Bank for Reconstruction and Development|IBRD"},
    {"IFAD", "International Fund for Agricultural Development|IFAD"},
    {"OECD",
     "Organisation for Economic Co-operation and Development|Organization for Economic Co-operation and Development|"
     "Organisation for Economic Cooperation and Development|Organization for Economic Cooperation and Development|"
     "OECD"},
    {"GMG", "Global Migration Group|GMG"},
    {"GFMD", "Global Forum on Migration and Development|Global Forum on Migration & Development|GFMD"},
    {"EU", "European Union|EU"},
    {"AU", "African Union|AU"},
    {"ECOWAS", "Economic Community of West African States|ECOWAS"},
    {"ASEAN", "Association of Southeast Asian Nations|Association of South-East Asian Nations|ASEAN"},
    {"HRC", "United Nations Human Rights Council|UN Human Rights Council|Human Rights Council|HRC"},
    {"UNGA", "United Nations General Assembly|UN General Assembly|General Assembly|UNGA"},
    {"UNSG",
     "Secretary-General of the United Nations|United Nations Secretary-General|UN Secretary-General|"
     "Secretary-General|UNSG"},
    {"SRSG-migration",
     "Special Representative of the Secretary-General for International Migration|"
     "Special Representative of the Secretary-General on International Migration|"
     "Special Representative of the UN Secretary-General for International Migration|"
     "SRSG for International Migration|SRSG on International Migration|SRSG on Migration"},
    {"SR-migrants",
     "United Nations Special Rapporteur on the human rights of migrants|"
     "UN Special Rapporteur on the human rights of migrants|Special Rapporteur on the human rights of migrants"},
    {"CMW",
     "Committee on the Protection of the Rights of All Migrant Workers and Members of Their Families|"
     "Committee on Migrant Workers|CMW"},
    {"CESCR", "Committee on Economic, Social and Cultural Rights|CESCR"},
    {"UNSC", "United Nations Security Council|UN Security Council|Security Council|UNSC"},
    {"ECOSOC", "Economic and Social Council|ECOSOC"},
    {"UNCTAD", "United Nations Conference on Trade and Development|UNCTAD"},
    {"UNDESA",
     "United Nations Department of Economic and Social Affairs|UN Department of Economic and Social Affairs|"
     "Department of Economic and Social Affairs|UN DESA|UNDESA|DESA"},
    {"FAO", "Food and Agriculture Organization of the United Nations|Food and Agriculture Organization|FAO"},
    {"WFP", "World Food Programme|WFP"},
    {"UNRWA", "United Nations Relief and Works Agency for Palestine Refugees in the Near East|UNRWA"},
    {"UNAIDS", "Joint United Nations Programme on HIV/AIDS|UNAIDS"},
    {"UN-Habitat", "United Nations Human Settlements Programme|UN-Habitat"},
    {"UNEP", "United Nations Environment Programme|UNEP"},
    {"UNITAR", "United Nations Institute for Training and Research|UNITAR"},
    {"OSCE", "Organization for Security and Co-operation in Europe|OSCE"},
    {"CoE", "Council of Europe"},
    {"ICMPD", "International Centre for Migration Policy Development|ICMPD"},
    {"OAS", "Organization of American States|OAS"},
    {"SADC", "Southern African Development Community|SADC"},
    {"IGAD", "Intergovernmental Authority on Development|IGAD"},
};

// The 193 Member States of the United Nations and the two observer States, under ISO 3166-1
// alpha-3 codes: first the name the UN uses (UNTERM / the UN's list of Member States), then
// its common short and former names as they appear in reports ("Turkey", "Swaziland").
constexpr NameRow kCountries[] = {
    {"AFG", "Afghanistan"},
    {"ALB", "Albania"},
    {"DZA", "Algeria"},
    {"AND", "Andorra"},
    {"AGO", "Angola"},
    {"ATG", "Antigua and Barbuda"},
    {"ARG", "Argentina"},
    {"ARM", "Armenia"},
    {"AUS", "Australia"},
    {"AUT", "Austria"},
    {"AZE", "Azerbaijan"},
    {"BHS", "Bahamas"},
    {"BHR", "Bahrain"},
    {"BGD", "Bangladesh"},
    {"BRB", "Barbados"},
    {"BLR", "Belarus"},
    {"BEL", "Belgium"},
    {"BLZ", "Belize"},
    {"BEN", "Benin"},
    {"BTN", "Bhutan"},
    {"BOL", "Bolivia (Plurinational State of)|Plurinational State of Bolivia|Bolivia"},
    {"BIH", "Bosnia and Herzegovina|Bosnia & Herzegovina|Bosnia-Herzegovina|Bosnia"},
    {"BWA", "Botswana"},
    {"BRA", "Brazil"},
    {"BRN", "Brunei Darussalam|Brunei"},
    {"BGR", "Bulgaria"},
    {"BFA", "Burkina Faso"},
    {"BDI", "Burundi"},
    {"CPV", "Cabo Verde|Cape Verde"},
    {"KHM", "Cambodia"},
    {"CMR", "Cameroon"},
    {"CAN", "Canada"},
    {"CAF", "Central African Republic"},
    {"TCD", "~Chad"},
    {"CHL", "Chile"},
    {"CHN", "China|People's Republic of China"},
    {"COL", "Colombia"},
    {"COM", "Comoros"},
    {"COG", "Congo|Republic of the Congo|Republic of Congo|Congo-Brazzaville"},
    {"CRI", "Costa Rica"},
    {"CIV", "Côte d'Ivoire|Cote d'Ivoire|Ivory Coast"},
    {"HRV", "Croatia"},
    {"CUB", "Cuba"},
    {"CYP", "Cyprus"},
    {"CZE", "Czechia|Czech Republic"},
    {"PRK", "Democratic People's Republic of Korea|North Korea|DPRK"},
    {"COD", "Democratic Republic of the Congo|Democratic Republic of Congo|DR Congo|Congo-Kinshasa|DRC"},
    {"DNK", "Denmark"},
    {"DJI", "Djibouti"},
    {"DMA", "Dominica"},
    {"DOM", "Dominican Republic"},
    {"ECU", "Ecuador"},
    {"EGY", "Egypt"},
    {"SLV", "El Salvador"},
    {"GNQ", "Equatorial Guinea"},
    {"ERI", "Eritrea"},
    {"EST", "Estonia"},
    {"SWZ", "Eswatini|Kingdom of Eswatini|Swaziland"},
    {"ETH", "Ethiopia"},
    {"FJI", "Fiji"},
    {"FIN", "Finland"},
    {"FRA", "France"},
    {"GAB", "Gabon"},
    {"GMB", "Gambia"},
    {"GEO", "~Georgia"},
    {"DEU", "Germany"},
    {"GHA", "Ghana"},
    {"GRC", "Greece"},
    {"GRD", "Grenada"},
    {"GTM", "Guatemala"},
    {"GIN", "Guinea"},
    {"GNB", "Guinea-Bissau"},
    {"GUY", "Guyana"},
    {"HTI", "Haiti"},
    {"HND", "Honduras"},
    {"HUN", "Hungary"},
    {"ISL", "Iceland"},
    {"IND", "India"},
    {"IDN", "Indonesia"},
    {"IRN", "Iran (Islamic Republic of)|Islamic Republic of Iran|Iran"},
    {"IRQ", "Iraq"},
    {"IRL", "Ireland"},
    {"ISR", "Israel"},
    {"ITA", "Italy"},
    {"JAM", "Jamaica"},
    {"JPN", "Japan"},
    {"JOR", "~Jordan|Hashemite Kingdom of Jordan"},
    {"KAZ", "Kazakhstan"},
    {"KEN", "Kenya"},
    {"KIR", "Kiribati"},
    {"KWT", "Kuwait"},
    {"KGZ", "Kyrgyzstan|Kyrgyz Republic"},
    {"LAO", "Lao People's Democratic Republic|Lao PDR|Laos"},
    {"LVA", "Latvia"},
    {"LBN", "Lebanon"},
    {"LSO", "Lesotho"},
    {"LBR", "Liberia"},
    {"LBY", "Libya|Libyan Arab Jamahiriya"},
    {"LIE", "Liechtenstein"},
    {"LTU", "Lithuania"},
    {"LUX", "Luxembourg"},
    {"MDG", "Madagascar"},
    {"MWI", "Malawi"},
    {"MYS", "Malaysia"},
    {"MDV", "Maldives"},
    {"MLI", "Mali"},
    {"MLT", "Malta"},
    {"MHL", "Marshall Islands"},
    {"MRT", "Mauritania"},
    {"MUS", "Mauritius"},
    {"MEX", "Mexico"},
    {"FSM", "Micronesia (Federated States of)|Federated States of Micronesia|Micronesia"},
    {"MCO", "Monaco"},
    {"MNG", "Mongolia"},
    {"MNE", "Montenegro"},
    {"MAR", "Morocco"},
    {"MOZ", "Mozambique"},
    {"MMR", "Myanmar|Burma"},
    {"NAM", "Namibia"},
    {"NRU", "Nauru"},
    {"NPL", "Nepal"},
    {"NLD", "Netherlands|Kingdom of the Netherlands|Holland"},
    {"NZL", "New Zealand"},
    {"NIC", "Nicaragua"},
    {"NER", "Niger"},
    {"NGA", "Nigeria"},
    {"MKD", "North Macedonia|Republic of North Macedonia|Yugoslav Republic of Macedonia|Macedonia"},
    {"NOR", "Norway"},
    {"OMN", "Oman"},
    {"PAK", "Pakistan"},
    {"PLW", "Palau"},
    {"PAN", "Panama"},
    {"PNG", "Papua New Guinea"},
    {"PRY", "Paraguay"},
    {"PER", "Peru"},
    {"PHL", "Philippines"},
    {"POL", "Poland"},
    {"PRT", "Portugal"},
    {"QAT", "Qatar"},
    {"KOR", "Republic of Korea|South Korea"},
    {"MDA", "Republic of Moldova|Moldova"},
    {"ROU", "Romania"},
    {"RUS", "Russian Federation|Russia"},
    {"RWA", "Rwanda"},
    {"KNA", "Saint Kitts and Nevis|St. Kitts and Nevis|St Kitts and Nevis"},
    {"LCA", "Saint Lucia|St. Lucia|St Lucia"},
    {"VCT", "Saint Vincent and the Grenadines|St. Vincent and the Grenadines|St Vincent and the Grenadines"},
    {"WSM", "Samoa"},
    {"SMR", "San Marino"},
    {"STP", "Sao Tome and Principe|São Tomé and Príncipe"},
    {"SAU", "Saudi Arabia"},
    {"SEN", "Senegal"},
    {"SRB", "Serbia"},
    {"SYC", "Seychelles"},
    {"SLE", "Sierra Leone"},
    {"SGP", "Singapore"},
    {"SVK", "Slovakia|Slovak Republic"},
    {"SVN", "Slovenia"},
    {"SLB", "Solomon Islands"},
    {"SOM", "Somalia"},
    {"ZAF", "South Africa"},
    {"SSD", "South Sudan"},
    {"ESP", "Spain"},
    {"LKA", "Sri Lanka"},
    {"SDN", "Sudan"},
    {"SUR", "Suriname|Surinam"},
    {"SWE", "Sweden"},
    {"CHE", "Switzerland"},
    {"SYR", "Syrian Arab Republic|Syria"},
    {"TJK", "Tajikistan"},
    {"THA", "Thailand"},
    {"TLS", "Timor-Leste|East Timor"},
    {"TGO", "Togo"},
    {"TON", "Tonga"},
    {"TTO", "Trinidad and Tobago"},
    {"TUN", "Tunisia"},
    {"TUR", "Türkiye|Turkiye|Turkey"},
    {"TKM", "Turkmenistan"},
    {"TUV", "Tuvalu"},
    {"UGA", "Uganda"},
    {"UKR", "Ukraine"},
    {"ARE", "United Arab Emirates|UAE"},
    {"GBR", "United Kingdom of Great Britain and Northern Ireland|United Kingdom|Great Britain|Britain|UK|U.K."},
    {"TZA", "United Republic of Tanzania|Tanzania"},
    {"USA", "United States of America|United States|USA|U.S.A.|U.S.|~US"},
    {"URY", "Uruguay"},
    {"UZB", "Uzbekistan"},
    {"VUT", "Vanuatu"},
    {"VEN", "Venezuela (Bolivarian Republic of)|Bolivarian Republic of Venezuela|Venezuela"},
    {"VNM", "Viet Nam|Vietnam"},
    {"YEM", "Yemen"},
    {"ZMB", "Zambia"},
    {"ZWE", "Zimbabwe"},
    // Observer States.
    {"VAT", "Holy See|Vatican"},
    {"PSE", "State of Palestine|Palestine"},
    // Places named after a State that are not it.
    {"", "New Mexico|American Samoa|New Guinea|Gulf of Guinea|Lake Chad|Niger Delta|Northern Ireland|Congo Basin"},
};

}  // namespace

const NameTable& treaty_table() noexcept {
  static const NameTable table{"treaty", kTreaties, std::size(kTreaties)};
  return table;
}

const NameTable& organisation_table() noexcept {
  static const NameTable table{"organisation", kOrganisations, std::size(kOrganisations)};
  return table;
}

const NameTable& country_table() noexcept {
  static const NameTable table{"country", kCountries, std::size(kCountries)};
  return table;
}

}  // namespace detail
DOSSIER_ABI_NAMESPACE_END
}  // namespace dossier
