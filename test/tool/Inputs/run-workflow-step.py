#!/usr/bin/env python3
"""Runs one `run:` step of a GitHub Actions workflow here, as the job would.

usage: run-workflow-step.py WORKFLOW STEP-NAME KEY=VALUE...

`${{ matrix.KEY }}` expressions take the given values; the step runs in the
current folder with bash, as GitHub runs `run:` steps.
"""
import re
import subprocess
import sys

import yaml

workflow, step_name, *values = sys.argv[1:]
matrix = dict(v.split("=", 1) for v in values)
with open(workflow) as f:
    jobs = yaml.safe_load(f)["jobs"]
steps = [s for job in jobs.values() for s in job["steps"]
         if s.get("name") == step_name]
if len(steps) != 1:
    sys.exit(f"no single step named {step_name!r} in {workflow}")
script = re.sub(r"\$\{\{\s*matrix\.(\w+)\s*\}\}",
                lambda m: matrix[m.group(1)], steps[0]["run"])
print(f"+ {script}", flush=True)
sys.exit(subprocess.call(["bash", "-e", "-c", script]))
