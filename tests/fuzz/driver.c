/*
 * driver.c — replay saved inputs through a fuzz target without
 * libFuzzer: `fuzz_TARGET PATH...` runs every file named, and every file
 * of every directory named (not recursively, names starting with '.'
 * left out), through LLVMFuzzerTestOneInput() once.  A failed invariant
 * aborts, so the test fails; otherwise it prints "N passed, 0 failed"
 * (N inputs, the count tools/run-tests adds up) and exits 0.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "fuzz.h"

int	LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

/* Run the file at path; -1 when it cannot be read. */
static int
run_file(const char *path)
{
	struct buf data = BUF_INIT;
	char chunk[65536];
	size_t n;
	FILE *f = fopen(path, "rb");

	if (f == NULL) {
		perror(path);
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_put(&data, chunk, n);
	fclose(f);
	LLVMFuzzerTestOneInput((const uint8_t *)(data.data ? data.data : ""),
	    data.len);
	buf_free(&data);
	return 0;
}

static int
cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Run every regular file of dir, by name; the count, or -1. */
static long
run_dir(const char *dir)
{
	struct strlist names = STRLIST_INIT;
	struct dirent *e;
	long n = 0;
	DIR *d = opendir(dir);

	if (d == NULL) {
		perror(dir);
		return -1;
	}
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			strlist_push(&names, e->d_name);
	closedir(d);
	if (names.n > 1)
		qsort(names.v, names.n, sizeof(*names.v), cmp_name);
	for (size_t i = 0; i < names.n && n >= 0; i++) {
		struct buf path = BUF_INIT;
		struct stat sb;

		buf_printf(&path, "%s/%s", dir, names.v[i]);
		if (stat(path.data, &sb) == 0 && S_ISREG(sb.st_mode))
			n = run_file(path.data) == 0 ? n + 1 : -1;
		buf_free(&path);
	}
	strlist_free(&names);
	return n;
}

int
main(int argc, char *argv[])
{
	long total = 0;

	if (LLVMFuzzerInitialize != NULL)
		LLVMFuzzerInitialize(&argc, &argv);
	for (int i = 1; i < argc; i++) {
		struct stat sb;
		long n;

		if (stat(argv[i], &sb) == -1) {
			perror(argv[i]);
			return 1;
		}
		n = S_ISDIR(sb.st_mode) ? run_dir(argv[i]) :
		    run_file(argv[i]) == 0 ? 1 : -1;
		if (n < 0)
			return 1;
		total += n;
	}
	printf("%ld passed, 0 failed\n", total);
	return 0;
}
