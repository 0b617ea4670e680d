// The test kit for plugin authors: load your plugin's library in a unit test as the host
// does, and run it on a small corpus, without the host. Not part of the plugin contract (a
// plugin never includes it); header-only, so a test needs Dossier::sdk and Dossier::domain.
// CMake: dossier_add_plugin_test(<test> PLUGIN <plugin target> SOURCES <test sources>)
// builds the test with DOSSIER_TEST_PLUGIN set to the plugin's file and registers it with
// ctest. docs/plugins.md ("Testing a plugin") shows a whole test.
#pragma once

#include <dlfcn.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>

#include "dossier/model.hpp"
#include "dossier/domain/digest.hpp"
#include "dossier/domain/files.hpp"
#include "dossier/plugin.hpp"

namespace dossier::testing {

/// A plugin library, loaded and checked as the host checks it (ABI version, descriptor size,
/// layout fingerprint) before any object is made. Throws std::runtime_error saying why not.
class LoadedPlugin {
 public:
  explicit LoadedPlugin(const std::string& file) : file_(file) {
    handle_ = ::dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle_) fail(std::string("cannot load: ") + ::dlerror());
    auto* entry = reinterpret_cast<PluginEntryPoint*>(::dlsym(handle_, "dossier_plugin_entry"));
    if (!entry) fail("no dossier_plugin_entry (declare the plugin with DOSSIER_PLUGIN)");
    descriptor_ = entry();
    if (!descriptor_) fail("its entry point returned no descriptor");
    if (descriptor_->abi_version != DOSSIER_ABI_VERSION || descriptor_->struct_size != sizeof(PluginDescriptor) ||
        descriptor_->layout != layout_fingerprint())
      fail("built against other SDK headers than this test (plugin ABI " + std::to_string(descriptor_->abi_version) +
           ", this test's " + std::to_string(DOSSIER_ABI_VERSION) + ")");
    if (descriptor_->kind == PluginKind::exporter && !descriptor_->default_file)
      fail("an exporter that declares no default file");
  }
  ~LoadedPlugin() {
    if (handle_) ::dlclose(handle_);
  }
  LoadedPlugin(const LoadedPlugin&) = delete;
  LoadedPlugin& operator=(const LoadedPlugin&) = delete;

  const PluginDescriptor& descriptor() const { return *descriptor_; }
  /// A new object of the plugin's class, as the kind asked; throws if it is another kind.
  /// Destroy it before this LoadedPlugin: its code lives in the library.
  std::unique_ptr<Reader> reader() const { return make<Reader>(PluginKind::reader); }
  std::unique_ptr<Analyzer> analyzer() const { return make<Analyzer>(PluginKind::analyzer); }
  std::unique_ptr<Exporter> exporter() const { return make<Exporter>(PluginKind::exporter); }

 private:
  [[noreturn]] void fail(const std::string& why) const {
    if (handle_) ::dlclose(handle_);
    throw std::runtime_error("plugin " + file_ + ": " + why);
  }
  template <class T>
  std::unique_ptr<T> make(PluginKind kind) const {
    if (descriptor_->kind != kind)
      throw std::runtime_error("plugin " + file_ + " is a " + to_string(descriptor_->kind) + ", not a " +
                               to_string(kind));
    std::unique_ptr<Plugin> object(descriptor_->create());
    auto* typed = dynamic_cast<T*>(object.get());
    if (!typed) throw std::runtime_error("plugin " + file_ + ": its factory made an object of another kind");
    object.release();
    return std::unique_ptr<T>(typed);
  }

  std::string file_;
  void* handle_ = nullptr;
  const PluginDescriptor* descriptor_ = nullptr;
};

/// A Context as the host would give the plugin: its name, these options, a fixed build time.
inline Context make_context(const std::string& plugin_name, Options options = {}, const std::string& language = "en") {
  BuildInfo build;
  build.job_name = "test";
  build.language = language;
  build.build_time = 1700000000;  // fixed: outputs compare byte for byte
  build.host_version = DOSSIER_VERSION_STRING;
  return Context(plugin_name, std::move(options), std::move(build), {});
}

/// A small corpus with what plugins meet in real ones: two documents (a report with sections,
/// numbered paragraphs, a footnote and addressed recommendations; a resolution in French), SDG
/// and GCM annotations of recommendations and of a document, and a reference.
inline Corpus sample_corpus() {
  Corpus corpus;
  // What a reader fills in for every document (a symbol for its id).
  const auto document = [](const char* symbol, const char* title, const char* language, const char* source,
                           const char* reader) {
    Document d;
    d.id = d.symbol = symbol;
    d.title = title;
    d.language = language;
    d.source = source;
    d.reader = reader;
    return d;
  };
  Document report = document("A/HRC/99/1", "Report of the Working Group on the Universal Periodic Review: Exampleland",
                             "en", "A_HRC_99_1.txt", "text");
  report.date = "2026-03-01";
  report.body = "Human Rights Council";
  report.sections = {{"II", "Conclusions and/or recommendations", "chapter", 1, -1}};
  const char* texts[] = {
      "Exampleland reported on its national strategy for migrant workers.",
      "Ensure access to education for migrant children (Ruritania);",
      "Strengthen measures against trafficking in persons, in line with SDG target 8.7 (Freedonia);",
  };
  for (int i = 0; i < 3; ++i) {
    Block b;
    b.number = std::to_string(100 + i);
    b.address = paragraph_address(report.id, b.number);
    b.kind = BlockKind::numbered_paragraph;
    b.section = 0;
    b.text = texts[i];
    if (i == 2) b.footnote_refs = {"1"};
    report.blocks.push_back(b);
    if (i == 0) continue;
    Recommendation r;
    r.address = b.address;
    r.kind = "recommendation";
    r.addressee = "Exampleland";
    r.text = b.text;
    r.recommended_by = {i == 1 ? "Ruritania" : "Freedonia"};
    r.position = i == 1 ? "supported" : "noted";
    report.recommendations.push_back(r);
  }
  report.footnotes = {{"1", "See A/RES/70/1.", {paragraph_address(report.id, "102")}}};
  Reference target;
  target.type = "sdg_target";
  target.id = "8.7";
  target.address = paragraph_address(report.id, "102");
  target.text = "SDG target 8.7";
  target.begin = 65;  // report.blocks[2].text.substr(65, 14) == target.text
  target.end = 79;
  report.references = {target};

  Document resolution = document("A/RES/99/2", "Migrants et développement durable", "fr", "A_RES_99_2_F.xml", "akn");
  Block op;
  op.number = "1";
  op.address = paragraph_address(resolution.id, "1");
  op.kind = BlockKind::numbered_paragraph;
  op.text = "Demande aux États de faciliter des migrations sûres, ordonnées et régulières;";
  resolution.blocks = {op};
  resolution.recommendations = {{op.address, "operative_paragraph", "States", op.text, {}, "", "", "", "Demande"}};
  corpus.documents = {report, resolution};

  const auto annotate = [&](std::string subject, std::string scheme, std::string code, std::string level,
                            double score, std::string why, std::string analyzer) {
    corpus.annotations.push_back({std::move(subject), std::move(scheme), std::move(code), std::move(level), score,
                                  {std::move(why)}, std::move(analyzer), "1.0.0"});
  };
  annotate(paragraph_address(report.id, "101"), "sdg", "4", "goal", 0.82, "vocabulary: \"access to education\"", "sdg");
  annotate(paragraph_address(report.id, "102"), "sdg", "8", "goal", 1.0, "explicit reference: \"SDG target 8.7\"", "sdg");
  annotate(paragraph_address(report.id, "102"), "sdg", "8.7", "target", 1.0, "explicit reference: \"SDG target 8.7\"", "sdg");
  annotate(paragraph_address(report.id, "102"), "gcm", "10", "objective", 0.9, "vocabulary: \"trafficking in persons\"", "gcm");
  annotate(paragraph_address(resolution.id, "1"), "gcm", "5", "objective", 0.7, "learned model: \"migrations sûres\"", "gcm");
  annotate(report.id, "sdg", "10", "goal", 0.66, "learned model: document profile", "sdg");
  return corpus;
}

/// The bytes of a file; throws std::runtime_error when it cannot be opened.
using dossier::read_bytes;

/// A sink that writes straight into a folder: enough for a test, which keeps no earlier
/// outputs (the host's sink writes to temporary files and renames them into place).
class FolderSink final : public OutputSink {
 public:
  explicit FolderSink(std::filesystem::path dir) : dir_(std::move(dir)) {}
  const std::filesystem::path& directory() const override { return dir_; }
  OutputFile& create(std::string_view name) override {
    const std::filesystem::path rel = std::filesystem::path(name).lexically_normal();
    if (name.empty() || rel.is_absolute() || *rel.begin() == ".." || files_.count(rel.generic_string()))
      throw std::invalid_argument("output name '" + std::string(name) + "' refused");
    std::filesystem::create_directories((dir_ / rel).parent_path());
    return files_.emplace(rel.generic_string(), File(rel.generic_string(), dir_ / rel)).first->second;
  }
  /// Each file created, by name, with its bytes.
  std::map<std::string, std::string> contents() {
    std::map<std::string, std::string> out;
    for (auto& [name, file] : files_) {
      if (file.out) file.out->close();
      out[name] = read_bytes(file.path.string());
    }
    return out;
  }

 private:
  struct File final : OutputFile {
    File(std::string n, std::filesystem::path p) : file_name(std::move(n)), path(std::move(p)) {}
    const std::string& name() const override { return file_name; }
    const std::filesystem::path& temp_path() const override { return path; }
    std::ostream& stream() override {
      if (!out) out = std::make_unique<std::ofstream>(path, std::ios::binary | std::ios::trunc);
      return *out;
    }
    std::string file_name;
    std::filesystem::path path;
    std::unique_ptr<std::ofstream> out;
  };
  std::filesystem::path dir_;
  std::map<std::string, File> files_;
};

/// Runs a new exporter of `plugin` on `corpus` into a fresh folder and gives back each file
/// it wrote, by name, with its bytes: to `file_name`, or the file the plugin declares. The
/// folder is removed afterwards. Exceptions from write() pass through.
inline std::map<std::string, std::string> export_files(const LoadedPlugin& plugin, const Corpus& corpus,
                                                       Context& context, std::string file_name = {}) {
  const auto exporter = plugin.exporter();
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() /
                       ("dossier-test-" + std::to_string(::getpid()) + "-" + std::to_string(reinterpret_cast<std::uintptr_t>(exporter.get())));
  fs::remove_all(dir);
  fs::create_directories(dir);
  struct Remove {
    fs::path dir;
    ~Remove() {
      std::error_code ec;
      fs::remove_all(dir, ec);
    }
  } remove{dir};
  FolderSink sink(dir);
  const CorpusView view(corpus);
  exporter->write(view, file_name.empty() ? plugin.descriptor().default_file : file_name, sink, context);
  return sink.contents();
}

/// Reads one file with `reader` as the host does: bytes loaded and hashed, and the document's
/// source, sha256 and reader (`context`'s plugin name, unless the reader set one) filled in.
inline Document read_file(Reader& reader, const std::string& path, Context& context) {
  Source source{path, read_bytes(path), ""};
  source.sha256 = sha256_hex(source.content);
  Document doc = reader.read(source, context);
  doc.source = source.path;
  doc.sha256 = source.sha256;
  if (doc.reader.empty()) doc.reader = context.plugin_name();
  return doc;
}

}  // namespace dossier::testing
