#!/usr/bin/env python3
"""What mapguard's analysis costs beside its closest peer, in instructions.

Clang's thread-safety analysis (-Wthread-safety) is the nearest thing to
mapguard: a lockset analysis over each function's CFG, run as part of the
compile. This script counts instructions with callgrind (repeatable, whatever
else the machine does) on the same translation units:

  parse     clang++ -fsyntax-only with -Wno-thread-safety: the compile alone;
  TSA       the same with -Wthread-safety: the inclusive cost of
            clang::threadSafety::runThreadSafetyAnalysis, and the marginal
            cost of the flag (the whole run less the parse);
  mapguard  mapguard's checks under clang-tidy: the inclusive cost of its
            own code (the unit's analysis, on its thread, and the checks'
            reports), less what clang-tidy's diagnostics engine spends
            rendering the reports those make (the calls of
            DiagnosticsEngine::EmitCurrentDiagnostic from mapguard's code:
            -Wthread-safety's inclusive cost leaves out its warnings' too,
            emitted after it returns), and its share of that run;
  CFG       of mapguard's own, what Clang's CFG builder costs it (the calls
            of AnalysisDeclContext::getCFG from mapguard's code). TSA's
            inclusive cost has no such part: it reads the CFG that Sema
            builds for the compile's own warnings.

A row passes when mapguard's own instructions are at most TSA's inclusive
ones. Then, on generated inputs (bench/stress.py's shapes), mapguard's own
instructions per map access, and the part of them its CFG builds cost.

    bench/cost.py [--mapguard build/bin/mapguard] [--clang clang++-19]
                  [--work bench/work] [--per-project 3] [--jobs 2]

The units: leveldb's db/db_impl.cc and the --per-project largest sources of
each bench project (bench/fetch.sh writes their compilation databases).
"""

import argparse
import concurrent.futures
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import stress  # noqa: E402  (the generated shapes)

PROJECTS = ["leveldb", "gflags", "spdlog", "protobuf"]
TSA = "clang::threadSafety::runThreadSafetyAnalysis("
MAPGUARD_OWN = ("mapguard::TranslationUnitAnalyzer::run()",
                "mapguard::MapguardCheck::check(")
ROW = re.compile(r"^\s*([\d,]+)\s+\(\s*[\d.]+%\)\s+(?:\S*?:)?(.*)$")


EMIT = "clang::DiagnosticsEngine::EmitCurrentDiagnostic("
GET_CFG = "clang::AnalysisDeclContext::getCFG("
CALLER = re.compile(r"^\s*([\d,]+)\s+\(\s*[\d.]+%\)\s+<\s+(?:\S*?:)?(.*)$")


def called_from(out, callees, prefix):
    """What the calls of each of callees from functions named with prefix
    cost, in the callgrind output file out."""
    tree = subprocess.run(
        ["callgrind_annotate", "--inclusive=yes", "--tree=caller",
         "--threshold=100", out],
        stdout=subprocess.PIPE, universal_newlines=True).stdout
    totals, callers = {c: 0 for c in callees}, []
    for line in tree.splitlines():
        m = CALLER.match(line)
        if m:
            callers.append((int(m.group(1).replace(",", "")), m.group(2)))
            continue
        if "*" in line:
            for callee in callees:
                if callee in line:
                    totals[callee] += sum(c for c, name in callers
                                          if name.startswith(prefix))
        callers = []
    return totals


def callgrind(cmd, cwd=None, own_prefix=None):
    """Total instructions of cmd, and the inclusive cost of each function;
    with own_prefix, also what the diagnostics that the functions named with
    it emit cost to render, and the CFGs they build (under the keys EMIT and
    GET_CFG)."""
    with tempfile.NamedTemporaryFile(suffix=".cg", delete=False) as f:
        out = f.name
    try:
        subprocess.run(["valgrind", "--tool=callgrind", "--quiet",
                        f"--callgrind-out-file={out}"] + cmd, cwd=cwd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        annotate = subprocess.run(
            ["callgrind_annotate", "--inclusive=yes", "--threshold=100", out],
            stdout=subprocess.PIPE, universal_newlines=True).stdout
        called = called_from(out, [EMIT, GET_CFG], own_prefix) \
            if own_prefix else {EMIT: 0, GET_CFG: 0}
    finally:
        os.remove(out)
    total, functions = 0, {}
    for line in annotate.splitlines():
        m = ROW.match(line)
        if not m:
            continue
        count = int(m.group(1).replace(",", ""))
        if "PROGRAM TOTALS" in m.group(2):
            total = count
        else:
            name = m.group(2)
            # A recursive cycle's entry ('2) would count twice.
            if "'" not in name.split("(")[0]:
                functions[name] = functions.get(name, 0) + count
    functions.update(called)
    return total, functions


def own_cost(functions):
    """mapguard's own instructions: its code, less the rendering of its
    reports by clang-tidy's diagnostics engine."""
    return inclusive(functions, MAPGUARD_OWN) - functions[EMIT]


def inclusive(functions, prefixes):
    return sum(c for name, c in functions.items()
               if any(name.startswith(p) for p in prefixes))


def compile_args(entry):
    """The entry's compiler arguments for -fsyntax-only, without its output
    and thread-safety flags."""
    args = entry.get("arguments") or shlex.split(entry["command"])
    out, skip = [], False
    for a in args[1:]:
        if skip:
            skip = False
            continue
        if a in ("-o", "-c"):
            skip = a == "-o"
            continue
        if a.startswith("-Wthread-safety") or a.startswith("-Wno-thread-safety")\
                or a == "-Werror" or a == entry["file"]:
            continue
        out.append(a)
    return out + ["-fsyntax-only", entry["file"]]


def units(work, per_project):
    chosen = []
    for project in PROJECTS:
        db = os.path.join(work, f"{project}-build", "compile_commands.json")
        if not os.path.exists(db):
            print(f"{project}: no compilation database (run bench/fetch.sh)")
            continue
        with open(db) as f:
            entries = [e for e in json.load(f) if os.path.exists(e["file"])]
        seen, picked = set(), []
        must = [e for e in entries if e["file"].endswith("db/db_impl.cc")]
        by_size = sorted(entries, key=lambda e: -os.path.getsize(e["file"]))
        for e in must + by_size:
            if e["file"] not in seen and len(picked) < per_project + len(must):
                seen.add(e["file"])
                picked.append(e)
        chosen += [(project, os.path.dirname(db), e) for e in picked]
    return chosen


def measure_unit(args, project, build, entry):
    flags = compile_args(entry)
    parse, _ = callgrind([args.clang, "-Wno-thread-safety"] + flags,
                         cwd=entry["directory"])
    with_tsa, fns = callgrind([args.clang, "-Wthread-safety"] + flags,
                              cwd=entry["directory"])
    tsa = inclusive(fns, [TSA])
    # The unit's own flags, once: a database may list a source twice (a
    # static and a shared library), and -p would check it twice.
    run_total, fns = callgrind(
        [args.mapguard, "--checks=-*,mapguard-*", "--quiet", entry["file"],
         "--", "-Wno-thread-safety"] + flags[:-2], cwd=entry["directory"],
        own_prefix="mapguard::")
    own = own_cost(fns)
    short = "/".join(entry["file"].split("/")[-2:])
    return {"unit": f"{project} {short}",
            "parse": parse, "tsa": tsa, "tsa_marginal": with_tsa - parse,
            "run": run_total, "own": own, "cfg": fns[GET_CFG]}


ACCESSES = {  # map accesses each generated shape makes, by size
    "statements": lambda n: n,
    "branches": lambda n: (n + 1) // 2,
    "mutexes_and_maps": lambda n: 2 * n,
    "lambdas": lambda n: n,
    "templates": lambda n: n,
    "lock_chain": lambda n: n,
    "locks_held": lambda n: n,
}
GENERATED_SIZES = {"statements": 10000, "branches": 2000,
                   "mutexes_and_maps": 1000, "lambdas": 500,
                   "templates": 500, "lock_chain": 1000, "locks_held": 3000}


def measure_generated(args, name, tmp):
    n = GENERATED_SIZES[name]
    path = os.path.join(tmp, f"{name}-{n}.cpp")
    with open(path, "w") as f:
        f.write(getattr(stress, name)(n))
    total, fns = callgrind([args.mapguard, "--checks=-*,mapguard-*", path,
                            "--", "-std=c++17", "-ftemplate-depth=2000"],
                           own_prefix="mapguard::")
    own = own_cost(fns)
    return name, n, ACCESSES[name](n), own, fns[GET_CFG]


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mapguard", default="build/bin/mapguard")
    parser.add_argument("--clang", default="clang++-19")
    parser.add_argument("--work", default=os.path.join(HERE, "work"))
    parser.add_argument("--per-project", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--no-generated", action="store_true")
    parser.add_argument("--no-units", action="store_true",
                        help="only the generated inputs")
    args = parser.parse_args()
    args.mapguard = os.path.abspath(args.mapguard)

    chosen = [] if args.no_units else units(args.work, args.per_project)
    M = 1e6
    print(f"{'unit':44} {'parse':>8} {'TSA':>7} {'TSA%':>6} {'TSA+':>7}"
          f" {'mapguard':>9} {'CFG':>7} {'mg%':>6} {'<= TSA':>7}")
    failed = 0
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for r in pool.map(lambda u: measure_unit(args, *u), chosen):
            ok = r["own"] <= r["tsa"]
            failed += not ok
            print(f"{r['unit'][:44]:44} {r['parse'] / M:8.0f} {r['tsa'] / M:7.2f}"
                  f" {100 * r['tsa'] / max(r['parse'], 1):5.2f}%"
                  f" {r['tsa_marginal'] / M:7.2f} {r['own'] / M:9.2f}"
                  f" {r['cfg'] / M:7.2f}"
                  f" {100 * r['own'] / max(r['run'], 1):5.2f}%"
                  f" {'yes' if ok else 'NO':>7}", flush=True)
    print("(millions of instructions; TSA+ is what -Wthread-safety adds to "
          "the parse; CFG is the part of mapguard's own spent in Clang's CFG "
          "builder)")
    print(f"{len(chosen) - failed} of {len(chosen)} units: mapguard's own "
          "instructions at most TSA's")
    if args.no_generated:
        return 0
    print(f"\n{'generated input':20} {'size':>6} {'accesses':>9}"
          f" {'mapguard (M)':>13} {'per access':>11} {'CFG per access':>15}")
    with tempfile.TemporaryDirectory() as tmp:
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            for name, n, accesses, own, cfg in pool.map(
                    lambda g: measure_generated(args, g, tmp), GENERATED_SIZES):
                print(f"{name:20} {n:6} {accesses:9} {own / M:13.1f}"
                      f" {own / accesses:11.0f} {cfg / accesses:15.0f}",
                      flush=True)
    print("(CFG per access: the part of mapguard's own spent in Clang's CFG "
          "builder, per map access)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
