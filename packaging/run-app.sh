#!/usr/bin/env bash
# The README's "run" command: set up, build Release, launch the GUI on the embedded data.
# Extra arguments go to the app (e.g. --data DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/setup-debian.sh
cmake --preset release
cmake --build --preset release
exec ./build/release/app/learn2add "$@"
