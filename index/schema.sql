-- schema.sql — the picorpus index: one SQLite file.
--
-- Structured tables hold the extracted facts and can be read with the
-- plain sqlite3 shell.  The full-text table `fts` uses the custom
-- "picorpus" tokenizer (index/tokenizer.c), so it can only be queried
-- through picorpus itself; its rowid is cases.rowid.
--
-- The file is written as FILE.tmp and renamed over FILE when the build
-- has committed, so readers see the old or the new index, never a mix.
-- meta.schema_version is bumped on every incompatible change.

PRAGMA foreign_keys = ON;

CREATE TABLE meta (
	key	TEXT PRIMARY KEY,	-- schema_version, built_at, corpus, …
	value	TEXT
);

-- One row per source file that was indexed.
CREATE TABLE documents (
	id		INTEGER PRIMARY KEY,
	path		TEXT NOT NULL UNIQUE,	-- relative to the corpus dir
	hash		TEXT NOT NULL,		-- FNV-1a 64 of the raw bytes, hex
	encoding	TEXT NOT NULL,		-- UTF-8, CP932, EUC-JP …
	bytes		INTEGER NOT NULL,	-- size of the decoded text
	text		TEXT NOT NULL		-- decoded text, for display
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
	line_end	INTEGER,		-- last source line of the case
	json		TEXT NOT NULL		-- the export object (SPEC 4.2)
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
	seq		INTEGER NOT NULL,
	name		TEXT NOT NULL
);

-- Normalized legal citations of a case (条例第12条 …).
CREATE TABLE citations (
	case_id		TEXT NOT NULL REFERENCES cases(id),
	seq		INTEGER NOT NULL,
	citation	TEXT NOT NULL
);

-- Similar precedents, computed at build time.
CREATE TABLE links (
	case_id		TEXT NOT NULL REFERENCES cases(id),
	related_id	TEXT NOT NULL REFERENCES cases(id),
	rank		INTEGER NOT NULL,	-- 1 = most similar
	score		REAL NOT NULL,
	reasons		TEXT NOT NULL		-- JSON array of strings
);

CREATE INDEX procedures_case ON procedures(case_id);
CREATE INDEX parties_procedure ON parties(procedure_id);
CREATE INDEX parties_name ON parties(name);
CREATE INDEX items_procedure ON items(procedure_id);
CREATE INDEX items_name ON items(name);
CREATE INDEX citations_case ON citations(case_id);
CREATE INDEX links_case ON links(case_id, rank);

-- Full text, one row per case; columns weighted by bm25 in query.c.
CREATE VIRTUAL TABLE fts USING fts5(
	title,		-- case title
	procedures,	-- procedure types and titles
	parties,	-- consignees, subcontractors, partners
	items,		-- data items
	basis,		-- legal basis citations
	meta,		-- municipality, kind, number, department, date
	body,		-- the case's source text
	tokenize = 'picorpus'
);
