#!/usr/bin/env python3
"""mapguard over Clang's own C++ tests: no crash, no hang, bounded time.

Clang's tests (clang/test/SemaCXX, SemaTemplate, CXX, Parser, Analysis, from
Debian's source package llvm-toolchain-19) are the strangest C++ there is:
every corner of the language, broken code on purpose, pathological sizes.
For each file this runs, with the flags of the file's first RUN line
(language standard and feature flags):

  plain     clang-tidy with one trivial check: what the parse itself does;
  mapguard  mapguard's checks;

first on the file as written, then on an altered copy in which every
function body starts with a write to a shared map (a declared-only map type
named by MapTypes, so no header is needed), so that every function of the
corpus goes through the whole analysis. A crash or a hang of mapguard counts
as its own only where plain clang-tidy does not crash or hang on the same
input; shared ones are listed apart. It prints the counts, the time of each
side, the largest per-file time ratio, the warnings mapguard gave (on the
altered copies, each probe write it reached), and every crash and hang; it
exits 1
if mapguard has a crash or a hang of its own.

    bench/clang-tests.py [--mapguard build/bin/mapguard]
        [--clang-tidy clang-tidy-19] [--tests DIR] [--sample N] [--jobs N]

Without --tests, the tests are fetched once into bench/work/clang-tests/
(apt-get source, which needs a deb-src entry: bench/fetch.sh adds one).
--sample N checks every k-th file only, N files in all (CI runs a sample).
Altering the bodies uses libclang's Python bindings (Debian's
python3-clang-19).
"""

import argparse
import concurrent.futures
import glob
import os
import re
import shlex
import subprocess
import sys
import tempfile
import time

SUITES = ["SemaCXX", "SemaTemplate", "CXX", "Parser", "Analysis"]
CRASH_MARKERS = ("Stack dump:", "PLEASE submit a bug report")
# The shared map the altered copies write: a class only declared, named in
# MapTypes, so that it needs no header and clashes with no test's own std.
PROBE_DECL = ("struct __mapguard_probe_map { int &operator[](int); };\n"
              "extern __mapguard_probe_map __mapguard_probe;\n")
PROBE_WRITE = "__mapguard_probe[0] = 0;"
PROBE_CONFIG = "{CheckOptions: {MapTypes: '__mapguard_probe_map'}}"
FLAG = re.compile(r"^(-std=\S+|-fcxx-exceptions|-fexceptions|-fblocks|"
                  r"-fms-extensions|-fms-compatibility|-fcoroutines|"
                  r"-fno-rtti|-fopenmp|-fsized-deallocation|-fchar8_t|"
                  r"-fcxx-modules|-D\S+|-Wno-\S+)$")


def fetch(work):
    """Clang's tests from Debian's source package, extracted once."""
    dest = os.path.join(work, "clang-tests")
    marker = os.path.join(dest, ".complete")
    if os.path.exists(marker):
        return os.path.join(dest, "test")
    os.makedirs(dest, exist_ok=True)
    subprocess.run(["apt-get", "source", "--download-only", "-qq",
                    "llvm-toolchain-19"], cwd=dest, check=True)
    [tarball] = glob.glob(os.path.join(dest, "llvm-toolchain-19_*.orig.tar.xz"))
    patterns = [f"*/clang/test/{s}/*" for s in SUITES]
    subprocess.run(["tar", "-xJf", tarball, "--wildcards",
                    "--strip-components=2", "-C", dest] + patterns,
                   check=True)
    os.remove(tarball)
    open(marker, "w").close()
    return os.path.join(dest, "test")


def run_line_flags(path):
    """The flags of the file's first RUN line that say which language it is
    written in; C++17 where it names none."""
    flags = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = re.search(r"RUN:(.*)", line)
            if not m:
                continue
            try:
                words = shlex.split(m.group(1).rstrip("\\"))
            except ValueError:
                words = m.group(1).split()
            flags = [w for w in words if FLAG.match(w)]
            break
    if not any(f.startswith("-std=") for f in flags):
        flags.insert(0, "-std=c++17")
    # Tests for other languages (-x c, -x objective-c++) are not C++.
    return flags


def altered(source, index, tmp):
    """A copy of source in which every function body starts with a write to
    the probe map, or None if libclang finds no body."""
    tu = index.parse(source, args=run_line_flags(source) + ["-xc++"])
    from clang.cindex import CursorKind
    kinds = {CursorKind.FUNCTION_DECL, CursorKind.CXX_METHOD,
             CursorKind.CONSTRUCTOR, CursorKind.DESTRUCTOR,
             CursorKind.FUNCTION_TEMPLATE, CursorKind.CONVERSION_FUNCTION,
             CursorKind.LAMBDA_EXPR}
    with open(source, "rb") as f:
        text = f.read()
    offsets = set()
    stack = [tu.cursor]
    while stack:
        c = stack.pop()
        for child in c.get_children():
            stack.append(child)
        if c.kind not in kinds:
            continue
        for child in c.get_children():
            if child.kind != CursorKind.COMPOUND_STMT:
                continue
            loc = child.extent.start
            if (loc.file and loc.file.name == source and
                    0 <= loc.offset < len(text) and
                    text[loc.offset:loc.offset + 1] == b"{"):
                offsets.add(loc.offset + 1)
    if not offsets:
        return None
    out = bytearray(PROBE_DECL.encode())
    last = 0
    for off in sorted(offsets):
        out += text[last:off] + PROBE_WRITE.encode()
        last = off
    out += text[last:]
    path = os.path.join(tmp, "altered-" + os.path.basename(source))
    # Includes relative to the test's folder still resolve: -I below.
    with open(path, "wb") as f:
        f.write(out)
    return path


def run(cmd, timeout):
    start = time.monotonic()
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "hang", timeout, 0
    wall = time.monotonic() - start
    out = p.stdout.decode("utf-8", "replace")
    if p.returncode < 0 or any(m in out for m in CRASH_MARKERS):
        return "crash", wall, 0
    return "ok", wall, len(re.findall(r"warning: .*\[mapguard-", out))


def check_file(args, source, tmp, index):
    flags = run_line_flags(source) + ["-I" + os.path.dirname(source),
                                      "-Wno-everything"]
    results = []
    variants = [("as written", source, [])]
    try:
        alt = altered(source, index, tmp)
    except Exception:  # libclang could not read it: the copy is skipped.
        alt = None
    if alt:
        variants.append(("altered", alt, ["--config=" + PROBE_CONFIG]))
    for name, path, config in variants:
        plain = run([args.clang_tidy, "--checks=-*,misc-unused-using-decls",
                     path, "--"] + flags, args.timeout)
        mine = run([args.mapguard, "--checks=-*,mapguard-*"] + config +
                   [path, "--"] + flags, args.timeout)
        results.append((name, source, plain, mine))
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mapguard", default="build/bin/mapguard")
    parser.add_argument("--clang-tidy", default="clang-tidy-19")
    parser.add_argument("--tests", help="Clang's clang/test folder")
    parser.add_argument("--work", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "work"))
    parser.add_argument("--sample", type=int, default=0,
                        help="check this many files, evenly spread")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--timeout", type=int, default=120)
    args = parser.parse_args()
    args.mapguard = os.path.abspath(args.mapguard)

    try:
        import clang.cindex
    except ImportError:
        sys.path.append("/usr/lib/python3/dist-packages")
        import clang.cindex
    for lib in sorted(glob.glob("/usr/lib/llvm-19/lib/libclang-19.so*")):
        clang.cindex.Config.set_library_file(lib)
        break

    tests = args.tests or fetch(args.work)
    files = sorted(f for s in SUITES
                   for f in glob.glob(os.path.join(tests, s, "**", "*.cpp"),
                                      recursive=True))
    if args.sample and args.sample < len(files):
        step = len(files) / args.sample
        files = [files[int(i * step)] for i in range(args.sample)]
    print(f"{len(files)} files of {tests} ({', '.join(SUITES)})", flush=True)

    rows = []
    start = time.monotonic()
    # libclang parses in this process, and some tests print to standard
    # error while parsed (`#pragma clang __debug dump`): keep it quiet.
    sys.stderr.flush()
    saved = os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            def one(source):
                own = tempfile.mkdtemp(dir=tmp)
                return check_file(args, source, own,
                                  clang.cindex.Index.create())
            with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
                for results in pool.map(one, files):
                    rows += results
    finally:
        os.dup2(saved, 2)
        os.close(devnull)
    wall = time.monotonic() - start

    own_failures, shared = [], []
    print(f"\n{'variant':12} {'runs':>6} {'plain (s)':>10} {'mapguard (s)':>13}"
          f" {'ratio':>6} {'max ratio':>10} {'warnings':>9} {'crash':>6}"
          f" {'hang':>5} {'shared':>7}")
    for variant in ("as written", "altered"):
        mine_rows = [r for r in rows if r[0] == variant]
        if not mine_rows:
            continue
        plain_t = sum(r[2][1] for r in mine_rows)
        mine_t = sum(r[3][1] for r in mine_rows)
        worst = max(mine_rows, key=lambda r: r[3][1] / max(r[2][1], 0.05))
        worst_ratio = worst[3][1] / max(worst[2][1], 0.05)
        crash = hang = both = 0
        for _, source, plain, mine in mine_rows:
            if mine[0] == "ok":
                continue
            if plain[0] != "ok":
                both += 1
                shared.append((variant, source, mine[0], plain[0]))
                continue
            crash += mine[0] == "crash"
            hang += mine[0] == "hang"
            own_failures.append((variant, source, mine[0]))
        warnings = sum(r[3][2] for r in mine_rows)
        print(f"{variant:12} {len(mine_rows):6} {plain_t:10.1f} {mine_t:13.1f}"
              f" {mine_t / max(plain_t, 1e-9):6.2f} {worst_ratio:10.2f}"
              f" {warnings:9} {crash:6} {hang:5} {both:7}")
        print(f"{'':12} slowest against plain: {os.path.relpath(worst[1], tests)}"
              f" ({worst[3][1]:.2f} s against {worst[2][1]:.2f} s)")
    print(f"\n{wall:.0f} s wall, {args.jobs} jobs")
    for variant, source, what, plain in shared:
        print(f"shared with plain clang-tidy ({plain}): {what} on "
              f"{os.path.relpath(source, tests)} ({variant})")
    for variant, source, what in own_failures:
        print(f"MAPGUARD {what.upper()}: {os.path.relpath(source, tests)} "
              f"({variant})")
    print(f"{len(own_failures)} crashes or hangs of mapguard's own")
    return 1 if own_failures else 0


if __name__ == "__main__":
    sys.exit(main())
