#include "labels.hpp"

#include <array>
#include <stdexcept>

namespace dossier::pdf {

namespace {

struct Entry {
  const char* key;
  std::array<const char*, 6> text;  // en, fr, es, ru, ar, zh
};

// Wording follows UN usage: ODD/ODS for the SDGs, PMM for the Global Compact for Migration
// in French and Spanish.
const Entry kLabels[] = {
    {"brief", {"Policy brief", "Note d\u2019orientation", "Nota informativa", "Аналитическая записка", "موجز سياساتي",
               "政策简报"}},
    {"whole_corpus", {"All recommendations in the corpus", "Toutes les recommandations du corpus",
                      "Todas las recomendaciones del corpus", "Все рекомендации корпуса",
                      "جميع التوصيات الواردة في الوثائق", "语料库中的全部建议"}},
    {"focus", {"Focus", "Thème", "Enfoque", "Тема", "المحور", "重点"}},
    {"built", {"Date of build", "Date d\u2019établissement", "Fecha de elaboración", "Дата подготовки",
               "تاريخ الإعداد", "编制日期"}},
    {"corpus", {"Corpus covered", "Corpus couvert", "Corpus abarcado", "Охваченные документы", "الوثائق المشمولة",
                "涵盖的文件"}},
    {"corpus_value", {"{1} documents, {2} recommendations", "{1} documents, {2} recommandations",
                      "{1} documentos, {2} recomendaciones", "документов: {1}; рекомендаций: {2}",
                      "{1} وثائق، {2} توصية", "{1} 份文件，{2} 项建议"}},
    {"prepared_by", {"Prepared by", "Établi par", "Preparado por", "Подготовлено", "من إعداد", "编制单位"}},
    {"key_figures", {"Key figures", "Chiffres clés", "Cifras clave", "Основные показатели", "أرقام رئيسية", "关键数字"}},
    {"fig_documents", {"documents with recommendations in focus", "documents contenant des recommandations retenues",
                       "documentos con recomendaciones en el enfoque", "документов с рекомендациями по теме",
                       "وثائق تتضمن توصيات ضمن المحور", "份文件载有相关建议"}},
    {"fig_recommendations", {"recommendations in focus", "recommandations retenues", "recomendaciones en el enfoque",
                             "рекомендаций по теме", "توصيات ضمن المحور", "项相关建议"}},
    {"fig_goals", {"SDG goals addressed", "ODD concernés", "ODS abordados", "затронутых ЦУР",
                   "أهداف تنمية مستدامة معنية", "个可持续发展目标"}},
    {"fig_targets", {"SDG targets addressed", "cibles des ODD concernées", "metas de los ODS abordadas",
                     "затронутых задач ЦУР", "غايات معنية من أهداف التنمية المستدامة", "个具体目标"}},
    {"fig_gcm", {"GCM objectives addressed", "objectifs du PMM concernés", "objetivos del PMM abordados",
                 "целей Глобального договора о миграции", "أهداف معنية من الاتفاق العالمي للهجرة",
                 "个全球移民契约目标"}},
    {"chart", {"Recommendations per SDG goal", "Recommandations par objectif de développement durable",
               "Recomendaciones por Objetivo de Desarrollo Sostenible",
               "Рекомендации по целям в области устойчивого развития", "التوصيات حسب أهداف التنمية المستدامة",
               "按可持续发展目标分列的建议"}},
    {"chart_note", {"A recommendation mapped to several goals counts once for each.",
                    "Une recommandation rattachée à plusieurs objectifs compte pour chacun d\u2019eux.",
                    "Una recomendación vinculada a varios objetivos cuenta en cada uno de ellos.",
                    "Рекомендация, относящаяся к нескольким целям, учитывается в каждой из них.",
                    "تُحسب التوصية المرتبطة بعدة أهداف مرة واحدة لكل هدف.", "与多个目标相关的建议在每个目标下各计一次。"}},
    {"heat", {"Documents by SDG goal", "Documents par ODD", "Documentos por ODS", "Документы по ЦУР",
              "الوثائق حسب أهداف التنمية المستدامة", "按可持续发展目标分列的文件"}},
    {"heat_note", {"Recommendations of each document mapped to each goal; darker cells hold more.",
                   "Recommandations de chaque document rattachées à chaque objectif ; plus la case est foncée, plus elles sont nombreuses.",
                   "Recomendaciones de cada documento vinculadas a cada objetivo; cuanto más oscura la celda, más numerosas.",
                   "Рекомендации каждого документа, отнесённые к каждой цели; чем темнее ячейка, тем их больше.",
                   "توصيات كل وثيقة المرتبطة بكل هدف؛ وكلما كانت الخانة أغمق كان عددها أكبر.",
                   "各文件中与各目标相关的建议数量；颜色越深，数量越多。"}},
    {"document", {"Document", "Document", "Documento", "Документ", "الوثيقة", "文件"}},
    {"key_recommendations", {"Key recommendations", "Principales recommandations", "Recomendaciones principales",
                             "Основные рекомендации", "التوصيات الرئيسية", "主要建议"}},
    {"key_note", {"Chosen for the strength of their link to the focus and for variety across documents and themes; "
                  "recommendations that say the same thing are quoted once, with all their sources; each cites its paragraph.",
                  "Retenues selon la force de leur lien avec le thème et pour leur diversité de documents et de thèmes ; "
                  "les recommandations qui disent la même chose sont citées une fois, avec toutes leurs sources ; chacune "
                  "renvoie à son paragraphe.",
                  "Seleccionadas por la solidez de su vínculo con el enfoque y por su variedad de documentos y temas; las "
                  "recomendaciones que dicen lo mismo se citan una vez, con todas sus fuentes; cada una remite a su párrafo.",
                  "Отобраны по силе связи с темой и с учетом разнообразия документов и тем; рекомендации одинакового "
                  "содержания приводятся один раз со всеми источниками; для каждой указан пункт документа.",
                  "اختيرت حسب قوة ارتباطها بالمحور ومع مراعاة تنوع الوثائق والمواضيع؛ وتُقتبس التوصيات المتطابقة في "
                  "مضمونها مرة واحدة مع ذكر جميع مصادرها، مع الإشارة إلى فقرة كل منها.",
                  "按与重点的关联强度并兼顾文件和主题的多样性选出；内容相同的建议只引用一次，并列出全部出处；每项均注明所在段落。"}},
    {"addressee", {"Addressed to", "Destinataires", "Destinatarios", "Адресаты", "الجهة المخاطبة", "对象"}},
    {"targets", {"SDG targets", "Cibles des ODD", "Metas de los ODS", "Задачи ЦУР", "غايات أهداف التنمية المستدامة",
                 "可持续发展目标具体目标"}},
    {"gcm", {"GCM objectives", "Objectifs du PMM", "Objetivos del PMM", "Цели Глобального договора о миграции",
             "أهداف الاتفاق العالمي للهجرة", "全球移民契约目标"}},
    {"colon", {": ", " : ", ": ", ": ", ": ", "："}},
    {"list_separator", {", ", ", ", ", ", ", ", "، ", "、"}},
    {"sources", {"Sources", "Sources", "Fuentes", "Источники", "المصادر", "资料来源"}},
    {"profile", {"SDG profile of the whole document: goals {1}", "Profil ODD de l\u2019ensemble du document : objectifs {1}",
                 "Perfil ODS del documento completo: objetivos {1}", "Профиль ЦУР всего документа: цели {1}",
                 "ملف أهداف التنمية المستدامة للوثيقة كلها: الأهداف {1}", "整份文件的可持续发展目标概况：目标{1}"}},
    {"profile_note", {"A dot marks the goals of the document\u2019s own SDG profile (the whole document read by the learned model).",
                      "Un point marque les objectifs du profil ODD du document lui-même (le document entier lu par le modèle appris).",
                      "Un punto marca los objetivos del perfil ODS del propio documento (el documento completo leído por el modelo aprendido).",
                      "Точка отмечает цели профиля ЦУР самого документа (весь документ, прочитанный обученной моделью).",
                      "تشير النقطة إلى أهداف ملف أهداف التنمية المستدامة للوثيقة نفسها (الوثيقة كلها كما قرأها النموذج المدرَّب).",
                      "圆点标出文件本身的可持续发展目标概况（由学习模型阅读整份文件得出）。"}},
    {"page", {"Page {1} of {2}", "Page {1} sur {2}", "Página {1} de {2}", "Стр. {1} из {2}", "الصفحة {1} من {2}",
              "第 {1} 页，共 {2} 页"}},
    {"none", {"No recommendation in the corpus matches this focus.",
              "Aucune recommandation du corpus ne correspond à ce thème.",
              "Ninguna recomendación del corpus corresponde a este enfoque.", "В корпусе нет рекомендаций по этой теме.",
              "لا توجد في الوثائق توصية تتعلق بهذا المحور.", "语料库中没有与此重点相关的建议。"}},
    {"goal", {"SDG {1}", "ODD {1}", "ODS {1}", "ЦУР {1}", "الهدف {1}", "可持续发展目标{1}"}},
    {"goal_titled", {"Goal {1}: {2}", "Objectif {1} : {2}", "Objetivo {1}: {2}", "Цель {1}: {2}", "الهدف {1}: {2}",
                     "目标{1}：{2}"}},
    {"target", {"SDG target {1}", "Cible {1} des ODD", "Meta {1} de los ODS", "Задача ЦУР {1}", "الغاية {1}",
                "具体目标{1}"}},
    {"gcm_objective", {"GCM objective {1}", "Objectif {1} du PMM", "Objetivo {1} del PMM",
                       "Цель {1} Глобального договора о миграции", "الهدف {1} من الاتفاق العالمي للهجرة",
                       "全球移民契约目标{1}"}},
    {"addressed_to", {"Recommendations addressed to {1}", "Recommandations adressées à : {1}",
                      "Recomendaciones dirigidas a: {1}", "Рекомендации, адресованные: {1}",
                      "التوصيات الموجهة إلى: {1}", "针对{1}的建议"}},
    {"recommendations_n", {"{1} recommendations", "{1} recommandations", "{1} recomendaciones",
                           "рекомендаций: {1}", "{1} توصية", "{1} 项建议"}},
    {"recommendations_1", {"1 recommendation", "1 recommandation", "1 recomendación", "рекомендаций: 1",
                           "توصية واحدة", "1 项建议"}},
    {"about", {"About this brief", "À propos de cette note", "Acerca de esta nota", "Об этой записке",
               "حول هذا الموجز", "关于本简报"}},
    {"about_text",
     {"Prepared automatically from the documents listed under Sources. Recommendations are mapped to SDG targets "
      "and GCM objectives from their own wording; every figure counts recommendations and every quotation cites "
      "its paragraph.",
      "Établie automatiquement à partir des documents énumérés sous « Sources ». Les recommandations sont "
      "rattachées aux cibles des ODD et aux objectifs du PMM d\u2019après leur propre libellé ; chaque chiffre "
      "compte des recommandations et chaque citation renvoie à son paragraphe.",
      "Elaborada automáticamente a partir de los documentos enumerados en «Fuentes». Las recomendaciones se "
      "vinculan a las metas de los ODS y a los objetivos del PMM según su propia redacción; cada cifra cuenta "
      "recomendaciones y cada cita remite a su párrafo.",
      "Подготовлено автоматически на основе документов, перечисленных в разделе «Источники». Рекомендации "
      "соотнесены с задачами ЦУР и целями Глобального договора о миграции по их собственным формулировкам; "
      "все цифры означают число рекомендаций, для каждой цитаты указан пункт.",
      "أُعدّ هذا الموجز تلقائياً من الوثائق المدرجة تحت «المصادر». وتُربط التوصيات بغايات أهداف التنمية "
      "المستدامة وبأهداف الاتفاق العالمي للهجرة وفقاً لصياغتها؛ وتمثل جميع الأرقام عدد التوصيات، ويُشار في كل "
      "اقتباس إلى فقرته.",
      "本简报根据“资料来源”所列文件自动编制。建议依其措辞对应可持续发展目标具体目标和全球移民契约目标；"
      "所有数字均为建议数量，每条引文均注明所在段落。"}},
    {"source_language",
     {"Recommendations are quoted from the version of their document in the language of this brief where the "
      "corpus holds it, otherwise in their original language, marked as such.",
      "Les recommandations sont citées d\u2019après la version de leur document dans la langue de la présente note "
      "lorsque le corpus la contient, sinon dans leur langue originale, signalée comme telle.",
      "Las recomendaciones se citan según la versión de su documento en el idioma de esta nota cuando el corpus "
      "la contiene y, de lo contrario, en su idioma original, indicado como tal.",
      "Рекомендации приводятся по версии документа на языке настоящей записки, если она имеется в корпусе, "
      "а в противном случае — на языке оригинала с соответствующей пометкой.",
      "تُقتبس التوصيات من نسخة وثيقتها المحررة بلغة هذا الموجز متى وردت ضمن الوثائق، وإلا فبلغتها الأصلية مع "
      "الإشارة إلى ذلك.",
      "建议按其文件的本简报语文版本引用（如语料库中有该版本），否则以原文引用并加注明。"}},
    // Marks a quote in the language of its document when the brief's language version is missing.
    {"original_text", {"Original text {1}", "Texte original {1}", "Texto original {1}", "Исходный текст {1}",
                       "النص الأصلي {1}", "{1}原文"}},
    {"original_text_plain", {"Original text", "Texte original", "Texto original", "Исходный текст", "النص الأصلي",
                             "原文"}},
    {"in_en", {"in English", "en anglais", "en inglés", "на английском языке", "باللغة الإنكليزية", "英文"}},
    {"in_fr", {"in French", "en français", "en francés", "на французском языке", "باللغة الفرنسية", "法文"}},
    {"in_es", {"in Spanish", "en espagnol", "en español", "на испанском языке", "باللغة الإسبانية", "西班牙文"}},
    {"in_ru", {"in Russian", "en russe", "en ruso", "на русском языке", "باللغة الروسية", "俄文"}},
    {"in_ar", {"in Arabic", "en arabe", "en árabe", "на арабском языке", "باللغة العربية", "阿拉伯文"}},
    {"in_zh", {"in Chinese", "en chinois", "en chino", "на китайском языке", "باللغة الصينية", "中文"}},
    // Further sources of a key recommendation: other paragraphs that say the same thing.
    {"also_in", {"Similar wording in", "Libellé similaire dans", "Redacción similar en", "Аналогичная формулировка",
                 "صيغة مماثلة في", "类似措辞见"}},
    // The State briefs on the Universal Periodic Review (state_brief_writer.cpp).
    {"state_brief", {"Universal Periodic Review brief", "Note sur l\u2019Examen périodique universel",
                     "Nota sobre el examen periódico universal", "Записка по универсальному периодическому обзору",
                     "موجز عن الاستعراض الدوري الشامل", "普遍定期审议简报"}},
    {"state_subtitle", {"{1}: recommendations received and made", "{1} : recommandations reçues et formulées",
                        "{1}: recomendaciones recibidas y formuladas", "{1}: полученные и вынесенные рекомендации",
                        "{1}: التوصيات الواردة والمقدَّمة", "{1}：收到和提出的建议"}},
    {"state_under_review", {"State under review", "État examiné", "Estado examinado", "Государство по обзору",
                            "الدولة موضوع الاستعراض", "受审议国"}},
    {"state", {"State", "État", "Estado", "Государство", "الدولة", "国家"}},
    {"reviews", {"Reviews in the corpus", "Examens dans le corpus", "Exámenes en el corpus", "Обзоры в корпусе",
                 "الاستعراضات المشمولة", "语料库中的审议"}},
    {"review", {"{3} ({2}, cycle {1})", "{3} ({2}, cycle {1})", "{3} ({2}, ciclo {1})", "{3} ({2}, цикл {1})",
                "{3} ({2}، الجولة {1})", "{3}（{2}，第{1}轮）"}},
    {"review_undated", {"{1} ({2})", "{1} ({2})", "{1} ({2})", "{1} ({2})", "{1} ({2})", "{1}（{2}）"}},
    {"no_review", {"No report of the Working Group on the Universal Periodic Review of {1} is in the corpus.",
                   "Aucun rapport du Groupe de travail sur l\u2019Examen périodique universel concernant {1} ne figure dans le corpus.",
                   "El corpus no contiene ningún informe del Grupo de Trabajo sobre el Examen Periódico Universal relativo a {1}.",
                   "В корпусе нет доклада Рабочей группы по универсальному периодическому обзору по государству {1}.",
                   "لا يتضمن المتن أي تقرير للفريق العامل المعني بالاستعراض الدوري الشامل بشأن {1}.",
                   "语料库中没有普遍定期审议工作组关于{1}的报告。"}},
    {"state_about",
     {"Prepared automatically from the reports of the Working Group on the Universal Periodic Review listed under "
      "Sources. Each recommendation appears once, under the SDG goal its own wording is most strongly mapped to, "
      "with the States that made it and the position taken on it; every quotation cites its paragraph.",
      "Établie automatiquement à partir des rapports du Groupe de travail sur l\u2019Examen périodique universel "
      "énumérés sous « Sources ». Chaque recommandation figure une fois, sous l\u2019ODD auquel son libellé est le "
      "plus fortement rattaché, avec les États qui l\u2019ont formulée et la position prise à son sujet ; chaque "
      "citation renvoie à son paragraphe.",
      "Elaborada automáticamente a partir de los informes del Grupo de Trabajo sobre el Examen Periódico Universal "
      "enumerados en «Fuentes». Cada recomendación figura una vez, en el ODS al que su redacción está más "
      "vinculada, con los Estados que la formularon y la posición adoptada al respecto; cada cita remite a su párrafo.",
      "Подготовлено автоматически на основе докладов Рабочей группы по универсальному периодическому обзору, "
      "перечисленных в разделе «Источники». Каждая рекомендация приводится один раз — в рамках цели, с которой "
      "её формулировка связана сильнее всего, — с указанием вынесших её государств и занятой по ней позиции; для "
      "каждой цитаты указан пункт.",
      "أُعدّ هذا الموجز تلقائياً من تقارير الفريق العامل المعني بالاستعراض الدوري الشامل المدرجة تحت «المصادر». "
      "وترد كل توصية مرة واحدة، تحت هدف التنمية المستدامة الأوثق صلة بصياغتها، مع الدول التي قدمتها والموقف "
      "المتخذ منها؛ ويُشار في كل اقتباس إلى فقرته.",
      "本简报根据“资料来源”所列普遍定期审议工作组报告自动编制。每项建议只出现一次，列于其措辞最密切相关的"
      "可持续发展目标之下，并注明提出建议的国家和对建议采取的立场；每条引文均注明所在段落。"}},
    {"fig_received", {"recommendations received", "recommandations reçues", "recomendaciones recibidas",
                      "полученных рекомендаций", "توصيات واردة", "项收到的建议"}},
    {"fig_supported", {"supported", "soutenues", "apoyadas", "поддержано", "مؤيدة", "项获支持"}},
    {"fig_noted", {"noted", "notées", "anotadas", "принято к сведению", "أحيط بها علما", "项被注意到"}},
    {"fig_states", {"recommending States", "États auteurs de recommandations", "Estados que formularon recomendaciones",
                    "государств, вынесших рекомендации", "دول قدمت توصيات", "个提出建议的国家"}},
    {"fig_made", {"recommendations made to other States", "recommandations adressées à d\u2019autres États",
                  "recomendaciones formuladas a otros Estados", "рекомендаций другим государствам",
                  "توصيات مقدمة إلى دول أخرى", "项向其他国家提出的建议"}},
    {"supported_pl", {"supported", "soutenues", "apoyadas", "поддержанные", "المؤيدة", "支持"}},
    {"noted_pl", {"noted", "notées", "anotadas", "принятые к сведению", "المحاط بها علما", "注意到"}},
    {"open_note", {"{1} of them to be examined, or without a position in the corpus.",
                   "Dont {1} à l\u2019examen ou sans position dans le corpus.",
                   "De ellas, {1} en examen o sin posición en el corpus.",
                   "Из них на рассмотрении или без позиции в корпусе: {1}.",
                   "منها {1} قيد النظر أو بلا موقف في المتن.",
                   "其中{1}项待审议或语料库中无立场。"}},
    {"state_chart", {"Recommendations received per SDG goal", "Recommandations reçues par objectif de développement durable",
                     "Recomendaciones recibidas por Objetivo de Desarrollo Sostenible",
                     "Полученные рекомендации по целям в области устойчивого развития",
                     "التوصيات الواردة حسب أهداف التنمية المستدامة", "按可持续发展目标分列的收到的建议"}},
    {"state_chart_note", {"Each recommendation counts once, under the goal it is most strongly mapped to.",
                          "Chaque recommandation compte une fois, sous l\u2019objectif auquel elle est le plus fortement rattachée.",
                          "Cada recomendación cuenta una vez, en el objetivo al que está más vinculada.",
                          "Каждая рекомендация учитывается один раз — в рамках цели, с которой она связана сильнее всего.",
                          "تُحسب كل توصية مرة واحدة، تحت الهدف الأوثق صلة بها.",
                          "每项建议只计一次，计入与其关联最强的目标。"}},
    {"position_other", {"to be examined or no position", "à l\u2019examen ou sans position", "en examen o sin posición",
                        "на рассмотрении или без позиции", "قيد النظر أو بلا موقف", "待审议或无立场"}},
    {"position_unknown", {"no position in the corpus", "pas de position dans le corpus", "sin posición en el corpus",
                          "позиция в корпусе не указана", "لا يوجد موقف في المتن", "语料库中无立场"}},
    {"received", {"Recommendations received, by SDG goal", "Recommandations reçues, par ODD",
                  "Recomendaciones recibidas, por ODS", "Полученные рекомендации по ЦУР",
                  "التوصيات الواردة، حسب أهداف التنمية المستدامة", "按可持续发展目标分列的收到的建议"}},
    {"received_note", {"From report {1}. Within a goal, recommendations are grouped by SDG target, in official order.",
                       "Rapport {1}. Au sein d\u2019un objectif, les recommandations sont regroupées par cible des ODD, dans l\u2019ordre officiel.",
                       "Informe {1}. Dentro de cada objetivo, las recomendaciones se agrupan por meta de los ODS, en el orden oficial.",
                       "Доклад {1}. В рамках каждой цели рекомендации сгруппированы по задачам ЦУР в официальном порядке.",
                       "التقرير {1}. وضمن كل هدف، تُجمع التوصيات حسب غايات أهداف التنمية المستدامة، بترتيبها الرسمي.",
                       "报告{1}。在每个目标下，建议按可持续发展目标具体目标的正式顺序分组。"}},
    {"no_goal", {"Not mapped to an SDG goal", "Non rattachées à un ODD", "No vinculadas a ningún ODS",
                 "Не отнесены ни к одной ЦУР", "غير مرتبطة بأي هدف من أهداف التنمية المستدامة", "未对应任何可持续发展目标"}},
    {"no_target", {"Not mapped to a target of this goal", "Non rattachées à une cible de cet objectif",
                   "No vinculadas a ninguna meta de este objetivo", "Не отнесены ни к одной задаче этой цели",
                   "غير مرتبطة بأي غاية من غايات هذا الهدف", "未对应本目标的具体目标"}},
    {"recommended_by", {"Recommended by", "Recommandée par", "Recomendada por", "Рекомендовано", "أوصت بها",
                        "提出国"}},
    {"position_given", {"position given in {1}", "position exprimée dans {1}", "posición expresada en {1}",
                        "позиция изложена в {1}", "الموقف وارد في {1}", "立场见{1}"}},
    {"also", {"Also", "Aussi", "También", "Также", "أيضاً", "另见"}},
    {"change", {"Since the previous review", "Depuis l\u2019examen précédent", "Desde el examen anterior",
                "После предыдущего обзора", "منذ الاستعراض السابق", "自上次审议以来"}},
    {"change_note", {"Report {1} compared with report {2}.", "Rapport {1} comparé au rapport {2}.",
                     "Informe {1} comparado con el informe {2}.", "Доклад {1} в сравнении с докладом {2}.",
                     "التقرير {1} مقارنةً بالتقرير {2}.", "报告{1}与报告{2}的比较。"}},
    {"change_total", {"Recommendations received", "Recommandations reçues", "Recomendaciones recibidas",
                      "Полученные рекомендации", "التوصيات الواردة", "收到的建议"}},
    {"repeated", {"Recommended again", "Recommandations renouvelées", "Recomendaciones reiteradas",
                  "Повторные рекомендации", "توصيات متكررة", "再次提出的建议"}},
    {"repeated_note", {"Recommendations of the latest review whose wording repeats one of the previous review, with the position taken each time.",
                       "Recommandations du dernier examen dont le libellé reprend celui d\u2019une recommandation de l\u2019examen précédent, avec la position prise chaque fois.",
                       "Recomendaciones del último examen cuya redacción reitera la de una del examen anterior, con la posición adoptada cada vez.",
                       "Рекомендации последнего обзора, повторяющие по формулировке рекомендацию предыдущего обзора, с позицией, занятой в каждом случае.",
                       "توصيات الاستعراض الأخير التي تكرر صياغتها توصيةً من الاستعراض السابق، مع الموقف المتخذ في كل مرة.",
                       "最近一次审议中措辞与上次审议某项建议相同的建议，以及每次采取的立场。"}},
    {"previously", {"Previously", "Auparavant", "Anteriormente", "Ранее", "سابقاً", "此前"}},
    {"none_repeated", {"No recommendation of the latest review repeats one of the previous review.",
                       "Aucune recommandation du dernier examen ne reprend une recommandation de l\u2019examen précédent.",
                       "Ninguna recomendación del último examen reitera una del examen anterior.",
                       "Ни одна рекомендация последнего обзора не повторяет рекомендацию предыдущего обзора.",
                       "لا تكرر أي توصية من الاستعراض الأخير توصيةً من الاستعراض السابق.",
                       "最近一次审议中没有与上次审议相同的建议。"}},
    {"new_states", {"Recommending for the first time", "Auteurs de recommandations pour la première fois",
                    "Formulan recomendaciones por primera vez", "Впервые вынесли рекомендации",
                    "دول توصي لأول مرة", "首次提出建议的国家"}},
    {"former_states", {"Recommended the previous time, not this time", "Auteurs la fois précédente, pas cette fois",
                       "Formularon recomendaciones la vez anterior, no esta vez",
                       "Выносили рекомендации в прошлый раз, но не в этот",
                       "أوصت في المرة السابقة لا في هذه المرة", "上次提出建议、本次未提出的国家"}},
    {"made", {"Recommendations made by {1} to other States", "Recommandations adressées par {1} à d\u2019autres États",
              "Recomendaciones formuladas por {1} a otros Estados", "Рекомендации государства {1} другим государствам",
              "التوصيات المقدمة من {1} إلى دول أخرى", "{1}向其他国家提出的建议"}},
    {"made_note", {"Recommendations in the other reviews in the corpus that {1} made or joined.",
                   "Recommandations des autres examens du corpus que {1} a formulées ou auxquelles il s\u2019est associé.",
                   "Recomendaciones de los demás exámenes del corpus que {1} formuló o a las que se sumó.",
                   "Рекомендации других обзоров корпуса, вынесенные государством {1} или при его участии.",
                   "التوصيات الواردة في الاستعراضات الأخرى في المتن التي قدمتها {1} أو شاركت فيها.",
                   "语料库中其他审议里由{1}提出或参与提出的建议。"}},
    {"none_made", {"{1} made no recommendation in the other reviews in the corpus.",
                   "{1} n\u2019a formulé aucune recommandation dans les autres examens du corpus.",
                   "{1} no formuló ninguna recomendación en los demás exámenes del corpus.",
                   "Государство {1} не выносило рекомендаций в других обзорах корпуса.",
                   "لم تقدم {1} أي توصية في الاستعراضات الأخرى في المتن.",
                   "{1}在语料库的其他审议中未提出建议。"}},
    {"made_to", {"To {1}", "À l\u2019intention de : {1}", "A: {1}", "Государству {1}", "إلى {1}", "致{1}"}},
};

}  // namespace

const std::vector<std::string>& label_languages() {
  static const std::vector<std::string> languages{"en", "fr", "es", "ru", "ar", "zh"};
  return languages;
}

std::string label_language(std::string_view tag) {
  const std::string base(tag.substr(0, tag.find_first_of("-_")));
  for (const auto& l : label_languages())
    if (l == base) return l;
  return "";
}

std::string label(std::string_view key, std::string_view language, const std::vector<std::string>& args) {
  std::size_t column = 0;
  const auto& languages = label_languages();
  for (std::size_t i = 0; i < languages.size(); ++i)
    if (languages[i] == language) column = i;
  for (const Entry& e : kLabels) {
    if (key != e.key) continue;
    std::string text = e.text[column];
    for (std::size_t i = 0; i < args.size(); ++i) {
      const std::string slot = "{" + std::to_string(i + 1) + "}";
      for (auto at = text.find(slot); at != std::string::npos; at = text.find(slot, at + args[i].size()))
        text.replace(at, slot.size(), args[i]);
    }
    return text;
  }
  throw std::out_of_range("no label '" + std::string(key) + "'");
}

std::string count_text(std::size_t n, std::string_view language) {
  const std::string digits = std::to_string(n);
  std::string separator = "\u00A0";
  std::size_t from = 4;
  if (language == "en") separator = ",";
  if (language == "es") separator = ".";
  if (language == "es" || language == "ru") from = 5;
  if (digits.size() < from) return digits;
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
    out += digits[i];
  }
  return out;
}

}  // namespace dossier::pdf
