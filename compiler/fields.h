/*
 * fields.h — reading field values out of label/value rows: which field a
 * row label fills (data-driven, compiler/labels.tsv), and the parsers for
 * organisation lists, personal-data item lists and periods.  Pure
 * functions on strings.
 */
#ifndef PICORPUS_FIELDS_H
#define PICORPUS_FIELDS_H

#include "buf.h"

enum field_id {
	FIELD_NONE = 0,		/* no label matched */
	FIELD_IGNORE,		/* a label that fills nothing */
	FIELD_PARTNER,
	FIELD_CONSIGNEES,
	FIELD_SUBCONTRACTORS,
	FIELD_PERIOD,
	FIELD_ITEMS,
	FIELD_SUBJECTS,
	FIELD_SUBJECT,		/* 件名: a case's or a sheet's title */
	FIELD_WORK,		/* 委託業務名, 事務の名称: a procedure's title */
	FIELD_DEPARTMENT,	/* 担当課, 所管 */
	FIELD_BASIS,		/* 根拠, 諮問の根拠: legal basis */
	FIELD_DATE		/* 報告日, 公表日: the document's date */
};

/*
 * The field a row label fills: the longest label of labels.tsv that the
 * label equals or starts with (a note in brackets may follow), else the
 * longest "*suffix" pattern it ends with (a trailing note aside).
 */
enum field_id	label_field(const char *label);
/* Is key (NFKC, no white space) a proper beginning of a known label? */
int		label_is_prefix(const char *key);
/*
 * Is key (head and the words after it) a known label torn in two, head
 * a proper beginning of a label of labels.tsv, or the tear inside the
 * words of a "*suffix" pattern key ends with ("取り扱わせる個人" +
 * "情報", "*わせる個人情報"; not "件" + "提供先")?  Both NFKC, no white
 * space.
 */
int		label_joins(const char *head, const char *key);
/* Name of a field as labels.tsv spells it ("items"), for provenance. */
const char	*field_name(enum field_id f);

/*
 * Strip leading numbering from a key (NFKC, no white space):
 * "1部署" → "部署", "(2)件数" → "件数", "-13委託先(参考)" → "委託先(参考)".
 * Returns a pointer into key.
 */
const char	*skip_numbering(const char *key);

/* A cell's dash for "none" ("―", "－", "-"), alone or before a note. */
int		is_dash(const char *s);

/*
 * Organisations named in a value: split at 、 and numbered groups, work
 * names (…業務) and "…" leaders dropped, notes in parentheses and after
 * ※ removed.  With a 【委託先】/【再委託先】 split, only the part for the
 * role is read (role "委託先" or "再委託先"; NULL reads everything outside
 * any such marker, or all when there is none).  Appends to out.
 */
void	parse_organisations(const char *value, const char *role,
	    struct strlist *out);

/* An organisation name without notes; a new string ("" when none). */
char	*clean_organisation(const char *name);

/*
 * Personal-data items of a value: every 《…項目》 list (not 《個人の範囲》)
 * or, without such headers, the value itself, split at 、 and line breaks
 * outside parentheses; numbering and references (資料…のとおり) dropped.
 * Appends to out without duplicates.
 */
void	parse_items(const char *value, struct strlist *out);

/*
 * The choice made on a form field: "[再委託する] <選択肢> 1) 再委託する
 * 2) 再委託しない" → "再委託する"; "[ 10万人以上30万人未満 ]" → that text;
 * checkboxes "[○] 庁内連携システム [ ] 住民基本台帳…" → the checked labels
 * joined with 、.  A new string, or NULL when nothing is chosen.
 */
char	*read_selection(const char *value);

/* "被保険者約1万1千人分の、氏名、住所": a list's first piece that only
 * qualifies the rest (it ends in の) is no item; dropped. */
void	drop_leading_modifier(struct strlist *items);
/*
 * Items a sentence states after 個人情報は、/項目は、… ("取り扱わせる項目
 * は、A、B及びCとなる"): appended to out when they are two or more.
 */
void	items_in_prose(const char *text, struct strlist *out);
/* "A、B及びC": the last 及び of a list made a 、 (in place). */
void	split_last_and(char *list);
/* "の９項目" (or "の３点" when points) at p: the count, else -1. */
long long	items_count_at(const char *p, int points);
/*
 * A value that states a change ("現行では株式会社Aに委託しているが、改正
 * 後は株式会社Bに委託する", "変更前：… 変更後：…"): the part after its
 * last 改正後/変更後 (a pointer into value); value itself when it states
 * none.
 */
const char	*value_after_change(const char *value);
/* Start and end of a period "令和7年4月1日から令和8年3月31日まで"; only
 * the end of "契約締結日から令和8年3月31日まで". */
void	parse_period(const char *value, char start[11], char end[11]);

#endif
