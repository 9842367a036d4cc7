/*
 * cli.c — option parsing, index location, diagnostics and colour shared
 * by the subcommands (see cli.h).
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

void
cli_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "picorpus %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static const struct opt *
find_long(const struct opt *opts, const char *name, size_t n)
{
	for (; opts->name != NULL; opts++)
		if (strlen(opts->name) == n && strncmp(opts->name, name, n) == 0)
			return opts;
	return NULL;
}

static const struct opt *
find_short(const struct opt *opts, char c)
{
	for (; opts->name != NULL; opts++)
		if (opts->short_name != 0 && opts->short_name == c)
			return opts;
	return NULL;
}

/* Apply option o; its value may be inline (--x=v) or the next arg. */
static int
apply(const char *cmd, const struct opt *o, const char *inline_value,
    int argc, char **argv, int *i)
{
	if (o->flag != NULL)
		*o->flag = 1;
	if (o->value == NULL) {
		if (inline_value != NULL) {
			cli_error(cmd, "--%s takes no value", o->name);
			return -1;
		}
		return 0;
	}
	if (inline_value == NULL) {
		if (*i + 1 >= argc) {
			cli_error(cmd, "--%s needs a value", o->name);
			return -1;
		}
		inline_value = argv[++*i];
	}
	*o->value = inline_value;
	return 0;
}

static int
parse_one(const char *cmd, int argc, char **argv, const struct opt *opts,
    int *i, int *is_option)
{
	const char *a = argv[*i], *eq;
	const struct opt *o;

	*is_option = 1;
	if (strncmp(a, "--", 2) == 0) {
		eq = strchr(a + 2, '=');
		o = find_long(opts, a + 2, eq ? (size_t)(eq - a - 2) :
		    strlen(a + 2));
		if (o == NULL) {
			cli_error(cmd, "unknown option %s (see picorpus %s "
			    "--help)", a, cmd);
			return -1;
		}
		return apply(cmd, o, eq ? eq + 1 : NULL, argc, argv, i);
	}
	if (a[0] == '-' && a[1] != '\0' && a[2] == '\0' &&
	    (o = find_short(opts, a[1])) != NULL)
		return apply(cmd, o, NULL, argc, argv, i);
	*is_option = 0;
	return 0;
}

int
cli_parse(const char *cmd, int argc, char **argv, const struct opt *opts,
    const char *usage, int *npos)
{
	int n = 0, only_pos = 0, is_option;

	for (int i = 1; i < argc; i++) {
		if (!only_pos && (strcmp(argv[i], "-h") == 0 ||
		    strcmp(argv[i], "--help") == 0)) {
			fputs(usage, stdout);
			exit(EXIT_OK);
		}
		if (!only_pos && strcmp(argv[i], "--") == 0) {
			only_pos = 1;
			continue;
		}
		if (!only_pos) {
			if (parse_one(cmd, argc, argv, opts, &i,
			    &is_option) == -1)
				return -1;
			if (is_option)
				continue;
		}
		argv[n++] = argv[i];
	}
	*npos = n;
	return 0;
}

/* picorpus --index FILE COMMAND …: the index for any command. */
static const char *global_index;

void
cli_set_global_index(const char *path)
{
	global_index = path;
}

const char *
cli_index_path(const char *opt)
{
	const char *env;

	if (opt != NULL && *opt != '\0')
		return opt;
	if (global_index != NULL && *global_index != '\0')
		return global_index;
	env = getenv("PICORPUS_INDEX");
	return (env != NULL && *env != '\0') ? env : DEFAULT_INDEX;
}

int
cli_open_index(const char *cmd, const char *opt, sqlite3 **db)
{
	struct buf err = BUF_INIT;
	int rc = EXIT_OK;

	if (index_open(cli_index_path(opt), db, &err) == -1) {
		cli_error(cmd, "%s", err.data);
		rc = EXIT_RUNTIME;
	}
	buf_free(&err);
	return rc;
}

struct pcase *
cli_load_case(const char *cmd, sqlite3 *db, const char *id)
{
	struct buf err = BUF_INIT;
	struct pcase *c = index_load_case(db, id, &err);

	if (c == NULL)
		cli_error(cmd, "%s: %s", id, err.len ? err.data :
		    "no such case (see picorpus query)");
	buf_free(&err);
	return c;
}

long
cli_number(const char *s)
{
	char *end;
	long v;

	if (s == NULL || *s == '\0')
		return -1;
	v = strtol(s, &end, 10);
	return (*end != '\0' || v < 0) ? -1 : v;
}

void
cli_print_diag(void *arg, const char *line)
{
	(void)arg;
	fprintf(stderr, "%s\n", line);
}

int
cli_color(FILE *f)
{
	const char *nc = getenv("NO_COLOR");

	if (nc != NULL && *nc != '\0')
		return 0;
	return isatty(fileno(f));
}
