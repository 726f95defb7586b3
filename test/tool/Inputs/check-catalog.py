#!/usr/bin/env python3
"""Checks that the registry of checks, the checks a product registers and
the documentation agree: every check of the index has its page, whose title
names it, and the product lists exactly the index's checks."""
import re
import subprocess
import sys

index_path, docs_dir, *product = sys.argv[1:]
rows = re.findall(r"^\| \[`([^`]+)`\]\(([^)]+)\) \| (.+) \|$",
                  open(index_path, encoding="utf-8").read(), re.M)
failed = False
for name, page, _ in rows:
    try:
        title = open(f"{docs_dir}/{page}", encoding="utf-8").readline()
    except OSError:
        print(f"{name}: no page {docs_dir}/{page}")
        failed = True
        continue
    if name not in title:
        print(f"{name}: the title of {page} does not name it: {title.strip()}")
        failed = True
listed = subprocess.run(product + ["--checks=-*,mapguard-*", "--list-checks"],
                        stdout=subprocess.PIPE, universal_newlines=True).stdout
registered = sorted(re.findall(r"^\s*(mapguard-\S+)$", listed, re.M))
indexed = sorted(name for name, _, _ in rows)
if registered != indexed:
    print(f"{' '.join(product)} registers {registered}; the index lists {indexed}")
    failed = True
print("catalog: " + ("drifted" if failed else f"{len(rows)} checks agree"))
sys.exit(1 if failed else 0)
