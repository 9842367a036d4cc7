/*
 * extract_int.h — what the extractor's files share (not a public
 * interface): the context over one document's tree, and the helpers
 * every layout family uses.  extract.c drives; extract_fields.c reads
 * rows, counts, citations and names; extract_sheet.c,
 * extract_consultation.c and extract_assessment.c read one layout family
 * each.
 */
#ifndef PICORPUS_EXTRACT_INT_H
#define PICORPUS_EXTRACT_INT_H

#include "extract.h"
#include "fields.h"
#include "tree.h"

/*
 * What the extractors share: the document tree, its nodes in line order
 * (x->k[i]: key in comparison form, display text, source line), and what
 * is known of the file.
 */
struct ctx {
	const struct source	*src;
	struct doc		 rows;		/* the lines, pairings as rows */
	struct tree		 tree;
	struct node		**k;		/* = tree.nodes */
	size_t			 n;
	struct diag		*dg;
	char			*municipality;
	int			 municipality_line;
	struct segmenter	*seg;		/* MeCab, or NULL */
	size_t			 case_from;	/* lines of the case being read */
	size_t			 case_to;
};

/* Helpers of extract.c (strings, lines, layout markers). */
int	is_blank(const struct node *k);
size_t	next_nonblank(const struct ctx *x, size_t i);
char *	digits_at(const char *s);
char *	tab_value(const struct ctx *x, size_t i);
char *	strip_ws(const char *s);
int	is_consultation_header(const char *key, char **number);
int	is_subject_line(const struct node *k);

/* Helpers of extract_fields.c (fields shared by every family). */
struct pcase *	new_case(struct ctx *x, const char *kind, size_t first,
	    size_t last);
int	date_in_lines(const struct ctx *x, size_t from, size_t to,
	    struct field *f);
char *	clean_title(const char *raw, int drop_any_paren);
enum proc_type	type_from_words(const char *s);
void	department_in_lines(const struct ctx *x, size_t from, size_t to,
	    struct field *f);
int	row_at(const struct ctx *x, size_t i, char **label, char **value);
void	set_line(int *at, const struct strlist *l, int line);
char *	label_origin(const char *label);
void	apply_row(struct pcase *c, struct procedure *p, const char *label,
	    const char *value, int line);
/* As apply_row(), the field given (a label that names it only in its
 * table: a column headed 再委託 holding a company). */
void	apply_field(struct pcase *c, struct procedure *p, enum field_id field,
	    const char *label, const char *value, int line);
/* A contractor's value into p's consignees (role: its 【role】 part),
 * a subcontractor it names after a mark ("（再委託先）B") into p's
 * subcontractors; from says what the value was read under. */
/*
 * Is a cell of items or contractors told in sentences ("取り扱わせる項目
 * は、A、B及びCとなる。", "…を株式会社〇〇に委託する。") that name them?
 * Such a cell is read whole, not line by line as a list.
 */
int	told_in_sentences(const char *value, enum field_id field);
void	read_contractors(struct procedure *p, const char *value,
	    const char *role, int line, const char *from);
void	apply_rows(const struct ctx *x, struct pcase *c, struct procedure *p,
	    size_t from, size_t to);
void	cover_subjects(const struct ctx *x, struct pcase *c, size_t from,
	    size_t to);
void	consultation_subjects(const struct ctx *x, struct pcase *c,
	    size_t from, size_t to);
void	subjects_in_lines(const struct ctx *x, size_t from, size_t to,
	    struct pcase *c);
long long	people_count(const char *key);
void	cite_lines(const struct ctx *x, size_t from, size_t to,
	    const char *marker, const char *default_law, const char *only_law,
	    struct pcase *c);
void	cover_basis(const struct ctx *x, size_t from, size_t to,
	    struct pcase *c);
int	is_organisation_like(const char *s);
/* Contractors told in a sentence: those before "に委託" (subcontract 0)
 * or "に再委託", appended to out; 0 when value is no such sentence. */
size_t	contractors_in_sentence(const char *value, int subcontract,
	    struct strlist *out);
void	organisations_in_prose(const struct ctx *x, struct procedure *p,
	    size_t from, size_t to);
/* The organisations named right before any of verbs ("株式会社〇〇が運用
 * する") in the sentences of [from, to), appended to out; *line is set
 * to the first one's line when 0. */
void	organisations_before_verbs(const struct ctx *x,
	    const char *const *verbs, size_t from, size_t to,
	    struct strlist *out, size_t *line);
/* The organisations a verb with its object gives to ("…協議会に名簿の
 * 情報を提供する": verb "を提供"), named before the に of the same
 * clause; as organisations_before_verbs(). */
void	organisations_given_to(const struct ctx *x, const char *const *verbs,
	    size_t from, size_t to, struct strlist *out, size_t *line);
/* The keys of nodes [i, i + n) run together (a sentence a line wrap
 * broke: "…業務委" / "託について」").  New string. */
char	*node_keys(const struct ctx *x, size_t i, size_t n);
int	subcontractors_in_prose(const struct ctx *x, size_t from, size_t to,
	    struct strlist *out);
/* The organisations sentences of [from, to) name as one of roles
 * ("委託先は株式会社〇〇です", "提供先は、X で"), appended to out (the
 * first sentence that names one).  Returns its line, or 0. */
int	organisations_named_as(const struct ctx *x, const char *const roles[],
	    size_t from, size_t to, struct strlist *out);

/* The layout families: read every case of the document into out. */
size_t	extract_sheets(struct ctx *x, struct case_list *out);
size_t	extract_consultations(struct ctx *x, struct case_list *out);
size_t	extract_assessment(struct ctx *x, struct case_list *out);
/* Any layout: labelled facts, cases and procedures from structure
 * (extract_labelled.c; x built over rows_normalise()d lines). */
size_t	extract_labelled(struct ctx *x, struct case_list *out);
/* "諮問第48号…" at the start of key: the word (諮問, 答申, 報告, 付議)
 * and the number (new string in *number); NULL when none. */
const char	*case_header(const char *key, char **number);
/* Is key an agenda's item ("報告事項1"), its number not the case's? */
int		numbers_agenda_item(const char *key);
/* How many distinct case headers (諮問第N号 …) the lines of x hold. */
size_t	count_case_headers(const struct ctx *x);

#endif
