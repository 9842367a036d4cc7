#!/usr/bin/env python3
"""test_crash.py PICORPUS SOURCE_ROOT — builds killed with SIGKILL at 20
random moments never lose the previous index and site, and queries
running during a build see the old or the new index, never a mix.

On a generated corpus of about 3 MB (tools/gen-corpus), after a first
full build, 20 times: change the corpus (edit, add or delete a file),
start a build (incremental, every fourth one --full), kill it with
SIGKILL after a random time within what such a build takes, then:
  - `picorpus check` finds no problem: the index is whole (SQLite and
    FTS5 integrity checks, table invariants) and the site is its site;
  - the index is the previous one (same build_id, same export) and the
    site the previous one byte for byte or, when the kill came after the
    build committed, both are new;
  - a query works.
A kill between the index's rename and the site's (two system calls apart)
leaves the new index with the old site; check says so, the site must be
the previous one byte for byte, and the next build must make it again:
the test accepts that, and counts it.
Then a build runs to the end while another process queries in a loop: every
answer is the old count or the new one.  Last, the incrementally built,
crashed-into index holds exactly the cases a full build of the same
corpus makes.  Prints "N passed, N failed".
"""
import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402

KILLS = 20
SEED = 20261123
MARK = "クラッシュ試験語"	# a word only the added documents hold
ADDED = ("諮問第%d号\n令和6年4月1日\n件名\t%sを含む窓口業務の委託について\n"
         "委託先\t株式会社テスト\n委託する情報項目\t氏名、住所\n備考\t%d\n")


class Env:
    def __init__(self, picorpus, work):
        self.picorpus = picorpus
        self.corpus = os.path.join(work, "corpus")
        self.site = os.path.join(work, "site")
        self.index = os.path.join(work, "index.db")

    def build_argv(self, full=False):
        return [self.picorpus, "build", "-q", "-c", self.corpus, "-o",
                self.site, "--index", self.index] + (["--full"] if full
                                                      else [])

    def run(self, *args, index=None):
        return subprocess.run([self.picorpus] + list(args) +
                              ["--index", index or self.index],
                              capture_output=True, text=True)

    def build_id(self):
        db = sqlite3.connect("file:%s?mode=ro" % self.index, uri=True)
        try:
            return db.execute("SELECT value FROM meta WHERE key = "
                              "'build_id'").fetchone()[0]
        finally:
            db.close()

    def export_digest(self, index=None, facts_only=False):
        """A digest of the export; facts_only: without the related
        precedents, whose scores incremental builds update only where a
        change reaches (test_incremental.py checks those)."""
        lines = self.run("export", index=index).stdout.splitlines()
        if facts_only:
            lines = [json.dumps({k: v for k, v in json.loads(line).items()
                                 if k != "related"}, sort_keys=True)
                     for line in lines]
        return hashlib.sha256("\n".join(sorted(lines)).encode()).hexdigest()

    def site_digest(self):
        """A digest of every file of the site: names and contents."""
        h = hashlib.sha256()
        for base, dirs, names in sorted(os.walk(self.site)):
            dirs.sort()
            for n in sorted(names):
                path = os.path.join(base, n)
                h.update(os.path.relpath(path, self.site).encode() + b"\0")
                with open(path, "rb") as f:
                    h.update(hashlib.sha256(f.read()).digest())
        return h.hexdigest()

    def check(self):
        r = subprocess.run([self.picorpus, "check", "--index", self.index,
                            "-o", self.site], capture_output=True,
                           text=True)
        return r.returncode, r.stdout


def change_corpus(env, rng, step):
    """Edit, add or delete a document; returns what was done."""
    files = sorted(os.path.join(b, n) for b, _, ns in os.walk(env.corpus)
                   for n in ns)
    kind = ("add", "edit", "delete")[step % 3]
    if kind == "add":
        name = os.path.join(os.path.dirname(rng.choice(files)),
                            "added-%d.txt" % step)
        with open(name, "w", encoding="utf-8") as f:
            f.write(ADDED % (step, MARK, step))
    elif kind == "edit":
        with open(rng.choice(files), "ab") as f:
            f.write(b"\n")	# any encoding: a new last line
    else:
        os.unlink(rng.choice(files))
    return kind


def timed_build(env, full=False):
    start = time.monotonic()
    r = subprocess.run(env.build_argv(full), capture_output=True)
    return r.returncode, time.monotonic() - start


def kill_build(env, rng, full, took):
    """Start a build and SIGKILL it at a random moment; the delay."""
    delay = rng.uniform(0.0, took * 1.1)
    proc = subprocess.Popen(env.build_argv(full), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    return delay, proc.returncode


def after_kill(env, tally, before, step):
    """What must hold after a kill, before = (build id, export digest,
    site digest) before it; returns (new build?, torn?)."""
    before_id, before_digest, before_site = before
    status, out = env.check()
    now_id = env.build_id()
    torn = False
    if status != 0 and now_id != before_id and \
            "made from another build" in out:
        # killed between the two renames: the new index, the old site
        torn = True
        tally.check(env.site_digest() == before_site,
                    "kill %d: the site is the previous one, byte for byte, "
                    "beside the new index" % step)
        rc, _ = timed_build(env)
        status, out = env.check()
        tally.check(rc == 0 and status == 0,
                    "kill %d: the next build makes the site again" % step)
    tally.check(status == 0, "kill %d: check finds no problem:\n%s" %
                (step, out[-500:]))
    if now_id == before_id:
        tally.check(env.export_digest() == before_digest,
                    "kill %d: the previous index is intact" % step)
        tally.check(env.site_digest() == before_site,
                    "kill %d: the previous site is intact, byte for byte"
                    % step)
    r = env.run("query", "--count", "委託")
    tally.check(r.returncode == 0 and r.stdout.strip().isdigit(),
                "kill %d: a query works (%r)" % (step, r.stderr[-200:]))
    return now_id != before_id, torn


def readers_see_old_or_new(env, tally, rng):
    """Query in a loop during a complete build that adds MARK."""
    rc, _ = timed_build(env)	# what the killed builds left to do
    old = env.run("query", "--count", MARK).stdout.strip()
    change_corpus(env, rng, 3 * 1000)	# an "add": one more MARK case
    answers, stop = [], threading.Event()

    def reader():
        while not stop.is_set():
            r = env.run("query", "--count", MARK)
            answers.append((r.returncode, r.stdout.strip()))

    t = threading.Thread(target=reader)
    t.start()
    rc, _ = timed_build(env)
    stop.set()
    t.join()
    new = env.run("query", "--count", MARK).stdout.strip()
    tally.check(rc == 0 and old.isdigit() and int(new) == int(old) + 1,
                "the build adds one %s case (%s -> %s)" % (MARK, old, new))
    bad = [a for a in answers if a[0] != 0 or a[1] not in (old, new)]
    print("%d queries during the build: %d saw %s, %d saw %s" % (
        len(answers), sum(a[1] == old for a in answers), old,
        sum(a[1] == new for a in answers), new))
    tally.check(answers and not bad, "%d queries during the build saw %s "
                "or %s only (bad: %s)" % (len(answers), old, new, bad[:3]))


def main():
    picorpus = os.path.abspath(sys.argv[1])
    root = os.path.abspath(sys.argv[2])
    tally = harness.Tally()
    rng = random.Random(SEED)
    work = tempfile.mkdtemp(prefix="picorpus-crash-")
    try:
        env = Env(picorpus, work)
        subprocess.run([os.path.join(root, "tools", "gen-corpus"), "3",
                        env.corpus], check=True, stdout=subprocess.DEVNULL)
        rc, full_took = timed_build(env, full=True)
        tally.check(rc == 0, "first full build")
        change_corpus(env, rng, 1)
        rc, inc_took = timed_build(env)
        tally.check(rc == 0, "first incremental build")
        print("full build %.2f s, incremental %.2f s" % (full_took,
                                                         inc_took))
        new_builds = torn = 0
        for step in range(KILLS):
            before = (env.build_id(), env.export_digest(),
                      env.site_digest())
            kind = change_corpus(env, rng, step)
            full = step % 4 == 3
            delay, _ = kill_build(env, rng, full,
                                  full_took if full else inc_took)
            print("kill %2d: %-6s %-11s after %.2f s" %
                  (step, kind, "full" if full else "incremental", delay))
            made, was_torn = after_kill(env, tally, before, step)
            new_builds += made
            torn += was_torn
        print("%d kills: %d after the build committed, %d between the "
              "renames" % (KILLS, new_builds, torn))
        readers_see_old_or_new(env, tally, rng)
        rc, _ = timed_build(env)
        leftovers = [p for p in (env.index + ".tmp", env.index + ".old",
                                 env.site + ".tmp") if os.path.exists(p)]
        tally.check(rc == 0 and not leftovers,
                    "a last build completes and leaves no temporary file "
                    "(%s)" % leftovers)
        full_index = os.path.join(work, "full.db")
        subprocess.run([picorpus, "build", "-q", "--full", "--no-site",
                        "-c", env.corpus, "--index", full_index],
                       check=True)
        tally.check(env.export_digest(facts_only=True) ==
                    env.export_digest(full_index, facts_only=True),
                    "after the kills, the index holds the cases a full "
                    "build makes")
    finally:
        if os.environ.get("KEEP_WORK"):
            print("kept", work)
        else:
            shutil.rmtree(work, ignore_errors=True)
    return tally.report()


if __name__ == "__main__":
    sys.exit(main())
