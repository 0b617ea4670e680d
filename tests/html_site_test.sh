#!/usr/bin/env bash
# The html exporter's sites as people use them: the sample job (samples/jobs/gfmd.toml) and the
# six-language resolutions job are built, then Debian's chromium loads their sites from the
# file system (tests/browser/check_site.js: no console errors, no request other than file://,
# SDG 10 filtered by keyboard equals the workbook's SDG 10 rows, search, paragraph anchors,
# right to left, a phone's width, print), takes screenshots into WORK/shots, and html-validate
# checks the markup of every page. The npm packages are pinned by tests/browser/package-lock.json
# and installed by `npm ci` into WORK once.
#
#   html_site_test.sh DOSSIER SOURCE_DIR WORK
#
# Exit 77 (CTest skips) only when chromium cannot start.
set -euo pipefail
dossier=$1
src=$(realpath "$2")
work=$3
mkdir -p "$work"
work=$(realpath "$work")

chromium=${CHROMIUM:-/usr/bin/chromium}
[ -x "$chromium" ] || { echo "SKIPPED: no chromium at $chromium (scripts/install-deps installs it)"; exit 77; }

if ! cmp -s "$src/tests/browser/package-lock.json" "$work/package-lock.json" || [ ! -d "$work/node_modules" ]; then
  rm -rf "$work/node_modules"
  cp "$src/tests/browser/package.json" "$src/tests/browser/package-lock.json" "$work/"
  (cd "$work" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error </dev/null) ||
    { echo "FAIL: npm ci of tests/browser/package-lock.json failed"; rm -f "$work/package-lock.json"; exit 1; }
fi

export SOURCE_DATE_EPOCH=1700000000
rm -rf "$work/gfmd" "$work/resolutions" "$work/shots"
"$dossier" -q build "$src/samples/jobs/gfmd.toml" --out "$work/gfmd" --no-cache </dev/null
"$dossier" -q build "$src/samples/jobs/resolutions.toml" --out "$work/resolutions" --no-cache </dev/null
/usr/bin/python3 "$src/tests/xlsx_read.py" "$work/gfmd/matrix.xlsx" >"$work/matrix.json"

status=0
CHROMIUM="$chromium" NODE_PATH="$work/node_modules" node "$src/tests/browser/check_site.js" \
  "$work/gfmd/site" "$work/resolutions/site-ar" "$work/matrix.json" "$work/shots" </dev/null || status=$?
[ "$status" -eq 77 ] && exit 77

echo "html-validate: every page of both sites"
mapfile -t pages < <(find -L "$work/gfmd/site" "$work/resolutions/site" "$work/resolutions/site-ar" -name '*.html' | sort)
[ "${#pages[@]}" -ge 10 ] || { echo "FAIL: only ${#pages[@]} pages"; exit 1; }
"$work/node_modules/.bin/html-validate" --config "$src/tests/browser/htmlvalidate.json" "${pages[@]}" </dev/null ||
  { echo "FAIL: html-validate"; status=1; }
echo "validated ${#pages[@]} pages"
exit "$status"
