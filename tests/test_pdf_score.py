#!/usr/bin/env python3
"""test_pdf_score.py PICORPUS SOURCE_ROOT — extraction from the PDFs an
office suite makes of the development forms, as a regression test.

Every set of tests/forms/ is typeset by tools/lo-pdf (LibreOffice,
bordered tables whose cells wrap) into PDFs, built, exported and scored
against its gold (sources renamed .pdf) with
../shared/tools/score-extraction.  Each set has a floor a little below
the soft F1 it scored when the floor was set (FLOORS); a set under its
floor fails.  The text of the same documents is scored by
tests/test_score.sh.  Skipped (exit 77) without soffice or the scorer.
Prints each set's soft/strict F1 and "N passed, N failed".
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402

# soft F1 floors of the sets' LibreOffice PDFs (their scores when set,
# less about 0.05; tests/forms/*/README.md says what each set is)
FLOORS = {
    "a": 0.90, "b": 0.90, "c": 0.85, "e": 0.85, "f": 0.90, "g": 0.85,
    "h": 0.85, "i": 0.80, "j": 0.75, "k": 0.70, "l": 0.75, "m": 0.85,
    "n": 0.65, "o": 0.80, "p": 0.85, "q": 0.45,
    "r": 0.85, "s": 0.80, "t": 0.75, "u": 0.55, "v": 0.70,
    "w": 0.60, "x": 0.75, "y": 0.65, "z": 0.70, "za": 0.70,
    "zb": 0.65, "zc": 0.75, "zd": 0.73, "ze": 0.76,
    "zf": 0.65, "zg": 0.85, "zh": 0.73, "zi": 0.77, "zj": 0.77,
    "zk": 0.71, "zl": 0.73, "zm": 0.60, "zn": 0.86, "zo": 0.88,
    "zp": 0.86, "zq": 0.83, "zr": 0.81, "zs": 0.81, "zt": 0.62,
    "zu": 0.85, "zv": 0.79, "zw": 0.73, "zx": 0.73, "zy": 0.84,
    "zz": 0.78, "zza": 0.77, "zzb": 0.71, "zzc": 0.88, "zzd": 0.89,
    "zze": 0.79, "zzf": 0.85, "zzg": 0.82, "zzh": 0.86, "zzi": 0.66,
    "zzj": 0.82, "zzk": 0.57,
}
TYPESET = (".txt", ".md", ".html")     # what tools/lo-pdf makes PDFs of


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, **kw)


def pdf_gold(gold, out):
    """gold with every source typeset renamed to its PDF, written to
    out."""
    with open(gold, encoding="utf-8") as f:
        data = json.load(f)
    data["cases"] = [c for c in data["cases"]
                     if os.path.splitext(c["source"])[1] in TYPESET]
    for case in data["cases"]:
        case["source"] = os.path.splitext(case["source"])[0] + ".pdf"
    with open(out, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False)


def score(scorer, gold, export):
    out = run([scorer, gold, export]).stdout
    m = re.search(r"extraction soft F1 ([0-9.]+) strict F1 ([0-9.]+)", out)
    return (float(m.group(1)), float(m.group(2))) if m else (0.0, 0.0)


def check_set(t, bin_, lo_pdf, scorer, root, work, name, floor):
    src = os.path.join(root, "tests", "forms", name)
    pdfs = os.path.join(work, name)
    made = run([sys.executable, lo_pdf, "--corpus",
                os.path.join(src, "docs"), pdfs])
    t.check(made.returncode == 0, "forms-%s: typeset: %s"
            % (name, made.stderr.strip()))
    if made.returncode != 0:
        return
    gold = os.path.join(work, name + "-gold.json")
    pdf_gold(os.path.join(src, "gold.json"), gold)
    index = os.path.join(work, name + ".db")
    export = index + ".jsonl"
    run([bin_, "build", "-q", "--no-site", "-c", pdfs, "--index", index])
    with open(export, "w") as f:
        f.write(run([bin_, "export", "--index", index]).stdout)
    soft, strict = score(scorer, gold, export)
    print("extraction soft/strict F1: forms-%s as LibreOffice PDFs "
          "%.3f/%.3f" % (name, soft, strict))
    t.check(soft >= floor, "forms-%s: LibreOffice PDFs score soft F1 "
            ">= %.2f (%.3f)" % (name, floor, soft))


def main():
    bin_, root = (os.path.abspath(a) for a in sys.argv[1:3])
    scorer = os.path.join(root, "..", "shared", "tools", "score-extraction")
    lo_pdf = os.path.join(root, "tools", "lo-pdf")
    if not shutil.which("soffice") or not os.access(scorer, os.X_OK):
        print("no soffice or no %s: skipped" % scorer)
        return 77
    t = harness.Tally()
    forms = os.path.join(root, "tests", "forms")
    sets = sorted(n for n in os.listdir(forms)    # (checklib.py is none)
                  if os.path.isfile(os.path.join(forms, n, "gold.json")))
    t.check(set(sets) == set(FLOORS), "every set of tests/forms/ has a "
            "floor: %r" % sorted(set(sets) ^ set(FLOORS)))
    with tempfile.TemporaryDirectory() as work:
        for name in sets:
            if name in FLOORS:
                check_set(t, bin_, lo_pdf, scorer, root, work, name,
                          FLOORS[name])
    return t.report()


if __name__ == "__main__":
    sys.exit(main())
