#!/usr/bin/env bash
# tests/abi_check.sh passes on this build against sdk/abi/, and fails on what it exists to
# catch: a symbol of the baseline gone, or the layout changed, with DOSSIER_ABI_VERSION kept.
# Usage: abi_check_test.sh SDK_LIBRARY DOSSIER_EXE SOURCE_DIR WORK_DIR
set -euo pipefail
lib=$1 dossier=$2 source=$3 work=$4
check=$source/tests/abi_check.sh
rm -rf "$work" && mkdir -p "$work"

echo "== this build against the recorded baseline"
bash "$check" "$lib" "$dossier" "$source/sdk/abi"

echo "== a baseline with one more exported function (this build has lost it)"
mkdir -p "$work/removed"
cp "$source/sdk/abi/layout" "$work/removed/"
python3 - "$source/sdk/abi/libdossier_sdk.abi" "$work/removed/libdossier_sdk.abi" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
first = re.search(r"\n(\s*)<elf-symbol name='[^']*'[^\n]*", text)
extra = re.sub(r" alias='[^']*'", "", re.sub(r"name='[^']*'", "name='_ZN7dossier8goneSoonEv'", first.group(0)))
open(sys.argv[2], "w").write(text[:first.start()] + extra + text[first.start():])
PY
if out=$(bash "$check" "$lib" "$dossier" "$work/removed" 2>&1); then echo "FAIL: a removed symbol passed"; echo "$out"; exit 1; fi
grep -q "incompatible change to the SDK's exported symbols" <<<"$out" || { echo "FAIL: wrong reason"; echo "$out"; exit 1; }

echo "== a baseline with another layout fingerprint"
mkdir -p "$work/layout"
cp "$source/sdk/abi/libdossier_sdk.abi" "$work/layout/"
read -r abi _ <"$source/sdk/abi/layout"
echo "$abi 0123456789abcdef" >"$work/layout/layout"
if out=$(bash "$check" "$lib" "$dossier" "$work/layout" 2>&1); then echo "FAIL: a layout change passed"; echo "$out"; exit 1; fi
grep -q "the model's layout changed" <<<"$out" || { echo "FAIL: wrong reason"; echo "$out"; exit 1; }

echo "== a baseline of another ABI version: the change is announced"
mkdir -p "$work/announced"
cp "$source/sdk/abi/libdossier_sdk.abi" "$work/announced/"
echo "$((abi - 1)) 0123456789abcdef" >"$work/announced/layout"
bash "$check" "$lib" "$dossier" "$work/announced" | grep -q "announced"
echo "abi check test passed"
