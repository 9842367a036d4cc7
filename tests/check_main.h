/*
 * check_main.h — the main() every Check test program shares: run the
 * suite that SUITE_FN() builds and exit non-zero when a test failed.
 * Include it last, after defining the suite function.
 */
#ifndef PICORPUS_CHECK_MAIN_H
#define PICORPUS_CHECK_MAIN_H

#include <check.h>

static int
run_suite(Suite *s)
{
	SRunner *sr = srunner_create(s);
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed != 0;
}

#define CHECK_MAIN(SUITE_FN)		\
int					\
main(void)				\
{					\
	return run_suite(SUITE_FN());	\
}

#endif
