#include <catch2/catch.hpp>

#include "annotation_codec.hpp"

using namespace dossier;
using namespace dossier::host;

TEST_CASE("annotations survive encoding byte for byte") {
  std::vector<Annotation> in(2);
  in[0] = {"A/68/283 \xC2\xB6" "127", "sdg", "10.7", "target", 0.8125, {"query 10.7: \"migration polic*\"", ""}, "sdg", "0.3.0"};
  in[1].subject = std::string("with\0nul", 8);
  in[1].score = 1.0 / 3.0;
  std::string bytes;
  encode_annotations(in, bytes);
  encode_annotations({}, bytes);
  std::string_view view = bytes;
  const auto out = decode_annotations(view);
  REQUIRE(out.size() == 2);
  CHECK(out[0].subject == in[0].subject);
  CHECK(out[0].code == "10.7");
  CHECK(out[0].level == "target");
  CHECK(out[0].score == in[0].score);
  CHECK(out[0].evidence == in[0].evidence);
  CHECK(out[0].analyzer_version == "0.3.0");
  CHECK(out[1].subject == in[1].subject);
  CHECK(out[1].score == in[1].score);  // exactly: the bits, not a decimal rendering
  CHECK(decode_annotations(view).empty());
  CHECK(view.empty());
}

TEST_CASE("truncated or corrupt bytes are an error and never a huge allocation") {
  std::vector<Annotation> in(1);
  in[0].subject = "x";
  in[0].evidence = {"a", "b"};
  std::string bytes;
  encode_annotations(in, bytes);
  for (std::size_t cut = 0; cut < bytes.size(); ++cut) {
    std::string_view view(bytes.data(), cut);
    CHECK_THROWS(decode_annotations(view));
  }
  std::string huge(8, '\xff');
  std::string_view view = huge;
  CHECK_THROWS_WITH(decode_annotations(view), Catch::Contains("truncated"));
}
