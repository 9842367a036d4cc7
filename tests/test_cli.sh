#!/bin/sh
# test_cli.sh PICORPUS SOURCE_ROOT — end-to-end tests of the command line:
# exit statuses, a build of corpus/, queries, export, a directory of bad
# files, a build killed half-way, one build at a time, and picorpus
# check.  Prints "N passed, N failed".
set -u
bin=$1
root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0
fail=0

ok() { pass=$((pass + 1)); echo "ok - $1"; }
not_ok() { fail=$((fail + 1)); echo "not ok - $1"; }
expect_status() {	# expect_status WANT NAME CMD...
	want=$1 name=$2
	shift 2
	"$@" >"$work/out" 2>"$work/err"
	got=$?
	if [ "$got" -eq "$want" ]; then ok "$name"; else
		not_ok "$name (exit $got, want $want)"; cat "$work/err"; fi
}

idx="$work/index.db"
expect_status 0 "--help exits 0" "$bin" --help
expect_status 0 "--version exits 0" "$bin" --version
expect_status 2 "no command is a usage error" "$bin"
expect_status 2 "unknown command is a usage error" "$bin" frobnicate
expect_status 0 "query --help exits 0" "$bin" query --help
expect_status 2 "unknown option is a usage error" "$bin" query --bogus x
expect_status 1 "query without an index is a runtime error" \
	"$bin" query --index "$work/missing.db" 委託

expect_status 0 "build corpus/" "$bin" build -c "$root/corpus" \
	-o "$work/site" --index "$idx"
[ -f "$work/site/index.html" ] && ok "site index written" ||
	not_ok "site index written"

expect_status 0 "query 再委託 LGWAN" "$bin" query --index "$idx" 再委託 LGWAN
grep -q 健康診査・がん検診等の印字等業務 "$work/out" &&
	ok "再委託 LGWAN finds the 新宿区 印字 case" ||
	not_ok "再委託 LGWAN finds the 新宿区 印字 case"
grep -q "手続: 再委託 新宿区健康診査" "$work/out" &&
	ok "a hit names the procedure that matched" ||
	not_ok "a hit names the procedure that matched"

# Progress: a line on a terminal (script(1) gives the build one), none
# when stderr is a file.
if command -v script >/dev/null; then
	script -qec "'$bin' build --no-site -c '$root/corpus' --index \
		'$work/tty.db'" /dev/null >"$work/tty.out" 2>&1
	grep -q "5/5 files" "$work/tty.out" &&
		ok "a terminal shows the build's progress" ||
		not_ok "a terminal shows the build's progress"
fi
"$bin" build --no-site -c "$root/corpus" --index "$work/pipe.db" \
	2>"$work/pipe.err" >/dev/null
grep -q "/5 files" "$work/pipe.err" && not_ok "no progress when piped" ||
	ok "no progress when piped"

expect_status 0 "--index before the command" "$bin" --index "$idx" query \
	--count 再委託 LGWAN
[ "$(cat "$work/out")" = 2 ] && ok "--index before the command is used" ||
	not_ok "--index before the command is used"
expect_status 2 "--index without a file is a usage error" "$bin" --index

expect_status 0 "zero hits is exit 0" "$bin" query --index "$idx" 存在しない語句です
grep -q "no case contains '存在しない語句です'" "$work/err" &&
	ok "zero hits says which term no case contains" ||
	not_ok "zero hits says which term no case contains"
expect_status 2 "unbalanced quote is a usage error" \
	"$bin" query --index "$idx" '"再委託'
expect_status 0 "FTS syntax is just text" \
	"$bin" query --index "$idx" 'NEAR(a*' 'x:y' "'; DROP TABLE cases;--"
grep -qi "sqlite\|fts5" "$work/err" && not_ok "no SQLite message leaks" ||
	ok "no SQLite message leaks"

# Every case whose text contains 委託 is found.
"$bin" query --index "$idx" --json --limit 0 委託 >"$work/hits.jsonl"
"$bin" export --index "$idx" >"$work/export.jsonl"
python3 - "$work" <<'PY' && ok "委託 finds every case whose text has it" || not_ok "委託 recall"
import json, sys, sqlite3, zlib
w = sys.argv[1]
hits = {json.loads(l)["id"] for l in open(w + "/hits.jsonl")}
db = sqlite3.connect(w + "/index.db")
want = set()
for cid, doc, a, b in db.execute("SELECT c.id, d.text, c.line_start, c.line_end FROM cases c JOIN documents d ON d.id = c.document_id"):
    lines = zlib.decompress(doc).decode().split("\n")[a - 1:b]
    import unicodedata
    if "委託" in unicodedata.normalize("NFKC", "\n".join(lines)):
        want.add(cid)
missing = want - hits
print("cases with 委託:", len(want), "found:", len(hits & want), "missing:", sorted(missing))
sys.exit(0 if not missing and want else 1)
PY

python3 - "$work/export.jsonl" <<'PY' && ok "export has every SPEC key" || not_ok "export keys"
import json, sys
keys = ["id", "source", "municipality", "kind", "number", "title", "date",
        "department", "legal_basis", "subjects_count", "procedures", "related"]
pkeys = ["type", "title", "consignees", "subcontractors", "partner",
         "data_items", "period_start", "period_end"]
n = 0
for line in open(sys.argv[1]):
    o = json.loads(line)
    n += 1
    assert all(k in o for k in keys), o.keys()
    assert o["procedures"] is not None
    for p in o["procedures"]:
        assert all(k in p for k in pkeys), p.keys()
print("cases exported:", n)
sys.exit(0 if n > 0 else 1)
PY

# A directory of bad files: one diagnostic each, the good ones indexed.
bad="$work/bad"
mkdir -p "$bad"
printf 'abc\000def\000' >"$bad/binary.txt"
: >"$bad/empty.txt"
printf '\377\376\377\376\377\376\201\201\377' >"$bad/invalid.txt"
printf '諮問第1号\n令和6年4月1日\n杉並区長\n記\n窓口業務の委託について\n' |
	iconv -f UTF-8 -t CP932 >"$bad/sjis.txt"
printf '諮問第2号\n令和6年4月2日\n杉並区長\n記\n健診業務の委託について\n' |
	iconv -f UTF-8 -t EUC-JP >"$bad/eucjp.txt"
expect_status 0 "bad files do not stop the build" \
	"$bin" build -c "$bad" --no-site --index "$work/bad.db"
ndiag=$(grep -c "^$bad/[a-z]*\.txt: " "$work/err")
[ "$ndiag" -eq 3 ] && ok "one diagnostic per bad file" ||
	{ not_ok "one diagnostic per bad file (got $ndiag)"; cat "$work/err"; }
"$bin" query --index "$work/bad.db" --json 委託 >"$work/out" 2>&1
[ "$(grep -c '"id"' "$work/out")" -eq 2 ] &&
	ok "CP932 and EUC-JP files are indexed" ||
	{ not_ok "CP932 and EUC-JP files are indexed"; cat "$work/out"; }

# Limits: a file over --max-bytes is rejected; of a file over
# --max-cases the first cases are kept; each says so once.
expect_status 0 "build with --max-cases 2" "$bin" build -c "$root/corpus" \
	--no-site --index "$work/limited.db" --max-cases 2
grep -q "cases, more than the limit of 2 (--max-cases): only the first 2 kept" \
	"$work/err" && ok "--max-cases says which file it cut" ||
	{ not_ok "--max-cases says which file it cut"; cat "$work/err"; }
"$bin" export --index "$work/limited.db" | python3 -c '
import collections, json, sys
n = collections.Counter(json.loads(l)["source"] for l in sys.stdin)
sys.exit(0 if n and max(n.values()) == 2 else 1)' &&
	ok "--max-cases keeps at most 2 cases per file" ||
	not_ok "--max-cases keeps at most 2 cases per file"
expect_status 0 "build with --max-bytes 1000" "$bin" build -c "$root/corpus" \
	--no-site --index "$work/limited.db" --max-bytes 1000
grep -q "file too large" "$work/err" && ok "--max-bytes rejects with a reason" ||
	{ not_ok "--max-bytes rejects with a reason"; cat "$work/err"; }
expect_status 2 "--max-cases 0 is a usage error" "$bin" build \
	-c "$root/corpus" --no-site --index "$work/limited.db" --max-cases 0

# A build killed half-way leaves the previous index usable.
big="$work/big"
mkdir -p "$big"
i=0
while [ $i -lt 200 ]; do
	for f in "$root"/corpus/*.txt; do
		cp "$f" "$big/$i-$(basename "$f")"
	done
	i=$((i + 1))
done
before=$("$bin" query --index "$idx" --count 委託)
"$bin" build -c "$big" --index "$idx" -o "$work/site" >/dev/null 2>&1 &
pid=$!
n=0	# kill it once it has started writing the new index
while [ ! -f "$idx.tmp" ] && [ $n -lt 200 ]; do sleep 0.05; n=$((n + 1)); done
expect_status 1 "a second build of the same index waits for none" \
	"$bin" build -c "$root/corpus" --index "$idx" -o "$work/site2"
grep -q "another build of this index is running" "$work/err" &&
	ok "the second build says another is running" ||
	{ not_ok "the second build says another is running"; cat "$work/err"; }
sleep 0.2
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
after=$("$bin" query --index "$idx" --count 委託)
[ -n "$before" ] && [ "$before" = "$after" ] &&
	ok "killed build leaves the previous index ($after hits)" ||
	not_ok "killed build leaves the previous index ($before vs $after)"
[ -f "$work/site/index.html" ] && ok "killed build leaves the previous site" ||
	not_ok "killed build leaves the previous site"

expect_status 0 "check after the killed build: no problem" \
	"$bin" check --index "$idx" -o "$work/site"
grep -q "^0 problems$" "$work/out" && ok "check says 0 problems" ||
	{ not_ok "check says 0 problems"; cat "$work/out"; }

# check finds what is wrong: a case without its JSON, a text that no
# longer matches the full-text index, a missing page, another site.
cp "$idx" "$work/broken.db"
python3 - "$work/broken.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.executescript("""DELETE FROM case_json WHERE case_rowid = 2;
    UPDATE fts_text SET title = '全く別の題名' WHERE case_rowid = 3;""")
db.commit()
PY
first=$(ls "$work/site/case" | head -1)
mv "$work/site/case/$first" "$work/page.html"
expect_status 1 "check of a damaged index and site fails" \
	"$bin" check --index "$work/broken.db" -o "$work/site"
for want in "no export JSON" "FTS5 integrity-check failed" \
	"case/$first: missing" "3 problems"; do
	grep -q "$want" "$work/out" && ok "check reports: $want" ||
		{ not_ok "check reports: $want"; cat "$work/out"; }
done
mv "$work/page.html" "$work/site/case/$first"
expect_status 1 "check of a site of another index fails" \
	"$bin" check --index "$work/bad.db" -o "$work/site"
grep -q "made from another build than the index" "$work/out" &&
	ok "check says the site is of another build" ||
	not_ok "check says the site is of another build"
expect_status 0 "check --no-site checks the index only" \
	"$bin" check --index "$work/bad.db" --no-site

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
