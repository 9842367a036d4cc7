/*
 * picorpus.c — the command-line entry point: a table of subcommands,
 * one file each (tools/cmd_*.c), plus --help and --version.
 */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const struct command commands[] = {
	{ "build",   cmd_build,   "compile a corpus folder into the index and site" },
	{ "query",   cmd_query,   "search the index: picorpus query 再委託 LGWAN" },
	{ "show",    cmd_show,    "print one case with every extracted field" },
	{ "similar", cmd_similar, "list the precedents similar to a case" },
	{ "export",  cmd_export,  "print every case as JSON Lines" },
	{ "check",   cmd_check,   "check the index and the site are whole and agree" },
	{ "text",    cmd_text,    "print the text picorpus reads from a document" },
};

#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static void
usage(FILE *f)
{
	fputs("usage: picorpus [--version] [--help] [--index FILE] COMMAND "
	    "[ARGS]\n\n"
	    "picorpus compiles Japanese municipal privacy documents into a\n"
	    "searchable precedent library.\n\ncommands:\n", f);
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(f, "  %-8s %s\n", commands[i].name, commands[i].summary);
	fputs("\nEvery command takes --index FILE (default " DEFAULT_INDEX
	    ", or $PICORPUS_INDEX).\n"
	    "'picorpus COMMAND --help' describes one command; see also "
	    "picorpus(1).\n", f);
}

/*
 * Consume "--index FILE" or "--index=FILE" before the command; returns
 * how many arguments it took, or -1 when FILE is missing.
 */
static int
global_index_option(int argc, char **argv)
{
	if (argc >= 2 && strncmp(argv[1], "--index=", 8) == 0) {
		cli_set_global_index(argv[1] + 8);
		return 1;
	}
	if (argc >= 2 && strcmp(argv[1], "--index") == 0) {
		if (argc < 3)
			return -1;
		cli_set_global_index(argv[2]);
		return 2;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	int taken;

	setlocale(LC_CTYPE, "");
	if ((taken = global_index_option(argc, argv)) == -1) {
		fputs("picorpus: --index needs a FILE\n", stderr);
		return EXIT_USAGE;
	}
	argc -= taken;
	argv += taken;
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("picorpus %s\n", PICORPUS_VERSION);
		return EXIT_OK;
	}
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].fn(argc - 1, argv + 1);
	fprintf(stderr, "picorpus: unknown command '%s'\n\n", argv[1]);
	usage(stderr);
	return EXIT_USAGE;
}
