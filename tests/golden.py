#!/usr/bin/env python3
"""golden.py [--regen] PICORPUS CORPUS_DIR GOLDEN_DIR

Golden regression test for extraction: builds CORPUS_DIR into a temporary
index, exports every case, and compares the cases of each source file with
GOLDEN_DIR/<source>.json (a JSON array, keys sorted, "related" left out).
With --regen the golden files are rewritten instead; review the diff like
code (`meson compile -C build regen-golden`, then `git diff tests/golden`).
Prints "N passed, N failed" (one check per source file).
"""
import json
import os
import subprocess
import sys
import tempfile


def export(picorpus, corpus):
    with tempfile.TemporaryDirectory() as tmp:
        idx = os.path.join(tmp, "index.db")
        subprocess.run([picorpus, "build", "-q", "--no-site", "-c", corpus,
                        "--index", idx], check=True)
        out = subprocess.run([picorpus, "export", "--index", idx],
                             check=True, capture_output=True, text=True).stdout
    by_source = {}
    for line in out.splitlines():
        case = json.loads(line)
        case.pop("related", None)
        by_source.setdefault(case["source"], []).append(case)
    return by_source


def dump(cases):
    return json.dumps(cases, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main():
    args = sys.argv[1:]
    regen = "--regen" in args
    args = [a for a in args if a != "--regen"]
    if len(args) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    picorpus, corpus, golden = args
    by_source = export(picorpus, corpus)
    passed = failed = 0
    for source, cases in sorted(by_source.items()):
        path = os.path.join(golden, source.replace("/", "_") + ".json")
        if regen:
            with open(path, "w", encoding="utf-8") as f:
                f.write(dump(cases))
            print("wrote", path)
            continue
        try:
            want = open(path, encoding="utf-8").read()
        except OSError:
            print(f"not ok - {source}: no golden file {path}")
            failed += 1
            continue
        if want == dump(cases):
            print(f"ok - {source}")
            passed += 1
        else:
            print(f"not ok - {source}: export differs from {path}")
            import difflib
            sys.stdout.writelines(difflib.unified_diff(
                want.splitlines(True), dump(cases).splitlines(True),
                path, "export", n=1))
            failed += 1
    if not regen:
        print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
