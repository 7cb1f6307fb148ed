#!/usr/bin/env bash
# Trains the models the app ships (resources/pretrained/) with fixed seeds, then exports each
# run's best.pt with float16 parameters. The recipe behind the README's "pretrained models":
#   bash packaging/train-pretrained.sh [--new-judge] [RUNS_DIR]   # after a release build; RUNS_DIR
#                                                                 # (build/pretrained-runs) empty
# Each addition model is trained with the CLI's default recipe, which uses no digit labels (the
# guided recipe with the digit probe off, E(y) of one image of the sum as the code term's target,
# Adam's rate falling along a cosine to 0; KL weight 3e-4 for the generative P), written out
# below so that a change of the defaults does not change the shipped models unseen; upsample
# decoder, code 7, seed 42, the CPU's precision (bf16 where it has it): AE + P for 10 epochs, the
# two variational models for 8. The shipped judge is kept: it is the instrument every accuracy in
# the README was read with (98.8 % of the test digits). Judges trained again read the same model's
# sums a point or two apart (measured: the shipped one 95.7 %, a bf16 retraining 94.7 %, an FP32
# one 1-3 points under the bf16 one per epoch), so a new judge would move every figure at once.
# Without a shipped judge (or with --new-judge) one is trained (8 epochs, FP32) and shipped.
set -euo pipefail
cd "$(dirname "$0")/.."
cli=build/release/app/learn2add-cli
new_judge=0
if [ "${1:-}" = --new-judge ]; then new_judge=1; shift; fi
runs=${1:-build/pretrained-runs}
out=resources/pretrained
export OPENBLAS_NUM_THREADS=1
[ -x "$cli" ] || { echo "build first: cmake --preset release && cmake --build --preset release" >&2; exit 1; }
mkdir -p "$runs"
start=$(date +%s)
if [ "$new_judge" = 1 ] || [ ! -f "$out/judge/best.pt" ]; then
  "$cli" train judge --seed 42 --precision fp32 --out "$runs/judge"
  rm -rf "$out/judge"
  "$cli" export --run "$runs/judge" --half --out "$out/judge"
fi
label_free=(--recipe guided --digit-weight 0 --code-target sample --lr-schedule cosine --seed 42)
"$cli" train addition "${label_free[@]}" --epochs 10 --judge "$out/judge" --out "$runs/addition"
"$cli" train vae-addition "${label_free[@]}" --kl-weight 0.001 --epochs 8 --judge "$out/judge" \
  --out "$runs/vae-addition"
"$cli" train vae-genp-addition "${label_free[@]}" --kl-weight 0.0003 --epochs 8 \
  --judge "$out/judge" --out "$runs/vae-genp-addition"
for run in addition vae-addition vae-genp-addition; do
  rm -rf "${out:?}/$run"
  "$cli" export --run "$runs/$run" --half --out "$out/$run"
done
for model in addition vae-addition vae-genp-addition; do
  "$cli" eval --run "$out/$model" --judge "$out/judge" | grep "addition accuracy"
done
echo "pretrained models written to $out in $(( $(date +%s) - start )) s"
