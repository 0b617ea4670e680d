// Small text helpers shared by the readers (plugins/readers/common/text_util.hpp).
#include <catch2/catch.hpp>

#include "text_util.hpp"

#include <string>

using namespace dossier::readers;

TEST_CASE("the language of a text, from its script or its function words") {
  CHECK(detect_language("The Working Group held its review of the State and adopted the report.") == "en");
  CHECK(detect_language("Le Groupe de travail a tenu son examen et les recommandations du rapport sont "
                        "formulées par des États.") == "fr");
  CHECK(detect_language("El Grupo de Trabajo examinó las recomendaciones y los informes del Estado que "
                        "fueron presentados.") == "es");
  CHECK(detect_language("Рабочая группа по универсальному периодическому обзору провела обзор положения в "
                        "области прав человека и приняла доклад о государстве.") == "ru");
  CHECK(detect_language("عقد الفريق العامل المعني بالاستعراض الدوري الشامل جلسته واعتمد التقرير المتعلق "
                        "بالدولة موضوع الاستعراض وتوصياته.") == "ar");
  CHECK(detect_language("普遍定期审议工作组举行了审议会议，通过了关于受审议国的报告以及各项建议和结论。") == "zh");
  // Accented words are not cut into function words ("thé" is no "th", "été" no "t").
  CHECK(detect_language("thé thé thé été été the") == "en");
  CHECK(detect_language("") == "en");
}

TEST_CASE("capitals, words and headings") {
  CHECK(upper_share("ABC def") == Approx(0.5));
  CHECK(upper_share("123") == 0.0);
  CHECK(word_count("  two\twords\n") == 2);
  CHECK(heading_like("III. CONCLUSIONS AND RECOMMENDATIONS"));
  CHECK_FALSE(heading_like("The State should ratify the Convention."));
}
