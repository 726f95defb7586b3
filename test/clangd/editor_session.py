#!/usr/bin/env python3
"""An editor's session with mapguard-clangd, over LSP on stdio.

What an editor does when a user opens a racy file in a project whose
.clang-tidy enables mapguard's checks (and no .clangd file): initialize,
open the file, show the published warning with its notes as related
information and its documentation link, ask for the code actions at the
warning, apply the preferred quick fix, send the changed text, and see the
warning go. Prints each step for FileCheck; exits non-zero if a step fails.
"""

import argparse
import json
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lsp  # noqa: E402


def show(diagnostic):
    start = diagnostic["range"]["start"]
    severity = {1: "error", 2: "warning", 3: "information", 4: "hint"}
    print(f"diagnostic: {start['line'] + 1}:{start['character'] + 1} "
          f"{severity.get(diagnostic.get('severity'), '?')} "
          f"[{diagnostic.get('code')}] {diagnostic['message']}")
    for related in diagnostic.get("relatedInformation", []):
        at = related["location"]["range"]["start"]
        print(f"  related: {os.path.basename(lsp.path_of(related['location']['uri']))}:"
              f"{at['line'] + 1}:{at['character'] + 1}: {related['message']}")
    href = diagnostic.get("codeDescription", {}).get("href")
    print(f"  documentation: {href}")


def published(client, path, version, step):
    """Prints and returns mapguard's diagnostics published for `version`."""
    found = [d for d in client.diagnostics(path, version=version)
             if str(d.get("code", "")).startswith("mapguard-")]
    print(f"{step}: {len(found)} mapguard diagnostics")
    for d in found:
        show(d)
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clangd", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("--work", required=True, help="an empty folder")
    parser.add_argument("--server-arg", action="append", default=[],
                        help="a further argument of the server")
    parser.add_argument("--symbol", default=None,
                        help="also look this symbol up in the workspace, "
                        "which asks the index")
    args = parser.parse_args()

    os.makedirs(args.work, exist_ok=True)
    path = os.path.join(args.work, os.path.basename(args.source))
    shutil.copy(args.source, path)
    # What a project has: a .clang-tidy and a compilation database.
    with open(os.path.join(args.work, ".clang-tidy"), "w") as f:
        f.write("Checks: '-*,mapguard-*'\n")
    with open(os.path.join(args.work, "compile_commands.json"), "w") as f:
        json.dump([{"directory": args.work, "file": path,
                    "arguments": ["clang++", "-std=c++17", "-c", path]}], f)
    text = open(path).read()

    # The server's standard error, for tests to read.
    log = open(os.path.join(args.work, "clangd.log"), "w")
    # No user configuration either: a fresh home.
    env = dict(os.environ, HOME=args.work,
               XDG_CONFIG_HOME=os.path.join(args.work, "config"))
    command = [os.path.abspath(args.clangd), "--background-index=false"]
    client = lsp.Client(command + args.server_arg, args.work, stderr=log,
                        env=env)
    client.initialize()
    client.open(path, text, version=1)
    diagnostics = published(client, path, 1, "opened")
    if not diagnostics:
        return 1

    if args.symbol:
        symbols = client.request("workspace/symbol", {"query": args.symbol})
        print(f"workspace symbols named {args.symbol}: {len(symbols or [])}")

    warning = diagnostics[0]
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": lsp.uri(path)},
        "range": warning["range"],
        "context": {"diagnostics": [warning], "only": ["quickfix"]}})
    quick_fixes = [a for a in actions or [] if a.get("kind") == "quickfix"]
    for a in quick_fixes:
        print(f"quick fix: {a['title']}"
              f"{' (preferred)' if a.get('isPreferred') else ''}")
    preferred = [a for a in quick_fixes if a.get("isPreferred")]
    if not preferred:
        return 1
    text = lsp.apply_edits(text, lsp.edits_for(preferred[0]["edit"], path))
    print("fixed text:")
    for line in text.split("\n"):
        print(f"| {line}")

    client.change(path, text, version=2)
    after = published(client, path, 2, "changed")
    status = client.shutdown()
    print(f"exit: {status}")
    return 0 if not after and status == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
