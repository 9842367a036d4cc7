-- schema.sql — the picorpus index: one SQLite file.
--
-- Structured tables hold the extracted facts and can be read with the
-- plain sqlite3 shell.  Long texts (documents.text, case_json.json) are
-- stored deflated (index/packed.h): picorpus reads them with its SQL
-- function unpack(), anything else with zlib.  The full-text table `fts`
-- uses the custom "picorpus" tokenizer (index/tokenizer.c), so it can
-- only be queried through picorpus itself; its rowid is cases.rowid.
-- The text is stored once: fts keeps tokens and positions only, and its
-- snippets read the view fts_content_view, which derives each case's
-- body from its document's text with case_body() (index/sqlfunc.h).
-- That derivation is the build's own, so an index is only read by the
-- picorpus version that wrote it (meta.picorpus_version).
--
-- The file is written as FILE.tmp and renamed over FILE when the build
-- has committed, so readers see the old or the new index, never a mix.
-- meta.schema_version is bumped on every incompatible change.

PRAGMA foreign_keys = ON;

CREATE TABLE meta (
	key	TEXT PRIMARY KEY,	-- schema_version, parse_rules, built_at,
				-- build_id (also in the site's marker),
				-- limits (the per-file limits it used:
				-- "bytes N cases N")
	value	TEXT
);

-- One row per source file that was indexed.
CREATE TABLE documents (
	id		INTEGER PRIMARY KEY,
	path		TEXT NOT NULL UNIQUE,	-- relative to the corpus dir
	hash		TEXT NOT NULL,		-- FNV-1a 64 of the raw bytes, hex
	encoding	TEXT NOT NULL,		-- UTF-8, CP932, EUC-JP …
	bytes		INTEGER NOT NULL,	-- size of the decoded text
	text		BLOB NOT NULL,		-- decoded text, deflated (a
						-- PDF's: its text layer)
	pages		TEXT NOT NULL DEFAULT '',	-- a PDF's page map: the
						-- first text line of each
						-- page, space-separated
	original	BLOB,			-- a PDF's own bytes (the
						-- site copies them), else NULL
	diagnostics	TEXT NOT NULL DEFAULT ''	-- lines its extraction
						-- reported, each ending in \n:
						-- said again by rebuilds
						-- that do not read it
);

-- One row per case (agenda item).
CREATE TABLE cases (
	rowid		INTEGER PRIMARY KEY,	-- also the fts rowid
	id		TEXT NOT NULL UNIQUE,	-- stable URL-safe id
	document_id	INTEGER NOT NULL REFERENCES documents(id),
	source		TEXT NOT NULL,		-- documents.path
	municipality	TEXT,
	kind		TEXT,			-- 諮問 報告 付議 評価書 その他
	number		TEXT,
	title		TEXT,
	date		TEXT,			-- ISO YYYY-MM-DD
	department	TEXT,
	subjects_count	INTEGER,
	line_start	INTEGER,		-- first source line of the case
	line_end	INTEGER			-- last source line of the case
);

-- The export object (SPEC 4.2) of each case, kept apart so that cases
-- rows stay small for the joins of every query.
CREATE TABLE case_json (
	case_rowid	INTEGER PRIMARY KEY REFERENCES cases(rowid),
	json		BLOB NOT NULL		-- compact JSON, deflated
);

-- One row per procedure of a case, in document order.
CREATE TABLE procedures (
	id		INTEGER PRIMARY KEY,
	case_id		TEXT NOT NULL REFERENCES cases(id),
	seq		INTEGER NOT NULL,	-- 0-based order within the case
	type		TEXT NOT NULL,		-- 業務委託 再委託 外部結合 …
	title		TEXT,
	partner		TEXT,
	period_start	TEXT,
	period_end	TEXT,
	line		INTEGER
);

-- Organisations named by a procedure.
CREATE TABLE parties (
	procedure_id	INTEGER NOT NULL REFERENCES procedures(id),
	role		TEXT NOT NULL
			CHECK (role IN ('consignee', 'subcontractor', 'partner')),
	name		TEXT NOT NULL
);

-- Personal-data items a procedure hands over or has processed.
CREATE TABLE items (
	procedure_id	INTEGER NOT NULL REFERENCES procedures(id),
	seq		INTEGER NOT NULL,	-- 0-based order in the procedure
	name		TEXT NOT NULL,
	PRIMARY KEY (procedure_id, seq)
) WITHOUT ROWID;

-- Normalized legal citations of a case (条例第12条 …).
CREATE TABLE citations (
	case_id		TEXT NOT NULL REFERENCES cases(id),
	seq		INTEGER NOT NULL,	-- 0-based order in the case
	citation	TEXT NOT NULL,
	PRIMARY KEY (case_id, seq)
) WITHOUT ROWID;

-- The reasons links give (compiler/link.h), each distinct text once.
CREATE TABLE reasons (
	id		INTEGER PRIMARY KEY,
	text		TEXT NOT NULL		-- 委託先 …, 情報項目 3件共通: …
);

-- Similar precedents, computed at build time: the rank-th most similar
-- case of a case.  Read them with case ids and reason texts through
-- links_view.
CREATE TABLE links (
	case_rowid	INTEGER NOT NULL REFERENCES cases(rowid),
	rank		INTEGER NOT NULL,	-- 1 = most similar
	related_rowid	INTEGER NOT NULL REFERENCES cases(rowid),
	score		REAL NOT NULL,		-- cosine similarity, (0, 1]
	reasons		TEXT NOT NULL,		-- JSON array of reasons.id,
						-- strongest first
	PRIMARY KEY (case_rowid, rank)
) WITHOUT ROWID;

CREATE VIEW links_view AS
	SELECT a.id AS case_id, l.rank, b.id AS related_id, l.score,
	    (SELECT json_group_array(text) FROM (SELECT r.text FROM
	    json_each(l.reasons) j JOIN reasons r ON r.id = j.value
	    ORDER BY j.key)) AS reasons	-- JSON array of strings
	FROM links l JOIN cases a ON a.rowid = l.case_rowid
	JOIN cases b ON b.rowid = l.related_rowid;

-- What the linker needs to link cases again without MeCab (incremental
-- builds, compiler/link.h): every feature it made, and each case's input.
CREATE TABLE link_features (
	id		INTEGER PRIMARY KEY,	-- the linker's feature id
	kind		INTEGER NOT NULL,	-- consignee, item, word … (link.c)
	key		TEXT NOT NULL,		-- folded: what is compared
	display		TEXT NOT NULL		-- what reasons say
);
CREATE TABLE link_input (
	case_rowid	INTEGER PRIMARY KEY REFERENCES cases(rowid),
	data		BLOB NOT NULL		-- linker_case_input(), deflated
);

CREATE INDEX procedures_case ON procedures(case_id);
CREATE INDEX links_related ON links(related_rowid);
CREATE INDEX parties_procedure ON parties(procedure_id);

-- The short columns of each fts row exactly as they were indexed.
CREATE TABLE fts_text (
	case_rowid	INTEGER PRIMARY KEY REFERENCES cases(rowid),
	title		TEXT NOT NULL,		-- case title
	procedures	TEXT NOT NULL,		-- "type title" per line
	parties		TEXT NOT NULL,		-- one organisation per line
	items		TEXT NOT NULL,		-- one data item per line
	basis		TEXT NOT NULL,		-- one citation per line
	meta		TEXT NOT NULL		-- municipality kind number …
);

-- What fts reads for snippets and highlights: the short columns, and the
-- body derived from the document (the lines line_start..line_end).
CREATE VIEW fts_content_view AS
	SELECT t.case_rowid, t.title, t.procedures, t.parties, t.items,
	    t.basis, t.meta, case_body(d.path, unpack(d.text), c.line_start,
	    c.line_end) AS body
	FROM fts_text t JOIN cases c ON c.rowid = t.case_rowid
	JOIN documents d ON d.id = c.document_id;

-- The length of every fts row, for ranking (format in index/rank.h).
CREATE TABLE rank_lengths (
	id		INTEGER PRIMARY KEY CHECK (id = 1),
	lengths		BLOB NOT NULL		-- uint32 LE per fts rowid
);

-- Full text, one row per case; columns weighted by bm25 in query.c.
-- External content: the index holds tokens and positions only.
CREATE VIRTUAL TABLE fts USING fts5(
	title,		-- case title
	procedures,	-- procedure types and titles
	parties,	-- consignees, subcontractors, partners
	items,		-- data items
	basis,		-- legal basis citations
	meta,		-- municipality, kind, number, department, date
	body,		-- the case's source text
	tokenize = 'picorpus',
	content = 'fts_content_view',
	content_rowid = 'case_rowid'
);
-- FTS5 holds up to 16 MiB of new tokens in memory before it writes a
-- segment (1 MiB by default): fewer, larger segments to merge, a third
-- less time inserting a corpus (measured at 100 MB), 16 MiB more memory.
INSERT INTO fts(fts, rank) VALUES('hashsize', 16777216);
