#!/usr/bin/env python3
"""Write docs/ from src/: each master (UTF-8, LF, no BOM) in its intended codec and line end.
Encoding is strict: a character the target codec cannot hold stops the build."""
import json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
# name: (python codec, write BOM, line end)
MANIFEST = {
    "u1_iwaki_shingikai.html":  ("utf-8",  False, "\n"),
    "u2_otsu_shimonsho.txt":    ("cp932",  False, "\r\n"),
    "u3_neyagawa_houkoku.md":   ("utf-8",  True,  "\r\n"),
    "u4_tottori_setsumei.txt":  ("euc_jp", False, "\n"),
    "u5_miyazaki_houkoku.html": ("utf-8",  False, "\r\n"),
    "u6_yamagata_shimon.md":    ("utf-8",  True,  "\n"),
}

def main():
    src, out = os.path.join(HERE, "src"), os.path.join(HERE, "docs")
    os.makedirs(out, exist_ok=True)
    assert sorted(MANIFEST) == sorted(os.listdir(src)), "src/ and MANIFEST differ"
    for name, (codec, bom, eol) in MANIFEST.items():
        raw = open(os.path.join(src, name), "rb").read()
        assert not raw.startswith(b"\xef\xbb\xbf"), name + ": master has a BOM"
        text = raw.decode("utf-8")
        assert "\r" not in text, name + ": master is not LF"
        data = text.replace("\n", eol).encode(codec, errors="strict")
        if bom:
            data = b"\xef\xbb\xbf" + data
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        print(f"{name}: {codec}{' +BOM' if bom else ''} {'CRLF' if eol == chr(13)+chr(10) else 'LF'} {text.count(chr(10))} lines")
    json.dump({n: {"codec": c, "bom": b, "eol": "CRLF" if e == "\r\n" else "LF"} for n, (c, b, e) in MANIFEST.items()},
              open(os.path.join(HERE, "docs_manifest.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)

if __name__ == "__main__":
    main()
