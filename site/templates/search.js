/*
 * search.js — picorpus search in the browser, from a web server or from
 * file:// (no fetch: the data are .js files loaded with <script>).
 *
 * The same tokenizer as the CLI (index/tokenizer.c), driven by the tables
 * of search/rules.js; the same query language (index/query.c: terms
 * ANDed, OR, -term, "phrase", field terms, filters); the same matching
 * (FTS5 phrases: consecutive token positions in one column, a trailing
 * lone Japanese character as a prefix); the same ranking (index/rank.c:
 * BM25 with column weights, IDF only when there are several phrases) and
 * the same order of equal scores (date, then id: the case numbers of
 * search/meta.js).  Postings come from search/t/N.js, hits' text from
 * search/c/K.js.
 */
(function () {
	"use strict";

	var P = window.picorpus = window.picorpus || {};
	var data = { rules: null, meta: null, shards: {}, chunks: {} };
	var pending = {};	/* script src → callbacks */

	/* ---- loading data files ---- */

	function load(src, ready, done) {
		if (ready()) {
			done();
			return;
		}
		if (pending[src]) {
			pending[src].push(done);
			return;
		}
		pending[src] = [done];
		var s = document.createElement("script");
		s.src = src;
		s.onerror = function () {
			fail("読み込めません: " + src);
		};
		document.head.appendChild(s);
	}

	function loaded(src) {
		var cbs = pending[src] || [];
		delete pending[src];
		cbs.forEach(function (f) { f(); });
	}

	P.rules = function (r) { data.rules = r; loaded("search/rules.js"); };
	P.meta = function (m) {
		m.numberAt = [];	/* place → case number */
		m.at.forEach(function (place, n) { m.numberAt[place] = n; });
		data.meta = m;
		loaded("search/meta.js");
	};
	P.shard = function (i, t) {
		data.shards[i] = t;
		loaded("search/t/" + i + ".js");
	};
	P.chunk = function (k, list) {
		data.chunks[k] = list;
		loaded("search/c/" + k + ".js");
	};

	/* Load every src of list, then call done. */
	function loadAll(list, done) {
		var left = list.length;
		if (left === 0) {
			done();
			return;
		}
		list.forEach(function (item) {
			load(item.src, item.ready, function () {
				if (--left === 0)
					done();
			});
		});
	}

	/* ---- the tokenizer (index/tokenizer.c) ---- */

	var SEP = 0, LETTER = 1, DIGIT = 2, CJK = 3, WORD_MAX_BYTES = 128;

	function inRanges(ranges, cp) {
		var lo = 0, hi = ranges.length - 1;
		while (lo <= hi) {
			var mid = (lo + hi) >> 1, r = ranges[mid];
			if (cp < r[0])
				hi = mid - 1;
			else if (cp > r[1])
				lo = mid + 1;
			else
				return r;
		}
		return null;
	}

	function classOf(cp) {
		if (cp < 0x80) {
			if ((cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90))
				return LETTER;
			return cp >= 48 && cp <= 57 ? DIGIT : SEP;
		}
		var r = inRanges(data.rules.classes, cp);
		return r ? r[2] : SEP;
	}

	function fold(cp) {
		if (cp < 0x80)
			return [cp >= 65 && cp <= 90 ? cp + 32 : cp];
		var f = data.rules.fold[cp];
		return f === undefined ? [cp] : f;
	}

	function utf8Len(cp) {
		return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
	}

	/*
	 * Tokens of text: {tok, start, end} with start/end in UTF-16 units
	 * of text.  mode "document" or "query" as in tokenizer.h.
	 */
	function tokenize(text, mode) {
		var out = [], i = 0, n = text.length;
		var cls = SEP, runlen = 0, prev = null, word = "", wbytes = 0;
		var wstart = 0, wend = 0, held = null;

		/* A query run's final unigram, kept only if a token follows. */
		function release() {
			if (held)
				out.push({ tok: held.s, start: held.start,
				    end: held.end });
			held = null;
		}

		function endRun() {
			if (runlen === 0)
				return;
			if (cls === CJK) {
				if (mode === "document" || runlen === 1) {
					release();
					out.push({ tok: prev.s, start: prev.start,
					    end: prev.end });
				} else {
					held = prev;
				}
			} else if (cls !== SEP) {
				release();
				out.push({ tok: word, start: wstart, end: wend });
			}
			runlen = 0;
			word = "";
			wbytes = 0;
		}

		function addUnit(u) {
			if (u.cls !== cls) {
				endRun();
				cls = u.cls;
			}
			if (u.cls === CJK) {
				if (runlen > 0)
					release();
				if (runlen > 0)
					out.push({ tok: prev.s + u.s,
					    start: prev.start, end: u.end });
				prev = u;
			} else if (u.cls !== SEP) {
				if (runlen === 0)
					wstart = u.start;
				if (wbytes + u.bytes <= WORD_MAX_BYTES) {
					word += u.s;
					wbytes += u.bytes;
				}
				wend = u.end;
			}
			runlen++;
		}

		while (i < n) {
			var start = i, cps = [];
			var cp = text.codePointAt(i);
			i += cp > 0xffff ? 2 : 1;
			cps = cps.concat(fold(cp));
			while (i < n) {
				cp = text.codePointAt(i);
				if (!inRanges(data.rules.attach, cp))
					break;
				cps = cps.concat(fold(cp));
				i += cp > 0xffff ? 2 : 1;
			}
			if (cps.length === 0)
				continue;
			var folded = String.fromCodePoint.apply(null, cps)
			    .normalize("NFC");
			for (var k = 0; k < folded.length; ) {
				var c = folded.codePointAt(k);
				var s = String.fromCodePoint(c);
				k += s.length;
				addUnit({ cls: classOf(c), s: s, bytes: utf8Len(c),
				    start: start, end: i });
			}
		}
		endRun();
		return out;
	}

	/* Does a query string end in a lone Japanese character? */
	function needsPrefix(text) {
		var t = tokenize(text, "query");
		if (t.length === 0)
			return false;
		var last = t[t.length - 1].tok;
		var cp = last.codePointAt(0);
		return last.length === String.fromCodePoint(cp).length &&
		    classOf(cp) === CJK;
	}

	P.tokenize = tokenize;

	/* ---- the query language (index/query.c) ---- */

	var COLUMNS = { consignee: 2, party: 2, partner: 2, item: 3, basis: 4,
	    title: 0, procedure: 1 };

	function lex(q) {
		var out = [], i = 0, n = q.length;
		/* C's isspace() and U+3000 IDEOGRAPHIC SPACE */
		function space(c) { return " \t\n\v\f\r\u3000".indexOf(c) >= 0; }
		while (i < n) {
			while (i < n && space(q[i]))
				i++;
			if (i >= n)
				break;
			var neg = false;
			if (q[i] === "-" && i + 1 < n && !space(q[i + 1])) {
				neg = true;
				i++;
			}
			if (q[i] === '"') {
				var close = q.indexOf('"', i + 1);
				if (close < 0)
					throw new Error("引用符 \" が閉じていません");
				out.push({ kind: "phrase", neg: neg,
				    text: q.slice(i + 1, close) });
				i = close + 1;
				continue;
			}
			var s = i;
			while (i < n && !space(q[i]))
				i++;
			var t = q.slice(s, i);
			out.push({ kind: !neg && t === "OR" ? "or" : "word",
			    neg: neg, text: t });
		}
		return out;
	}

	/* A phrase: its tokens, whether the last is a prefix, its column. */
	function phrase(text, column) {
		var toks = tokenize(text, "query").map(function (t) {
			return t.tok;
		});
		return { toks: toks, prefix: needsPrefix(text),
		    column: column };
	}

	var FILTERS = { ward: "municipality", municipality: "municipality",
	    kind: "kind", type: "type", since: "since", until: "until" };

	/* Parse q into {groups: [[phrase…]…], exclude: [phrase…], filters}. */
	function parseQuery(q, filters) {
		var lx = lex(q), groups = [], exclude = [], seen = {};
		var pendingOr = false, prevTerm = false;

		lx.forEach(function (t) {
			if (t.kind === "or") {
				if (!prevTerm || pendingOr)
					throw new Error("OR の両側に検索語が必要です");
				pendingOr = true;
				return;
			}
			var text = t.text, column = null, colon;
			if (t.kind === "word" && !t.neg &&
			    (colon = text.indexOf(":")) > 0 &&
			    colon < text.length - 1 &&
			    FILTERS[text.slice(0, colon)]) {
				filters[FILTERS[text.slice(0, colon)]] =
				    text.slice(colon + 1);
				return;
			}
			if (t.kind === "word" && (colon = text.indexOf(":")) > 0 &&
			    colon < text.length - 1 &&
			    COLUMNS[text.slice(0, colon)] !== undefined) {
				column = COLUMNS[text.slice(0, colon)];
				text = text.slice(colon + 1);
			}
			if (tokenize(text, "query").length === 0)
				return;
			if (seen[t.text] && !pendingOr && !t.neg)
				return;
			seen[t.text] = true;
			var p = phrase(text, column);
			if (t.neg) {
				if (pendingOr)
					throw new Error("OR で除外語 (-) はつなげません");
				exclude.push(p);
				return;
			}
			if (pendingOr && groups.length > 0)
				groups[groups.length - 1].push(p);
			else
				groups.push([p]);
			pendingOr = false;
			prevTerm = true;
		});
		if (pendingOr)
			throw new Error("OR の両側に検索語が必要です");
		return { groups: groups, exclude: exclude };
	}

	/* ---- postings ---- */

	function shardOf(tok) {
		var cp = tok.codePointAt(0), m = data.meta;	/* shard_key() */
		var key = cp < m.blockFrom ? cp :
		    m.blockFrom + Math.floor((cp - m.blockFrom) / m.block);
		return key % m.shards;
	}

	/* Decode a postings string (of case places): Map case number → Map
	 * column → [positions]. */
	function decode(str) {
		var out = new Map(), c = 0, numberAt = data.meta.numberAt;
		str.split(" ").forEach(function (entry) {
			var parts = entry.split("|"), cols = new Map();
			c += parseInt(parts[0], 36);
			for (var k = 1; k < parts.length; k++) {
				var cp = parts[k].split(":"), pos = 0;
				cols.set(parseInt(cp[0], 36),
				    cp[1].split(".").map(function (d) {
					pos += parseInt(d, 36);
					return pos;
				}));
			}
			out.set(numberAt[c], cols);
		});
		return out;
	}

	var decoded = {};

	/* Postings of one token, or of every token with a prefix. */
	function postingsOf(tok, prefix) {
		var key = (prefix ? "*" : "=") + tok;
		if (decoded[key])
			return decoded[key];
		var shard = data.shards[shardOf(tok)] || {}, out;
		if (!prefix) {
			out = shard[tok] ? decode(shard[tok]) : new Map();
		} else {
			out = new Map();
			Object.keys(shard).forEach(function (t) {
				if (t.lastIndexOf(tok, 0) !== 0)
					return;
				decode(shard[t]).forEach(function (cols, c) {
					var mine = out.get(c) || new Map();
					cols.forEach(function (pos, col) {
						var all = (mine.get(col) || [])
						    .concat(pos);
						mine.set(col, all.sort(
						    function (a, b) {
							return a - b;
						    }));
					});
					out.set(c, mine);
				});
			});
		}
		decoded[key] = out;
		return out;
	}

	/*
	 * Where a phrase occurs: Map case → [columns of each occurrence],
	 * an occurrence being consecutive positions of its tokens in one
	 * column (the column filter applied).
	 */
	function occurrences(ph) {
		var lists = ph.toks.map(function (t, i) {
			return postingsOf(t, ph.prefix && i === ph.toks.length - 1);
		});
		var out = new Map();
		if (lists.length === 0)
			return out;
		lists[0].forEach(function (cols, c) {
			var found = [];
			cols.forEach(function (pos, col) {
				if (ph.column !== null && col !== ph.column)
					return;
				pos.forEach(function (p) {
					for (var k = 1; k < lists.length; k++) {
						var o = lists[k].get(c), at;
						at = o && o.get(col);
						if (!at || at.indexOf(p + k) < 0)
							return;
					}
					found.push(col);
				});
			});
			if (found.length > 0)
				out.set(c, found);
		});
		return out;
	}

	/* ---- matching, filtering and ranking ---- */

	function passes(c, f) {
		var m = data.meta;
		function names(facet) {
			return m[facet].of[c].map(function (i) {
				return m[facet].names[i];
			});
		}
		if (f.municipality && !names("municipality").some(function (n) {
			return n.indexOf(f.municipality) >= 0;
		}))
			return false;
		if (f.kind && names("kind").indexOf(f.kind) < 0)
			return false;
		if (f.type && names("type").indexOf(f.type) < 0)
			return false;
		if (f.year && names("year").indexOf(f.year) < 0)
			return false;
		if (f.since && (!m.date[c] || m.date[c] < f.since))
			return false;
		if (f.until && (!m.date[c] || m.date[c] > f.until))
			return false;
		return true;
	}

	/* Ranked case numbers: [{c, score}] best first. */
	function run(query, filters) {
		var m = data.meta, phrases = [], occ = [];
		query.groups.forEach(function (g) {
			g.forEach(function (p) { phrases.push(p); });
		});
		phrases.forEach(function (p) { occ.push(occurrences(p)); });
		var excluded = new Set();
		query.exclude.forEach(function (p) {
			occurrences(p).forEach(function (v, c) { excluded.add(c); });
		});
		var idf = phrases.map(function (p, i) {
			if (phrases.length === 1)
				return 1.0;
			var nhit = occ[i].size;
			var v = Math.log((m.n - nhit + 0.5) / (nhit + 0.5));
			return v <= 0 ? 1e-6 : v;
		});
		var hits = [], candidates = new Set();
		occ.forEach(function (o) { o.forEach(function (v, c) {
			candidates.add(c);
		}); });
		candidates.forEach(function (c) {
			var k = 0;
			for (var g = 0; g < query.groups.length; g++) {
				var any = false;
				for (var j = 0; j < query.groups[g].length; j++)
					if (occ[k + j].has(c))
						any = true;
				k += query.groups[g].length;
				if (!any)
					return;
			}
			if (excluded.has(c) || !passes(c, filters))
				return;
			var score = 0.0, len = m.len[c];
			for (var i = 0; i < phrases.length; i++) {
				var freq = 0.0;
				(occ[i].get(c) || []).forEach(function (col) {
					freq += col < m.weights.length ?
					    m.weights[col] : 1.0;
				});
				score += idf[i] * (freq * (m.k1 + 1.0)) / (freq +
				    m.k1 * (1.0 - m.b + m.b * len / m.avgdl));
			}
			hits.push({ c: c, score: score });
		});
		hits.sort(function (a, b) {
			return b.score - a.score || a.c - b.c;
		});
		return hits;
	}

	/* Without terms: the filtered cases, newest first. */
	function browse(filters) {
		var hits = [];
		for (var c = 0; c < data.meta.n; c++)
			if (passes(c, filters))
				hits.push({ c: c, score: 0 });
		return hits;
	}

	/* ---- showing hits ---- */

	function el(tag, cls, text) {
		var e = document.createElement(tag);
		if (cls)
			e.className = cls;
		if (text !== undefined)
			e.textContent = text;
		return e;
	}

	function fail(msg) {
		var box = document.getElementById("status");
		if (box)
			box.textContent = msg;
	}

	/* Does the document token at i start phrase ph (tokens in order)? */
	function phraseAt(toks, i, ph) {
		for (var k = 0; k < ph.toks.length; k++) {
			var t = toks[i + k];
			if (!t)
				return false;
			var last = k === ph.toks.length - 1;
			if (last && ph.prefix ? t.tok.lastIndexOf(ph.toks[k], 0) !== 0
			    : t.tok !== ph.toks[k])
				return false;
		}
		return ph.toks.length > 0;
	}

	/*
	 * A snippet of body around the first phrase occurrence, every
	 * occurrence in the window in <mark> (the document's own tokens, so
	 * the marks fall where the search matched).
	 */
	function snippet(body, query) {
		var toks = tokenize(body, "document"), marks = [], phrases = [];
		query.groups.forEach(function (g) {
			phrases = phrases.concat(g.filter(function (p) {
				return p.column === null;
			}));
		});
		for (var i = 0; i < toks.length; i++)
			for (var j = 0; j < phrases.length; j++)
				if (phraseAt(toks, i, phrases[j])) {
					var n = phrases[j].toks.length;
					marks.push([toks[i].start, toks[i + n - 1].end]);
					break;
				}
		var frag = document.createDocumentFragment();
		var from = marks.length ? Math.max(0, marks[0][0] - 40) : 0;
		var to = Math.min(body.length, from + 160), at = from;
		if (from > 0)
			frag.appendChild(document.createTextNode("…"));
		marks.forEach(function (m) {
			if (m[0] < at || m[1] > to)
				return;
			frag.appendChild(document.createTextNode(
			    body.slice(at, m[0])));
			frag.appendChild(el("mark", null, body.slice(m[0], m[1])));
			at = m[1];
		});
		frag.appendChild(document.createTextNode(body.slice(at, to)));
		if (to < body.length)
			frag.appendChild(document.createTextNode("…"));
		return frag;
	}

	function show(hits, query, limit) {
		var list = document.getElementById("results");
		var need = [], chunk = data.meta.chunk, at = data.meta.at;
		hits.slice(0, limit).forEach(function (h) {
			var k = Math.floor(at[h.c] / chunk);
			need.push({ src: "search/c/" + k + ".js",
			    ready: function () { return !!data.chunks[k]; } });
		});
		loadAll(need, function () {
			list.textContent = "";
			hits.slice(0, limit).forEach(function (h) {
				var c = data.chunks[Math.floor(at[h.c] / chunk)][
				    at[h.c] % chunk];
				var li = el("li", "hit");
				var a = el("a", "title", c.title);
				a.href = "case/" + encodeURIComponent(c.id) + ".html";
				li.appendChild(a);
				li.setAttribute("data-id", c.id);
				li.appendChild(el("div", "muted", [c.municipality,
				    c.kind, c.date || "日付不明", c.source]
				    .filter(Boolean).join(" · ")));
				if (c.procedures.length)
					li.appendChild(el("div", "procs",
					    "手続: " + c.procedures.join(" / ")));
				if (query.groups.length) {
					var p = el("p", "snippet");
					p.appendChild(snippet(c.body, query));
					li.appendChild(p);
				}
				list.appendChild(li);
			});
			document.getElementById("status").textContent =
			    hits.length + " 件" + (hits.length > limit ?
			    " (上位 " + limit + " 件を表示)" : "");
			document.body.setAttribute("data-state", "done");
		});
	}

	/* ---- the page ---- */

	function params() {
		var out = {};
		new URLSearchParams(location.search).forEach(function (v, k) {
			out[k] = v;
		});
		return out;
	}

	function fillSelect(id, facet, value) {
		var s = document.getElementById(id);
		if (!s || !data.meta[facet])
			return;
		data.meta[facet].names.slice().sort().forEach(function (n) {
			var o = el("option", null, n);
			o.value = n;
			if (n === value)
				o.selected = true;
			s.appendChild(o);
		});
	}

	/* since:/until: as ISO bounds: 2019 → 2019-01-01 / 2019-12-31. */
	function dateBound(v, upper) {
		if (/^\d{4}$/.test(v))
			return v + (upper ? "-12-31" : "-01-01");
		if (/^\d{4}-\d{2}$/.test(v))
			return v + (upper ? "-31" : "-01");
		if (/^\d{4}-\d{2}-\d{2}$/.test(v))
			return v;
		throw new Error("日付は 2019-04-01 か 2019 の形で (和暦は CLI で)");
	}

	function start() {
		var p = params(), q = p.q || "";
		var filters = { municipality: p.municipality || "",
		    kind: p.kind || "", type: p.type || "", year: p.year || "",
		    since: p.since || "", until: p.until || "" };
		var limit = parseInt(p.limit || "20", 10) || 20;	/* as the CLI */
		document.getElementById("q").value = q;
		loadAll([
			{ src: "search/rules.js",
			  ready: function () { return !!data.rules; } },
			{ src: "search/meta.js",
			  ready: function () { return !!data.meta; } }
		], function () {
			fillSelect("f-municipality", "municipality",
			    filters.municipality);
			fillSelect("f-kind", "kind", filters.kind);
			fillSelect("f-type", "type", filters.type);
			fillSelect("f-year", "year", filters.year);
			var query;
			try {
				query = parseQuery(q, filters);
				if (filters.since)
					filters.since = dateBound(filters.since, false);
				if (filters.until)
					filters.until = dateBound(filters.until, true);
			} catch (e) {
				fail(e.message);
				document.body.setAttribute("data-state", "done");
				return;
			}
			if (query.groups.length === 0 && !q.trim() &&
			    !filters.municipality && !filters.kind &&
			    !filters.type && !filters.year) {
				fail("検索語を入れてください。");
				document.body.setAttribute("data-state", "done");
				return;
			}
			var shards = {};
			query.groups.concat([query.exclude]).forEach(function (g) {
				g.forEach(function (ph) { ph.toks.forEach(function (t) {
					shards[shardOf(t)] = true;
				}); });
			});
			loadAll(Object.keys(shards).map(function (s) {
				return { src: "search/t/" + s + ".js",
				    ready: function () { return !!data.shards[s]; } };
			}), function () {
				var hits = query.groups.length ?
				    run(query, filters) : browse(filters);
				show(hits, query, limit);
			});
		});
	}

	P.run = function (q, filters) {	/* for tests */
		return run(parseQuery(q, filters || {}), filters || {});
	};

	if (document.getElementById("results"))
		document.addEventListener("DOMContentLoaded", start);
})();
