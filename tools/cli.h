/*
 * cli.h — what the picorpus subcommands share: the command table entry,
 * option parsing, the index location, diagnostics on stderr and colour.
 * Only tools/ prints or exits; the libraries below return errors.
 */
#ifndef PICORPUS_CLI_H
#define PICORPUS_CLI_H

#include <stdio.h>

#include "buf.h"
#include "store.h"

enum exit_status {
	EXIT_OK = 0,		/* success, also for zero hits */
	EXIT_RUNTIME = 1,	/* a runtime error: I/O, database, … */
	EXIT_USAGE = 2		/* the command line was wrong */
};

/* Where the index lives unless --index or $PICORPUS_INDEX says. */
#define DEFAULT_INDEX ".picorpus/index.db"

struct command {
	const char	*name;
	int		(*fn)(int argc, char **argv);
	const char	*summary;
};

int	cmd_build(int argc, char **argv);
int	cmd_query(int argc, char **argv);
int	cmd_show(int argc, char **argv);
int	cmd_similar(int argc, char **argv);
int	cmd_export(int argc, char **argv);
int	cmd_check(int argc, char **argv);
int	cmd_text(int argc, char **argv);

/* One long option: --name, or --name VALUE when value is non-NULL. */
struct opt {
	const char	 *name;		/* without the dashes */
	char		 short_name;	/* e.g. 'c' for -c, or 0 */
	const char	**value;	/* receives the argument, or NULL */
	int		 *flag;		/* set to 1 when present, or NULL */
};

/*
 * Parse argv[1..] of a subcommand: options may stand anywhere; "--"
 * ends them; "-h"/"--help" prints usage and exits 0; an argument of a
 * single '-' followed by text that is no known short option is
 * positional (so "-term" works as a query exclusion).  Positional
 * arguments are compacted into argv[0..*npos).  Returns 0, or prints
 * "picorpus CMD: …" and returns -1 on a usage error.
 */
int	cli_parse(const char *cmd, int argc, char **argv,
	    const struct opt *opts, const char *usage, int *npos);

/*
 * The command's --index, else the one given before the command
 * (picorpus --index FILE query …), else $PICORPUS_INDEX, else
 * DEFAULT_INDEX.
 */
const char	*cli_index_path(const char *opt);
/* Record the --index given before the command (not copied). */
void		 cli_set_global_index(const char *path);

/*
 * Open the index named by --index (or the default) read-only.  Returns
 * EXIT_OK, or prints "picorpus CMD: reason" and returns EXIT_RUNTIME.
 */
int	cli_open_index(const char *cmd, const char *opt, sqlite3 **db);

/* Load case id, or print "picorpus CMD: ID: no such case" and NULL. */
struct pcase	*cli_load_case(const char *cmd, sqlite3 *db, const char *id);

/* Parse a non-negative integer option value; -1 when invalid. */
long	cli_number(const char *s);

/* The diag sink: print a line on stderr. */
void	cli_print_diag(void *arg, const char *line);

/* Print "picorpus CMD: message" on stderr. */
void	cli_error(const char *cmd, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/* Should output on f be coloured (a terminal, NO_COLOR unset)? */
int	cli_color(FILE *f);

#endif
