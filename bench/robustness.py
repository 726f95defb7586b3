#!/usr/bin/env python3
"""Runs mapguard over translation units that include every header of Boost
and of Abseil (Debian's libboost1.74-dev and libabsl-dev): one unit per
top-level Boost header and per Abseil header. Each unit runs twice; a
crash, a hang or a difference between the two runs is a failure. Headers
that do not compile on their own are counted, not failures: mapguard must
still not crash on them.

    bench/robustness.py [--mapguard build/bin/mapguard] [--work /tmp/robust]
"""

import argparse
import concurrent.futures
import glob
import os
import subprocess
import sys

TIMEOUT = 600


def units(work):
    found = []
    for header in sorted(glob.glob("/usr/include/boost/*.hpp")):
        found.append(("boost", os.path.relpath(header, "/usr/include")))
    for header in sorted(glob.glob("/usr/include/absl/**/*.h", recursive=True)):
        if "/internal/" not in header:
            found.append(("abseil", os.path.relpath(header, "/usr/include")))
    paths = []
    for i, (library, header) in enumerate(found):
        path = os.path.join(work, f"{library}-{i}.cpp")
        with open(path, "w") as f:
            f.write(f"#include <{header}>\n")
        paths.append((library, header, path))
    return paths


def run(mapguard, path):
    cmd = [mapguard, "--checks=-*,mapguard-*", path, "--", "-std=c++17"]
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           universal_newlines=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return "hang", ""
    if (p.returncode < 0 or p.returncode >= 128 or "Stack dump" in p.stdout or
            "PLEASE submit a bug report" in p.stdout):
        return "crash", p.stdout
    return ("error" if p.returncode else "ok"), p.stdout


def check(mapguard, unit):
    library, header, path = unit
    first, out1 = run(mapguard, path)
    second, out2 = run(mapguard, path)
    return library, header, first, second, out1 == out2


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mapguard", default="build/bin/mapguard")
    parser.add_argument("--work", default="/tmp/mapguard-robustness")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    mapguard = os.path.abspath(args.mapguard)
    todo = units(args.work)
    failures = 0
    summary = {}
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for library, header, first, second, same in pool.map(
                lambda u: check(mapguard, u), todo):
            s = summary.setdefault(library, {"units": 0, "ok": 0, "error": 0,
                                             "crash": 0, "hang": 0,
                                             "differ": 0})
            s["units"] += 1
            if "crash" in (first, second):
                s["crash"] += 1
            elif "hang" in (first, second):
                s["hang"] += 1
            else:
                s[first] += 1
            if not same:
                s["differ"] += 1
            if first in ("crash", "hang") or second in ("crash", "hang") or \
                    not same:
                failures += 1
                print(f"FAIL {header}: {first}/{second}, same output: {same}")
    for library, s in summary.items():
        print(f"{library}: {s['units']} units, {s['ok']} compile cleanly, "
              f"{s['error']} have compile errors of their own, "
              f"{s['crash']} crashes, {s['hang']} hangs, "
              f"{s['differ']} differ between two runs")
    print(f"{sum(s['units'] for s in summary.values()) - failures} passed, "
          f"{failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
