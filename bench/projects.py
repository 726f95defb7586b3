#!/usr/bin/env python3
"""What mapguard costs on real projects, and whether it holds up there.

For every translation unit of each project's compilation database (see
fetch.sh), runs
  (a) clang-tidy with one trivial check: the parse that any lint pays;
  (b) mapguard's checks, with --enable-check-profile;
  (c) mapguard's checks again, to see that the output is the same.
It prints, per project and in total: the checks' own time as a share of
run (b), the wall-time ratio b/a, the peak memory of each, and the crashes,
hangs and differences between (b) and (c). The warnings of (b) go to
WORK/findings.txt for review.

    bench/projects.py [--mapguard build/bin/mapguard] [--work bench/work]
"""

import argparse
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import time

PROJECTS = ["leveldb", "gflags", "spdlog", "protobuf", "glog", "log4cplus"]
TIMEOUT = 600
PROFILE_ROW = re.compile(r"^\s*(?:[\d.]+ \(\s*[\d.]+%\)\s+){3}([\d.]+) "
                         r"\(\s*[\d.]+%\)\s+(\S+)")
FINDING = re.compile(r"^(\S+:\d+:\d+): (warning|remark): (.*\[mapguard-.*\])$")


def run(cmd):
    """Wall seconds, peak RSS in KiB, exit status, output."""
    start = time.monotonic()
    try:
        p = subprocess.run(["/usr/bin/time", "-f", "MAXRSS %M"] + cmd,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           universal_newlines=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return TIMEOUT, 0, "timeout", ""
    wall = time.monotonic() - start
    rss = 0
    m = re.search(r"^MAXRSS (\d+)$", p.stdout, re.M)
    if m:
        rss = int(m.group(1))
    status = "crash" if ("Stack dump" in p.stdout or
                         "PLEASE submit a bug report" in p.stdout or
                         p.returncode >= 128 or p.returncode < 0) else "ok"
    return wall, rss, status, p.stdout


def measure(mapguard, build, source):
    base = [mapguard, "-p", build, "--quiet", source]
    a = run(base[:1] + ["--checks=-*,misc-unused-alias-decls"] + base[1:])
    b = run(base[:1] + ["--checks=-*,mapguard-*", "--enable-check-profile"] +
            base[1:])
    c = run(base[:1] + ["--checks=-*,mapguard-*"] + base[1:])
    check = sum(float(m.group(1)) for m in map(PROFILE_ROW.match,
                                               b[3].splitlines())
                if m and m.group(2).startswith("mapguard-"))
    findings = [l for l in b[3].splitlines() if FINDING.match(l)]
    again = [l for l in c[3].splitlines() if FINDING.match(l)]
    return {"source": source, "a": a[:3], "b": b[:3], "check": check,
            "findings": findings, "same": findings == again,
            "status": [a[2], b[2], c[2]]}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mapguard", default="build/bin/mapguard")
    parser.add_argument("--work", default="bench/work")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    mapguard = os.path.abspath(args.mapguard)
    total = {"files": 0, "a": 0.0, "b": 0.0, "check": 0.0, "rss_a": 0,
             "rss_b": 0, "crash": 0, "hang": 0, "differ": 0, "findings": 0}
    findings_out = open(os.path.join(args.work, "findings.txt"), "w")
    print(f"{'project':10} {'files':>5} {'parse (s)':>10} {'mapguard (s)':>12} "
          f"{'b/a':>6} {'checks':>7} {'checks/b':>8} {'max RSS a':>10} "
          f"{'max RSS b':>10} {'crash':>5} {'hang':>4} {'differ':>6} "
          f"{'warnings':>8}")
    for project in PROJECTS:
        build = os.path.join(os.path.abspath(args.work), f"{project}-build")
        db = os.path.join(build, "compile_commands.json")
        if not os.path.exists(db):
            print(f"{project}: no {db}; run bench/fetch.sh first")
            continue
        sources = sorted({e["file"] if os.path.isabs(e["file"]) else
                          os.path.join(e["directory"], e["file"])
                          for e in json.load(open(db))})
        sources = [s for s in sources if s.endswith((".cc", ".cpp", ".cxx"))]
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            results = list(pool.map(lambda s: measure(mapguard, build, s),
                                    sources))
        row = {"files": len(results),
               "a": sum(r["a"][0] for r in results),
               "b": sum(r["b"][0] for r in results),
               "check": sum(r["check"] for r in results),
               "rss_a": max(r["a"][1] for r in results),
               "rss_b": max(r["b"][1] for r in results),
               "crash": sum("crash" in r["status"] for r in results),
               "hang": sum("timeout" in r["status"] for r in results),
               "differ": sum(not r["same"] for r in results),
               "findings": sum(len(r["findings"]) for r in results)}
        for r in results:
            for f in r["findings"]:
                findings_out.write(f"{project}\t{f}\n")
        for key in total:
            total[key] = (max(total[key], row[key]) if key.startswith("rss")
                          else total[key] + row[key])
        print_row(project, row)
    print_row("total", total)
    return 1 if total["crash"] or total["hang"] or total["differ"] else 0


def print_row(name, r):
    ratio = r["b"] / r["a"] if r["a"] else 0
    share = 100 * r["check"] / r["b"] if r["b"] else 0
    print(f"{name:10} {r['files']:5} {r['a']:10.1f} {r['b']:12.1f} "
          f"{ratio:6.3f} {r['check']:7.2f} {share:7.2f}% "
          f"{r['rss_a'] / 1024:8.0f}MB {r['rss_b'] / 1024:8.0f}MB "
          f"{r['crash']:5} {r['hang']:4} {r['differ']:6} {r['findings']:8}",
          flush=True)


if __name__ == "__main__":
    sys.exit(main())
