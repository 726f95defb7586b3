#!/usr/bin/env python3
"""Generated stress inputs: analysis time against input size.

For each kind of input (one huge function, thousands of branches, many
mutexes and maps, many lambdas, deep template instantiation) and a series
of sizes, it writes a program, runs mapguard's checks on it with
--enable-check-profile, and prints the checks' own time. The growth
exponent is fitted by least squares on log(time) against log(size): 1 is
linear.

    bench/stress.py [--mapguard build/bin/mapguard] [--work /tmp/stress]
"""

import argparse
import math
import os
import re
import subprocess
import sys
import time

HEADER = "#include <map>\n#include <mutex>\n#include <thread>\n\n"


def statements(n):
    body = []
    for i in range(n):
        if i % 10 == 0:
            body.append("  mu.lock();")
        body.append(f"  g_map[{i}] = {i};")
        if i % 10 == 9:
            body.append("  mu.unlock();")
    return (HEADER + "std::map<int, int> g_map;\nstd::mutex mu;\nvoid big() {\n"
            + "\n".join(body) + "\n}\n")


def branches(n):
    # Clang limits nesting to 256 brackets: nests of 50, one after another.
    body, depth = [], 0
    for i in range(n):
        body.append("  " * (depth + 1) + "if (cond()) {")
        body.append("  " * (depth + 2) + ("mu.lock();" if i % 2 else
                                           f"g_map[{i}] = {i};"))
        depth += 1
        if depth == 50 or i == n - 1:
            while depth:
                depth -= 1
                body.append("  " * (depth + 1) + "}")
                body.append("  " * (depth + 1) + "if (cond()) mu.unlock();")
    return (HEADER + "std::map<int, int> g_map;\nstd::mutex mu;\nbool cond();\n"
            "void branchy() {\n" + "\n".join(body) + "\n}\n")


def mutexes_and_maps(n):
    decls = "".join(f"std::map<int, int> g_map{i};\nstd::mutex g_mu{i};\n"
                    for i in range(50))
    funcs = []
    for f in range(n):
        i = f % 50
        funcs.append(f"void f{f}(int k) {{\n"
                     f"  std::lock_guard<std::mutex> g(g_mu{i});\n"
                     f"  g_map{i}[k] = k;\n  g_map{(i + 1) % 50}.erase(k);\n}}\n")
    return HEADER + decls + "".join(funcs)


def lambdas(n):
    body = []
    for i in range(n):
        if i % 2:
            body.append(f"  std::thread([] {{ std::lock_guard<std::mutex> g(mu); "
                        f"g_map[{i}] = {i}; }}).join();")
        else:
            body.append(f"  [&] {{ g_map[{i}] = {i}; }}();")
    return (HEADER + "std::map<int, int> g_map;\nstd::mutex mu;\n"
            "void many() {\n  std::lock_guard<std::mutex> outer(mu);\n"
            + "\n".join(body) + "\n}\n")


def templates(n):
    return (HEADER + "std::map<int, int> g_map;\nstd::mutex mu;\n"
            "template <int N> struct Chain {\n"
            "  static void run() {\n"
            "    { std::lock_guard<std::mutex> g(mu); g_map[N] = N; }\n"
            "    Chain<N - 1>::run();\n  }\n};\n"
            "template <> struct Chain<0> { static void run() {} };\n"
            f"void start() {{ Chain<{n}>::run(); }}\n")


KINDS = {
    "statements in one function": (statements, [5000, 10000, 20000, 40000]),
    "branches": (branches, [1000, 2000, 4000, 8000]),
    "functions over 50 mutexes and 50 maps": (mutexes_and_maps,
                                              [500, 1000, 2000, 4000]),
    "lambdas": (lambdas, [250, 500, 1000, 2000]),
    "template instantiation depth": (templates, [250, 500, 1000, 1900]),
}

PROFILE_ROW = re.compile(r"^\s*(?:[\d.]+ \(\s*[\d.]+%\)\s+){3}([\d.]+) "
                         r"\(\s*[\d.]+%\)\s+(\S+)")


def check_time(mapguard, path):
    """Seconds mapguard's checks spent, by clang-tidy's check profile."""
    start = time.monotonic()
    run = subprocess.run(
        [mapguard, "--checks=-*,mapguard-*", "--enable-check-profile", path,
         "--", "-std=c++17", "-ftemplate-depth=2000"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        universal_newlines=True, timeout=1800)
    wall = time.monotonic() - start
    if run.returncode < 0 or "Stack dump" in run.stdout:
        raise RuntimeError(f"mapguard crashed on {path}:\n{run.stdout[-2000:]}")
    seconds = sum(float(m.group(1)) for m in map(PROFILE_ROW.match,
                                                 run.stdout.splitlines())
                  if m and m.group(2).startswith("mapguard-"))
    return seconds, wall


def slope(points):
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(max(t, 1e-6)) for _, t in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return (sum((x - mx) * (y - my) for x, y in zip(xs, ys)) /
            sum((x - mx) ** 2 for x in xs))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mapguard", default="build/bin/mapguard")
    parser.add_argument("--work", default="/tmp/mapguard-stress")
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    print(f"{'input':40} {'size':>6} {'checks (s)':>11} {'whole run (s)':>14}")
    for kind, (make, sizes) in KINDS.items():
        points = []
        for n in sizes:
            path = os.path.join(args.work, f"{make.__name__}-{n}.cpp")
            with open(path, "w") as f:
                f.write(make(n))
            # The median of three runs, against timer noise.
            runs = sorted(check_time(args.mapguard, path) for _ in range(3))
            seconds, wall = runs[1]
            points.append((n, seconds))
            print(f"{kind:40} {n:6} {seconds:11.3f} {wall:14.2f}", flush=True)
        print(f"{'':40} growth exponent {slope(points):.2f} (1 = linear)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
