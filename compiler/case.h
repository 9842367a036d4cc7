/*
 * case.h — the extracted data model: a case (one agenda item as a
 * committee sees it) and its procedures (the things the committee
 * approves).  Plain structs, every field commented; a scalar field is
 * NULL when the document does not state it, a list is empty.  Each
 * field carries the source line it was read from (0 = not stated).
 *
 * Ownership: a struct pcase owns everything it points to; case_free()
 * releases it (NULL accepted).  case_to_json()/case_from_json() convert
 * to and from the export object of SPEC §4.2.
 */
#ifndef PICORPUS_CASE_H
#define PICORPUS_CASE_H

#include <jansson.h>

#include "buf.h"

/* A scalar value with its provenance. */
struct field {
	char	*value;	/* UTF-8, or NULL when not stated */
	int	 line;	/* 1-based source line, 0 when unknown */
	char	*from;	/* the label it was read under ("委託先") or the
			   rule that found it ("（担当 …）"), or NULL */
};

/* Procedure types of SPEC §3 (exact strings from proc_type_name()). */
enum proc_type {
	PROC_OUTSOURCE = 0,	/* 業務委託 */
	PROC_SUBCONTRACT,	/* 再委託 */
	PROC_LINK,		/* 外部結合 (回線結合, オンライン結合) */
	PROC_RECORD,		/* 電子計算機記録 */
	PROC_OTHER_USE,		/* 目的外利用 */
	PROC_PROVISION,		/* 外部提供 */
	PROC_INDIRECT,		/* 本人外収集 */
	PROC_ASSESSMENT,	/* 特定個人情報保護評価 */
	PROC_OTHER,		/* その他 */
	PROC__MAX
};

struct procedure {
	enum proc_type	 type;		/* what is approved */
	struct field	 title;		/* the sheet's or section's 件名 */
	struct strlist	 consignees;	/* 委託先 organisations */
	struct strlist	 subcontractors; /* 再委託先 organisations */
	struct field	 partner;	/* 結合の相手方 / 提供先 */
	struct strlist	 data_items;	/* personal-data items handed over */
	int		 consignees_line;	/* row the consignees came from */
	int		 subcontractors_line;	/* row of the subcontractors */
	int		 data_items_line;	/* row of the first item list */
	char		*consignees_from;	/* label or rule of each list, */
	char		*subcontractors_from;	/* as struct field's from */
	char		*data_items_from;
	struct field	 period_start;	/* ISO date the procedure starts */
	struct field	 period_end;	/* ISO date it ends */
	int		 line;		/* line where the procedure starts */
};

struct pcase {
	char		*id;		/* stable URL-safe ASCII id */
	char		*source;	/* path relative to the corpus dir */
	struct field	 municipality;	/* 新宿区, 世田谷区 … */
	struct field	 kind;		/* 諮問 | 報告 | 付議 | 評価書 | その他 */
	struct field	 number;	/* 諮問第812号 → "812" */
	struct field	 title;		/* the case's 件名 */
	struct field	 date;		/* ISO date the document bears */
	struct field	 department;	/* 担当部課 as written */
	struct strlist	 legal_basis;	/* normalized citations */
	int		 legal_basis_line; /* line of the first citation */
	char		*legal_basis_from; /* label or rule of the citations */
	long long	 subjects_count; /* 対象者数, -1 when not stated */
	int		 subjects_line;	/* line of subjects_count */
	char		*subjects_from;	/* label or rule of subjects_count */
	struct procedure *procs;	/* procedures, in document order */
	size_t		 nprocs;	/* how many */
	int		 line_start;	/* first source line of the case */
	int		 line_end;	/* last source line of the case */
	char		*body;		/* the case's source text (display) */
};

const char	*proc_type_name(enum proc_type t);
/* Type from its exact name; -1 when unknown. */
int		 proc_type_from_name(const char *name);

struct pcase	*case_new(void);
void		 case_free(struct pcase *c);
/* Append a zeroed procedure of type t and return it. */
struct procedure *case_add_procedure(struct pcase *c, enum proc_type t);
/* Remove c's last procedure and free what it holds (none: nothing). */
void	case_drop_last_procedure(struct pcase *c);

/* Set a field's value (copied; NULL clears, with its from) and line. */
void	field_set(struct field *f, const char *value, int line);
void	field_setn(struct field *f, const char *value, size_t n, int line);
/* Say what a field was read by (copied; NULL clears). */
void	field_from(struct field *f, const char *from);
/* The same for a list whose from is *at, kept once set and only for a
   list that holds something. */
void	list_from(char **at, const struct strlist *l, const char *from);

/*
 * The SPEC §4.2 object for c (without "related").  With provenance,
 * extra "*_line" keys carry each field's source line and "*_from" keys
 * the label or rule it was read by.  New reference.
 */
json_t	*case_to_json(const struct pcase *c, int provenance);

/* Build a case from such an object; NULL when it is not one. */
struct pcase	*case_from_json(const json_t *o);

#endif
