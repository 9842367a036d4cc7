#!/usr/bin/env python3
"""Write docs/ from src/: each master (UTF-8, LF) in its intended codec and line end, strict."""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
# name -> (python codec, line end)
MANIFEST = {
    "u1_hagi_shimon_layout.txt":       ("cp932",     "\r\n"),
    "u2_sakaide_houkoku_plain.txt":    ("utf-8-sig", "\n"),
    "u3_omuta_fugi.txt":               ("euc_jp",    "\n"),
    "u4_nakatsu_shimon.txt":           ("utf-8",     "\r\n"),
    "u5_yawatahama_houkoku_layout.txt":("utf-8",     "\n"),
    "u6_kanoya_juten_hyoukasho.txt":   ("utf-8-sig", "\r\n"),
}

def main():
    src = os.path.join(HERE, "src"); out = os.path.join(HERE, "docs")
    os.makedirs(out, exist_ok=True)
    for name, (codec, eol) in MANIFEST.items():
        with open(os.path.join(src, name), encoding="utf-8", newline="") as f:
            text = f.read()
        if text.startswith("\ufeff") or "\r" in text:
            sys.exit(f"{name}: master must be UTF-8 without BOM, LF")
        text = text.replace("\n", eol)
        data = text.encode(codec, errors="strict")
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        print(f"{name}: {codec} {'CRLF' if eol == chr(13)+chr(10) else 'LF'} {len(data)} bytes")

if __name__ == "__main__":
    main()
