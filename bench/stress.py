#!/usr/bin/env python3
"""Generated stress inputs: analysis time against input size.

For each kind of input (one huge function, thousands of branches, many
mutexes and maps, many lambdas, deep template instantiation, and the
pathological shapes: a chain of functions each holding a mutex of its own,
thousands of locks held at once, a condition of thousands of && terms) and a
series of sizes, it writes a program, runs mapguard's checks on it with
--enable-check-profile, and prints the checks' own time, the whole run's
wall time and peak memory, and the same for plain clang-tidy with one
trivial check. The growth exponent is fitted by least squares on log(checks'
time) against log(size): 1 is linear.

    bench/stress.py [--mapguard build/bin/mapguard] [--clang-tidy clang-tidy-19]
                    [--work /tmp/stress] [--only SUBSTRING]
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


def lock_chain(n):
    # Each function holds its own mutex, writes, and calls the next: the
    # n-th is entered with n mutexes held.
    decls = "".join(f"std::mutex mu{i};\n" for i in range(n))
    funcs = []
    for i in reversed(range(n)):
        call = f" f{i + 1}();" if i + 1 < n else ""
        funcs.append(f"void f{i}() {{ std::lock_guard<std::mutex> l(mu{i}); "
                     f"g_map[{i}] = 1;{call} }}\n")
        if i:
            funcs.append(f"void f{i}();\n")
    return (HEADER + "std::map<int, int> g_map;\n" + decls
            + "".join(reversed(funcs)))


def locks_held(n):
    # One function takes n locks, then writes n times.
    decls = "".join(f"std::mutex mu{i};\n" for i in range(n))
    body = ([f"  mu{i}.lock();" for i in range(n)]
            + [f"  g_map[{i}] = {i};" for i in range(n)])
    return (HEADER + "std::map<int, int> g_map;\n" + decls + "void f() {\n"
            + "\n".join(body) + "\n}\n")


def and_chain(n):
    # A condition of n terms joined by &&: Clang's CFG builder recurses once
    # per term.
    terms = " && ".join(f"c({i})" for i in range(n))
    return (HEADER + "std::map<int, int> g_map;\nbool c(int);\n"
            f"void f() {{\n  if ({terms})\n    g_map[1] = 2;\n}}\n")


KINDS = {
    "statements in one function": (statements, [5000, 10000, 20000, 40000]),
    "branches": (branches, [1000, 2000, 4000, 8000]),
    "functions over 50 mutexes and 50 maps": (mutexes_and_maps,
                                              [500, 1000, 2000, 4000]),
    "lambdas": (lambdas, [250, 500, 1000, 2000]),
    "template instantiation depth": (templates, [250, 500, 1000, 1900]),
    "chain of functions, a mutex each": (lock_chain, [500, 1000, 2000, 4000]),
    "locks held at once, then writes": (locks_held, [750, 1500, 3000, 6000]),
    "terms of one && condition": (and_chain, [2500, 5000, 10000, 20000]),
}

PROFILE_ROW = re.compile(r"^\s*(?:[\d.]+ \(\s*[\d.]+%\)\s+){3}([\d.]+) "
                         r"\(\s*[\d.]+%\)\s+(\S+)")


def run_measured(cmd):
    """Runs cmd; returns its output, exit status, wall seconds and peak
    memory (MB), read from the child's own resource usage."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, universal_newlines=True)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.monotonic() - start
    return out, proc.returncode, wall, usage.ru_maxrss / 1024


def check_time(mapguard, path):
    """Seconds mapguard's checks spent, by clang-tidy's check profile, the
    whole run's wall time and its peak memory."""
    out, status, wall, peak = run_measured(
        [mapguard, "--checks=-*,mapguard-*", "--enable-check-profile", path,
         "--", "-std=c++17", "-ftemplate-depth=2000"])
    if status < 0 or "Stack dump" in out:
        raise RuntimeError(f"mapguard crashed on {path}:\n{out[-2000:]}")
    seconds = sum(float(m.group(1)) for m in map(PROFILE_ROW.match,
                                                 out.splitlines())
                  if m and m.group(2).startswith("mapguard-"))
    return seconds, wall, peak


def plain_run(clang_tidy, path):
    """Wall time and peak memory of clang-tidy with one trivial check: the
    parse any lint pays."""
    out, status, wall, peak = run_measured(
        [clang_tidy, "--checks=-*,misc-unused-using-decls", path, "--",
         "-std=c++17", "-ftemplate-depth=2000"])
    return wall, peak


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
    parser.add_argument("--clang-tidy", default="clang-tidy-19",
                        help="the plain clang-tidy to compare with")
    parser.add_argument("--only", default="",
                        help="run only the kinds whose name contains this")
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    print(f"{'input':36} {'size':>6} {'checks (s)':>10} {'run (s)':>8} "
          f"{'plain (s)':>9} {'run (MB)':>8} {'plain (MB)':>10}")
    for kind, (make, sizes) in KINDS.items():
        if args.only not in kind:
            continue
        points = []
        for n in sizes:
            path = os.path.join(args.work, f"{make.__name__}-{n}.cpp")
            with open(path, "w") as f:
                f.write(make(n))
            # The median of three runs, against timer noise.
            runs = sorted(check_time(args.mapguard, path) for _ in range(3))
            seconds, wall, peak = runs[1]
            plain_wall, plain_peak = sorted(
                plain_run(args.clang_tidy, path) for _ in range(3))[1]
            points.append((n, seconds))
            print(f"{kind:36} {n:6} {seconds:10.3f} {wall:8.2f} "
                  f"{plain_wall:9.2f} {peak:8.0f} {plain_peak:10.0f}",
                  flush=True)
        print(f"{'':36} growth exponent {slope(points):.2f} (1 = linear)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
