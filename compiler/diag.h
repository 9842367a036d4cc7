/*
 * diag.h — diagnostics about input, reported through one function.
 *
 * Library code never prints: it calls diag_report(), which formats
 * "path:line: message" (or "path: message" when line is 0) and hands the
 * finished line to the sink the caller installed.  A NULL sink, or a NULL
 * struct diag, drops the message.
 */
#ifndef PICORPUS_DIAG_H
#define PICORPUS_DIAG_H

struct diag {
	/* Receives one finished line, without a trailing newline. */
	void	(*sink)(void *arg, const char *line);
	void	 *arg;		/* passed to sink */
	unsigned  count;	/* how many diagnostics were reported */
};

void	diag_report(struct diag *d, const char *path, int line,
	    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/*
 * A sink that keeps the lines it gets, each ending in '\n', in the
 * struct buf its arg points to: what a file said, to be stored and said
 * again with diag_replay().
 */
void	diag_keep(void *buf, const char *line);

/*
 * Report again lines a sink once received (each ending in '\n'), as
 * when a rebuild does not read a file again but says what it said.
 */
void	diag_replay(struct diag *d, const char *lines);

#endif
