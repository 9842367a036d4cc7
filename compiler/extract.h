/*
 * extract.h — from a parsed document to cases: detect the layout family,
 * split the file into cases and each case into procedures, and fill the
 * fields of case.h.  Values are only ever read from the text: what the
 * document does not state stays NULL or empty.
 */
#ifndef PICORPUS_EXTRACT_H
#define PICORPUS_EXTRACT_H

#include "case.h"
#include "diag.h"
#include "ingest.h"
#include "parse.h"
#include "segmenter.h"

/* Layout families of SPEC §2 plus a fallback. */
enum layout {
	LAYOUT_GENERIC = 0,	/* anything else: one case per file */
	LAYOUT_SHEET,		/* 付議事項 / 諮問・報告事項 cover + sheets */
	LAYOUT_CONSULTATION,	/* 諮問第N号 letters with numbered sections */
	LAYOUT_ASSESSMENT	/* 特定個人情報保護評価書 */
};

struct case_list {
	struct pcase	**v;	/* owned cases, in document order */
	size_t		  n;
};

enum layout	detect_layout(const struct doc *d);
const char	*layout_name(enum layout l);

/*
 * Extract every case of src (parsed as d) into *out, appending.  Ids are
 * derived from the source path and the case's ordinal, so they do not
 * change when other documents are added.  seg (may be NULL: the rules
 * that need MeCab are then skipped) reads names in running text.
 * Returns the number of cases added (0 is possible: a diagnostic says
 * why).
 */
size_t	extract_cases(const struct source *src, const struct doc *d,
	    struct segmenter *seg, struct case_list *out, struct diag *dg);

/*
 * The full-text body of a case: the lines of d numbered line_start to
 * line_end, form option lists left out, each line ending in '\n'.  The
 * index keeps no copy of it but derives it again from the document's
 * text when snippets need it (index/store.c), so it depends on d alone.
 * New string.
 */
char	*case_body(const struct doc *d, int line_start, int line_end);

void	case_list_free(struct case_list *l);

#endif
