// The commands that score and train the classifiers: eval and train (commands_models.hpp).
#include "commands_models.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "dossier/version.hpp"
#include "pipeline.hpp"

namespace dossier::host {

int eval_command(const EvalArgs& args) {
  const auto read_text = [](const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot open");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  };
  if (args.labels.empty() == args.metadata_key.empty()) {
    spdlog::error("eval: give a LABELS file or --documents-by KEY");
    return exit_usage;
  }
  EvalResult r;
  try {
    r = args.labels.empty() ? evaluate_documents(read_text(args.corpus), args.metadata_key, args.options)
                             : evaluate(read_text(args.corpus), read_text(args.labels), args.options);
  } catch (const std::exception& e) {
    spdlog::error("{}", e.what());
    return exit_input;
  }
  if (args.json) {
    nlohmann::ordered_json out = {{"items", r.items},
                                  {"unmatched", r.unmatched},
                                  {"micro", {{"precision", r.micro.precision()}, {"recall", r.micro.recall()}, {"f1", r.micro.f1()}}},
                                  {"macro", {{"precision", r.macro_precision}, {"recall", r.macro_recall}, {"f1", r.macro_f1}}},
                                  {"codes", nlohmann::ordered_json::array()}};
    for (const auto& c : r.per_code)
      out["codes"].push_back({{"code", c.code}, {"tp", c.tp}, {"fp", c.fp}, {"fn", c.fn},
                              {"precision", c.precision()}, {"recall", c.recall()}, {"f1", c.f1()}});
    std::cout << out.dump(2) << "\n";
    return exit_ok;
  }
  std::printf("%-6s %5s %5s %5s %9s %7s %6s\n", "code", "tp", "fp", "fn", "precision", "recall", "f1");
  for (const auto& c : r.per_code)
    std::printf("%-6s %5d %5d %5d %9.3f %7.3f %6.3f\n", c.code.c_str(), c.tp, c.fp, c.fn, c.precision(),
                c.recall(), c.f1());
  std::printf("\nmicro  precision %.3f  recall %.3f  F1 %.3f\n", r.micro.precision(), r.micro.recall(),
              r.micro.f1());
  std::printf("macro  precision %.3f  recall %.3f  F1 %.3f   (mean over the %s codes in the labels)\n",
              r.macro_precision, r.macro_recall, r.macro_f1, args.options.scheme.c_str());
  if (args.labels.empty())
    std::printf("%zu labelled documents scored, %zu without %s metadata left out\n", r.items, r.unmatched,
                args.metadata_key.c_str());
  else
    std::printf("%zu labelled items scored, %zu not found in the corpus\n", r.items, r.unmatched);
  return exit_ok;
}

int train_command(TrainArgs& args, const GlobalOptions& g, int argc, char** argv) {
  PluginRegistry registry = load_registry(g);
  BuildInfo build_info;
  build_info.host_version = DOSSIER_VERSION_STRING;
  args.spec.reference_texts = !args.no_reference_texts;
  args.spec.threads = args.threads.value_or(0u);
  for (int i = 0; i < argc; ++i) args.spec.command += (i ? " " : "") + std::string(argv[i]);
  if (args.spec.sources.empty() && args.spec.examples.empty()) {
    spdlog::error("train: give documents (SOURCE) or --examples to learn from");
    return exit_usage;
  }
  return train_model(args.spec, registry, build_info, std::cout);
}

}  // namespace dossier::host
