#!/usr/bin/env bash
# Installs Dossier into a temporary prefix, builds samples/plugin-template against that
# install with find_package(Dossier), and has the installed host load and run the plugin.
# Usage: template_test.sh BUILD_DIR SOURCE_DIR WORK_DIR
set -euo pipefail
build=$1 source=$2 work=$3
rm -rf "$work"
mkdir -p "$work"
prefix=$work/prefix

cmake --install "$build" --prefix "$prefix" >"$work/install.log"
cp -r "$source/samples/plugin-template" "$work/template"   # out of tree: no path back to the sources
cmake -S "$work/template" -B "$work/template-build" -DCMAKE_PREFIX_PATH="$prefix" \
      -DCMAKE_BUILD_TYPE=Release >"$work/configure.log"
cmake --build "$work/template-build" >"$work/build.log"

# The template's own test, with the installed test kit.
ctest --test-dir "$work/template-build" --output-on-failure

plugin=$work/template-build/dossier-exporter-stats.so
test -f "$plugin" || { echo "FAIL: $plugin was not built"; exit 1; }

dossier=$prefix/bin/dossier
"$dossier" plugins check "$plugin"
"$dossier" --plugin-path "$work/template-build" plugins list | tee "$work/list.txt"
grep -q '^stats  *exporter' "$work/list.txt" || { echo "FAIL: stats plugin not listed"; exit 1; }
grep -q "^json .*$prefix/lib/dossier/plugins/dossier-exporter-json.so" "$work/list.txt" \
  || { echo "FAIL: installed host does not find its built-in plugins"; exit 1; }

# The installed samples, read by the installed reader, counted by the third-party exporter.
"$dossier" --plugin-path "$work/template-build" run "$prefix/share/dossier/samples/corpus" \
  --export stats --out "$work/out"
rows=$(($(wc -l <"$work/out/stats.csv") - 1))
[ "$rows" -eq 5 ] || { echo "FAIL: expected 5 documents in stats.csv, got $rows"; cat "$work/out/stats.csv"; exit 1; }
grep -q '^"A/68/283",.*,143,' "$work/out/stats.csv" \
  || { echo "FAIL: stats.csv lacks A/68/283 (001, named from the page 000) with its 143 numbered paragraphs"; cat "$work/out/stats.csv"; exit 1; }

# Installing the template puts its plugin where DOSSIER_PLUGIN_PATH can point.
cmake --install "$work/template-build" --prefix "$work/plugins-prefix" >/dev/null
DOSSIER_PLUGIN_PATH="$work/plugins-prefix/lib/dossier/plugins" "$dossier" plugins info stats
echo "template test passed"
