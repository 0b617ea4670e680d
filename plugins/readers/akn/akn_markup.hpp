// Helpers on Akoma Ntoso text and elements that need no parser state, shared by the
// sniffing (akn_sniff.cpp) and the parser's parts (akn_state.hpp).
#pragma once

#include <pugixml.hpp>

#include <initializer_list>
#include <string>
#include <string_view>

// White space: ASCII only (is_ascii_space), collapsed with normalise_space().
#include <dossier/domain/white_space.hpp>

namespace dossier::akn_reader {

/// ASCII letters in lower case; other bytes as they are.
std::string ascii_lower(std::string_view s);

/// Whether `name` is one of `names`.
bool in(std::string_view name, std::initializer_list<std::string_view> names);

/// Numbered units: a block each, nested units are sub-paragraphs.
bool is_unit(std::string_view name);

/// Printed number without punctuation: "1." -> "1", "(a)" -> "a", "a)" -> "a", "12 bis." ->
/// "12 bis". Empty when the num holds no letter or digit (a bullet).
std::string bare_number(std::string_view printed);

/// Calls `visit` on every element below `root` in document order, without recursion (the
/// input is untrusted and may nest arbitrarily deep). `visit` returns false to stop.
template <typename F>
void for_each_element(pugi::xml_node root, F visit) {
  pugi::xml_node n = root.first_child();
  while (n) {
    if (n.type() == pugi::node_element && !visit(n)) return;
    if (n.first_child()) {
      n = n.first_child();
      continue;
    }
    while (n != root && !n.next_sibling()) n = n.parent();
    if (n == root) return;
    n = n.next_sibling();
  }
}

}  // namespace dossier::akn_reader
