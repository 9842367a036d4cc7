#!/usr/bin/env python3
"""Write docs/ from src/: each master (UTF-8, LF) in its intended codec and line end, strictly."""
import os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
# name -> (python codec, BOM?, line end)
PLAN = {
    "u1_munakata_shimon.txt":          ("utf-8",  False, "\n"),
    "u2_beppu_houkoku_sheet.txt":      ("cp932",  False, "\r\n"),
    "u3_marugame_itaku_list.md":       ("utf-8",  True,  "\r\n"),
    "u4_uruma_shingikai_kekka.html":   ("utf-8",  False, "\n"),
    "u5_nankoku_houkoku.txt":          ("euc_jp", False, "\n"),
    "u6_satsumasendai_kaigi_shiryo.txt": ("cp932", False, "\n"),
}
def main():
    src, out = os.path.join(HERE, "src"), os.path.join(HERE, "docs")
    os.makedirs(out, exist_ok=True)
    names = sorted(os.listdir(src))
    if sorted(PLAN) != names:
        sys.exit("src/ and PLAN differ: %s vs %s" % (names, sorted(PLAN)))
    for name, (codec, bom, eol) in PLAN.items():
        raw = open(os.path.join(src, name), "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            sys.exit(name + ": master has a BOM")
        text = raw.decode("utf-8", errors="strict")
        if "\r" in text:
            sys.exit(name + ": master has CR")
        text = text.replace("\n", eol)
        try:
            data = text.encode(codec, errors="strict")
        except UnicodeEncodeError as e:
            bad = text[e.start:e.end]
            line = text[:e.start].count(eol) + 1
            sys.exit("%s: %r (U+%04X) not encodable in %s at line %d" % (name, bad, ord(bad[0]), codec, line))
        if bom:
            data = b"\xef\xbb\xbf" + data
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        print("%-36s %-7s %-4s %-4s %6d bytes %4d lines" % (name, codec, "BOM" if bom else "", "CRLF" if eol == "\r\n" else "LF", len(data), text.count(eol)))
if __name__ == "__main__":
    main()
