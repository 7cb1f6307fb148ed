#!/usr/bin/env bash
# FP32 against bf16, C++ against Python, in one run: learn2add-bench and the PyTorch twin (in the
# default layout and channels-last, as the C++ side trains), each at fp32 and under bf16 autocast,
# one after the other with the same settings (OpenBLAS pinned to one
# thread, the same intra-op threads, glibc's allocator keeping freed memory on both sides: the C++
# side calls mallopt, the Python side gets the same thresholds through MALLOC_*_ variables), the
# whole round `--runs` times (default 2), then a table of images/s per model (every run) and the
# ratios of the means, and a table of the work per trained image against this CPU's peak (the
# twin counts the FLOPs of a training step with hooks; the peak is its best 4096^3 torch.mm in fp32
# and in bf16 at the same threads), written to bench/results/precision-throughput.md.
#
#   bench/run-precision-benchmark.sh [--steps N] [--threads N] [--runs N] [--only NAMES] [--bench PATH]
#
# Needs Debian's python3-torch (the same libtorch_cpu as the C++ side). A quiet machine: the
# table says the load average before and after.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
steps=30 threads=2 runs=2 only=() bench=$root/build/release/bench/learn2add-bench
while (($#)); do
  case $1 in
    --steps) steps=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
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
twin=$root/bench/python/autoencoder_twin.py
cut -d' ' -f1 /proc/loadavg > "$out/load-before"
# The peak with every thread: torch.mm calls OpenBLAS in fp32 (given the threads here) and
# oneDNN in bf16 (LibTorch's intra-op threads).
OPENBLAS_NUM_THREADS=$threads /usr/bin/python3 "$twin" --peak --threads "$threads" --json "$out/peak.json"
for ((run = 1; run <= runs; ++run)); do
  for precision in fp32 bf16; do
    echo "run $run of $runs: C++ $precision, then Python $precision in both layouts" >&2
    "$bench" --steps "$steps" --threads "$threads" --precision "$precision" "${only[@]}" \
      --json "$out/cpp-$precision-$run.json" >/dev/null
    /usr/bin/python3 "$twin" --steps "$steps" --threads "$threads" \
      --precision "$precision" "${only[@]}" --json "$out/python-$precision-$run.json" >/dev/null
    /usr/bin/python3 "$twin" --steps "$steps" --threads "$threads" --layout channels-last \
      --precision "$precision" "${only[@]}" --json "$out/python-cl-$precision-$run.json" >/dev/null
  done
done

report=$root/bench/results/precision-throughput.md
/usr/bin/python3 - "$out" "$steps" "$threads" "$runs" > "$report" <<'PY'
import json, pathlib, statistics, sys, datetime
out, steps, threads, runs = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
sides = ("cpp-fp32", "cpp-bf16", "python-fp32", "python-bf16", "python-cl-fp32", "python-cl-bf16")
rates, flops = {}, {}
for side in sides:
    for run in range(1, runs + 1):
        for row in json.loads((out / f"{side}-{run}.json").read_text())["results"]:
            rates.setdefault(side, {}).setdefault(row["decoder"], []).append(row["images_per_second"])
            if "training_flops_per_image" in row:
                flops[row["decoder"]] = row["training_flops_per_image"]
peak = json.loads((out / "peak.json").read_text())
mean = {side: {m: statistics.mean(v) for m, v in models.items()} for side, models in rates.items()}
flags = open("/proc/cpuinfo").read()
cpu = next((l.split(":", 1)[1].strip() for l in flags.splitlines() if l.startswith("model name")), "?")
bf16 = [f for f in ("avx512_bf16", "amx_bf16") if f" {f}" in flags]
load_before = (out / "load-before").read_text().strip()
load_after = open("/proc/loadavg").read().split()[0]
print("# Training throughput: FP32 and bf16 autocast, C++ and Python\n")
print(f"{datetime.date.today()}, {cpu}, bf16 in the CPU: {', '.join(bf16) or 'no'}; "
      f"{threads} intra-op threads, OpenBLAS pinned to 1 thread, glibc's allocator keeping freed "
      f"memory on both sides; batch 128, {steps} timed steps after 5 warm-up steps; {runs} rounds "
      f"(each: C++ fp32, Python fp32 in the default layout, then channels-last, the same in bf16); "
      f"load average {load_before} before, {load_after} after.\n")
print("Command: `bench/run-precision-benchmark.sh`. Images/s (tuples/s for the addition rows), "
      "each round's figure; the ratios are of the means. bf16 = autocast of the forward pass and "
      "the loss, weights and Adam in FP32; the C++ side's `--precision auto` is bf16 on a CPU with "
      "avx512_bf16 or amx_bf16 and fp32 otherwise. Layout: the C++ trainers (and learn2add-bench) "
      "keep the convolution weights channels-last while training (core/models/WeightLayout.h); "
      "\"Python\" is the twin as PyTorch code is usually written (the default NCHW layout), "
      "\"Python CL\" the twin with `--layout channels-last`, the same computation as the C++ "
      "side.\n")
print("| model | C++ fp32 | C++ bf16 | Python fp32 | Python bf16 | Python CL fp32 | Python CL bf16 | "
      "C++ bf16 / Python fp32 | C++ bf16 / Python bf16 | C++ bf16 / Python CL bf16 | "
      "C++ fp32 / Python CL fp32 | C++ bf16 / C++ fp32 |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|")
each = lambda side, model: " / ".join(f"{v:.0f}" for v in rates[side].get(model, []))
for model in rates["cpp-fp32"]:
    c32, c16 = mean["cpp-fp32"][model], mean["cpp-bf16"][model]
    p32, p16 = mean["python-fp32"][model], mean["python-bf16"][model]
    l32, l16 = mean["python-cl-fp32"][model], mean["python-cl-bf16"][model]
    print(f"| {model} | {each('cpp-fp32', model)} | {each('cpp-bf16', model)} | "
          f"{each('python-fp32', model)} | {each('python-bf16', model)} | "
          f"{each('python-cl-fp32', model)} | {each('python-cl-bf16', model)} | {c16 / p32:.2f} | "
          f"{c16 / p16:.2f} | {c16 / l16:.2f} | {c32 / l32:.2f} | {c16 / c32:.2f} |")
print(f"\n## Against the peak\n")
print(f"Peak: the best 4096 x 4096 x 4096 `torch.mm` of the twin at {peak['threads']} threads "
      "(fp32: OpenBLAS's sgemm given the same number of threads; bf16: oneDNN), "
      f"{peak['fp32_gflops']:.0f} GFLOP/s in fp32 and {peak['bf16_gflops']:.0f} GFLOP/s in bf16. "
      "Work per trained image: the twin's hooks count every multiply-add of the convolutions and "
      "linear layers in one training step's forward pass as 2 FLOPs, times 3 for layers run with "
      "gradients (backward about twice the forward) and once for those under no_grad (the target "
      "code E(y)); pooling, activations, upsampling, losses and Adam are left out.\n")
print("| model | GFLOP per trained image | C++ fp32 GFLOP/s (of the fp32 peak) | C++ bf16 GFLOP/s (of the fp32 peak, of the bf16 peak) |")
print("|---|---|---|---|")
for model in rates["cpp-fp32"]:
    work = flops.get(model)
    if work is None:
        continue
    g32, g16 = mean["cpp-fp32"][model] * work / 1e9, mean["cpp-bf16"][model] * work / 1e9
    print(f"| {model} | {work / 1e9:.3f} | {g32:.0f} ({100 * g32 / peak['fp32_gflops']:.0f}%) | "
          f"{g16:.0f} ({100 * g16 / peak['fp32_gflops']:.0f}%, {100 * g16 / peak['bf16_gflops']:.0f}%) |")
PY
cat "$report"
