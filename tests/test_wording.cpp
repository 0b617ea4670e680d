// What people read instead of codes (dossier/domain/wording.hpp): dates in each language's
// words, recommendation kinds as words, scores never rounded up to certainty.
#include <catch2/catch.hpp>

#include "dossier/domain/wording.hpp"

using namespace dossier;

TEST_CASE("dates are written as each language writes them") {
  CHECK(long_date("2010-11-08") == "8 November 2010");
  CHECK(long_date("2010-11-08", "en") == "8 November 2010");
  CHECK(long_date("2010-11-08", "fr") == "8 novembre 2010");
  CHECK(long_date("2010-11-01", "fr") == "1er novembre 2010");
  CHECK(long_date("2013-08-05", "fr-CA") == "5 ao\u00fbt 2013");
  CHECK(long_date("2010-11-08", "es") == "8 de noviembre de 2010");
  CHECK(long_date("2010-11-08", "ru") == "8 \u043d\u043e\u044f\u0431\u0440\u044f 2010 \u0433\u043e\u0434\u0430");
  CHECK(long_date("2010-11-08", "ar") ==
        "8 \u062a\u0634\u0631\u064a\u0646 \u0627\u0644\u062b\u0627\u0646\u064a/\u0646\u0648\u0641\u0645\u0628\u0631 2010");
  CHECK(long_date("2010-11-08", "zh") == "2010\u5e7411\u67088\u65e5");
  CHECK(long_date("2010-11-08", "zh-Hans") == "2010\u5e7411\u67088\u65e5");
  CHECK(long_date("2010-11-08", "de") == "8 November 2010");  // no table: English
  // A month alone; Russian then takes the nominative.
  CHECK(long_date("2017-04", "en") == "April 2017");
  CHECK(long_date("2017-04", "es") == "abril de 2017");
  CHECK(long_date("2017-04", "ru") == "\u0430\u043f\u0440\u0435\u043b\u044c 2017 \u0433\u043e\u0434\u0430");
  CHECK(long_date("2017-04", "zh") == "2017\u5e744\u6708");
  CHECK(long_date("2020-02-29", "en") == "29 February 2020");
  // Anything else is kept as it is.
  for (const char* kept : {"", "2017", "2017-13-01", "2017-02-30", "2017-4-1", "8 November 2010", "2010-11-08T10:00",
                           "20x0-11-08"})
    CHECK(long_date(kept, "fr") == kept);
}

TEST_CASE("recommendation kinds are words, in the language asked") {
  CHECK(kind_label("practical_action") == "practical action");
  CHECK(kind_label("policy_option", "en") == "policy option");
  CHECK(kind_label("practical_action", "fr") == "action concr\u00e8te");
  CHECK(kind_label("operative_paragraph", "es") == "p\u00e1rrafo dispositivo");
  CHECK(kind_label("recommendation", "zh") == "\u5efa\u8bae");
  CHECK(kind_label("general_comment", "fr") == "general comment");  // no label: words anyway
  for (const char* kind : {"recommendation", "policy_option", "practical_action", "political_recommendation",
                           "practical_recommendation", "operative_paragraph"})
    for (const char* language : {"en", "fr", "es", "ru", "ar", "zh"}) {
      INFO(kind << " " << language);
      CHECK(kind_label(kind, language).find('_') == std::string::npos);
    }
}

TEST_CASE("scores are floored, never rounded up to certainty") {
  CHECK(score_text(0.998) == "99.8%");
  CHECK(score_text(0.9999) == "99.9%");
  CHECK(score_text(0.99949) == "99.9%");
  CHECK(score_text(1.0) == "100%");
  CHECK(score_text(0.5) == "50.0%");
  CHECK(score_text(0.05) == "5.0%");
  CHECK(score_text(0.0) == "0.0%");
  CHECK(shown_score(0.9989) == Approx(0.998));
  CHECK(shown_score(0.998) == Approx(0.998));  // 0.998 * 1000 is 997.99...: still 0.998
  CHECK(shown_score(0.29) == Approx(0.29));
  CHECK(shown_score(0.9999999) < 1);
  // Never above the score, never a thousandth or more below it.
  int wrong = 0;
  for (int i = 0; i <= 100000; ++i) {
    const double score = i / 100000.0, shown = shown_score(score);
    wrong += shown > score || score - shown >= 0.001;
  }
  CHECK(wrong == 0);
}
