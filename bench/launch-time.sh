#!/usr/bin/env bash
# Launch time of the app as a user sees it, measured from outside the process: the clock starts
# just before exec, and the window counts as there when the X server has it mapped (xdotool
# --sync). The app's own --startup-report (its clock: the kernel's start time of the process)
# adds when the window was first exposed and when the first judged grid was drawn.
#   bench/launch-time.sh [--runs N] [--app build/release/app/learn2add]
# Needs Xvfb and xdotool (apt-get install xvfb xauth xdotool); starts its own X server.
set -euo pipefail
runs=5
app=build/release/app/learn2add
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --app) app="$2"; shift 2 ;;
    *) echo "usage: $0 [--runs N] [--app PATH]" >&2; exit 2 ;;
  esac
done
[ -x "$app" ] || { echo "launch-time: no app at $app (build it first)" >&2; exit 2; }
command -v Xvfb >/dev/null && command -v xdotool >/dev/null ||
  { echo "launch-time: needs Xvfb and xdotool" >&2; exit 2; }

display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
export DISPLAY="$display"
for _ in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "run | mapped (outside, ms) | exposed (app, ms) | judged grid (app, ms)"
for run in $(seq "$runs"); do
  report=$(mktemp)
  start=$(date +%s%N)
  "$app" --startup-report >"$report" 2>/dev/null &
  pid=$!
  xdotool search --sync --onlyvisible --pid "$pid" >/dev/null
  mapped=$((($(date +%s%N) - start) / 1000000))
  wait "$pid" || true
  # "startup (from process start): window on screen after A ms; judged grid (..) drawn after B ms"
  exposed=$(sed -n 's/.*on screen after \([0-9-]*\) ms.*/\1/p' "$report")
  grid=$(sed -n 's/.*drawn after \([0-9-]*\) ms.*/\1/p' "$report")
  echo "$run | $mapped | ${exposed:-?} | ${grid:-?}"
  rm -f "$report"
done
