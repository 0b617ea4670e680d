// libFuzzer target: the Aurora query engine (plugins/analyzers/common/aurora.*). An input
// starting with '<' is an Aurora query file (load_queries); any other input is one query.
// The queries are compiled into a Matcher, which then matches a fixed paragraph and the
// input itself (so that the matched text, too, is steered by the fuzzer).
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "aurora.hpp"

namespace {

constexpr const char* paragraph =
    "135. Member States commit to facilitate safe, orderly and regular migration, including "
    "through the reduction of remittance costs to less than 3 per cent by 2030 (target 10.c), "
    "and to eradicate poverty among women, children and the poorest and most marginalized "
    "households; they will implement well-managed migration policies (SDG 10.7) and protect "
    "labour rights of migrant workers, in particular women migrants.";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  std::vector<dossier::aurora::TargetQuery> queries;
  if (!input.empty() && input[0] == '<') {
    try {
      queries = dossier::aurora::load_queries(input);
    } catch (const std::runtime_error&) {
      return 0;  // malformed or not an Aurora file: documented
    }
  } else {
    queries.push_back({"10", "10.7", input});
  }
  for (const bool plurals : {true, false}) {
    dossier::aurora::MatcherOptions options;
    options.plurals = plurals;
    const dossier::aurora::Matcher matcher(queries, options);
    for (const auto& m : matcher.match(paragraph)) {
      if (m.query >= queries.size() || m.evidence.size() > dossier::aurora::Matcher::max_evidence) __builtin_trap();
    }
    for (const auto& m : matcher.match(input)) {
      if (m.query >= queries.size() || m.evidence.size() > dossier::aurora::Matcher::max_evidence) __builtin_trap();
    }
  }
  return 0;
}
