#!/usr/bin/env python3
"""Copies the example project to OUT and writes its compile_commands.json.

usage: make-project.py OUT FAKE_STD [--db-dir SUB] [--exclude FILE...]

The database goes into OUT (or OUT/SUB, as a build folder would hold it);
excluded files are neither copied nor listed.
"""
import argparse
import json
import os
import shutil

parser = argparse.ArgumentParser()
parser.add_argument("out")
parser.add_argument("fake_std")
parser.add_argument("--db-dir", default="")
parser.add_argument("--exclude", nargs="*", default=[])
args = parser.parse_args()

here = os.path.dirname(os.path.abspath(__file__))
src = os.path.join(args.out, "src")
shutil.copytree(os.path.join(here, "src"), src,
                ignore=lambda _, names: [n for n in names if n in args.exclude])
commands = [{
    "directory": args.out,
    "file": os.path.join(src, name),
    "arguments": ["clang++", "-std=c++17", "-nostdinc++", "-isystem",
                  args.fake_std, "-c", os.path.join("src", name)],
} for name in sorted(os.listdir(src)) if name.endswith(".cpp")]
db_dir = os.path.join(args.out, args.db_dir)
os.makedirs(db_dir, exist_ok=True)
with open(os.path.join(db_dir, "compile_commands.json"), "w") as f:
    json.dump(commands, f, indent=2)
