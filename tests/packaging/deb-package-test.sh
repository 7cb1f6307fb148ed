#!/usr/bin/env bash
# Builds the Debian package with CPack into a temporary folder, unpacks it with `dpkg-deb -x` into a
# temporary root and runs the packaged learn2add-cli from there: `data` (the embedded data summary),
# a tiny `train addition` and `add`. Checks the package's files, its Depends and, where the tools
# are installed, the desktop entry and the AppStream metainfo.
#
# The packaged CLI must not need the source or build tree: it must not name the source tree's
# resources/ and, where a private mount namespace is allowed (root, or unprivileged user
# namespaces), every CLI command runs with the source and build trees hidden behind empty folders.
# Everything is written under one temporary folder, removed at exit.
#
# Usage: deb-package-test.sh CPACK BUILD_DIR SOURCE_DIR GUI(ON|OFF)
set -euo pipefail

cpack=$1
build_dir=$(realpath "$2")
source_dir=$(realpath "$3")
gui=$4

work=$(mktemp -d "${TMPDIR:-/tmp}/learn2add-deb-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"
started=$SECONDS

step() { echo "== $*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }

# --- build the package ----------------------------------------------------------------------------
step "cpack -G DEB (into a temporary folder)"
if ! "$cpack" --config "$build_dir/CPackConfig.cmake" -G DEB -B "$work/package" \
    >"$work/cpack.log" 2>&1; then
  cat "$work/cpack.log"
  fail "cpack failed"
fi
shopt -s nullglob
debs=("$work"/package/*.deb)
shopt -u nullglob
[ ${#debs[@]} -eq 1 ] || fail "expected one .deb, found ${#debs[@]}"
deb=${debs[0]}
echo "$(basename "$deb"): $(du -h "$deb" | cut -f1)"

# --- control fields -------------------------------------------------------------------------------
package=$(dpkg-deb --field "$deb" Package)
depends=$(dpkg-deb --field "$deb" Depends)
echo "Package: $package"
echo "Version: $(dpkg-deb --field "$deb" Version)"
echo "Depends: $depends"
[ "$package" = learn2add ] || fail "package name is '$package'"
required_depends=(libtorch libopencv-core libprotobuf)
if [ "$gui" = ON ]; then
  required_depends+=(libqt6widgets6 libqcustomplot)
fi
for dependency in "${required_depends[@]}"; do
  grep -q "$dependency" <<<"$depends" || fail "Depends does not name $dependency"
done

# --- unpack and check the layout ------------------------------------------------------------------
step "dpkg-deb -x into a temporary root"
root=$work/root
dpkg-deb -x "$deb" "$root"
expected=(usr/bin/learn2add-cli usr/share/learn2add/mnist/PROVENANCE.md)
if [ "$gui" = ON ]; then
  expected+=(usr/bin/learn2add
             usr/share/applications/learn2add.desktop
             usr/share/icons/hicolor/scalable/apps/learn2add.svg
             usr/share/metainfo/io.github.learn2add.metainfo.xml)
fi
for file in "${expected[@]}"; do
  [ -f "$root/$file" ] || fail "the package lacks /$file"
  echo "  /$file"
done
[ -x "$root/usr/bin/learn2add-cli" ] || fail "/usr/bin/learn2add-cli is not executable"

if [ "$gui" = ON ]; then
  if command -v appstreamcli >/dev/null; then
    step "appstreamcli validate"
    appstreamcli validate --no-net "$root/usr/share/metainfo/io.github.learn2add.metainfo.xml" \
      || fail "invalid AppStream metainfo"
  fi
  if command -v desktop-file-validate >/dev/null; then
    step "desktop-file-validate"
    desktop-file-validate "$root/usr/share/applications/learn2add.desktop" \
      || fail "invalid desktop entry"
  fi
fi

# --- the packaged CLI must not point back into the source or build tree ---------------------------
cli=$root/usr/bin/learn2add-cli
if grep -q -a -F "$source_dir/resources" "$cli"; then
  fail "the packaged CLI names the source tree's resources ($source_dir/resources)"
fi
if command -v readelf >/dev/null; then
  if readelf -d "$cli" | grep -E 'RPATH|RUNPATH' | grep -q -F -e "$build_dir" -e "$source_dir"; then
    fail "the packaged CLI has an RPATH into the build or source tree"
  fi
fi

# Hide the build tree, then the source tree (the build tree may lie inside it), behind an empty
# folder in a private mount namespace; unavailable in some containers, then the checks above stand.
mkdir "$work/empty"
hide=(unshare --mount --propagation private)
[ "$(id -u)" -eq 0 ] || hide=(unshare --user --map-root-user --mount --propagation private)
hidden() {
  # shellcheck disable=SC2016  # the inner shell expands its own arguments
  "${hide[@]}" -- sh -c 'empty=$1 build=$2 source=$3; shift 3
    mount --bind "$empty" "$build" && mount --bind "$empty" "$source" && exec "$@"' \
    sh "$work/empty" "$build_dir" "$source_dir" "$@"
}
case "$work/" in "$source_dir"/* | "$build_dir"/*) hide=() ;; esac
if [ ${#hide[@]} -gt 0 ] && command -v unshare >/dev/null \
    && hidden test ! -e "$source_dir/resources" 2>/dev/null; then
  echo "The packaged CLI runs with $source_dir and $build_dir hidden."
  run_cli() { hidden env -u LD_LIBRARY_PATH "$cli" --threads 1 "$@"; }
else
  echo "note: the source and build trees stay visible (no private mount namespace here, or the"
  echo "      temporary folder lies inside them); the packaged CLI does not name their resources/"
  run_cli() { env -u LD_LIBRARY_PATH "$cli" --threads 1 "$@"; }
fi

# --- run the packaged CLI -------------------------------------------------------------------------
step "learn2add-cli --version"
run_cli --version || fail "--version failed"

step "learn2add-cli data"
run_cli data >"$work/data.txt" 2>&1 || { cat "$work/data.txt"; fail "data failed"; }
head -n 4 "$work/data.txt"
grep -q '^Data: embedded MNIST subset (10000 digits)' "$work/data.txt" \
  || { cat "$work/data.txt"; fail "data did not read the embedded 10,000 digits"; }
grep -q 'Digits per split and class' "$work/data.txt" || fail "data printed no split table"

step "learn2add-cli train addition (tiny)"
run_cli train addition --epochs 1 --max-batches 2 --batch 16 --ae-warmup 0 --adder-warmup 0 \
  --out "$work/run" >"$work/train.txt" 2>&1 || { cat "$work/train.txt"; fail "train addition failed"; }
tail -n 3 "$work/train.txt"
[ -f "$work/run/config.json" ] || fail "the addition run has no config.json"

step "learn2add-cli add"
run_cli add --run "$work/run" --digit 7 --addend 1,2,1.5 --out "$work/strip.png" \
  >"$work/add.txt" 2>&1 || { cat "$work/add.txt"; fail "add failed"; }
cat "$work/add.txt"
[ "$(head -c 4 "$work/strip.png" | od -An -tx1 | tr -d ' \n')" = 89504e47 ] \
  || fail "add wrote no PNG"

echo "PASS: packaged learn2add-cli ran from $root ($((SECONDS - started)) s)"
