#!/usr/bin/env python3
"""Validates a SARIF log that mapguard wrote.

Against the SARIF 2.1.0 JSON schema beside this script (the one a log's
$schema names; README.md says where it comes from), and against what GitHub
code scanning needs to show a result: a rule for every result, with
descriptions, help and a help URI; a message; a file and a start line; a
partial fingerprint.

Prints one line per problem and exits 1 if there is any.
"""

import json
import os
import sys

import jsonschema

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMA = "sarif-2.1.0.json"


def schema_problems(log):
    with open(os.path.join(HERE, SCHEMA)) as f:
        schema = json.load(f)
    validator_class = jsonschema.validators.validator_for(schema)
    validator = validator_class(schema,
                                format_checker=jsonschema.FormatChecker())
    for error in validator.iter_errors(log):
        where = "/".join(str(p) for p in error.absolute_path)
        yield f"{SCHEMA}: at /{where}: {error.message}"


def github_problems(log):
    for run in log.get("runs", []):
        rules = run["tool"]["driver"].get("rules", [])
        ids = [rule["id"] for rule in rules]
        for rule in rules:
            for field in ("shortDescription", "fullDescription", "help"):
                if not rule.get(field, {}).get("text"):
                    yield f"rule {rule['id']}: no {field}.text"
            if not rule.get("helpUri"):
                yield f"rule {rule['id']}: no helpUri"
        for n, result in enumerate(run.get("results", [])):
            what = f"result {n}"
            rule_id = result.get("ruleId")
            if rule_id not in ids:
                yield f"{what}: ruleId {rule_id!r} has no rule"
            elif ids[result.get("ruleIndex", -1)] != rule_id:
                yield f"{what}: ruleIndex does not point at {rule_id}"
            if not result.get("message", {}).get("text"):
                yield f"{what}: no message.text"
            locations = result.get("locations", [])
            if not locations:
                yield f"{what}: no location"
            for location in locations:
                physical = location.get("physicalLocation", {})
                if not physical.get("artifactLocation", {}).get("uri"):
                    yield f"{what}: location without artifactLocation.uri"
                if not physical.get("region", {}).get("startLine"):
                    yield f"{what}: location without region.startLine"
            if not result.get("partialFingerprints"):
                yield f"{what}: no partialFingerprints"


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: validate.py LOG.sarif")
    with open(sys.argv[1]) as f:
        log = json.load(f)
    problems = list(schema_problems(log)) + list(github_problems(log))
    for problem in problems:
        print(problem)
    results = sum(len(run.get("results", [])) for run in log["runs"])
    print(f"{len(problems)} problems in {results} results")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
