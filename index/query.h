/*
 * query.h — turn what a user typed into a safe FTS5 expression plus
 * filters, and run it against an index.
 *
 * Query language: terms are ANDed; "a OR b"; "-term" excludes;
 * "\"a phrase\"" matches words in order; key:value filters
 * ward:/municipality:, kind:, type:, since:, until: (ISO or 和暦 dates).
 * Every term reaches FTS5 only as a quoted string, tokenized by the
 * picorpus tokenizer, so no user input is FTS5 or SQL syntax.
 */
#ifndef PICORPUS_QUERY_H
#define PICORPUS_QUERY_H

#include <sqlite3.h>

#include "buf.h"

/* Markers around matched text in query_hit.snippet. */
#define QUERY_MARK_START "\x01"
#define QUERY_MARK_END   "\x02"

struct query {
	char	*match;		/* FTS5 expression of positive terms, or NULL */
	char	*exclude;	/* FTS5 expression of excluded terms, or NULL */
	char	*municipality;	/* filter: municipality contains this */
	char	*kind;		/* filter: case kind equals this */
	char	*type;		/* filter: some procedure has this type */
	char	*since;		/* filter: date >= this ISO date */
	char	*until;		/* filter: date <= this ISO date */
	int	 limit;		/* at most this many hits; 0 = all */
	int	 nterms;	/* search terms kept (after dropping empty) */
	struct strlist terms;	/* the positive terms' text, for display */
	struct strlist dropped;	/* terms that hold no searchable text */
};

struct query_hit {
	const char	*id;
	const char	*source;
	const char	*title;
	const char	*kind;
	const char	*municipality;
	const char	*date;
	double		 score;		/* higher is better */
	const char	*snippet;	/* with QUERY_MARK_* around matches */
	const char	*procedure;	/* "業務委託 件名" of the first procedure
					   whose facts hold a term, or NULL */
};

/*
 * Parse the user's words (argv-style, joined with spaces).  Returns 0,
 * or -1 on a syntax error with a message in err (a usage error).
 * Filters may also be set directly in q before or after parsing.
 */
int	query_parse(struct query *q, int argc, char *const argv[],
	    struct buf *err);

/*
 * Set a filter from a key and value as in "since:R6"; returns 1 when key
 * is a filter key, 0 when it is not, -1 when the value is invalid
 * (message in err).
 */
int	query_set_filter(struct query *q, const char *key, const char *value,
	    struct buf *err);

/*
 * Run q, calling fn for each hit, best first (the hit's strings live
 * until fn returns).  fn returns 0 to go on.  Returns the number of hits,
 * or -1 on a database error (message in err).
 */
long	query_run(sqlite3 *db, const struct query *q,
	    int (*fn)(void *arg, const struct query_hit *hit), void *arg,
	    struct buf *err);

/* The number of matching cases, or -1 on a database error. */
long	query_count(sqlite3 *db, const struct query *q, struct buf *err);

void	query_free(struct query *q);

#endif
