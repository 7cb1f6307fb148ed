#!/usr/bin/env bash
# Training throughput, C++ against Python, side by side: builds learn2add-bench (Release, in
# build-bench/), checks that the PyTorch twin computes the same functions as the C++ models, runs
# both benchmarks one after the other with the same settings (OPENBLAS_NUM_THREADS=1, the same
# intra-op threads), prints the comparison and writes it to bench/results/training-throughput.md.
#
#   bench/run-training-benchmark.sh [--steps N] [--threads N] [--runs N] [--target X]
#                                   [--wait-for-quiet MINUTES] [--no-build] [--report FILE]
#                                   [--only NAMES]
#
#   --steps N                timed training steps per decoder (default 40)
#   --threads N              intra-op threads on both sides (default 2)
#   --runs N                 C++/Python pairs to run; even runs start with Python (default 1)
#   --target X               the C++/Python images/s ratio to meet (default 1.2)
#   --wait-for-quiet MINUTES first wait, polling every 60 s, until the 1-minute load average is
#                            below 0.7 and no compiler (cc1plus) runs; measure anyway after MINUTES
#                            (the report then says the machine was under load)
#   --no-build               use the learn2add-bench already built
#   --report FILE            write the report there instead (default bench/results/training-throughput.md)
#   --only NAMES             comma-separated rows: mirror, upsample, resize64, addition, vae-addition,
#                            vae-genp-addition (default: all)
#
# Environment: LEARN2ADD_BENCH_BUILD_DIR (default <repo>/build-bench), LEARN2ADD_BENCH_PYTHON
# (default /usr/bin/python3, Debian's python3-torch: the same libtorch_cpu.so as the C++ side).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${LEARN2ADD_BENCH_BUILD_DIR:-$root/build-bench}
python=${LEARN2ADD_BENCH_PYTHON:-/usr/bin/python3}
command_line="bench/run-training-benchmark.sh${*:+ $*}"
steps=40 threads=2 runs=1 target=1.2 wait_minutes=0 build=1 only=()
quiet_load=0.7
report=$root/bench/results/training-throughput.md

usage() { sed -n '6,24p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
while (($#)); do
  case $1 in
    --steps) steps=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --target) target=$2; shift 2 ;;
    --wait-for-quiet) wait_minutes=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    --report) report=$2; shift 2 ;;
    --only) only=(--only "$2"); shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run-training-benchmark.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
done

bench=$build_dir/bench/learn2add-bench
twin=$root/bench/python/autoencoder_twin.py
if ((build)); then
  cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DLEARN2ADD_BUILD_GUI=OFF -DLEARN2ADD_BUILD_TESTS=OFF -DLEARN2ADD_BUILD_BENCHMARKS=ON >/dev/null
  cmake --build "$build_dir" --target learn2add-bench
fi
[[ -x $bench ]] || { echo "run-training-benchmark.sh: $bench is missing; build it first" >&2; exit 1; }

load1() { cut -d' ' -f1 /proc/loadavg; }
compilers() { pgrep -c -x cc1plus || true; }
machine_is_quiet() { awk -v l="$(load1)" -v q="$quiet_load" 'BEGIN { exit !(l < q) }' && (($(compilers) == 0)); }

if ((wait_minutes > 0)); then
  deadline=$((SECONDS + wait_minutes * 60))
  until machine_is_quiet; do
    if ((SECONDS >= deadline)); then
      echo "still busy after $wait_minutes min; measuring anyway (the report says so)" >&2
      break
    fi
    echo "waiting for a quiet machine: load $(cut -d' ' -f1-3 /proc/loadavg), $(compilers) cc1plus" >&2
    sleep 60
  done
fi

export OPENBLAS_NUM_THREADS=1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== twin check: the C++ models' initial weights in the Python twin"
"$bench" --export-reference "$work/reference" --threads "$threads" >/dev/null
"$python" "$twin" --check-against "$work/reference" --threads "$threads" "${only[@]}" | tee "$work/twin-check.txt"

run_dirs=()
for ((run = 1; run <= runs; ++run)); do
  dir=$work/run-$run
  run_dirs+=("$dir")
  mkdir -p "$dir"
  sides=(cpp python)
  if ((run % 2 == 0)); then sides=(python cpp); fi
  {
    echo "load=$(cut -d' ' -f1-3 /proc/loadavg)"
    echo "compilers=$(compilers)"
    echo "order=${sides[0]} then ${sides[1]}"
  } >"$dir/conditions"
  for side in "${sides[@]}"; do
    echo "== run $run: $side"
    if [[ $side == cpp ]]; then
      "$bench" --steps "$steps" --threads "$threads" "${only[@]}" --json "$dir/cpp.json"
    else
      "$python" "$twin" --steps "$steps" --threads "$threads" "${only[@]}" --json "$dir/python.json"
    fi
  done
done

echo "== side by side"
"$python" "$root/bench/python/compare_throughput.py" --target "$target" \
  --command "$command_line" --twin-check "$work/twin-check.txt" \
  --cores "$(nproc)" --cpu "$(lscpu | grep 'Model name' | sed 's/^Model name: *//')" \
  --blas "$(update-alternatives --query libblas.so.3-x86_64-linux-gnu | grep Value | sed 's/^Value: *//')" \
  --markdown "$report" "${run_dirs[@]}"
