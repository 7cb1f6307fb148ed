#!/usr/bin/env bash
# Trains the models the app ships (resources/pretrained/) with fixed seeds, then exports each
# run's best.pt with float16 parameters. The recipe behind the README's "pretrained models":
#   bash packaging/train-pretrained.sh [RUNS_DIR]      # after a release build
# Each model is trained with the CLI's defaults (guided recipe, upsample decoder, code 7, seed
# 42, 300 warm-up passes of P): AE + P for 2 epochs (its best.pt is the better of the two), the
# two variational models for 1; the judge with its own defaults (8 epochs).
set -euo pipefail
cd "$(dirname "$0")/.."
cli=build/release/app/learn2add-cli
runs=${1:-build/pretrained-runs}
out=resources/pretrained
export OPENBLAS_NUM_THREADS=1
[ -x "$cli" ] || { echo "build first: cmake --preset release && cmake --build --preset release" >&2; exit 1; }
mkdir -p "$runs"
start=$(date +%s)
"$cli" train judge --seed 42 --out "$runs/judge"
"$cli" train addition --epochs 2 --seed 42 --judge "$runs/judge" --out "$runs/addition"
for model in vae-addition vae-genp-addition; do
  "$cli" train "$model" --epochs 1 --seed 42 --judge "$runs/judge" --out "$runs/$model"
done
rm -rf "$out"
for run in judge addition vae-addition vae-genp-addition; do
  "$cli" export --run "$runs/$run" --half --out "$out/$run"
done
for model in addition vae-addition vae-genp-addition; do
  "$cli" eval --run "$out/$model" --judge "$out/judge" | grep "addition accuracy"
done
echo "pretrained models written to $out in $(( $(date +%s) - start )) s"
