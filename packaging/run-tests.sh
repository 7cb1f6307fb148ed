#!/usr/bin/env bash
# The README's "test" command (and CI's, through .ci/run): set up, build, run the whole CTest
# suite; GUI tests run offscreen.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/setup-debian.sh
cmake --preset release
cmake --build --preset release
export QT_QPA_PLATFORM=offscreen
ctest --preset release "$@"
