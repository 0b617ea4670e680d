// main() of the benchmark programs: their positional arguments, --runs R and their own
// flags read alike, the usage line and errors said alike (bench/run.py reads the JSON they
// print on stdout; all else goes to stderr).
#pragma once

#include <algorithm>
#include <cstddef>
#include <exception>
#include <functional>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace bench {

/// A flag of one program besides --runs. `set` gets the argument after it when
/// `takes_value`, else an empty string.
struct Flag {
  std::string name;
  bool takes_value = false;
  std::function<void(const std::string& value)> set;
};

struct CommandLine {
  std::vector<std::string> args;  ///< the positional arguments
  int runs = 5;                   ///< measured runs (--runs R)
};

/// Runs `work` on the command line of a program: fewer than `positional` arguments print
/// "usage: " + `usage` and return 2; after them come --runs R and `flags`, in any order (an
/// argument that is neither is an error). Returns 0 when `work` returns, or prints
/// "`name`: what went wrong" and returns 1 when anything throws.
inline int run_main(int argc, char** argv, const char* name, std::size_t positional, const char* usage,
                    const std::vector<Flag>& flags, const std::function<void(const CommandLine&)>& work) {
  try {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.size() < positional) {
      std::cerr << "usage: " << usage << "\n";
      return 2;
    }
    CommandLine line;
    line.args.assign(args.begin(), args.begin() + static_cast<std::ptrdiff_t>(positional));
    for (std::size_t i = positional; i < args.size(); ++i) {
      const bool value_follows = i + 1 < args.size();
      if (args[i] == "--runs" && value_follows) {
        line.runs = std::stoi(args[++i]);
        continue;
      }
      const auto flag = std::find_if(flags.begin(), flags.end(), [&](const Flag& f) { return f.name == args[i]; });
      if (flag == flags.end() || (flag->takes_value && !value_follows))
        throw std::runtime_error("unknown argument " + args[i]);
      flag->set(flag->takes_value ? args[++i] : std::string());
    }
    work(line);
    return 0;
  } catch (const std::exception& ex) {
    std::cerr << name << ": " << ex.what() << "\n";
    return 1;
  }
}

}  // namespace bench
