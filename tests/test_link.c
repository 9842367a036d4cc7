/*
 * test_link.c — similar precedents on small cases made here: what makes
 * cases similar, what does not (boilerplate, common items, the author's
 * own name), and reasons that read the same in both directions.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "link.h"

static struct segmenter *seg;	/* shared; made once */

static struct segmenter *
segmenter(void)
{
	char err[256];

	if (seg == NULL)
		seg = segmenter_new(err, sizeof(err));
	ck_assert_msg(seg != NULL, "%s", err);
	return seg;
}

/* A case with one 業務委託 procedure handing items to consignee. */
static struct pcase *
make_case(const char *id, const char *title, const char *consignee,
    const char *items, const char *body)
{
	struct pcase *c = case_new();
	struct procedure *p = case_add_procedure(c, PROC_OUTSOURCE);
	char *list = xstrdup(items), *save = NULL;

	c->id = xstrdup(id);
	field_set(&c->title, title, 1);
	field_set(&c->municipality, "架空区", 1);
	if (consignee != NULL)
		strlist_push(&p->consignees, consignee);
	for (char *t = strtok_r(list, ",", &save); t; t = strtok_r(NULL, ",",
	    &save))
		strlist_push(&p->data_items, t);
	c->body = xstrdup(body);
	free(list);
	return c;
}

static void
add(struct linker *l, struct pcase *c)
{
	linker_add(l, c, segmenter());
	case_free(c);
}

/* Position of case other among the links of case i, or -1. */
static int
rank_of(const struct linker *l, size_t i, size_t other)
{
	size_t n;
	const struct link *v = linker_related(l, i, &n);

	for (size_t k = 0; k < n; k++)
		if (v[k].other == other)
			return (int)k;
	return -1;
}

static const struct link *
link_to(const struct linker *l, size_t i, size_t other)
{
	size_t n;
	const struct link *v = linker_related(l, i, &n);
	int k = rank_of(l, i, other);

	return k < 0 ? NULL : &v[k];
}

/* Does some reason of lk start with prefix? */
static int
has_reason(const struct link *lk, const char *prefix)
{
	for (size_t i = 0; lk != NULL && i < lk->reasons.n; i++)
		if (str_has_prefix(lk->reasons.v[i], prefix))
			return 1;
	return 0;
}

/* Filler cases with the common items and nothing else in common. */
static void
add_fillers(struct linker *l, int n)
{
	static const char *const topics[] = { "図書館", "駐輪場", "防災訓練",
	    "選挙事務", "道路占用", "公園清掃", "住宅相談", "税務相談" };

	for (int i = 0; i < n; i++) {
		char id[16], title[64], body[128];

		snprintf(id, sizeof(id), "f-%d", i);
		snprintf(title, sizeof(title), "%sに関する事務", topics[i % 8]);
		snprintf(body, sizeof(body), "%sの受付を行う。\n", topics[i % 8]);
		add(l, make_case(id, title, NULL, "氏名,住所", body));
	}
}

START_TEST(shared_consignee_links_with_its_reason)
{
	struct linker *l = linker_new();
	const struct link *lk;

	add(l, make_case("a-1", "がん検診の委託", "株式会社サンプル印刷",
	    "氏名", "受診券を送付する。\n"));
	add(l, make_case("b-1", "特定健診の委託", "サンプル印刷株式会社",
	    "住所", "結果を通知する。\n"));
	add_fillers(l, 6);
	linker_run(l, LINK_TOP, 1);
	ck_assert_int_eq(rank_of(l, 0, 1), 0);
	lk = link_to(l, 0, 1);
	ck_assert(has_reason(lk, "委託先 株式会社サンプル印刷"));
	linker_free(l);
}
END_TEST

START_TEST(rare_item_outweighs_common_items)
{
	struct linker *l = linker_new();

	add(l, make_case("a-1", "事務A", NULL, "氏名,住所,受診券番号", "甲\n"));
	add(l, make_case("b-1", "事務B", NULL, "受診券番号", "乙\n"));
	add(l, make_case("c-1", "事務C", NULL, "氏名,住所", "丙\n"));
	add_fillers(l, 8);
	linker_run(l, LINK_TOP, 1);
	ck_assert_int_eq(rank_of(l, 0, 1), 0);
	ck_assert(has_reason(link_to(l, 0, 1), "情報項目 1件共通: 受診券番号"));
	linker_free(l);
}
END_TEST

START_TEST(boilerplate_lines_give_no_reason)
{
	struct linker *l = linker_new();
	const char *form = "本件は個人情報保護条例に基づき審議会の意見を聴くものである。\n";
	char body[512];

	/* The form's line in 4 cases of 12: rare enough to weigh, common
	 * enough to be boilerplate. */
	for (int i = 0; i < 4; i++) {
		char id[16];

		snprintf(id, sizeof(id), "c-%d", i);
		snprintf(body, sizeof(body), "%s", form);
		add(l, make_case(id, i < 2 ? "保育園の入園事務" : "別の事務",
		    NULL, "氏名", body));
	}
	add_fillers(l, 8);
	linker_run(l, LINK_TOP, 1);
	ck_assert_int_eq(rank_of(l, 2, 3), -1);	/* only the form in common */
	for (size_t i = 0; i < linker_ncases(l); i++) {
		size_t n;
		const struct link *v = linker_related(l, i, &n);

		for (size_t k = 0; k < n; k++)
			for (size_t r = 0; r < v[k].reasons.n; r++)
				ck_assert_msg(strstr(v[k].reasons.v[r],
				    "審議会") == NULL, "%s",
				    v[k].reasons.v[r]);
	}
	ck_assert_int_eq(rank_of(l, 0, 1), 0);
	linker_free(l);
}
END_TEST

START_TEST(reasons_read_the_same_both_ways)
{
	struct linker *l = linker_new();
	const struct link *ab, *ba;

	add(l, make_case("a-1", "住民税の通知書印刷", "株式会社甲印刷",
	    "氏名,住所,税額", "LGWANで送付する。\n"));
	add(l, make_case("b-1", "国保の通知書印刷", "甲印刷株式会社",
	    "氏名,住所,税額", "ＬＧＷＡＮを経由して送付する。\n"));
	add_fillers(l, 6);
	linker_run(l, LINK_TOP, 1);
	ab = link_to(l, 0, 1);
	ba = link_to(l, 1, 0);
	ck_assert_ptr_nonnull(ab);
	ck_assert_ptr_nonnull(ba);
	ck_assert_double_eq(ab->score, ba->score);
	ck_assert_uint_eq(ab->reasons.n, ba->reasons.n);
	for (size_t i = 0; i < ab->reasons.n; i++)
		ck_assert_str_eq(ab->reasons.v[i], ba->reasons.v[i]);
	ck_assert(has_reason(ab, "回線 LGWAN"));
	linker_free(l);
}
END_TEST

START_TEST(author_names_are_not_shared_words)
{
	struct linker *l = linker_new();
	struct pcase *a = make_case("a-1", "事務甲", NULL, "氏名",
	    "架空区健康づくり課が実施する。\n");
	struct pcase *b = make_case("b-1", "事務乙", NULL, "氏名",
	    "架空区健康づくり課が実施する別件。\n");

	field_set(&a->department, "健康部健康づくり課", 1);
	field_set(&b->department, "健康部健康づくり課", 1);
	add(l, a);
	add(l, b);
	add_fillers(l, 6);
	linker_run(l, LINK_TOP, 1);
	for (size_t i = 0; i < 2; i++) {
		const struct link *lk = link_to(l, i, 1 - i);

		for (size_t r = 0; lk != NULL && r < lk->reasons.n; r++)
			ck_assert_msg(strstr(lk->reasons.v[r], "健康づくり課")
			    == NULL && strstr(lk->reasons.v[r], "架空") ==
			    NULL, "%s", lk->reasons.v[r]);
	}
	linker_free(l);
}
END_TEST

/* A case of municipality town from document source. */
static struct pcase *
town_case(const char *id, const char *town, const char *source,
    const char *body)
{
	struct pcase *c = make_case(id, "事務", NULL, "氏名", body);

	field_set(&c->municipality, town, 1);
	free(c->source);
	c->source = xstrdup(source);
	return c;
}

START_TEST(house_style_weighs_less_than_shared_topic)
{
	struct linker *l = linker_new();

	/* 審議会, 了承, 調書 are in two documents of 甲区 only; 国保連合会
	 * is shared by 甲区 and 乙区: fewer words, but only they say what
	 * the cases are about. */
	add(l, town_case("a-1", "甲区", "a1.txt", "審議会了承済みの調書。\n"
	    "国保連合会へ送付する。\n"));
	add(l, town_case("a-2", "甲区", "a2.txt", "審議会了承済みの調書を作成"
	    "。\n"));
	add(l, town_case("b-1", "乙区", "b1.txt", "国保連合会から受領。\n"));
	add_fillers(l, 6);
	linker_run(l, LINK_TOP, 1);
	ck_assert_int_eq(rank_of(l, 0, 2), 0);
	ck_assert(rank_of(l, 0, 1) != 0);
	linker_free(l);
}
END_TEST

START_TEST(compounds_share_their_parts)
{
	struct linker *l = linker_new();

	/* 特定健康診査情報 and 特定健康診査等業務 share no whole compound,
	 * but their part 特定健康診査. */
	add(l, make_case("a-1", "事務甲", NULL, "氏名",
	    "特定健康診査情報を送付する。\n"));
	add(l, make_case("b-1", "事務乙", NULL, "氏名",
	    "特定健康診査等業務を委託する。\n"));
	add_fillers(l, 6);
	linker_run(l, LINK_TOP, 1);
	ck_assert_int_eq(rank_of(l, 0, 1), 0);
	ck_assert(has_reason(link_to(l, 0, 1), "共通語 特定健康診査"));
	linker_free(l);
}
END_TEST

START_TEST(no_case_links_to_itself_and_top_is_kept)
{
	struct linker *l = linker_new();

	add_fillers(l, 30);
	linker_run(l, 3, 1);
	for (size_t i = 0; i < linker_ncases(l); i++) {
		size_t n;
		const struct link *v = linker_related(l, i, &n);

		ck_assert_uint_le(n, 3);
		for (size_t k = 0; k < n; k++) {
			ck_assert_uint_ne(v[k].other, i);
			ck_assert(v[k].score > 0.0 && v[k].score <= 1.0 + 1e-9);
			if (k > 0)
				ck_assert(v[k].score <= v[k - 1].score);
		}
	}
	linker_free(l);
}
END_TEST

/* A linker of filler cases and three related ones. */
static struct linker *
sample_linker(void)
{
	struct linker *l = linker_new();

	add_fillers(l, 12);
	add(l, make_case("a-1", "がん検診の委託", "株式会社サンプル印刷",
	    "氏名,受診券番号", "受診券を送付する。\n"));
	add(l, make_case("b-1", "特定健診の委託", "サンプル印刷株式会社",
	    "受診券番号", "受診券を印刷する。\n"));
	add(l, make_case("c-1", "健康診査の案内", NULL, "氏名,受診券番号",
	    "健康診査の案内を送付する。\n"));
	return l;
}

/* Do a's and b's cases have the same links, by case id? */
static void
assert_same_links(const struct linker *a, const struct linker *b)
{
	ck_assert_uint_eq(linker_ncases(a), linker_ncases(b));
	for (size_t i = 0; i < linker_ncases(a); i++) {
		size_t na, nb;
		const struct link *x = linker_related(a, i, &na);
		const struct link *y = linker_related(b, i, &nb);

		ck_assert_uint_eq(na, nb);
		for (size_t k = 0; k < na; k++) {
			ck_assert_str_eq(linker_case_id(a, x[k].other),
			    linker_case_id(b, y[k].other));
			ck_assert_double_eq_tol(x[k].score, y[k].score, 1e-12);
			ck_assert_uint_eq(x[k].reasons.n, y[k].reasons.n);
			for (size_t r = 0; r < x[k].reasons.n; r++)
				ck_assert_str_eq(x[k].reasons.v[r],
				    y[k].reasons.v[r]);
		}
	}
}

START_TEST(stored_inputs_link_as_the_cases_did)
{
	struct linker *l = sample_linker(), *again = linker_new();
	struct buf in = BUF_INIT;

	for (size_t k = 0; k < linker_nfeatures(l); k++) {
		const char *key, *display;
		int kind;

		linker_feature(l, k, &kind, &key, &display);
		ck_assert_int_eq(linker_add_feature(again, kind, key, display),
		    0);
	}
	for (size_t i = 0; i < linker_ncases(l); i++) {
		buf_truncate(&in, 0);
		linker_case_input(l, i, &in);
		ck_assert_int_eq(linker_add_input(again, linker_case_id(l, i),
		    "架空区", "", in.data, in.len), 0);
	}
	linker_run(l, LINK_TOP, 1);
	linker_run(again, LINK_TOP, 1);
	assert_same_links(l, again);
	buf_free(&in);
	linker_free(l);
	linker_free(again);
}
END_TEST

START_TEST(threads_link_as_one_thread)
{
	struct linker *l = sample_linker(), *ref = sample_linker();

	linker_run(l, LINK_TOP, 3);
	linker_run(ref, LINK_TOP, 1);
	assert_same_links(l, ref);
	linker_free(l);
	linker_free(ref);
}
END_TEST

START_TEST(damaged_input_is_refused)
{
	struct linker *l = sample_linker();
	struct buf in = BUF_INIT;

	linker_case_input(l, linker_ncases(l) - 1, &in);
	ck_assert_int_eq(linker_add_input(l, "x", "", "", in.data,
	    in.len - 1), -1);
	ck_assert_int_eq(linker_add_input(l, "x", "", "", "\x05\xff", 2),
	    -1);
	ck_assert_uint_eq(linker_ncases(l), 15);
	ck_assert_int_eq(linker_add_feature(l, 1, "後から", "後から"), -1);
	buf_free(&in);
	linker_free(l);
}
END_TEST

START_TEST(linking_one_case_again_changes_nothing)
{
	struct linker *l = sample_linker(), *ref = sample_linker();
	struct link_cand cand[LINK_CANDIDATES];
	size_t n;

	linker_run(l, LINK_TOP, 1);
	linker_run(ref, LINK_TOP, 1);
	linker_link(l, 12, LINK_TOP, cand, &n);
	assert_same_links(l, ref);
	ck_assert_uint_ge(n, 2);
	ck_assert_double_eq_tol(cand[0].score, linker_pair(l, 12,
	    cand[0].other, NULL), 1e-12);
	linker_free(l);
	linker_free(ref);
}
END_TEST

static Suite *
link_suite(void)
{
	Suite *s = suite_create("link");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, shared_consignee_links_with_its_reason);
	tcase_add_test(tc, rare_item_outweighs_common_items);
	tcase_add_test(tc, boilerplate_lines_give_no_reason);
	tcase_add_test(tc, reasons_read_the_same_both_ways);
	tcase_add_test(tc, author_names_are_not_shared_words);
	tcase_add_test(tc, house_style_weighs_less_than_shared_topic);
	tcase_add_test(tc, compounds_share_their_parts);
	tcase_add_test(tc, no_case_links_to_itself_and_top_is_kept);
	tcase_add_test(tc, stored_inputs_link_as_the_cases_did);
	tcase_add_test(tc, damaged_input_is_refused);
	tcase_add_test(tc, threads_link_as_one_thread);
	tcase_add_test(tc, linking_one_case_again_changes_nothing);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(link_suite());
	int failed;

	srunner_set_fork_status(sr, CK_NOFORK);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	segmenter_free(seg);
	return failed != 0;
}
