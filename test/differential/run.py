#!/usr/bin/env python3
"""Compares mapguard with Clang's -Wthread-safety on random programs.

For every write site of every generated program (see generate.py), the two
verdicts must agree: mapguard warns about `g_map[k] = v` exactly where Clang
warns about `g_probe = v` on the same line. Where the two analyses are
designed to differ, the comparison accounts for it (see README.md beside this
script); any other difference fails the run and prints the program.

Prints the agreement over all sites and a closing line
'N passed, N failed' counting the sites.
"""

import argparse
import collections
import concurrent.futures
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate  # noqa: E402

DIAG = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): "
                  r"(?P<level>warning|error|note): (?P<msg>.*)$")
# The note that lists the accesses one release leaves unguarded besides the
# one reported: they are reported too, once.
OTHERS = re.compile(r"the same release leaves \d+ more access(?:es)? without "
                    r"'[^']*' \(lines? (?P<lines>[\d, ]+)\)")

# Where Clang's thread-safety analysis models a program differently from
# mapguard by design, it says so with one of these diagnostics; write sites
# in a function that has one are counted apart (see README.md).
DESIGN_DIFFERENCES = {
    # Clang does not iterate loops to a fixed point: it checks the lockset
    # of a back edge against the loop's entry and goes on with the entry's.
    "loop": ("to be held at start of each loop",
             "is still held at the end of its scope"),
    # Clang keeps a mutex in one mode; where paths join with different modes
    # it keeps the exclusive one "to reduce further warnings", and an unlock
    # in the wrong mode is a diagnostic of its own.
    "mixed modes": ("acquired exclusively and shared in the same scope",
                    "using exclusive access, expected shared access",
                    "using shared access, expected exclusive access"),
    # A deferring guard built while its mutex is held (an EXCLUDES
    # violation): Clang releases the mutex when the guard is destroyed,
    # although the guard never locked it.
    "excluded while held": ("while mutex",),
}
# The same, announced by no diagnostic: the generator records where a
# deferred guard that does not own its mutex is destroyed, and Clang releases
# the mutex there anyway.
UNOWNED_GUARD = "a deferred guard destroyed unowned"

def parse_args():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clang", required=True, help="clang++ to compare with")
    parser.add_argument("--mapguard", required=True)
    parser.add_argument("--fake-std", required=True)
    parser.add_argument("--seeds", type=int, default=300)
    parser.add_argument("--start", type=int, default=1)
    parser.add_argument("--per-file", type=int, default=25,
                        help="programs per translation unit")
    parser.add_argument("--work", required=True, help="folder for the programs")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    return parser.parse_args()


def diagnostics(cmd):
    run = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         universal_newlines=True, timeout=600)
    if run.returncode < 0:
        raise RuntimeError(f"{cmd[0]} crashed:\n{run.stdout}")
    found = []
    for text in run.stdout.splitlines():
        m = DIAG.match(text)
        if m:
            found.append((int(m["line"]), m["level"], m["msg"]))
    return found


def check_batch(args, batch, seeds):
    text, programs = generate.generate_file(seeds)
    path = os.path.join(args.work, f"batch{batch}.cpp")
    with open(path, "w") as f:
        f.write(text)
    flags = ["-std=c++17", "-nostdinc++", "-isystem", args.fake_std]
    clang = diagnostics([args.clang, "-fsyntax-only", "-Wthread-safety",
                         "-DMAPGUARD_TSA"] + flags + [path])
    errors = [d for d in clang if d[1] == "error"]
    if errors:
        raise RuntimeError(f"{path} does not compile: {errors[:3]}")
    ours = diagnostics([args.mapguard, "--checks=-*,mapguard-unguarded-write",
                        path, "--"] + flags)
    clang = [d for d in clang if d[1] != "note"]
    clang_lines = {line for line, _, msg in clang
                   if "variable 'g_probe'" in msg}
    our_lines = set()
    in_map_warning = False
    for line, level, msg in ours:
        if level != "note":
            in_map_warning = "shared map 'g_map'" in msg
            if in_map_warning:
                our_lines.add(line)
        elif in_map_warning and (m := OTHERS.search(msg)):
            our_lines.update(int(n) for n in m["lines"].split(","))
    result = collections.Counter()
    disagreements = []
    for program in programs:
        # The design differences Clang reported in each function.
        differences = collections.defaultdict(list)
        for name, first, last in program.functions:
            for line, _, msg in clang:
                if first <= line <= last:
                    differences[name] += [
                        kind for kind, texts in DESIGN_DIFFERENCES.items()
                        if any(t in msg for t in texts)]
        for line, function in program.write_lines:
            theirs, mine = line in clang_lines, line in our_lines
            kinds = list(differences[function])
            if any(f == function and end < line
                   for end, f in program.unowned_guard_ends):
                kinds.append(UNOWNED_GUARD)
            if not kinds:
                result["clean sites"] += 1
            if theirs == mine:
                result["agree"] += 1
                result["both warn" if mine else "both silent"] += 1
            elif kinds:
                result["differ: " + kinds[0]] += 1
            else:
                result["disagree"] += 1
                disagreements.append(
                    f"{path}:{line}: clang {'warns' if theirs else 'is silent'},"
                    f" mapguard {'warns' if mine else 'is silent'}")
    return result, disagreements


def main():
    args = parse_args()
    os.makedirs(args.work, exist_ok=True)
    seeds = list(range(args.start, args.start + args.seeds))
    batches = [seeds[i:i + args.per_file]
               for i in range(0, len(seeds), args.per_file)]
    total = collections.Counter()
    disagreements = []
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for result, found in pool.map(lambda b: check_batch(args, *b),
                                      enumerate(batches)):
            total += result
            disagreements += found
    sites = total["agree"] + total["disagree"] + sum(
        n for k, n in total.items() if k.startswith("differ: "))
    explained = sites - total["agree"] - total["disagree"]
    print(f"{args.seeds} programs (seeds {seeds[0]}..{seeds[-1]}), "
          f"{sites} write sites")
    print(f"  same verdict as Clang:              {total['agree']} "
          f"({total['both warn']} unprotected, {total['both silent']} "
          "protected)")
    for kind in DESIGN_DIFFERENCES:
        print(f"  differ where Clang reports {kind + ':':21}"
              f"{total['differ: ' + kind]}")
    print(f"  differ after {UNOWNED_GUARD + ':':37}"
          f"{total['differ: ' + UNOWNED_GUARD]}")
    print(f"  differ otherwise:                   {total['disagree']}")
    if sites:
        print(f"agreement: {100.0 * total['agree'] / sites:.2f}% of all sites; "
              f"{100.0 * (sites - total['disagree']) / sites:.2f}% once the "
              "documented differences are accounted for")
        clean = total["clean sites"]
        print(f"in functions where Clang reports no design difference: "
              f"{clean - total['disagree']} of {clean} sites agree")
    for d in disagreements[:20]:
        print(d)
    print(f"{sites - total['disagree']} passed, {total['disagree']} failed")
    return 1 if total["disagree"] else 0


if __name__ == "__main__":
    sys.exit(main())
