// Helpers for the tests of the XML exporters (xml, atom, akn): running an exporter in-process
// on a hand-made corpus, validating with xmllint, and a corpus with damaged characters.
#pragma once

#include <string>
#include <vector>

#include "dossier/context.hpp"
#include "atomic_sink.hpp"
#include "dossier/corpus_view.hpp"
#include "support.hpp"

namespace test {

/// Runs the exporter plugin `name` on `corpus` into `dir` and commits, as the host does;
/// the plugin's warnings are appended to `warnings`.
inline void export_with(const std::string& name, const dossier::Corpus& corpus, const fs::path& dir,
                        std::vector<std::string>& warnings, dossier::Options options = {},
                        dossier::BuildInfo build = {"test", "en", 1700000000, "0.1.0"}) {
  const auto plugin = builtin_plugins().find(name, dossier::PluginKind::exporter);
  auto exporter = plugin->make_exporter();
  dossier::host::AtomicSink sink(dir);
  dossier::Context context(name, std::move(options), std::move(build),
                           [&](dossier::LogLevel level, std::string_view, std::string_view message) {
                             if (level == dossier::LogLevel::warn) warnings.emplace_back(message);
                           });
  exporter->write(dossier::CorpusView(corpus), plugin->info().default_file, sink, context);
  sink.commit();
}

/// `xmllint --noout --schema XSD FILE` (libxml2-utils); exit 0 when the file is valid.
inline Result xmllint(const fs::path& file, const fs::path& schema) {
  return run("xmllint --noout --schema " + quote(schema.string()) + " " + quote(file.string()));
}

inline fs::path schema_dir() { return source_dir() / "schemas"; }

/// The sample corpus with the sample catalogue, mapped to the SDGs and the GCM, exported by
/// `exporters` (and json, to compare with) into a fresh folder `name`.
inline fs::path export_samples(const std::string& name, const std::string& exporters) {
  const fs::path out = fresh_dir(name);
  const Result r = dossier("run " + quote(corpus_dir().string()) + " --catalogue " +
                           quote((source_dir() / "samples" / "catalogue.toml").string()) +
                           " --analyze sdg,gcm --export json --export " + exporters + " --no-cache --out " +
                           quote(out.string()));
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  return out;
}

/// Text with what XML cannot hold: a C0 control, a byte that is not UTF-8, U+FFFE and an
/// encoded surrogate (4 replacements), between the letters a to e.
inline std::string damaged_text() { return "a\x01" "b\xFF" "c\xEF\xBF\xBE" "d\xED\xA0\x80" "e"; }
/// What damaged_text() becomes: each byte of the encoded surrogate begins no well-formed
/// sequence, so each is replaced, as the text repair at the model's entry does.
inline std::string repaired_text() {
  return "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD" "d\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" "e";
}

/// One document with one numbered paragraph that is a recommendation, its text damaged.
inline dossier::Corpus damaged_corpus() {
  dossier::Corpus c;
  dossier::Document d;
  d.id = d.symbol = "A/68/283";
  d.title = "Report";
  d.date = "2013-08-05";
  d.language = "en";
  dossier::Block b;
  b.kind = dossier::BlockKind::numbered_paragraph;
  b.number = "135";
  b.address = "A/68/283 \xC2\xB6" "135";
  b.text = damaged_text();
  d.blocks.push_back(b);
  d.recommendations.push_back({b.address, "recommendation", "States", b.text, {}});
  c.documents.push_back(d);
  c.annotations.push_back({b.address, "sdg", "10.7", "target", 0.9, {"ev\x1B" "idence"}, "sdg", "1.0"});
  return c;
}

}  // namespace test
