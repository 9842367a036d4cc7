/*
 * labelled.h — what the files of the layout-independent reader share (not
 * a public interface): facts (labelled_facts.c), cases and their fields
 * (labelled_case.c), lists and annexes (labelled_lists.c), prose
 * (labelled_prose.c); extract_labelled.c finds the procedures and drives.
 */
#ifndef PICORPUS_LABELLED_H
#define PICORPUS_LABELLED_H

#include "extract_int.h"

/* One labelled fact: a value under a label that names a field. */
struct fact {
	enum field_id	 field;
	char		*label;	/* as written */
	char		*value;	/* as written, lines joined by '\n' */
	size_t		 at;	/* node index it was read at */
	int		 line;	/* source line */
	int		 record;	/* table record it belongs to, or -1 */
};

/* A record of a table: one row of a list table, one column of a table
 * of entrustments; its facts name it by index. */
struct record {
	size_t		 at;	/* node of the row (or header) */
	size_t		 end;	/* first node after the table */
	int		 is_case; /* a table of cases, not of procedures */
	int		 tells;	/* says what a procedure says (its work,
				   parties, items, period or kind), not only
				   dates and departments: set by
				   extract_labelled() */
	char		*key;	/* its No cell, which other tables cite */
};

/* The facts of a document and the records of its tables. */
struct facts {
	struct fact	*v;
	size_t		 n;
	struct record	*rec;
	size_t		 nrec;
};

/* A case's nodes, and what started it. */
struct span {
	size_t	 from, to;	/* nodes [from, to) */
	char	*number;	/* the header's number, or NULL */
	const char *word;	/* the header's word (諮問, 報告 …), or NULL */
	int	 record;	/* a table record that is the case, or -1 */
	char	*title;		/* the title quoted after a header named in
				   running text (諮問第32号「…」), or NULL */
	int	 title_line;	/* the source line of that title */
	size_t	 lead_from, lead_to;	/* nodes of the agenda entry that named
				   the case when its text is told further
				   down (minutes); lead_to 0: none */
};

/* The cases of a document. */
struct spans {
	struct span	*v;
	size_t		 n;
	size_t		 head_end;	/* lines [0, head_end) are every
					   case's head */
	const char	*word;		/* 諮問, 答申 … of the headers */
};

/* A procedure's nodes (or record), and what it was found by. */
struct proc_span {
	size_t		 from, to;	/* nodes */
	int		 type;		/* enum proc_type */
	int		 record;	/* or -1 */
	const char	*heading;	/* the section's label, or NULL */
	size_t		 title_at;	/* a sheet's 件名 row, or 0 */
	int		 prose;		/* stated in sentences only */
	char		*title;		/* the title a list gave it (owned),
					   or NULL */
	size_t		 detail_from;	/* a record's section elsewhere that
					   tells it in full ("### No.1 …"), */
	size_t		 detail_to;	/* [from, to) nodes; both 0 if none */
};

/* The procedures of a case. */
struct proc_spans {
	struct proc_span	*v;
	size_t			 n;
};

/* ---- facts (labelled_facts.c) ---- */
void
facts_free(struct facts *fs);
enum field_id
fact_field(const char *label);

/* The cells of a row's text, split at its tabs, pushed onto cells. */
void
row_cells(const char *text, struct strlist *cells);
/* Is the cell, white space aside, one of words (NULL-ended)? */
int
cell_is_one_of(const char *cell, const char *const words[]);

/* Does a header cell name a case number column (諮問番号, 番号)? */
int
is_number_header(const char *cell);

/* Rows, labelled headings and tables of the whole document. */
void
read_facts(const struct ctx *x, struct facts *fs);

/* ---- the facts of a case ---- */
int
fact_in(const struct fact *ft, size_t from, size_t to, int rec);
const struct fact *
first_fact(const struct facts *fs, enum field_id f, size_t from, size_t to,
    int rec);

/* The first line of a value (a department's second line is a note). */
char *
first_line(const char *v);
char *
title_value(const char *v);

/* "区分", "種別": a label saying what kind a procedure is. */
int	names_kind_column(const char *label);

/* The ticked options of a value of check boxes (☑/□), each on its line
 * after ☑ ("" when none is ticked); NULL when it holds no unticked box.
 * New string. */
char	*checked_only(const char *value);

/* "再委託", "再委託の有無": a column that names the subcontractor where
 * there is one. */
int	names_subcontract_column(const char *label);

/* ---- cases (labelled_case.c) ---- */

/* A value that is running text, not a name. */
int	is_sentence(const char *v);
void
find_cases(const struct ctx *x, const struct facts *fs, struct spans *sp);
void
spans_free(struct spans *sp);
const char *
case_kind(const struct ctx *x, const struct spans *sp, const struct span *s,
    const struct facts *fs);

/*
 * The case's 件名: a subject fact before any fact of a procedure (a 件名
 * inside a 委託の内容 block names the procedure, not the case).
 */
const struct fact *
cover_subject(const struct ctx *x, const struct facts *fs,
    const struct span *s);
void
case_title(const struct ctx *x, const struct span *s, const struct facts *fs,
    struct pcase *c);

/* The case's number from a record's number cell or a 評価書番号. */
void
case_number(const struct ctx *x, const struct span *s,
    const struct facts *fs, struct pcase *c);
void
case_date(const struct ctx *x, const struct spans *sp, const struct span *s,
    const struct facts *fs, struct pcase *c);
void
case_department(const struct ctx *x, const struct spans *sp,
    const struct span *s, const struct facts *fs, struct pcase *c);
void
case_basis(const struct ctx *x, const struct spans *sp, const struct span *s,
    const struct facts *fs, struct pcase *c);
void
case_count(const struct ctx *x, const struct span *s, const struct facts *fs,
    struct pcase *c);

/* ---- lists (labelled_lists.c) ---- */

/*
 * "…個人情報は、次のとおりです。" followed by one item a line: the
 * lines after the sentence, up to the next sentence or heading.
 */
void
items_listed_after(const struct ctx *x, size_t from, size_t to,
    struct procedure *p);

/* Does a value point to an annex: "別表のとおり", "付表1に掲げる…"? */
int
refers_to_annex(const char *v);

/* The annex a line names with its number ("(別添1)", "別紙2のとおり"):
 * "別添1" (as key writes it), a new string; NULL when it names none. */
char	*annex_named_in(const char *key);
/* The line of the annex name's own heading after line after; x->n when
 * there is none. */
size_t	annex_heading(const struct ctx *x, const char *name, size_t after);
/* Where the annex under heading ends: the next annex's heading, or the
 * end of the text. */
size_t	annex_end(const struct ctx *x, size_t heading);

/*
 * Items kept in an annex the value points to ("別表のとおり", "別紙１
 * のとおり"): the lines under the annex's own heading further on.
 */
void
annex_items_of(const struct ctx *x, const char *value, struct procedure *p,
    size_t after);

/*
 * A list value cleaned of what is not in the list: bullets and
 * numbering, lines that introduce it (…次の項目), notes (※…), sentences,
 * sub-labels that say whom it is about (（対象者）…) — one that says
 * 項目 is dropped and its line kept — and a line that is only a note in
 * brackets goes with the line before it.  New string.
 */
char *
clean_list(const char *value, enum field_id f);

/* ---- prose (labelled_prose.c) ---- */

/* The text of lines [from, to) joined (keys, no white space; headings
 * only when they are sentences).  New string. */
char *
joined_text(const struct ctx *x, size_t from, size_t to);

/* Do sentences of [from, to) hand something over: "…に委託する". */
int
states_in_prose(const struct ctx *x, size_t from, size_t to, int type);
/* Do sentences of [from, to) entrust a work ("…に委託します"), not
 * only subcontract it? */
int
says_entrusting(const struct ctx *x, size_t from, size_t to);
/* The procedure the sentences of [from, to) state by their verb (…に
 * 再委託, …に委託, …に提供, …と結合), or -1. */
int
type_in_prose(const struct ctx *x, size_t from, size_t to);

/*
 * Procedures a value lists one a line under marks ("その１　…の目的外
 * 利用", "その２　…業務委託"), each told in the blocks of [from, to) that
 * refer to its mark ("関係：その２"): spans added to ps, in the list's
 * order, with their titles (labelled_listed.c).  Returns 1 when any.
 */
int	listed_procedures(const struct ctx *x, const struct facts *fs,
	    size_t from, size_t to, struct proc_spans *ps);

/* A 再委託 stated in the sentences of a 委託 of [from, to): added to c
 * after procedure pi. */
void	subcontract_in_sentences(const struct ctx *x, size_t from, size_t to,
	    struct pcase *c, size_t pi);

/* "一つ目の「…」", "２点目は「…」": the work an ordinal names, or NULL
 * (new string); with kinds, also a kind said after it ("二つ目は外部提
 * 供です"). */
char	*ordinal_work(const char *key, int kinds);

/* "（再委託先：X）" or "再委託先はX" inside a value. */
void
subcontractor_in_value(const char *value, struct strlist *out);
/* "九州データセンター株式会社（委託元：株式会社さがデジタルケア）": the
 * contractor a 再委託's subcontractor works for, into out; 1 when the
 * value names one. */
int
origin_in_value(const char *value, struct strlist *out);

/*
 * A procedure stated in sentences only (minutes, a letter): "…を株式会社
 * 〇〇に委託しようとするもの", "閲覧できる情報は、A、B及びCに限られ",
 * "令和7年10月1日から…まで".
 */
void
procedure_from_prose(const struct ctx *x, size_t from, size_t to,
    struct procedure *p);

/*
 * A procedure whose lines name an annex ("提供先　株式会社〇〇（別添１）"):
 * what the annex states — the items it lists after 次に掲げる情報…, the
 * period it runs for — where the procedure's own lines gave none.
 */
void
annex_facts_of(const struct ctx *x, size_t from, size_t to,
    struct procedure *p);

/* 再委託 stated in prose: "…の一部を株式会社〇〇に再委託する". */
void
subcontract_from_prose(const struct ctx *x, size_t from, size_t to,
    struct procedure *p);

/* ---- procedures (extract_labelled.c) ---- */

/* ---- procedures ---- */
int
section_type(const char *label);
/* Does a cell mark its row as one of its column's (○, ●, ✓, 有 …)? */
int	is_mark_cell(const char *cell);
/* The procedure a heading names, by its label or its bracketed word
 * (＜委託２＞　…); -1 if none. */
int	heading_type(const struct node *k);

/* A procedure fact (not a case's). */
int
is_procedure_field(enum field_id f);
int
span_says(const struct ctx *x, size_t from, size_t to, const char *word);

#endif
