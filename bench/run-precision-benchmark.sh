#!/usr/bin/env bash
# FP32 against bf16, C++ against Python, in one run: learn2add-bench and the PyTorch twin, each at
# fp32 and under bf16 autocast, one after the other with the same settings (OpenBLAS pinned to one
# thread, the same intra-op threads, glibc's allocator keeping freed memory on both sides: the C++
# side calls mallopt, the Python side gets the same thresholds through MALLOC_*_ variables), then a
# table of images/s per model and the ratios, written to bench/results/precision-throughput.md.
#
#   bench/run-precision-benchmark.sh [--steps N] [--threads N] [--only NAMES] [--bench PATH]
#
# Needs Debian's python3-torch (the same libtorch_cpu as the C++ side).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
steps=30 threads=2 only=() bench=$root/build/release/bench/learn2add-bench
while (($#)); do
  case $1 in
    --steps) steps=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --only) only=(--only "$2"); shift 2 ;;
    --bench) bench=$2; shift 2 ;;
    *) echo "run-precision-benchmark.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
done
[[ -x $bench ]] || { echo "run-precision-benchmark.sh: no $bench (build it first)" >&2; exit 1; }
/usr/bin/python3 -c 'import torch' 2>/dev/null ||
  { echo "run-precision-benchmark.sh: needs python3-torch (apt-get install python3-torch)" >&2; exit 1; }

export OPENBLAS_NUM_THREADS=1
export MALLOC_MMAP_THRESHOLD_=1073741824 MALLOC_TRIM_THRESHOLD_=1073741824
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for precision in fp32 bf16; do
  "$bench" --steps "$steps" --threads "$threads" --precision "$precision" "${only[@]}" \
    --json "$out/cpp-$precision.json" >/dev/null
  /usr/bin/python3 "$root/bench/python/autoencoder_twin.py" --steps "$steps" --threads "$threads" \
    --precision "$precision" "${only[@]}" --json "$out/python-$precision.json" >/dev/null
done

report=$root/bench/results/precision-throughput.md
/usr/bin/python3 - "$out" "$steps" "$threads" > "$report" <<'PY'
import json, pathlib, subprocess, sys, datetime
out, steps, threads = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3]
runs = {name: json.loads((out / f"{name}.json").read_text())
        for name in ("cpp-fp32", "cpp-bf16", "python-fp32", "python-bf16")}
rate = {name: {r["decoder"]: r["images_per_second"] for r in run["results"]} for name, run in runs.items()}
flags = open("/proc/cpuinfo").read()
cpu = next((l.split(":", 1)[1].strip() for l in flags.splitlines() if l.startswith("model name")), "?")
bf16 = [f for f in ("avx512_bf16", "amx_bf16") if f" {f}" in flags]
print("# Training throughput: FP32 and bf16 autocast, C++ and Python\n")
print(f"{datetime.date.today()}, {cpu}, bf16 in the CPU: {', '.join(bf16) or 'no'}; "
      f"{threads} intra-op threads, OpenBLAS pinned to 1 thread, glibc's allocator keeping freed "
      f"memory on both sides; batch 128, {steps} timed steps after 5 warm-up steps; "
      f"load average at the end {open('/proc/loadavg').read().split()[0]}.\n")
print("Command: `bench/run-precision-benchmark.sh`. Images/s (tuples/s for the addition rows); "
      "bf16 = autocast of the forward pass and the loss, weights and Adam in FP32.\n")
print("| model | C++ fp32 | C++ bf16 | Python fp32 | Python bf16 | C++ bf16 / Python fp32 | C++ bf16 / Python bf16 | C++ bf16 / C++ fp32 |")
print("|---|---|---|---|---|---|---|---|")
for model in rate["cpp-fp32"]:
    c32, c16 = rate["cpp-fp32"][model], rate["cpp-bf16"][model]
    p32, p16 = rate["python-fp32"].get(model), rate["python-bf16"].get(model)
    print(f"| {model} | {c32:.0f} | {c16:.0f} | {p32:.0f} | {p16:.0f} | {c16 / p32:.2f} | "
          f"{c16 / p16:.2f} | {c16 / c32:.2f} |")
PY
cat "$report"
