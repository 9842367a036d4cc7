#!/bin/sh
# test_score.sh PICORPUS SOURCE_ROOT — extraction quality as a regression
# test: builds corpus/ and tests/heldout/ (documents in other styles written
# blind to the extractor) and scores each with ../shared/tools/
# score-extraction against its gold data; fails when soft F1 < 0.95 or
# strict F1 < 0.85.  Skipped (exit 77) when the scorer is not beside the
# repository.
set -u
bin=$1
root=$2
scorer="$root/../shared/tools/score-extraction"
[ -x "$scorer" ] || { echo "no $scorer: skipped"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0 fail=0
check() {	# check NAME CORPUS GOLD
	"$bin" build -q --no-site -c "$2" --index "$work/$1.db" &&
		"$bin" export --index "$work/$1.db" >"$work/$1.jsonl" || {
		echo "not ok - $1: build failed"; fail=$((fail + 1)); return; }
	"$scorer" "$3" "$work/$1.jsonl" >"$work/$1.score"
	cat "$work/$1.score"
	if awk '/^extraction soft F1/{exit !($4 >= 0.95 && $7 >= 0.85)}' \
	    "$work/$1.score"; then
		echo "ok - $1: $(tail -n 1 "$work/$1.score")"; pass=$((pass + 1))
	else
		echo "not ok - $1: below soft 0.95 / strict 0.85"
		fail=$((fail + 1))
	fi
}
check seeds "$root/corpus" "$root/../shared/gold/seeds.json"
check heldout "$root/tests/heldout" "$root/tests/heldout/gold.json"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
