#!/usr/bin/env python3
"""Write docs/ from src/: each document in its intended codec and line end (strict encoding)."""
import json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
# name -> (python codec, line end, write BOM)
MANIFEST = {
    "u1_joetsu_toushin.txt":       ("cp932",     "\r\n", False),
    "u2_tama_kekka.html":          ("utf-8",     "\n",   False),
    "u3_ebetsu_kaigiroku.txt":     ("euc_jp",    "\n",   False),
    "u4_urayasu_ichiran.md":       ("utf-8",     "\r\n", True),
    "u5_ogaki_shimonsho.txt":      ("shift_jis", "\n",   False),
    "u6_fujinomiya_kaigiroku.txt": ("utf-8",     "\n",   True),
}

def main():
    src = os.path.join(HERE, "src"); out = os.path.join(HERE, "docs")
    os.makedirs(out, exist_ok=True)
    assert sorted(os.listdir(src)) == sorted(MANIFEST), "src/ and manifest differ"
    for name, (codec, eol, bom) in MANIFEST.items():
        with open(os.path.join(src, name), encoding="utf-8", newline="") as f:
            text = f.read()
        if text.startswith("\ufeff"):
            sys.exit(f"{name}: master must not carry a BOM")
        text = text.replace("\r\n", "\n").replace("\n", eol)
        data = text.encode(codec, errors="strict")
        if bom:
            data = b"\xef\xbb\xbf" + data
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        print(f"{name}: {codec}{' +BOM' if bom else ''} {'CRLF' if eol == chr(13)+chr(10) else 'LF'} {len(data)} bytes")
    with open(os.path.join(HERE, "docs_manifest.json"), "w", encoding="utf-8") as f:
        json.dump({n: {"codec": c, "eol": "CRLF" if e == "\r\n" else "LF", "bom": b}
                   for n, (c, e, b) in MANIFEST.items()}, f, ensure_ascii=False, indent=1)

if __name__ == "__main__":
    main()
