#!/bin/sh
# test_score.sh PICORPUS SOURCE_ROOT — extraction quality as a regression
# test: builds each scored set and compares its export with its gold data
# (../shared/tools/score-extraction):
#   corpus/ (the seeds)            soft F1 >= 0.95, strict >= 0.85
#   tests/heldout/                 soft F1 >= 0.95, strict >= 0.85
#   tests/forms/{a,b,c,i}/         soft F1 >= 0.85, strict >= 0.80
#   tests/forms/{e,...,p,r,s,t}/   soft F1 >= 0.80, strict >= 0.75
#   tests/forms/q/                 soft F1 >= 0.55, strict >= 0.50 (barely worked)
#   tests/forms/{u,v,w,x}/         soft F1 >= 0.75, strict >= 0.70
#   tests/forms/{y,z,za,zb,zc}/    soft F1 >= 0.85, strict >= 0.80
#   tests/forms/{zd,ze,zg}/        soft F1 >= 0.80, strict >= 0.75 (newest)
#   tests/forms/zf/                soft F1 >= 0.70, strict >= 0.65
#   tests/forms/{zh,...,zl,zn,...,zq}/ soft F1 >= 0.80, strict >= 0.75
#   tests/forms/zm/                soft F1 >= 0.65, strict >= 0.60
#   tests/forms/{zr,...,zv,zx,...,zzj}/ soft F1 >= 0.80, strict >= 0.75
#   tests/forms/zw/                soft F1 >= 0.78, strict >= 0.74
#   tests/forms/zzk/               soft F1 >= 0.69, strict >= 0.68
#     (e, f and l-zzk were hidden estimate sets, scored once unseen, then
#     kept; each README gives its unseen score)
#   ../shared/dev/set{3,4}/        soft F1 >= 0.85, strict >= 0.80
# tests/forms/ holds documents in forms unlike the seeds with gold written
# blind to the extractor; ../shared/dev/ is the team's shared development
# material.  Skipped (exit 77) when the scorer is not beside the
set -u
bin=$1
root=$2
scorer="$root/../shared/tools/score-extraction"
[ -x "$scorer" ] || { echo "no $scorer: skipped"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0 fail=0
check() {	# check NAME CORPUS GOLD MIN_SOFT MIN_STRICT
	[ -f "$3" ] || { echo "skip - $1: no $3"; return; }
	"$bin" build -q --no-site -c "$2" --index "$work/$1.db" 2>/dev/null &&
		"$bin" export --index "$work/$1.db" >"$work/$1.jsonl" || {
		echo "not ok - $1: build failed"; fail=$((fail + 1)); return; }
	"$scorer" "$3" "$work/$1.jsonl" >"$work/$1.score"
	cat "$work/$1.score"
	if awk -v s="$4" -v t="$5" \
	    '/^extraction soft F1/{exit !($4 >= s && $7 >= t)}' \
	    "$work/$1.score"; then
		echo "ok - $1: $(tail -n 1 "$work/$1.score")"; pass=$((pass + 1))
	else
		echo "not ok - $1: below soft $4 / strict $5"
		fail=$((fail + 1))
	fi
}
check seeds "$root/corpus" "$root/../shared/gold/seeds.json" 0.95 0.85
check heldout "$root/tests/heldout" "$root/tests/heldout/gold.json" 0.95 0.85
for set in a b c i; do
	check "forms-$set" "$root/tests/forms/$set/docs" \
	    "$root/tests/forms/$set/gold.json" 0.85 0.80
done
for set in e f g h j k l m n o p r s t; do
	check "forms-$set" "$root/tests/forms/$set/docs" \
	    "$root/tests/forms/$set/gold.json" 0.80 0.75
done
# hidden estimate sets barely worked on: regression floors
check "forms-q" "$root/tests/forms/q/docs" "$root/tests/forms/q/gold.json" \
    0.55 0.50
for set in u v w x; do
	check "forms-$set" "$root/tests/forms/$set/docs" \
	    "$root/tests/forms/$set/gold.json" 0.75 0.70
done
for set in y z za zb zc; do
	check "forms-$set" "$root/tests/forms/$set/docs" \
	    "$root/tests/forms/$set/gold.json" 0.85 0.80
done
for set in zd ze zg; do
	check "forms-$set" "$root/tests/forms/$set/docs" \
	    "$root/tests/forms/$set/gold.json" 0.80 0.75
done
check "forms-zf" "$root/tests/forms/zf/docs" "$root/tests/forms/zf/gold.json" \
    0.70 0.65
for set in zh zi zj zk zl zn zo zp zq; do
	check "forms-$set" "$root/tests/forms/$set/docs" \
	    "$root/tests/forms/$set/gold.json" 0.80 0.75
done
check "forms-zm" "$root/tests/forms/zm/docs" "$root/tests/forms/zm/gold.json" \
    0.65 0.60
for set in zr zs zt zu zv zx zy zz zza zzb zzc zzd zze zzf zzg zzh zzi \
    zzj; do
	check "forms-$set" "$root/tests/forms/$set/docs" \
	    "$root/tests/forms/$set/gold.json" 0.80 0.75
done
check "forms-zw" "$root/tests/forms/zw/docs" "$root/tests/forms/zw/gold.json" \
    0.78 0.74
check "forms-zzk" "$root/tests/forms/zzk/docs" \
    "$root/tests/forms/zzk/gold.json" 0.69 0.68
for set in set3 set4; do
	check "dev-$set" "$root/../shared/dev/$set/docs" \
	    "$root/../shared/dev/$set/gold.json" 0.85 0.80
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
