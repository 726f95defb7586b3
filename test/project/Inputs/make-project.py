#!/usr/bin/env python3
"""Copies the example project to OUT and writes its compile_commands.json.

usage: make-project.py OUT FAKE_STD
"""
import json
import os
import shutil
import sys

out, fake_std = sys.argv[1:3]
here = os.path.dirname(os.path.abspath(__file__))
shutil.copytree(os.path.join(here, "src"), os.path.join(out, "src"))
commands = [{
    "directory": out,
    "file": os.path.join(out, "src", name),
    "arguments": ["clang++", "-std=c++17", "-nostdinc++", "-isystem",
                  fake_std, "-c", os.path.join("src", name)],
} for name in sorted(os.listdir(os.path.join(out, "src")))
  if name.endswith(".cpp")]
with open(os.path.join(out, "compile_commands.json"), "w") as f:
    json.dump(commands, f, indent=2)
