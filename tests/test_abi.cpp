// The layout fingerprint (dossier/detail/layout.hpp) sees every member of the model: a member added to
// a type but not to its ModelLayout would leave bytes that are neither a listed member nor
// padding, and the fingerprint would miss the change it exists to catch.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include <dossier/plugin.hpp>

using namespace dossier;

namespace {
template <class T>
void check_covered(const char* name) {
  INFO(name);
  std::vector<FieldLayout> fields(std::begin(ModelLayout<T>::fields), std::end(ModelLayout<T>::fields));
  std::sort(fields.begin(), fields.end(), [](const FieldLayout& a, const FieldLayout& b) { return a.offset < b.offset; });
  std::size_t end = 0;  // where the members so far end
  for (const FieldLayout& f : fields) {
    INFO("member at offset " << f.offset);
    // The next member starts where the last ended, rounded up to its alignment: no unlisted
    // member between them.
    CHECK(f.offset == (end + f.align - 1) / f.align * f.align);
    end = f.offset + f.size;
  }
  CHECK(sizeof(T) == (end + alignof(T) - 1) / alignof(T) * alignof(T));  // nor after the last
}
}  // namespace

TEST_CASE("every member of every model type shared with plugins is in its layout") {
  check_covered<SourceSpan>("SourceSpan");
  check_covered<Section>("Section");
  check_covered<Block>("Block");
  check_covered<Footnote>("Footnote");
  check_covered<Recommendation>("Recommendation");
  check_covered<Reference>("Reference");
  check_covered<Diagnostic>("Diagnostic");
  check_covered<Metadata>("Metadata");
  check_covered<DocumentLink>("DocumentLink");
  check_covered<Document>("Document");
  check_covered<Annotation>("Annotation");
  check_covered<Corpus>("Corpus");
  check_covered<Source>("Source");
  check_covered<BuildInfo>("BuildInfo");
  check_covered<OptionSpec>("OptionSpec");
}
