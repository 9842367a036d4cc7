/*
 * cmd_build.c — picorpus build: compile a corpus folder into the index
 * and the static site, reporting skipped files on stderr.
 */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "build.h"
#include "cli.h"

static const char usage[] =
"usage: picorpus build [-c CORPUS_DIR] [-o SITE_DIR] [--index FILE]\n"
"                      [--max-bytes N] [--max-cases N] [--no-site]\n"
"                      [--full] [-j N] [--quiet] [--verbose]\n\n"
"Read every .txt, .md, .html and .htm file below CORPUS_DIR (default\n"
"corpus/; UTF-8, UTF-8 with BOM, CP932 or EUC-JP), extract its cases and\n"
"write the index (default " DEFAULT_INDEX ") and the static site (default\n"
"_site/).  A file that cannot be read gets one 'path: reason' line on\n"
"stderr and the rest still builds.  The previous index and site stay in\n"
"place until the new ones are complete; one build of an index runs at a\n"
"time.\n\n"
"Limits: a file over --max-bytes N (default 32 MiB) is rejected; of a\n"
"file of more than --max-cases N cases (default 1000) the first N are\n"
"kept.  Both say so on stderr.\n\n"
"Builds are incremental: only files whose bytes changed are read again,\n"
"the documents of removed files go, and links are chosen again where a\n"
"change can reach them; when nothing changed nothing is written.  --full\n"
"builds everything anew.  Files are read in N worker threads (-j N,\n"
"--jobs N; default one per core).\n\n"
"Exit status: 0 when the build completed (skipped files are counted in\n"
"the summary), 1 on a runtime error, 2 on a usage error.\n";

/* The progress line on a terminal: files, MB/s, time left. */
struct progress {
	struct timespec	 start;
	double		 last;		/* when the line was last drawn */
};

static double
seconds_since(const struct timespec *t)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t->tv_sec) +
	    (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

static void
show_progress(void *arg, unsigned done, unsigned total, size_t bytes)
{
	struct progress *p = arg;
	double t = seconds_since(&p->start);

	if (done < total && t - p->last < 0.2)
		return;		/* at most five lines a second */
	p->last = t;
	fprintf(stderr, "\r\033[Kpicorpus build: %u/%u files, %.1f MB/s",
	    done, total, t > 0 ? (double)bytes / 1e6 / t : 0.0);
	if (done > 0 && done < total)
		fprintf(stderr, ", %.0f s left", t / done * (total - done));
	if (done == total)
		fputs("\r\033[K", stderr);
}

/* Stage timings and peak memory, on stderr (--verbose). */
static void
print_timings(const struct build_stats *st)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	if (st->incremental)
		fprintf(stderr, "picorpus build: %u of %u files changed; %u "
		    "read, %zu cases linked anew\n", st->changed, st->files,
		    st->read, st->relinked);
	else
		fprintf(stderr, "picorpus build: built anew\n");
	fprintf(stderr, "picorpus build: extract %.2f s, link %.2f s, site "
	    "%.2f s, commit %.2f s; peak RSS %ld KiB\n", st->t_extract,
	    st->t_link, st->t_site, st->t_commit, ru.ru_maxrss);
	if (st->read > 0)
		fprintf(stderr, "picorpus build: extract's CPU: ingest "
		    "%.2f s, parse %.2f s, MeCab %.2f s, extract %.2f s, link "
		    "features %.2f s, pack %.2f s (summed over workers); index "
		    "%.2f s (writer)\n", st->w_ingest, st->w_parse,
		    st->w_mecab, st->w_extract, st->w_features, st->w_pack,
		    st->t_index);
}

int
cmd_build(int argc, char **argv)
{
	const char *corpus = "corpus", *site = "_site", *index = NULL;
	const char *max = NULL, *max_cases = NULL, *jobs = NULL;
	int no_site = 0, quiet = 0, verbose = 0, full = 0, npos;
	struct opt opts[] = {
		{ "corpus", 'c', &corpus, NULL }, { "output", 'o', &site, NULL },
		{ "index", 0, &index, NULL }, { "max-bytes", 0, &max, NULL },
		{ "no-site", 0, NULL, &no_site }, { "full", 0, NULL, &full },
		{ "max-cases", 0, &max_cases, NULL }, { "jobs", 'j', &jobs, NULL },
		{ "quiet", 'q', NULL, &quiet },
		{ "verbose", 'v', NULL, &verbose }, { NULL, 0, NULL, NULL }
	};
	struct diag dg = { cli_print_diag, NULL, 0 };
	struct build_opts bo;
	struct build_stats st;
	struct progress progress = { { 0, 0 }, -1.0 };
	struct buf err = BUF_INIT;

	if (cli_parse("build", argc, argv, opts, usage, &npos) == -1)
		return EXIT_USAGE;
	if (npos > 0) {
		cli_error("build", "unexpected argument '%s' (use -c DIR)",
		    argv[0]);
		return EXIT_USAGE;
	}
	bo.corpus = corpus;
	bo.site_dir = no_site ? NULL : site;
	bo.index_path = cli_index_path(index);
	bo.max_bytes = 0;
	bo.max_cases = 0;
	bo.full = full;
	bo.progress = NULL;
	bo.progress_arg = &progress;
	clock_gettime(CLOCK_MONOTONIC, &progress.start);
	if (!quiet && isatty(STDERR_FILENO))
		bo.progress = show_progress;
	bo.jobs = 0;
	if (jobs != NULL) {
		long n = cli_number(jobs);

		if (n <= 0 || n > 64) {
			cli_error("build", "-j takes a number of threads, 1 to "
			    "64");
			return EXIT_USAGE;
		}
		bo.jobs = (unsigned)n;
	}
	if (max != NULL && (long)(bo.max_bytes = (size_t)cli_number(max)) <= 0) {
		cli_error("build", "--max-bytes takes a positive number");
		return EXIT_USAGE;
	}
	if (max_cases != NULL &&
	    (long)(bo.max_cases = (size_t)cli_number(max_cases)) <= 0) {
		cli_error("build", "--max-cases takes a positive number");
		return EXIT_USAGE;
	}
	/*
	 * A build frees and allocates much: glibc's default of returning
	 * freed memory at once (trim, mmap of blocks over 128 KiB) makes
	 * every worker thread's free an munmap whose TLB flush stops the
	 * other cores.  Keeping it costs no peak memory.
	 */
	mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);
	mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
	if (build_run(&bo, &st, &dg, &err) == -1) {
		cli_error("build", "%s", err.data);
		buf_free(&err);
		return EXIT_RUNTIME;
	}
	if (verbose)
		print_timings(&st);
	if (!quiet) {
		fprintf(stderr, "picorpus build: %u files, %u indexed, %u "
		    "skipped, %u cases\n", st.files, st.indexed, st.skipped,
		    st.cases);
		printf("index: %s\n", bo.index_path);
		if (bo.site_dir != NULL && st.pages > 0)
			printf("site:  %s/index.html (%u pages)\n", bo.site_dir,
			    st.pages);
		else if (bo.site_dir != NULL)
			printf("site:  %s/index.html (unchanged)\n",
			    bo.site_dir);
	}
	return EXIT_OK;
}
