"""Fails when a tracked file holds a possible secret that .secrets.baseline does not list.

Compares (file, hashed secret) pairs, not line numbers, so editing around a reviewed match does
not fail the build; a new match does. Re-scans with the baseline's own plugins and filters.
Review a false positive into the baseline with: detect-secrets scan --baseline .secrets.baseline
"""
import json
import shutil
import subprocess
import sys
import tempfile


def pairs(baseline):
    return {(path, item["hashed_secret"]) for path, items in baseline["results"].items() for item in items}


def main():
    with open(".secrets.baseline") as f:
        committed = json.load(f)
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as copy:
        shutil.copyfile(".secrets.baseline", copy.name)
        subprocess.run([sys.executable, "-m", "detect_secrets", "scan", "--baseline", copy.name, "--exclude-files", r"^\.secrets\.baseline$"], check=True)
        with open(copy.name) as f:
            rescanned = json.load(f)
    new = sorted(pairs(rescanned) - pairs(committed))
    files = len(subprocess.run(["git", "ls-files"], capture_output=True, text=True, check=True).stdout.split())
    if new:
        for path, _ in new:
            print(f"possible secret in {path}", file=sys.stderr)
        sys.exit(1)
    print(f"secret scan: no new secrets in {files} tracked files")


main()
