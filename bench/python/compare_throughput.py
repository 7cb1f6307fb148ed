#!/usr/bin/python3
"""Puts learn2add-bench (C++) and autoencoder_twin.py (Python) results side by side.

    /usr/bin/python3 bench/python/compare_throughput.py [--target 1.2] [--markdown FILE]
        [--command CMD] [--twin-check FILE] [--cores N] [--cpu NAME] [--blas TEXT] RUN_DIR...

Each RUN_DIR holds cpp.json and python.json (written with --json by the two benchmarks) and
`conditions` (key=value lines written by run-training-benchmark.sh: load, compilers, order).
Prints one table per run and, with --markdown, writes the commit-ready report. Exits with 1 when
the two sides do not describe the same models (parameter names, shapes or counts differ) or did not
run with the same settings; a ratio below the target is a result, not an error.
"""

import argparse
import datetime
import json
import pathlib
import sys

SETTINGS = ("threads_requested", "intra_op_threads", "batch_size", "code_size", "learning_rate",
            "warmup_steps", "steps", "training_images", "decode_repeats")
BUSY_OTHERS_PERCENT = 10.0  # other processes using more than this share of the machine: loaded


def read_run(folder):
    cpp = json.loads((folder / "cpp.json").read_text())
    python = json.loads((folder / "python.json").read_text())
    conditions = {}
    conditions_file = folder / "conditions"
    if conditions_file.exists():
        for line in conditions_file.read_text().splitlines():
            key, _, value = line.partition("=")
            conditions[key.strip()] = value.strip()
    return {"name": folder.name, "cpp": cpp, "python": python, "conditions": conditions}


def consistency_problems(run):
    """Everything that makes the two sides of a run not the same work."""
    problems = []
    cpp, python = run["cpp"], run["python"]
    for key in SETTINGS:
        if cpp.get(key) != python.get(key):
            problems.append(f"{run['name']}: {key} is {cpp.get(key)} in C++, {python.get(key)} in Python")
    python_rows = {r["decoder"]: r for r in python["results"]}
    for row in cpp["results"]:
        twin = python_rows.get(row["decoder"])
        if twin is None:
            problems.append(f"{run['name']}: no Python result for {row['decoder']}")
        elif row["parameters"] != twin["parameters"] or row["parameter_shapes"] != twin["parameter_shapes"]:
            problems.append(f"{run['name']}: {row['decoder']} has {row['parameters']} parameters in "
                            f"C++, {twin['parameters']} in Python (or differently shaped ones)")
    return problems


def rows_of(run, target):
    python_rows = {r["decoder"]: r for r in run["python"]["results"]}
    rows = []
    for cpp in run["cpp"]["results"]:
        py = python_rows[cpp["decoder"]]
        ratio = cpp["images_per_second"] / py["images_per_second"]
        rows.append({"decoder": cpp["decoder"], "parameters": cpp["parameters"],
                     "parameters_python": py["parameters"], "cpp": cpp, "python": py,
                     "ratio": ratio, "meets": ratio >= target})
    return rows


def load_label(run):
    """'quiet', or 'UNDER LOAD' with the reason."""
    reasons = []
    compilers = run["conditions"].get("compilers", "0")
    if compilers not in ("", "0"):
        reasons.append(f"{compilers} cc1plus running at start")
    busiest = max(r["others_cpu_percent"] for side in ("cpp", "python")
                  for r in run[side]["results"])
    if busiest > BUSY_OTHERS_PERCENT:
        reasons.append(f"other processes used up to {busiest:.0f}% of the machine")
    return "quiet" if not reasons else "UNDER LOAD (" + "; ".join(reasons) + ")"


def text_table(run, target):
    lines = [f"{run['name']}: {load_label(run)}; load average at start "
             f"{run['conditions'].get('load', '?')}; order {run['conditions'].get('order', '?')}",
             f"{'decoder':<9} {'params C++/Py':>19} {'C++ img/s':>10} {'Py img/s':>10} {'ratio':>6} "
             f"{'C++ dec ms':>10} {'Py dec ms':>10} {'>= ' + format(target, 'g') + 'x':>7}"]
    for r in rows_of(run, target):
        lines.append(f"{r['decoder']:<9} {r['parameters']:>9}/{r['parameters_python']:<9} "
                     f"{r['cpp']['images_per_second']:>10.1f} {r['python']['images_per_second']:>10.1f} "
                     f"{r['ratio']:>6.2f} {r['cpp']['decode_median_ms']:>10.3f} "
                     f"{r['python']['decode_median_ms']:>10.3f} {'yes' if r['meets'] else 'no':>7}")
    return "\n".join(lines)


def markdown_run(run, target):
    out = [f"### {run['name']}: {load_label(run)}", "",
           f"Load average at start: {run['conditions'].get('load', '?')}; "
           f"order: {run['conditions'].get('order', '?')}.", "",
           f"| decoder | parameters (C++ = Python) | C++ img/s | Python img/s | ratio C++/Python "
           f"| C++ decode ms | Python decode ms | meets {target:g}x |",
           "|---|---:|---:|---:|---:|---:|---:|---|"]
    for r in rows_of(run, target):
        same = "=" if r["parameters"] == r["parameters_python"] else "!="
        out.append(f"| {r['decoder']} | {r['parameters']:,} {same} {r['parameters_python']:,} "
                   f"| {r['cpp']['images_per_second']:.1f} | {r['python']['images_per_second']:.1f} "
                   f"| {r['ratio']:.2f} | {r['cpp']['decode_median_ms']:.3f} "
                   f"| {r['python']['decode_median_ms']:.3f} | {'yes' if r['meets'] else 'no'} |")
    out += ["", "Median milliseconds per training step, by phase (C++ / Python), and the share of "
            "the machine other processes used while each side measured:", "",
            "| decoder | step | gather + forward + loss | zero_grad + backward | Adam step "
            "| others' CPU % |", "|---|---:|---:|---:|---:|---:|"]
    for r in rows_of(run, target):
        c, p = r["cpp"], r["python"]
        out.append(f"| {r['decoder']} | {c['median_step_ms']:.1f} / {p['median_step_ms']:.1f} "
                   f"| {c['median_forward_ms']:.1f} / {p['median_forward_ms']:.1f} "
                   f"| {c['median_backward_ms']:.1f} / {p['median_backward_ms']:.1f} "
                   f"| {c['median_optimizer_ms']:.2f} / {p['median_optimizer_ms']:.2f} "
                   f"| {c['others_cpu_percent']:.1f} / {p['others_cpu_percent']:.1f} |")
    return "\n".join(out)


def markdown_report(runs, args):
    first = runs[0]
    cpp, python = first["cpp"], first["python"]
    twin_check = args.twin_check.read_text().strip() if args.twin_check else "(not run)"
    out = [
        "# Training throughput: C++ (LibTorch) against the PyTorch twin", "",
        f"- Date: {datetime.datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')}",
        f"- Machine: {args.cores} cores (`nproc`), {args.cpu}",
        f"- BLAS (`update-alternatives --query libblas.so.3-x86_64-linux-gnu | grep Value`): {args.blas}",
        f"- C++: LibTorch {cpp['torch_version']}, {cpp['intra_op_threads']} intra-op threads, "
        f"{cpp['blas']}; Python: PyTorch {python['torch_version']}, "
        f"{python['intra_op_threads']} intra-op threads, {python['blas']}",
        f"- Work per decoder: code size {cpp['code_size']}, batch {cpp['batch_size']}, Adam lr "
        f"{cpp['learning_rate']:g}, MSE; {cpp['warmup_steps']} warm-up steps, then "
        f"{cpp['steps']} timed steps (gather + forward + loss + zero_grad + backward + step); "
        f"decode latency = median of {cpp['decode_repeats']} `decode()` calls of one code, eval "
        "mode, no grad.",
        f"- Command: `{args.command}`", "",
        "Twin check (the C++ models' initial weights loaded into the Python twin, outputs "
        "compared):", "", "```", twin_check, "```", "",
        f"## Results (target: C++ at least {args.target:g}x the Python images/s)", ""]
    for run in runs:
        out += [markdown_run(run, args.target), ""]
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("runs", nargs="+", type=pathlib.Path, metavar="RUN_DIR")
    parser.add_argument("--target", type=float, default=1.2)
    parser.add_argument("--markdown", type=pathlib.Path)
    parser.add_argument("--command", default="(unknown)")
    parser.add_argument("--twin-check", type=pathlib.Path)
    parser.add_argument("--cores", default="?")
    parser.add_argument("--cpu", default="?")
    parser.add_argument("--blas", default="?")
    args = parser.parse_args()

    runs = [read_run(folder) for folder in args.runs]
    problems = [p for run in runs for p in consistency_problems(run)]
    if problems:
        print("The two sides did not do the same work:\n  " + "\n  ".join(problems), file=sys.stderr)
        return 1
    for run in runs:
        print(text_table(run, args.target) + "\n")
    if args.markdown:
        args.markdown.parent.mkdir(parents=True, exist_ok=True)
        args.markdown.write_text(markdown_report(runs, args) + "\n")
        print(f"wrote {args.markdown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
