#!/usr/bin/env python3
"""Write docs/ from src/: each master (UTF-8, LF, no BOM) in its intended codec and line end.
Encoding is strict: a character the codec cannot hold is an error, never replaced."""
import json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
PLAN = {
    # file: (python codec, BOM, line end)
    "u1_hanamaki_shimon.txt":      ("cp932",     False, "\r\n"),
    "u2_takaoka_fugi_sheet.txt":   ("utf-8",     False, "\n"),
    "u3_komatsu_kekka.html":       ("utf-8",     False, "\n"),
    "u4_yonezawa_word.txt":        ("euc_jp",    False, "\n"),
    "u5_natori_itaku_ichiran.txt": ("utf-8",     True,  "\r\n"),
    "u6_tsuruga_pdf.txt":          ("shift_jis", False, "\n"),
}

def main():
    src = os.path.join(HERE, "src"); out = os.path.join(HERE, "docs")
    os.makedirs(out, exist_ok=True)
    manifest = {}
    for name, (codec, bom, eol) in PLAN.items():
        text = open(os.path.join(src, name), encoding="utf-8", newline="").read()
        assert not text.startswith("\ufeff") and "\r" not in text, name
        text = text.replace("\n", eol)
        data = text.encode(codec, errors="strict")
        if bom:
            data = b"\xef\xbb\xbf" + data
        # round trip
        back = (data[3:] if bom else data).decode(codec, errors="strict")
        assert back == text, name
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        manifest[name] = {"codec": codec + ("-sig" if bom else ""), "eol": "CRLF" if eol == "\r\n" else "LF",
                          "lines": text.count(eol) + (0 if text.endswith(eol) else 1)}
        print(f"{name}: {manifest[name]}")
    with open(os.path.join(HERE, "docs_manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)

if __name__ == "__main__":
    main()
