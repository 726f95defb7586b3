#!/usr/bin/env python3
"""Runs mapguard on one test program and checks what it reports.

Like clang-tidy's own check_clang_tidy.py: the expected diagnostics sit in the
program beside the code, as `// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: ...`
comments, and FileCheck matches them against the output: every warning,
error and note the program gets must be expected, so that a wrong or a
missing note fails the test as a wrong warning does. Every program runs
through both products: the plugin under `clang-tidy --load`, and the mapguard
executable. A program without expectations must produce no warning and no
error at all. Any crash of the host process fails the test.

With --clangd, the program also runs through `mapguard-clangd --check`, as an
editor would have it checked (headers in a preamble without function bodies,
only the main file's declarations traversed), and its mapguard diagnostics
must be those of the mapguard executable, line for line, except for the
differences listed with their reasons in the documentation (--differences:
docs/clangd.md).
"""

import argparse
import os
import re
import shutil
import subprocess
import sys

SNIPPET = re.compile(r"^ *[0-9]* \| ")
CRASH_MARKERS = ("PLEASE submit a bug report", "Stack dump:",
                 "Segmentation fault", "Assertion `")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--binary", required=True, help="build/bin/mapguard")
    parser.add_argument("--plugin", required=True,
                        help="build/lib/mapguard-plugin.so")
    parser.add_argument("--clang-tidy", required=True,
                        help="the clang-tidy that loads the plugin")
    parser.add_argument("--filecheck", required=True)
    parser.add_argument("--fake-std", required=True,
                        help="folder of small stand-in standard headers")
    parser.add_argument("--real-std", action="store_true",
                        help="compile against the real standard library")
    parser.add_argument("--products", default="plugin,binary",
                        help="comma-separated: plugin, binary")
    parser.add_argument("--checks", default="-*,mapguard-*")
    parser.add_argument("--config", default=None,
                        help="clang-tidy --config value, e.g. CheckOptions")
    parser.add_argument("--check-prefix", "--check-prefixes",
                        dest="check_prefix", default="CHECK-MESSAGES",
                        help="comma-separated FileCheck prefixes")
    parser.add_argument("--check-file", default=None,
                        help="read the expectations from this file instead "
                        "of the source (for programs shipped without them)")
    parser.add_argument("--expect-exit", type=int, default=0,
                        help="the exit status both products must return")
    parser.add_argument("--fix-notes", action="store_true",
                        help="apply the notes' fix-its to a copy, match it "
                        "against CHECK-FIXES and check it again")
    parser.add_argument("--clangd", default=None,
                        help="mapguard-clangd: compare its results too")
    parser.add_argument("--differences", default=None,
                        help="the documentation that lists the differences "
                        "allowed between mapguard-clangd and mapguard")
    parser.add_argument("source")
    parser.add_argument("temp", help="prefix for the files this run writes")
    parser.add_argument("compiler_args", nargs="*",
                        help="after --: compiler arguments")
    return parser.parse_args()


def command(args, product, source, extra=()):
    if product == "plugin":
        cmd = [args.clang_tidy, "--load", args.plugin]
    elif product == "binary":
        cmd = [args.binary]
    else:
        sys.exit(f"unknown product '{product}'")
    cmd.append("--checks=" + args.checks)
    if args.config is not None:
        cmd.append("--config=" + args.config)
    cmd += list(extra) + [source, "--"]
    compiler_args = list(args.compiler_args)
    if not any(a.startswith("-std=") for a in compiler_args):
        compiler_args.insert(0, "-std=c++17")
    if not args.real_std:
        compiler_args = ["-nostdinc++", "-isystem", args.fake_std] + compiler_args
    return cmd + compiler_args


def has_expectations(source, prefixes):
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, prefixes.split(","))) +
                         r")(-NOT|-NEXT|-SAME|-DAG)?:")
    with open(source, encoding="utf-8") as f:
        return any(pattern.search(line) for line in f)


def fixable_copy(args, product):
    """A copy of the program to fix, its CHECK comments blanked so that the
    fixed file is matched against the patterns and not against itself."""
    with open(args.source, encoding="utf-8") as f:
        text = f.read()
    copy = f"{args.temp}.{product}.cpp"
    with open(copy, "w", encoding="utf-8") as f:
        f.write(re.sub(r"// *CHECK-[A-Z0-9\-]*:[^\r\n]*", "//", text))
    return copy


def check_fixes(args, product, copy):
    """Whether the fixed copy matches CHECK-FIXES and is clean when checked
    again; prints what is wrong."""
    check = subprocess.run(
        [args.filecheck, "-input-file=" + copy, args.source,
         "-check-prefix=CHECK-FIXES", "-strict-whitespace"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        universal_newlines=True)
    if check.returncode != 0:
        print(check.stdout + f"\nFAIL: {product}'s fixed program does not "
              "match CHECK-FIXES")
        return False
    cmd = command(args, product, copy)
    again = subprocess.run(cmd, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, universal_newlines=True,
                           timeout=300)
    left = [l for l in again.stdout.splitlines()
            if re.search(r"\b(warning|error):", l)]
    if left:
        print(again.stdout + f"\nFAIL: {product}'s fixed program is not "
              "clean when checked again")
        return False
    return True


DIAGNOSTIC = re.compile(r"^(.*):(\d+):\d+: (warning|error): (.*) \[(mapguard-[\w-]+)\]$")
CLANGD_DIAGNOSTIC = re.compile(r"^E\[[^\]]*\] \[(mapguard-[\w-]+)\] Line (\d+): (.*)$")


def binary_results(args):
    """(line, check, message) of each of mapguard's diagnostics in the
    program, as the mapguard executable reports them."""
    run = subprocess.run(command(args, "binary", args.source),
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         universal_newlines=True, timeout=300)
    found = set()
    for line in run.stdout.splitlines():
        m = DIAGNOSTIC.match(line)
        if m and os.path.realpath(m.group(1)) == os.path.realpath(args.source):
            found.add((int(m.group(2)), m.group(5), m.group(4)))
    return found


def clangd_results(args):
    """The same from `mapguard-clangd --check`, on a copy of the program in a
    project of its own: its .clang-tidy holds the checks and options of the
    command line (every warning made an error, which --check prints), its
    compile_flags.txt the compiler arguments."""
    import yaml
    folder = f"{args.temp}.clangd"
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    copy = os.path.join(folder, os.path.basename(args.source))
    shutil.copy(args.source, copy)
    config = yaml.safe_load(args.config) if args.config else {}
    config["Checks"] = args.checks
    config["WarningsAsErrors"] = "*"
    with open(os.path.join(folder, ".clang-tidy"), "w") as f:
        yaml.safe_dump(config, f)
    flags = command(args, "binary", copy)
    flags = flags[flags.index("--") + 1:]
    # The program's own folder, for the headers it includes by a relative
    # path.
    flags.append("-I" + os.path.dirname(os.path.abspath(args.source)))
    with open(os.path.join(folder, "compile_flags.txt"), "w") as f:
        f.write("\n".join(flags) + "\n")
    env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(folder, "config"))
    run = subprocess.run([args.clangd, "--check=" + copy,
                          "--check-locations=0"],
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         universal_newlines=True, timeout=300, env=env,
                         cwd=folder)
    if run.returncode < 0 or any(m in run.stdout for m in CRASH_MARKERS):
        return None, run.stdout
    found = set()
    for line in run.stdout.splitlines():
        m = CLANGD_DIAGNOSTIC.match(line)
        if m:
            found.add((int(m.group(2)), m.group(1), m.group(3)))
    return found, run.stdout


def allowed_differences(args):
    """(test, line) of each difference the documentation lists: the rows of
    its table whose first cell names a test and second a line."""
    allowed = set()
    if not args.differences:
        return allowed
    row = re.compile(r"^\| *`([^`]+)` *\| *(\d+) *\|")
    with open(args.differences, encoding="utf-8") as f:
        for line in f:
            m = row.match(line)
            if m:
                allowed.add((m.group(1), int(m.group(2))))
    return allowed


def compare_with_clangd(args):
    """Whether mapguard-clangd reports what the executable does; prints the
    differences the documentation does not list."""
    expected = binary_results(args)
    found, log = clangd_results(args)
    if found is None:
        print(log + "\nFAIL: mapguard-clangd crashed")
        return False
    test = os.path.relpath(os.path.abspath(args.source), os.path.join(
        os.path.dirname(os.path.abspath(__file__))))
    allowed = allowed_differences(args)
    unlisted = []
    for side, items in (("only in mapguard", expected - found),
                        ("only in mapguard-clangd", found - expected)):
        for line, check, message in sorted(items):
            if (test, line) not in allowed:
                unlisted.append(f"{test}:{line}: {side}: [{check}] {message}")
    if unlisted:
        print(log + "\n" + "\n".join(unlisted) +
              "\nFAIL: mapguard-clangd's results differ from mapguard's, and "
              f"{args.differences} does not list the difference")
        return False
    return True


def main():
    args = parse_args()
    check_file = args.check_file or args.source
    expectations = has_expectations(check_file, args.check_prefix)
    failed = False
    for product in args.products.split(","):
        if args.fix_notes:
            source = fixable_copy(args, product)
            cmd = command(args, product, source, ["--fix-notes"])
        else:
            source = args.source
            cmd = command(args, product, source)
        run = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             universal_newlines=True, timeout=300)
        output = run.stdout
        out_path = f"{args.temp}.{product}.out"
        with open(out_path, "w", encoding="utf-8") as f:
            # Without the source lines printed under each diagnostic: the
            # CHECK comments that a fix's block reaches over are printed
            # there, and would be matched.
            f.write("".join(l for l in output.splitlines(True)
                            if not SNIPPET.match(l)))
        header = f"--- {product}: {' '.join(cmd)}\n"
        if run.returncode < 0 or any(m in output for m in CRASH_MARKERS):
            print(header + output + f"\nFAIL: {product} crashed "
                  f"(exit status {run.returncode})")
            failed = True
            continue
        if run.returncode != args.expect_exit:
            print(header + output + f"\nFAIL: {product} exited with "
                  f"{run.returncode}, expected {args.expect_exit}")
            failed = True
            continue
        if expectations:
            check = subprocess.run(
                [args.filecheck, "-input-file=" + out_path, check_file,
                 "-check-prefixes=" + args.check_prefix,
                 "-implicit-check-not={{warning|error|note}}:"],
                stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                universal_newlines=True)
            if check.returncode != 0:
                print(header + output + "\n" + check.stdout +
                      f"\nFAIL: {product}'s diagnostics do not match")
                failed = True
        else:
            unexpected = [l for l in output.splitlines()
                          if re.search(r"\b(warning|error):", l)]
            if unexpected:
                print(header + output + f"\nFAIL: {product} must stay silent "
                      "on this program, but reported:\n" + "\n".join(unexpected))
                failed = True
        if args.fix_notes and not failed:
            failed = not check_fixes(args, product, source)
    if args.clangd and not failed:
        failed = not compare_with_clangd(args)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
