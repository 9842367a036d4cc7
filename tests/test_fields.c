/*
 * test_fields.c — the value parsers of fields.c: label dictionary,
 * organisations, items, periods and form selections.
 */
#include <check.h>
#include <stdlib.h>

#include "fields.h"

#include "check_main.h"

static char *
joined(const struct strlist *l)
{
	struct buf b = BUF_INIT;

	for (size_t i = 0; i < l->n; i++)
		buf_printf(&b, "%s%s", i ? "|" : "", l->v[i]);
	return buf_detach(&b);
}

START_TEST(labels_map_variants_to_fields)
{
	ck_assert_int_eq(label_field("委託先"), FIELD_CONSIGNEES);
	ck_assert_int_eq(label_field("③委託先名"), FIELD_CONSIGNEES);
	ck_assert_int_eq(label_field("委託先(再委託先)"), FIELD_SUBCONTRACTORS);
	ck_assert_int_eq(label_field("結合される情報項目(だれの、どのような"
	    "項目か)"), FIELD_ITEMS);
	ck_assert_int_eq(label_field("結合の開始時期と期間"), FIELD_PERIOD);
	ck_assert_int_eq(label_field("13 委託先（参考）"), FIELD_CONSIGNEES);
	ck_assert_int_eq(label_field("取り扱わせる項目"), FIELD_ITEMS);
	ck_assert_int_ne(label_field("取り扱わせない項目"), FIELD_ITEMS);
	ck_assert_int_eq(label_field("その他の項目"), FIELD_ITEMS);
	ck_assert_int_eq(label_field("時期"), FIELD_PERIOD);
	ck_assert_int_eq(label_field("委託先等"), FIELD_PARTNER);
	ck_assert_int_le(label_field("旧委託先"), FIELD_IGNORE);
}
END_TEST

START_TEST(labels_match_whole_words_only)
{
	ck_assert_int_eq(label_field("受託事業者に行わせる情報保護対策"),
	    FIELD_NONE);
	ck_assert_int_eq(label_field("処理させる情報項目の記録媒体"), FIELD_NONE);
	ck_assert_int_eq(label_field("委託先における取扱者数"), FIELD_NONE);
}
END_TEST

START_TEST(label_endings_map_labels_written_other_ways)
{
	ck_assert_int_eq(label_field("委託業務の委託先"), FIELD_CONSIGNEES);
	ck_assert_int_eq(label_field("再委託先の名称"), FIELD_SUBCONTRACTORS);
	ck_assert_int_eq(label_field("取り扱わせる個人情報"), FIELD_ITEMS);
	ck_assert_int_eq(label_field("提供期間"), FIELD_PERIOD);
	ck_assert_int_eq(label_field("委託先（参考）"), FIELD_CONSIGNEES);
	ck_assert_int_eq(label_field("委託先の選定"), FIELD_NONE);
	ck_assert_int_eq(label_field("保存期間"), FIELD_IGNORE);
	ck_assert_int_eq(label_field("担当所属"), FIELD_DEPARTMENT);
	ck_assert_int_eq(label_field("諮問の根拠"), FIELD_BASIS);
	ck_assert_int_eq(label_field("件名"), FIELD_SUBJECT);
}
END_TEST

START_TEST(beginnings_of_labels)
{
	ck_assert(label_is_prefix("委託に伴い事業者に処理させる情報"));
	ck_assert(!label_is_prefix("委託に伴い事業者に処理させる情報項目"));
	ck_assert(!label_is_prefix("本日は晴天"));
	ck_assert_str_eq(field_name(FIELD_ITEMS), "items");
}
END_TEST

START_TEST(organisations_lose_notes_and_work_names)
{
	struct strlist l = STRLIST_INIT;
	char *s;

	parse_organisations("1 健康診査業務 新宿区医師会、中野区医師会 "
	    "2 印字封入封かん業務 TOPPANエッジ株式会社(プライバシーマーク取得"
	    "事業者)", "委託先", &l);
	s = joined(&l);
	ck_assert_str_eq(s, "新宿区医師会|中野区医師会|TOPPANエッジ株式会社");
	free(s);
	strlist_free(&l);
}
END_TEST

START_TEST(a_blank_answer_is_no_organisation)
{
	struct strlist l = STRLIST_INIT;

	parse_organisations("（未入力）", NULL, &l);
	ck_assert_int_eq((int)l.n, 0);
	parse_organisations("該当なし", "委託先", &l);
	ck_assert_int_eq((int)l.n, 0);
	strlist_free(&l);
}
END_TEST

START_TEST(labels_of_the_former_and_joined_labels)
{
	ck_assert_int_le(label_field("変更前の受託者"), FIELD_IGNORE);
	ck_assert_int_le(label_field("前回の委託期間"), FIELD_IGNORE);
	ck_assert_int_eq(label_field("変更後の受託者"), FIELD_CONSIGNEES);
	ck_assert_int_eq(label_field("実施機関・所管"), FIELD_DEPARTMENT);
	ck_assert_int_eq(label_field("受託予定者"), FIELD_CONSIGNEES);
	ck_assert_int_eq(label_field("取り扱わせる情報"), FIELD_ITEMS);
}
END_TEST

START_TEST(a_dash_is_no_organisation)
{
	struct strlist l = STRLIST_INIT;

	parse_organisations("―（区の内部利用）", "委託先", &l);
	ck_assert_int_eq((int)l.n, 0);
	parse_organisations("－", "委託先", &l);
	ck_assert_int_eq((int)l.n, 0);
	strlist_free(&l);
}
END_TEST

START_TEST(a_choice_names_its_party_in_brackets)
{
	struct strlist l = STRLIST_INIT;

	parse_organisations("再委託する（北陸クラウドオペレーション株式会社）", NULL,
	    &l);
	ck_assert_int_eq((int)l.n, 1);
	ck_assert_str_eq(l.v[0], "北陸クラウドオペレーション株式会社");
	parse_organisations("一般社団法人きたきゅう介護支援ネットワークでございます",
	    NULL, &l);	/* spoken, in minutes */
	ck_assert_str_eq(l.v[1], "一般社団法人きたきゅう介護支援ネットワーク");
	strlist_free(&l);
}
END_TEST

START_TEST(organisations_by_role)
{
	struct strlist a = STRLIST_INIT, b = STRLIST_INIT;

	parse_organisations("【委託先】 東京都国民健康保険団体連合会(国保連合会) "
	    "【再委託先】 国民健康保険中央会(国保中央会)", "委託先", &a);
	parse_organisations("【委託先】 東京都国民健康保険団体連合会(国保連合会) "
	    "【再委託先】 国民健康保険中央会(国保中央会)", "再委託先", &b);
	ck_assert_str_eq(a.v[0], "東京都国民健康保険団体連合会");
	ck_assert_str_eq(b.v[0], "国民健康保険中央会");
	strlist_free(&a);
	strlist_free(&b);
}
END_TEST

START_TEST(items_on_lines_joined_by_a_space_are_items)
{
	struct strlist l = STRLIST_INIT;

	/* a PDF cell's lines joined: "…電話番号" / "個人番号、…" */
	parse_items("氏名、住所、電話番号 個人番号、所得控除の内容 扶養親族の氏名",
	    &l);
	ck_assert_int_eq((int)l.n, 6);
	ck_assert_str_eq(l.v[3], "個人番号");
	ck_assert_str_eq(l.v[5], "扶養親族の氏名");
	strlist_free(&l);
	parse_items("住所 （番地まで）、氏名", &l);	/* a note, no break */
	ck_assert_int_eq((int)l.n, 2);
	strlist_free(&l);
	parse_organisations("株式会社 テスト、社会福祉法人 テスト会", NULL, &l);
	ck_assert_int_eq((int)l.n, 2);	/* names keep their spaces */
	strlist_free(&l);
}
END_TEST

START_TEST(items_keep_parenthesised_notes)
{
	struct strlist l = STRLIST_INIT;
	char *s;

	parse_items("《個人の範囲》 区民 《委託先に提供する項目》 氏名、"
	    "連絡先（保護者、勤務先）、職業・職歴、加害者の氏名・住所", &l);
	s = joined(&l);
	ck_assert_str_eq(s, "氏名|連絡先（保護者、勤務先）|職業|職歴|"
	    "加害者の氏名・住所");
	free(s);
	strlist_free(&l);
}
END_TEST

START_TEST(items_one_space_apart_are_a_list)
{
	struct strlist l = STRLIST_INIT;
	char *s;

	parse_items("申込者の氏名 住所 電話番号 メールアドレス（任意）", &l);
	s = joined(&l);
	ck_assert_str_eq(s, "申込者の氏名|住所|電話番号|メールアドレス（任意）");
	free(s);
	strlist_free(&l);
}
END_TEST

START_TEST(spaced_items_keep_the_commas_of_their_notes)
{
	struct strlist l = STRLIST_INIT;
	char *s;

	parse_items("生徒の氏名\n学年 災害発生の場面（授業中、課外指導中等の別） "
	    "医療機関名", &l);
	s = joined(&l);
	ck_assert_str_eq(s, "生徒の氏名|学年|災害発生の場面（授業中、課外指導中等の別）|"
	    "医療機関名");
	free(s);
	strlist_free(&l);
}
END_TEST

START_TEST(item_with_a_spaced_note_is_one_item)
{
	struct strlist l = STRLIST_INIT;
	char *s;

	parse_items("氏名、住所 ※任意", &l);
	s = joined(&l);
	ck_assert_str_eq(s, "氏名|住所");
	free(s);
	strlist_free(&l);
}
END_TEST

START_TEST(other_box_filled_in_gives_its_items)
{
	struct strlist l = STRLIST_INIT;
	char *s;

	parse_items("氏名、住所、その他（　家屋番号、所在地番　　）", &l);
	s = joined(&l);
	ck_assert_str_eq(s, "氏名|住所|家屋番号|所在地番");
	free(s);
	strlist_free(&l);
}
END_TEST

START_TEST(sub_label_with_its_value_is_no_item)
{
	struct strlist l = STRLIST_INIT;
	char *s;

	parse_items("人数（約1,900人）※調書数は約2,300棟\n氏名", &l);
	s = joined(&l);
	ck_assert_str_eq(s, "氏名");
	free(s);
	strlist_free(&l);
}
END_TEST

START_TEST(periods_need_full_dates)
{
	char start[11], end[11];

	parse_period("令和7年4月1日から令和8年3月31日まで", start, end);
	ck_assert_str_eq(start, "2025-04-01");
	ck_assert_str_eq(end, "2026-03-31");
	parse_period("令和3年3月から(以降、同様)", start, end);
	ck_assert_str_eq(start, "");
	ck_assert_str_eq(end, "");
}
END_TEST

START_TEST(selection_is_the_chosen_value)
{
	char *s = read_selection("[再委託しない] <選択肢> 1) 再委託する "
	    "2) 再委託しない");

	ck_assert_str_eq(s, "再委託しない");
	free(s);
	s = read_selection("[ 10万人以上30万人未満 ] <選択肢> 1) 1,000人未満");
	ck_assert_str_eq(s, "10万人以上30万人未満");
	free(s);
	s = read_selection("[] <選択肢> 1) 実施する 2) 実施しない");
	ck_assert_ptr_null(s);
}
END_TEST

START_TEST(checked_boxes_are_read)
{
	char *s = read_selection("[] 情報提供ネットワークシステム [○] 庁内連携"
	    "システム [ ] 住民基本台帳ネットワークシステム [○] 宛名システム等");

	ck_assert_str_eq(s, "庁内連携システム、宛名システム等");
	free(s);
}
END_TEST

/* A checked box without a label chooses nothing (and frees what it
 * built: fuzz_normalize found the leak, tests/fuzz/regress/normalize/). */
START_TEST(checked_box_without_label_is_nothing)
{
	ck_assert_ptr_null(read_selection("[○]\n"));
	ck_assert_ptr_null(read_selection("[○] [ ] 宛名システム"));
}
END_TEST

START_TEST(a_changed_value_is_read_after_the_change)
{
	ck_assert_str_eq(value_after_change("現行では株式会社Aに委託しているが"
	    "、改正後は、株式会社Bに委託する。"), "株式会社Bに委託する。");
	ck_assert_str_eq(value_after_change("変更前：氏名 変更後：氏名、住所"),
	    "氏名、住所");
	/* no 現行/変更前 before it: no change told */
	ck_assert_str_eq(value_after_change("改正後の条例による"),
	    "改正後の条例による");
}
END_TEST

START_TEST(items_stated_in_a_sentence)
{
	struct strlist l = STRLIST_INIT;
	char *s;

	items_in_prose("取り扱わせる項目は、氏名、生年月日及び住所となる。", &l);
	s = joined(&l);
	ck_assert_str_eq(s, "氏名|生年月日|住所");
	free(s);
	strlist_free(&l);
	items_in_prose("項目は、氏名とする。", &l);	/* one: a phrase */
	ck_assert_int_eq((int)l.n, 0);
	strlist_free(&l);
}
END_TEST

START_TEST(period_from_a_day_named_in_words_gives_its_end)
{
	char start[11], end[11];

	parse_period("契約締結日から令和１３年３月３１日まで", start, end);
	ck_assert_str_eq(start, "");
	ck_assert_str_eq(end, "2031-03-31");
	parse_period("令和8年4月1日から令和9年3月31日まで", start, end);
	ck_assert_str_eq(start, "2026-04-01");
	ck_assert_str_eq(end, "2027-03-31");
}
END_TEST

START_TEST(items_run_after_their_marks_on_one_line)
{
	struct strlist l = STRLIST_INIT;
	char *s;

	parse_items("（１）氏名（２）住所（３）本籍（戸籍証明書に限る。）", &l);
	s = joined(&l);
	ck_assert_str_eq(s, "氏名|住所|本籍（戸籍証明書に限る。）");
	free(s);
	strlist_free(&l);
	parse_items("氏名（イ）証明書の交付履歴", &l);	/* its first mark gone */
	s = joined(&l);
	ck_assert_str_eq(s, "氏名|証明書の交付履歴");
	free(s);
	strlist_free(&l);
	parse_items("氏名（カナ）、住所", &l);	/* a note, no mark */
	s = joined(&l);
	ck_assert_str_eq(s, "氏名（カナ）|住所");
	free(s);
	strlist_free(&l);
}
END_TEST

START_TEST(items_not_handed_over_are_no_items_label)
{
	ck_assert_int_eq(label_field("取り扱わせる個人情報"), FIELD_ITEMS);
	ck_assert_int_eq(label_field("取り扱わせない個人情報"), FIELD_IGNORE);
}
END_TEST

START_TEST(items_under_bracketed_group_heads_lose_the_heads)
{
	struct strlist items = STRLIST_INIT;

	parse_items("【児童】氏名、生年月日\n【保護者】氏名、続柄", &items);
	ck_assert_int_eq((int)items.n, 3);
	ck_assert_str_eq(items.v[0], "氏名");
	ck_assert_str_eq(items.v[1], "生年月日");
	ck_assert_str_eq(items.v[2], "続柄");
	strlist_free(&items);
}
END_TEST

START_TEST(a_former_contractors_label_fills_no_field)
{
	ck_assert_int_eq(label_field("現行の委託先"), FIELD_IGNORE);
	ck_assert_int_eq(label_field("（４）（参考）既存の主な記録項目"),
	    FIELD_IGNORE);
	ck_assert_int_eq(label_field("結合する情報の項目"), FIELD_ITEMS);
	ck_assert_int_ne(label_field("情報の項目"), FIELD_ITEMS);
	ck_assert_int_eq(label_field("取りまとめ課"), FIELD_DEPARTMENT);
}
END_TEST

static Suite *
fields_suite(void)
{
	Suite *s = suite_create("fields");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, items_under_bracketed_group_heads_lose_the_heads);
	tcase_add_test(tc, a_former_contractors_label_fills_no_field);
	tcase_add_test(tc, labels_map_variants_to_fields);
	tcase_add_test(tc, labels_match_whole_words_only);
	tcase_add_test(tc, label_endings_map_labels_written_other_ways);
	tcase_add_test(tc, beginnings_of_labels);
	tcase_add_test(tc, organisations_lose_notes_and_work_names);
	tcase_add_test(tc, organisations_by_role);
	tcase_add_test(tc, a_dash_is_no_organisation);
	tcase_add_test(tc, a_blank_answer_is_no_organisation);
	tcase_add_test(tc, labels_of_the_former_and_joined_labels);
	tcase_add_test(tc, a_choice_names_its_party_in_brackets);
	tcase_add_test(tc, items_keep_parenthesised_notes);
	tcase_add_test(tc, items_on_lines_joined_by_a_space_are_items);
	tcase_add_test(tc, items_one_space_apart_are_a_list);
	tcase_add_test(tc, item_with_a_spaced_note_is_one_item);
	tcase_add_test(tc, spaced_items_keep_the_commas_of_their_notes);
	tcase_add_test(tc, other_box_filled_in_gives_its_items);
	tcase_add_test(tc, sub_label_with_its_value_is_no_item);
	tcase_add_test(tc, periods_need_full_dates);
	tcase_add_test(tc, selection_is_the_chosen_value);
	tcase_add_test(tc, checked_boxes_are_read);
	tcase_add_test(tc, checked_box_without_label_is_nothing);
	tcase_add_test(tc, a_changed_value_is_read_after_the_change);
	tcase_add_test(tc, items_stated_in_a_sentence);
	tcase_add_test(tc, period_from_a_day_named_in_words_gives_its_end);
	tcase_add_test(tc, items_run_after_their_marks_on_one_line);
	tcase_add_test(tc, items_not_handed_over_are_no_items_label);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(fields_suite)
