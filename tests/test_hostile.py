#!/usr/bin/env python3
"""test_hostile.py PICORPUS SOURCE_ROOT — a build over a directory of
hostile files finishes in bounded time and memory, rejects each bad file
with exactly one "path: reason" line, indexes the rest, and makes a site
in which nothing from a document runs.

The directory, made here: a 0-byte file, a binary file, a 50 MB file on
one line (over the default 32 MiB limit) and a 4 MB one (under it), HTML
nested 100,000 levels deep, invalid UTF-8, a file mixing UTF-8, CP932
and EUC-JP, NUL bytes inside text, file names with spaces, a newline,
non-UTF-8 bytes, an escape sequence and an HTML payload (the newline,
escape and non-UTF-8 ones are rejected), a directory symlink loop, a
file symlink loop, a dangling symlink, an unreadable file (when not run
as root, who reads everything), and documents whose every field holds
<script>, "'>< and javascript: payloads (harness.HOSTILE_*).
Prints "N passed, N failed".
"""
import glob
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402

# What the build may take, far above what it needs (about 4 s, 200 MB
# here; several times that under the sanitizers).
MAX_SECONDS = 240
MAX_RSS_MB = 2048

DOC = ("諮問第3号\n令和6年4月1日\n件名\t窓口業務の委託について\n"
       "委託先\t株式会社テスト\n委託する情報項目\t氏名、住所\n")


def one_line(path, size):
    """A file of size bytes of Japanese text without a newline."""
    chunk = ("窓口業務の委託について、委託先株式会社テストに氏名、住所を"
             "渡す。" * 64).encode()
    with open(path, "wb") as f:
        n = 0
        while n < size:
            f.write(chunk)
            n += len(chunk)


def make_corpus(d):
    """The hostile files; returns {name: reason} of those to be rejected
    (name as the diagnostic prints it, relative to d)."""
    rejected = {}

    def write(name, data, reason=None, shown=None):
        """Write d/name (str or bytes); a reason: it is to be rejected,
        its diagnostic showing the name as shown (default: name)."""
        with open(os.path.join(os.fsencode(d), os.fsencode(name)),
                  "wb") as f:
            f.write(data)
        if reason:
            rejected[shown or name] = reason

    write("empty.txt", b"", "empty file")
    write("binary.txt", bytes(range(256)) * 64, "binary file")
    write("nul.txt", "諮問第2号\n件名\t委託\0について\n".encode(),
          "binary file")
    write("bad-utf8.txt", b"\xff\xfe\xfa\xfb\x80\x81" * 100,
          "undecodable text")
    write("mixed.txt", "諮問第1号\n件名\t窓口業務の委託\n".encode() +
          "委託先\t株式会社テスト\n".encode("cp932") +
          "情報項目\t氏名\n".encode("euc-jp"), "undecodable text")
    write("deep.html", ("<div>" * 100000 + "委託先 テスト株式会社" +
                        "</div>" * 100000).encode())
    one_line(os.path.join(d, "huge-line.txt"), 50 * 1024 * 1024)
    rejected["huge-line.txt"] = "file too large"
    one_line(os.path.join(d, "long-line.txt"), 4 * 1024 * 1024)
    write("name with spaces.txt", DOC.encode())
    write("new\nline.txt", DOC.encode(), "file name holds a control "
          "character", "new\\nline.txt")
    write("esc\x1b[31m.txt", DOC.encode(), "file name holds a control "
          "character", "esc\\x1b[31m.txt")
    write("\"'><img src=x onerror=alert(1)>.txt", DOC.encode())
    write(b"\xff\xfelatin-\xe9.txt", DOC.encode(),
          "file name is not UTF-8", "\\xff\\xfelatin-\\xe9.txt")
    os.symlink(".", os.path.join(d, "loop"))
    os.symlink("b.txt", os.path.join(d, "a.txt"))
    os.symlink("a.txt", os.path.join(d, "b.txt"))
    rejected["a.txt"] = rejected["b.txt"] = "cannot read"
    os.symlink("nowhere.txt", os.path.join(d, "dangling.txt"))
    rejected["dangling.txt"] = "cannot read"
    if os.geteuid() != 0:
        write("unreadable.txt", DOC.encode(), "cannot read")
        os.chmod(os.path.join(d, "unreadable.txt"), 0)
    write("hostile.txt", harness.HOSTILE_TXT.encode())
    write("hostile_md.md", harness.HOSTILE_MD.encode())
    write("hostile_page.html", harness.HOSTILE_HTML.encode())
    return rejected


def limit_memory():
    """In the child: a hard cap far above the build's need, so that
    unbounded growth fails the test instead of the machine."""
    cap = 4 * MAX_RSS_MB * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def build(picorpus, corpus, site, index):
    """Run the build; (exit status, stderr lines, seconds, peak RSS MB)."""
    start = time.monotonic()
    asan = "ASAN_OPTIONS" in os.environ or \
        "asan" in os.path.basename(os.path.dirname(picorpus))
    proc = subprocess.Popen([picorpus, "build", "-q", "-c", corpus,
                             "-o", site, "--index", index],
                            stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE,
                            preexec_fn=None if asan else limit_memory)
    try:
        _, err = proc.communicate(timeout=MAX_SECONDS)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
        return -1, [], MAX_SECONDS, 0
    seconds = time.monotonic() - start
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    lines = err.decode("utf-8", "replace").splitlines()
    return proc.returncode, lines, seconds, rss


def check_diagnostics(corpus, lines, rejected, check):
    """One "path: reason" line per rejected file, nothing for the rest
    but what extraction says of a readable file."""
    said = {}
    for line in lines:
        m = re.match(re.escape(corpus) + r"/(.*?): (.*)$", line)
        if m:
            said.setdefault(m.group(1), []).append(m.group(2))
    for name, reason in sorted(rejected.items()):
        got = said.get(name, [])
        check(len(got) == 1 and reason in got[0],
              "%s: one line saying %r (got %r)" % (name, reason, got))
    extra = sorted(set(said) - set(rejected))
    check(not extra, "no diagnostic for a good file's reading: %s" % extra)
    check(all("\n" not in line and "\x1b" not in line for line in lines),
          "diagnostics are single printable lines")


def check_index(picorpus, index, check):
    out = subprocess.run([picorpus, "export", "--index", index],
                         capture_output=True, text=True).stdout
    sources = set(re.findall(r'"source":"((?:[^"\\]|\\.)*)"', out))
    for want in ["name with spaces.txt", "long-line.txt", "hostile.txt", "hostile_md.md",
                 "hostile_page.html",
                 "\\\"'><img src=x onerror=alert(1)>.txt"]:
        check(want in sources, "indexed: %s" % want)
    ids = re.findall(r'^\{"id":"([^"]*)"', out, re.M)
    check(ids and all(re.fullmatch(r"[A-Za-z0-9._-]+", i) for i in ids),
          "every case id is URL-safe: %s" % ids)
    titles = re.findall(r'"title":"((?:[^"\\]|\\.)*)"', out)
    check(all(len(t) < 1000 for t in titles),
          "no title of a long line is kept whole")
    r = subprocess.run([picorpus, "check", "--index", index, "--no-site"],
                       capture_output=True, text=True)
    check(r.returncode == 0, "picorpus check: %s" % r.stdout[-300:])


def check_site(site, check):
    pages = glob.glob(os.path.join(site, "**", "*.html"), recursive=True)
    check(len(pages) > 5, "the site has pages (%d)" % len(pages))
    for path in pages:
        with open(path, encoding="utf-8") as f:
            harness.check_page(path, f.read(), check)
    for path in glob.glob(os.path.join(site, "search", "**", "*.js"),
                          recursive=True):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        check("<" not in text, "%s: no raw '<' in search data" % path)


def main():
    picorpus = os.path.abspath(sys.argv[1])
    tally = harness.Tally()
    work = tempfile.mkdtemp(prefix="picorpus-hostile-")
    try:
        corpus = os.path.join(work, "corpus")
        os.mkdir(corpus)
        rejected = make_corpus(corpus)
        site = os.path.join(work, "site")
        index = os.path.join(work, "index.db")
        status, lines, seconds, rss = build(picorpus, corpus, site, index)
        print("build: exit %d, %.1f s, peak RSS %.0f MB, %d lines" %
              (status, seconds, rss, len(lines)))
        tally.check(status == 0, "the build completes (exit %d): %s" %
                    (status, lines[-3:]))
        tally.check(seconds < MAX_SECONDS, "within %d s" % MAX_SECONDS)
        tally.check(rss < MAX_RSS_MB, "within %d MB (%.0f)" %
                    (MAX_RSS_MB, rss))
        check_diagnostics(corpus, lines, rejected, tally.check)
        if status == 0:
            check_index(picorpus, index, tally.check)
            check_site(site, tally.check)
    finally:
        for root, dirs, _ in os.walk(work):
            for d in dirs:
                os.chmod(os.path.join(root, d), 0o755)
        shutil.rmtree(work, ignore_errors=True)
    return tally.report()


if __name__ == "__main__":
    sys.exit(main())
