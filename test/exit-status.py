#!/usr/bin/env python3
"""Runs a command and fails unless it exits with the given status.

usage: exit-status.py STATUS COMMAND [ARGS...]

lit's shell has `not` but no way to expect one particular status; mapguard's
statuses (0, 1, 2) each mean something.
"""
import subprocess
import sys

expected = int(sys.argv[1])
status = subprocess.call(sys.argv[2:])
if status != expected:
    sys.exit(f"exit-status.py: expected exit status {expected}, got {status}")
