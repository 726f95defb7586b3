#!/usr/bin/env python3
"""mapguard-clangd on real projects: the same results as the command line,
and how soon an editor shows them.

For every translation unit of each project's compilation database (see
fetch.sh), runs mapguard on it and opens it in mapguard-clangd over LSP
(test/clangd/lsp.py, as an editor does), with the project's .clang-tidy
enabling `-*,mapguard-*`, and compares the warnings in the main file:
line, check and message. Prints every difference and a count per project.

Then, on the files named with --latency (default: one unit of each
project), the editor's latencies, median of --repeat runs: from didOpen to
the first published diagnostics (the preamble is built), and from a
didChange that leaves the includes alone to the next (the preamble is
reused); each with mapguard's checks and with none.

    bench/clangd.py [--mapguard build/bin/mapguard]
                    [--clangd build/bin/mapguard-clangd] [--work bench/work]

The script writes a .clang-tidy into each project's source folder (the
fetched copy under WORK), and puts the project's own back at the end.
"""

import argparse
import concurrent.futures
import json
import os
import re
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "test", "clangd"))
import lsp  # noqa: E402

PROJECTS = ["leveldb", "gflags", "spdlog", "protobuf", "glog", "log4cplus"]
LATENCY = {"leveldb": "db/db_impl.cc", "gflags": "src/gflags.cc",
           "protobuf": "src/google/protobuf/descriptor.cc"}
WARNING = re.compile(r"^(\S+?):(\d+):\d+: warning: (.*) \[(mapguard-[\w-]+)\]$")


def sources_of(build):
    db = json.load(open(os.path.join(build, "compile_commands.json")))
    files = sorted({e["file"] if os.path.isabs(e["file"]) else
                    os.path.normpath(os.path.join(e["directory"], e["file"]))
                    for e in db})
    return [f for f in files if f.endswith((".cc", ".cpp", ".cxx"))]


def source_root(build, sources):
    """The folder the project's sources share, where its .clang-tidy goes."""
    return os.path.commonpath([os.path.dirname(s) for s in sources])


def command_line(mapguard, build, source):
    """The mapguard executable's warnings in the main file."""
    p = subprocess.run([mapguard, "-p", build, "--quiet",
                        "--checks=-*,mapguard-*", source],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       universal_newlines=True, timeout=600)
    found = set()
    for line in p.stdout.splitlines():
        m = WARNING.match(line)
        if m and os.path.realpath(m.group(1)) == os.path.realpath(source):
            found.add((int(m.group(2)), m.group(4), m.group(3)))
    return found


def uncapitalised(message):
    """An LSP message as clang-tidy prints it: clangd capitalises the first
    letter and adds "(fix available)" where a fix is."""
    message = re.sub(r" \(fix available\)$", "", message)
    return message[:1].lower() + message[1:]


class Editor:
    """One mapguard-clangd, as an editor starts it for a project."""

    def __init__(self, clangd, build, root, log):
        env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(log + ".config"))
        self.client = lsp.Client(
            [clangd, "--background-index=false",
             "--compile-commands-dir=" + build, "--log=error"],
            root, stderr=open(log, "w"), env=env)
        self.client.initialize()

    def open(self, source):
        """Seconds to the first diagnostics, and mapguard's warnings."""
        text = open(source, encoding="utf-8", errors="replace").read()
        start = time.monotonic()
        self.client.open(source, text, version=1)
        diagnostics = self.client.diagnostics(source, version=1, timeout=600)
        return time.monotonic() - start, text, diagnostics

    def change(self, source, text, version):
        start = time.monotonic()
        self.client.change(source, text, version)
        self.client.diagnostics(source, version=version, timeout=600)
        return time.monotonic() - start

    def close(self, source):
        self.client.notify("textDocument/didClose",
                           {"textDocument": {"uri": lsp.uri(source)}})

    def shutdown(self):
        self.client.shutdown()


def warnings_of(diagnostics):
    return {(d["range"]["start"]["line"] + 1, d.get("code"),
             uncapitalised(d["message"]))
            for d in diagnostics if d.get("severity") == 2 and
            str(d.get("code", "")).startswith("mapguard-")}


def write_config(root, checks):
    with open(os.path.join(root, ".clang-tidy"), "w") as f:
        f.write(f"Checks: '{checks}'\n")


def compare(args, project, build, sources, root):
    write_config(root, "-*,mapguard-*")
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        expected = list(pool.map(
            lambda s: command_line(args.mapguard, build, s), sources))
    editor = Editor(args.clangd, build, root,
                    os.path.join(args.work, f"{project}-clangd.log"))
    differences, warnings, opens = [], 0, []
    for source, want in zip(sources, expected):
        seconds, _, diagnostics = editor.open(source)
        editor.close(source)
        opens.append(seconds)
        got = warnings_of(diagnostics)
        warnings += len(want)
        rel = os.path.relpath(source, root)
        for side, items in (("only mapguard", want - got),
                            ("only mapguard-clangd", got - want)):
            for line, check, message in sorted(items):
                differences.append(f"{project} {rel}:{line}: {side}: "
                                   f"[{check}] {message}")
    editor.shutdown()
    return differences, warnings, opens


def latency(args, project, build, root, sources, relative):
    source = next((s for s in sources if s.endswith("/" + relative)), None)
    if not source:
        return None
    result = {}
    for name, checks in (("mapguard", "-*,mapguard-*"), ("none", "-*")):
        write_config(root, checks)
        first, again = [], []
        for _ in range(args.repeat):
            editor = Editor(args.clangd, build, root,
                            os.path.join(args.work, f"{project}-latency.log"))
            seconds, text, _ = editor.open(source)
            first.append(seconds)
            for version in range(2, 5):
                text += f"\n// edit {version}\n"
                again.append(editor.change(source, text, version))
            editor.shutdown()
        result[name] = (statistics.median(first), statistics.median(again))
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mapguard", default="build/bin/mapguard")
    parser.add_argument("--clangd", default="build/bin/mapguard-clangd")
    parser.add_argument("--work", default="bench/work")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--projects", default=",".join(PROJECTS))
    parser.add_argument("--no-compare", action="store_true")
    parser.add_argument("--no-latency", action="store_true")
    args = parser.parse_args()
    args.mapguard = os.path.abspath(args.mapguard)
    args.clangd = os.path.abspath(args.clangd)
    args.work = os.path.abspath(args.work)

    all_differences, latencies = [], []
    print(f"{'project':10} {'files':>5} {'warnings':>8} {'differences':>11} "
          f"{'open, median s':>14} {'open, max s':>11}", flush=True)
    for project in args.projects.split(","):
        build = os.path.join(args.work, f"{project}-build")
        if not os.path.exists(os.path.join(build, "compile_commands.json")):
            print(f"{project}: no compilation database; run bench/fetch.sh")
            continue
        sources = sources_of(build)
        root = source_root(build, sources)
        config = os.path.join(root, ".clang-tidy")
        own = config + ".project"
        if os.path.exists(config):
            os.rename(config, own)  # the project's own, put back below
        try:
            if not args.no_compare:
                differences, warnings, opens = compare(args, project, build,
                                                       sources, root)
                all_differences += differences
                print(f"{project:10} {len(sources):5} {warnings:8} "
                      f"{len(differences):11} "
                      f"{statistics.median(opens):14.2f} {max(opens):11.2f}",
                      flush=True)
            if project in LATENCY and not args.no_latency:
                lat = latency(args, project, build, root, sources,
                              LATENCY[project])
                if lat:
                    latencies.append((project, LATENCY[project], lat))
        finally:
            os.remove(config)
            if os.path.exists(own):
                os.rename(own, config)
    for d in all_differences:
        print(d)
    if latencies:
        print()
        print("| file | first diagnostics, mapguard | first, no checks | "
              "re-check, mapguard | re-check, no checks |")
        print("| --- | ---: | ---: | ---: | ---: |")
        for project, relative, lat in latencies:
            print(f"| {project} `{relative}` | {lat['mapguard'][0]:.2f} s | "
                  f"{lat['none'][0]:.2f} s | {lat['mapguard'][1]:.2f} s | "
                  f"{lat['none'][1]:.2f} s |")
    return 1 if all_differences else 0


if __name__ == "__main__":
    sys.exit(main())
