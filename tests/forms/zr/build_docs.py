#!/usr/bin/env python3
"""Write docs/ from src/: each master (UTF-8, LF) is re-encoded strictly in its
intended codec and line end. The manifest below is also read by check.py."""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
MANIFEST = {
    # file name: (python codec, line end)
    "u1_niigata_shimonsho.txt":        ("cp932",     "\r\n"),
    "u2_wakayama_kouiki_houkoku.txt":  ("euc_jp",    "\n"),
    "u3_miyagi_zenkomoku_layout.txt":  ("utf-8",     "\n"),
    "u4_hyogo_shingikai_shiryo.html":  ("utf-8",     "\r\n"),
    "u5_saitamaseibu_shobo_shimon.txt": ("shift_jis", "\r\n"),
    "u6_hachinohe_suido_houkoku.md":   ("utf-8-sig", "\n"),
}

def main():
    src, out = os.path.join(HERE, "src"), os.path.join(HERE, "docs")
    os.makedirs(out, exist_ok=True)
    bad = 0
    for name, (codec, eol) in MANIFEST.items():
        with open(os.path.join(src, name), encoding="utf-8") as f:
            text = f.read()
        if text.startswith("\ufeff") or "\r" in text:
            print(f"{name}: master must be UTF-8 without BOM, LF"); bad += 1; continue
        text = text.replace("\n", eol)
        try:
            data = text.encode(codec, errors="strict")
        except UnicodeEncodeError as e:
            print(f"{name}: cannot encode {text[e.start:e.end]!r} (U+{ord(text[e.start]):04X}) in {codec}")
            bad += 1; continue
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        print(f"{name}: {codec} {'CRLF' if eol == chr(13)+chr(10) else 'LF'} {len(data)} bytes, {text.count(eol)} lines")
    sys.exit(1 if bad else 0)

if __name__ == "__main__":
    main()
