#!/usr/bin/env python3
"""Write docs/ from src/: each master (UTF-8, LF) in its intended codec and line end, strictly."""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
# file name: (python codec, line end)
MANIFEST = {
    "u1_suzuka_shimon_layout.txt":      ("cp932",     "\r\n"),
    "u2_tajimi_houkoku_pdftotext.txt":  ("utf-8",     "\n"),
    "u3_kariya_fugi.html":              ("euc_jp",    "\n"),
    "u4_nagaizumi_juten_layout.txt":    ("utf-8-sig", "\r\n"),
    "u5_higashiura_shimon_word.txt":    ("shift_jis", "\r\n"),
    "u6_toyokawa_houkoku.md":           ("utf-8",     "\r\n"),
}

def main():
    src = os.path.join(HERE, "src"); dst = os.path.join(HERE, "docs")
    os.makedirs(dst, exist_ok=True)
    for name, (codec, eol) in MANIFEST.items():
        raw = open(os.path.join(src, name), "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            sys.exit(f"{name}: master must not carry a BOM")
        text = raw.decode("utf-8", errors="strict")
        if "\r" in text:
            sys.exit(f"{name}: master must use LF")
        text = text.replace("\n", eol)
        try:
            data = text.encode(codec, errors="strict")
        except UnicodeEncodeError as e:
            sys.exit(f"{name}: cannot encode {text[e.start:e.end]!r} (U+{ord(text[e.start]):04X}) in {codec}: "
                     f"...{text[max(0,e.start-20):e.end+5]!r}")
        with open(os.path.join(dst, name), "wb") as f:
            f.write(data)
        print(f"docs/{name}: {codec}, {'CRLF' if eol == chr(13)+chr(10) else 'LF'}, {len(data)} bytes")

if __name__ == "__main__":
    main()
