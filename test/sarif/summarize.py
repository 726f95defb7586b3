#!/usr/bin/env python3
"""Prints a SARIF log's results one per line, for FileCheck.

usage: summarize.py [--fingerprints] LOG.sarif

The invocation and its notifications, the rules, then each result:
`level rule uri:line:column-line:column message`, then its related locations
and its fixes (each replacement: the region it replaces and the new text)
indented. With --fingerprints: `rule fingerprint`, sorted,
to compare two runs.
"""
import json
import sys


def where(location):
    physical = location.get("physicalLocation")
    if not physical:
        return "-"
    artifact = physical["artifactLocation"]
    uri = artifact["uri"]
    if "uriBaseId" in artifact:
        uri = artifact["uriBaseId"] + "/" + uri
    region = physical.get("region", {})
    text = f"{uri}:{region.get('startLine')}:{region.get('startColumn')}"
    if "endLine" in region:
        text += f"-{region['endLine']}:{region['endColumn']}"
    return text


def main():
    args = sys.argv[1:]
    fingerprints = "--fingerprints" in args
    args = [a for a in args if a != "--fingerprints"]
    with open(args[0]) as f:
        log = json.load(f)
    run = log["runs"][0]
    if fingerprints:
        for line in sorted(f"{r['ruleId']} {v}" for r in run["results"]
                           for v in r["partialFingerprints"].values()):
            print(line)
        return
    for invocation in run.get("invocations", []):
        print(f"invocation successful={invocation['executionSuccessful']}")
        for note in invocation.get("toolExecutionNotifications", []):
            place = where(note["locations"][0]) if note.get("locations") else "-"
            rule = note.get("associatedRule", {}).get("id")
            print(f"  {note['level']} {place} "
                  + (f"[{rule}] " if rule else "") + note["message"]["text"])
    for rule in run["tool"]["driver"]["rules"]:
        print(f"rule {rule['id']} {rule['helpUri']}")
    for result in run["results"]:
        print(f"{result['level']} {result['ruleId']} "
              f"{where(result['locations'][0])} {result['message']['text']}")
        for related in result.get("relatedLocations", []):
            print(f"  related {where(related)} {related['message']['text']}")
        for fix in result.get("fixes", []):
            print(f"  fix {fix['description']['text']}")
            for change in fix["artifactChanges"]:
                for r in change["replacements"]:
                    region = {"physicalLocation": {
                        "artifactLocation": change["artifactLocation"],
                        "region": r["deletedRegion"]}}
                    text = r.get("insertedContent", {}).get("text", "")
                    print(f"    {where(region)} {text!r}")


if __name__ == "__main__":
    main()
