#include "labels.hpp"

#include <array>
#include <stdexcept>

namespace dossier::html {

namespace {

struct Entry {
  const char* key;
  std::array<const char*, 6> text;  // en, fr, es, ru, ar, zh
};

const std::array<const char*, 6> kLanguages = {"en", "fr", "es", "ru", "ar", "zh"};

// Wording follows UN usage: ODD/ODS for the SDGs, PMM for the Global Compact for Migration.
const Entry kLabels[] = {
    {"site_title", {"Recommendations mapped to the SDGs and the GCM", "Recommandations rattachées aux ODD et au PMM",
                    "Recomendaciones vinculadas a los ODS y al PMM", "Рекомендации в привязке к ЦУР и Глобальному договору о миграции",
                    "التوصيات المرتبطة بأهداف التنمية المستدامة والاتفاق العالمي للهجرة", "与可持续发展目标和全球移民契约相关的建议"}},
    {"skip", {"Skip to content", "Aller au contenu", "Ir al contenido", "Перейти к содержанию", "انتقل إلى المحتوى", "跳至内容"}},
    {"nav", {"Site", "Site", "Sitio", "Сайт", "الموقع", "网站"}},
    {"home", {"Recommendations", "Recommandations", "Recomendaciones", "Рекомендации", "التوصيات", "建议"}},
    {"documents", {"Documents", "Documents", "Documentos", "Документы", "الوثائق", "文件"}},
    {"search", {"Search", "Recherche", "Búsqueda", "Поиск", "البحث", "搜索"}},
    {"search_label", {"Search the documents", "Rechercher dans les documents", "Buscar en los documentos",
                      "Поиск по документам", "البحث في الوثائق", "在文件中搜索"}},
    {"search_button", {"Search", "Rechercher", "Buscar", "Найти", "بحث", "搜索"}},
    {"search_none", {"Nothing found for “{1}”.", "Aucun résultat pour « {1} ».", "No se encontró nada para «{1}».",
                     "По запросу «{1}» ничего не найдено.", "لم يُعثر على شيء لـ «{1}».", "未找到“{1}”的结果。"}},
    {"search_count", {"{1} paragraphs found for “{2}”{3}.", "{1} paragraphes trouvés pour « {2} »{3}.",
                      "{1} párrafos encontrados para «{2}»{3}.", "Найдено пунктов по запросу «{2}»: {1}{3}.",
                      "{1} فقرة لـ «{2}»{3}.", "“{2}”共找到 {1} 个段落{3}。"}},
    {"search_first", {" (the first {1} shown)", " (les {1} premiers affichés)", " (se muestran los {1} primeros)",
                      " (показаны первые {1})", " (تُعرض أول {1})", "（显示前 {1} 个）"}},
    {"search_help", {"Every word must occur in the paragraph; case and accents do not matter.",
                     "Chaque mot doit figurer dans le paragraphe ; la casse et les accents n’importent pas.",
                     "Cada palabra debe figurar en el párrafo; no importan las mayúsculas ni los acentos.",
                     "Каждое слово должно встречаться в пункте; регистр и диакритические знаки не учитываются.",
                     "يجب أن ترد كل كلمة في الفقرة؛ ولا أهمية لحالة الأحرف أو علامات التشكيل.",
                     "每个词都须出现在段落中；不区分大小写和重音符号。"}},
    {"search_in", {"Search in", "Rechercher en", "Buscar en", "Искать на языках", "البحث في اللغات", "搜索语言"}},
    {"no_script", {"Filters and search need JavaScript; the table lists every recommendation.",
                   "Les filtres et la recherche nécessitent JavaScript ; le tableau donne toutes les recommandations.",
                   "Los filtros y la búsqueda requieren JavaScript; la tabla muestra todas las recomendaciones.",
                   "Для фильтров и поиска нужен JavaScript; в таблице приведены все рекомендации.",
                   "تتطلب عوامل التصفية والبحث JavaScript؛ ويعرض الجدول جميع التوصيات.",
                   "筛选和搜索需要 JavaScript；表中列出全部建议。"}},
    {"no_script_page", {"Filters, pages and search need JavaScript; the table shows the first {1} recommendations.",
                        "Les filtres, les pages et la recherche nécessitent JavaScript ; le tableau donne les {1} premières recommandations.",
                        "Los filtros, las páginas y la búsqueda requieren JavaScript; la tabla muestra las {1} primeras recomendaciones.",
                        "Для фильтров, страниц и поиска нужен JavaScript; в таблице приведены первые рекомендации: {1}.",
                        "تتطلب عوامل التصفية والصفحات والبحث JavaScript؛ ويعرض الجدول أول {1} توصية.",
                        "筛选、分页和搜索需要 JavaScript；表中列出前 {1} 项建议。"}},
    {"rows", {"Rows {1}–{2} of {3}.", "Lignes {1} à {2} sur {3}.", "Filas {1} a {2} de {3}.", "Строки {1}–{2} из {3}.",
              "الصفوف {1}–{2} من {3}.", "第 {1}–{2} 行，共 {3} 行。"}},
    {"pages", {"Pages of the table", "Pages du tableau", "Páginas de la tabla", "Страницы таблицы", "صفحات الجدول", "表格分页"}},
    {"first_page", {"First page", "Première page", "Primera página", "Первая страница", "الصفحة الأولى", "第一页"}},
    {"previous_page", {"Previous page", "Page précédente", "Página anterior", "Предыдущая страница", "الصفحة السابقة", "上一页"}},
    {"next_page", {"Next page", "Page suivante", "Página siguiente", "Следующая страница", "الصفحة التالية", "下一页"}},
    {"last_page", {"Last page", "Dernière page", "Última página", "Последняя страница", "الصفحة الأخيرة", "最后一页"}},
    {"summary", {"{1} recommendations from {2} documents.", "{1} recommandations tirées de {2} documents.",
                 "{1} recomendaciones de {2} documentos.", "Рекомендаций: {1}; документов: {2}.",
                 "{1} توصية من {2} وثيقة.", "{2} 份文件中的 {1} 项建议。"}},
    {"filters", {"Filter the recommendations", "Filtrer les recommandations", "Filtrar las recomendaciones",
                 "Фильтр рекомендаций", "تصفية التوصيات", "筛选建议"}},
    {"all", {"All", "Tous", "Todos", "Все", "الكل", "全部"}},
    {"apply", {"Apply", "Appliquer", "Aplicar", "Применить", "تطبيق", "应用"}},
    {"reset", {"Show all", "Tout afficher", "Mostrar todo", "Показать все", "عرض الكل", "全部显示"}},
    {"shown", {"{1} of {2} recommendations shown.", "{1} recommandations affichées sur {2}.",
               "Se muestran {1} de {2} recomendaciones.", "Показано рекомендаций: {1} из {2}.",
               "تُعرض {1} من أصل {2} توصية.", "显示 {2} 项建议中的 {1} 项。"}},
    {"recommendation", {"Recommendation", "Recommandation", "Recomendación", "Рекомендация", "التوصية", "建议"}},
    {"citation", {"Citation", "Référence", "Referencia", "Ссылка", "المرجع", "出处"}},
    {"document", {"Document", "Document", "Documento", "Документ", "الوثيقة", "文件"}},
    {"states", {"State(s)", "État(s)", "Estado(s)", "Государство(а)", "الدولة (الدول)", "国家"}},
    {"state", {"State", "État", "Estado", "Государство", "الدولة", "国家"}},
    {"under_review", {"under review: {1}", "examiné : {1}", "examinado: {1}", "объект обзора: {1}", "قيد الاستعراض: {1}",
                      "受审议国：{1}"}},
    {"recommended_by", {"recommended by {1}", "recommandée par {1}", "recomendada por {1}", "рекомендовано: {1}",
                        "أوصت بها {1}", "提出建议的国家：{1}"}},
    {"position", {"Position", "Position", "Posición", "Позиция", "الموقف", "立场"}},
    {"language", {"Language", "Langue", "Idioma", "Язык", "اللغة", "语言"}},
    {"languages", {"Languages", "Langues", "Idiomas", "Языки", "اللغات", "语言"}},
    {"sdg_goal", {"SDG goal", "Objectif de développement durable", "Objetivo de Desarrollo Sostenible", "Цель в области устойчивого развития",
                  "هدف التنمية المستدامة", "可持续发展目标"}},
    {"sdg_target", {"SDG target", "Cible des ODD", "Meta de los ODS", "Задача ЦУР", "غاية من غايات أهداف التنمية المستدامة",
                    "可持续发展目标具体目标"}},
    {"sdgs", {"SDG goals and targets", "ODD et cibles", "ODS y metas", "ЦУР и задачи", "أهداف التنمية المستدامة وغاياتها",
              "可持续发展目标和具体目标"}},
    {"gcm_objective", {"GCM objective", "Objectif du PMM", "Objetivo del PMM", "Цель Глобального договора о миграции",
                       "هدف من أهداف الاتفاق العالمي للهجرة", "全球移民契约目标"}},
    {"gcm_objectives", {"GCM objectives", "Objectifs du PMM", "Objetivos del PMM", "Цели Глобального договора о миграции",
                        "أهداف الاتفاق العالمي للهجرة", "全球移民契约目标"}},
    {"sdg_short", {"SDG {1}", "ODD {1}", "ODS {1}", "ЦУР {1}", "الهدف {1}", "目标{1}"}},
    {"objective_short", {"Objective {1}", "Objectif {1}", "Objetivo {1}", "Цель {1}", "الهدف {1}", "目标{1}"}},
    {"title", {"Title", "Titre", "Título", "Название", "العنوان", "标题"}},
    {"symbol", {"Symbol", "Cote", "Signatura", "Условное обозначение", "الرمز", "文号"}},
    {"date", {"Date", "Date", "Fecha", "Дата", "التاريخ", "日期"}},
    {"place", {"Place", "Lieu", "Lugar", "Место", "المكان", "地点"}},
    {"body", {"Issued by", "Publié par", "Publicado por", "Издано", "الجهة المصدرة", "发布机构"}},
    {"read_at", {"Read the document", "Lire le document", "Leer el documento", "Читать документ", "اقرأ الوثيقة", "阅读文件"}},
    {"count_recommendations", {"Recommendations", "Recommandations", "Recomendaciones", "Рекомендации", "التوصيات", "建议"}},
    {"count_paragraphs", {"Paragraphs", "Paragraphes", "Párrafos", "Пункты", "الفقرات", "段落"}},
    {"text", {"Text", "Texte", "Texto", "Текст", "النص", "正文"}},
    {"versions", {"Language versions shown", "Versions linguistiques affichées", "Versiones lingüísticas mostradas",
                  "Показанные языковые версии", "النسخ اللغوية المعروضة", "显示的语言版本"}},
    {"mappings", {"Mapped to", "Rattachée à", "Vinculada a", "Связано с", "مرتبطة بـ", "相关目标"}},
    {"score", {"score {1}", "score {1}", "puntuación {1}", "оценка {1}", "الدرجة {1}", "得分 {1}"}},
    {"evidence", {"Evidence", "Éléments", "Fundamento", "Основания", "الأدلة", "依据"}},
    {"addressed_to", {"addressed to {1}", "adressée à {1}", "dirigida a {1}", "адресовано: {1}", "موجهة إلى {1}", "对象：{1}"}},
    {"given_in", {"position given in {1}", "position exprimée dans {1}", "posición expresada en {1}",
                  "позиция изложена в {1}", "الموقف الوارد في {1}", "立场见 {1}"}},
    {"footnotes", {"Notes", "Notes", "Notas", "Примечания", "الحواشي", "注释"}},
    {"contents", {"Contents", "Table des matières", "Índice", "Содержание", "المحتويات", "目录"}},
    {"paragraph", {"paragraph {1}", "paragraphe {1}", "párrafo {1}", "пункт {1}", "الفقرة {1}", "第{1}段"}},
    {"link_here", {"Link to {1}", "Lien vers {1}", "Enlace a {1}", "Ссылка на {1}", "رابط إلى {1}", "链接到{1}"}},
    {"not_in_version", {"(not in this version)", "(absent de cette version)", "(no figura en esta versión)",
                        "(нет в этой версии)", "(غير وارد في هذه النسخة)", "（此版本中没有）"}},
    {"built", {"Built on {1} by Dossier {2}.", "Établi le {1} par Dossier {2}.", "Elaborado el {1} por Dossier {2}.",
               "Подготовлено {1} программой Dossier {2}.", "أُعدّ في {1} بواسطة Dossier {2}.", "{1}由 Dossier {2} 编制。"}},
};

const Entry* find(std::string_view key) {
  for (const Entry& e : kLabels)
    if (key == e.key) return &e;
  return nullptr;
}

}  // namespace

std::string label_language(std::string_view tag) {
  const std::string_view primary = tag.substr(0, tag.find_first_of("-_"));
  for (const char* l : kLanguages)
    if (primary == l) return l;
  return {};
}

std::string label(std::string_view key, std::string_view language, const std::vector<std::string>& args) {
  const Entry* e = find(key);
  if (!e) throw std::out_of_range("no html label '" + std::string(key) + "'");
  std::size_t index = 0;
  for (std::size_t i = 0; i < kLanguages.size(); ++i)
    if (language == kLanguages[i]) index = i;
  std::string text = e->text[index];
  for (std::size_t a = 0; a < args.size(); ++a) {
    const std::string mark = "{" + std::to_string(a + 1) + "}";
    for (std::size_t at = text.find(mark); at != std::string::npos; at = text.find(mark, at + args[a].size()))
      text.replace(at, mark.size(), args[a]);
  }
  return text;
}

std::string language_name(std::string_view tag) {
  static const std::array<const char*, 6> names = {"English", "Français", "Español", "Русский", "العربية", "中文"};
  const std::string l = label_language(tag);
  for (std::size_t i = 0; i < kLanguages.size(); ++i)
    if (l == kLanguages[i] && tag.size() <= 7) return names[i];
  return std::string(tag);
}

}  // namespace dossier::html
