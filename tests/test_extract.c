/*
 * test_extract.c — layout detection and the first fields on small
 * documents written here (not the corpus), one per layout family.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"

static struct segmenter *seg;	/* shared by the tests, made in main() */

struct parsed {
	struct source	src;
	struct doc	doc;
	struct case_list cases;
};

static void
parse_text(struct parsed *p, const char *path, const char *text)
{
	struct buf err = BUF_INIT;
	const char *dot = strrchr(path, '.');

	memset(p, 0, sizeof(*p));
	if (dot != NULL && strcmp(dot, ".md") == 0)
		p->src.format = FORMAT_MARKDOWN;
	else if (dot != NULL && strcmp(dot, ".html") == 0)
		p->src.format = FORMAT_HTML;
	p->src.path = xstrdup(path);
	p->src.text = xstrdup(text);
	p->src.len = strlen(text);
	ck_assert_int_eq(doc_parse(&p->src, &p->doc, &err), 0);
	extract_cases(&p->src, &p->doc, seg, &p->cases, NULL);
	buf_free(&err);
}

static void
parsed_free(struct parsed *p)
{
	case_list_free(&p->cases);
	doc_free(&p->doc);
	source_free(&p->src);
}

static const char consultation[] =
"諮 問 第 1 2 3 号\n令 和 6 年 1 0 月 1 日\n\n中野区情報公開・個人情報保護審議会\n"
"中野区長\n\n中野区個人情報保護条例第12条の規定に基づき、下記の事項について諮問します。\n"
"記\n「窓口業務」における外部委託について\n(受付業務の委託)\n"
"諮問第123号\n「窓口業務」における外部委託について\n令和6年10月1日\n区民部窓口課\n"
"1 委託の件名\n窓口受付業務委託\n13 委託先(参考)\n未定\n"
"諮 問 第 1 2 4 号\n令和6年10月1日\n中野区長\n記\n防犯カメラの設置について\n"
"諮問第124号\n防犯カメラの設置について\n令和6年10月1日\n総務部防災課\n"
"第1 外部の電子計算機との回線結合について\n1 回線結合する理由\nクラウドを使う\n"
"第2 外部委託に伴う個人情報の保護措置について\n1 委託の件名\n保守業務委託\n"
"その他報告資料\n\nテレワークの実施について\n\n令和6年10月8日\n総務部人事課\n";

START_TEST(consultation_layout_is_detected)
{
	struct parsed p;

	parse_text(&p, "nakano.txt", consultation);
	ck_assert_int_eq(detect_layout(&p.doc), LAYOUT_CONSULTATION);
	parsed_free(&p);
}
END_TEST

START_TEST(consultations_split_into_cases)
{
	struct parsed p;

	parse_text(&p, "nakano.txt", consultation);
	ck_assert_int_eq((int)p.cases.n, 3);
	ck_assert_str_eq(p.cases.v[0]->number.value, "123");
	ck_assert_str_eq(p.cases.v[1]->number.value, "124");
	ck_assert_str_eq(p.cases.v[2]->kind.value, "報告");
	parsed_free(&p);
}
END_TEST

START_TEST(consultation_fields)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "nakano.txt", consultation);
	c = p.cases.v[0];
	ck_assert_str_eq(c->kind.value, "諮問");
	ck_assert_str_eq(c->municipality.value, "中野区");
	ck_assert_str_eq(c->date.value, "2024-10-01");
	ck_assert_str_eq(c->title.value, "「窓口業務」における外部委託について");
	ck_assert_str_eq(c->department.value, "区民部窓口課");
	ck_assert_int_eq((int)c->nprocs, 1);
	ck_assert_int_eq(c->procs[0].type, PROC_OUTSOURCE);
	ck_assert_str_eq(c->procs[0].title.value, "窓口受付業務委託");
	parsed_free(&p);
}
END_TEST

START_TEST(consultation_groups_become_procedures)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "nakano.txt", consultation);
	c = p.cases.v[1];
	ck_assert_int_eq((int)c->nprocs, 2);
	ck_assert_int_eq(c->procs[0].type, PROC_LINK);
	ck_assert_int_eq(c->procs[1].type, PROC_OUTSOURCE);
	ck_assert_str_eq(c->procs[1].title.value, "保守業務委託");
	parsed_free(&p);
}
END_TEST

START_TEST(trailing_report_is_its_own_case)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "nakano.txt", consultation);
	c = p.cases.v[2];
	ck_assert_str_eq(c->title.value, "テレワークの実施について");
	ck_assert_str_eq(c->date.value, "2024-10-08");
	ck_assert_str_eq(c->department.value, "総務部人事課");
	parsed_free(&p);
}
END_TEST

static const char sheet[] =
"\n個人情報保護管理運営会議 付議事項\n\n件 名\t区民まつりの受付に係る業務委託等について（新規）\n"
"\n要綱の根拠\n◇第3条第1項第3号（業務委託）\n（担当部課：地域振興部地域振興課）\n"
"件名 区民まつり受付業務の委託について\n保有課(担当課)\t地域振興課\n委託先\t株式会社サンプル\n"
"件名 区民まつり受付業務の外部結合について（一部変更）\n結合の相手方\t株式会社サンプル\n"
"\n練馬区個人情報保護条例\n";

START_TEST(sheet_layout_cover_and_sheets)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "sheet.txt", sheet);
	ck_assert_int_eq(detect_layout(&p.doc), LAYOUT_SHEET);
	ck_assert_int_eq((int)p.cases.n, 1);
	c = p.cases.v[0];
	ck_assert_str_eq(c->kind.value, "付議");
	ck_assert_str_eq(c->title.value, "区民まつりの受付に係る業務委託等について");
	ck_assert_str_eq(c->department.value, "地域振興部地域振興課");
	ck_assert_str_eq(c->municipality.value, "練馬区");
	ck_assert_int_eq((int)c->nprocs, 2);
	ck_assert_int_eq(c->procs[0].type, PROC_OUTSOURCE);
	ck_assert_int_eq(c->procs[1].type, PROC_LINK);
	ck_assert_str_eq(c->procs[1].title.value,
	    "区民まつり受付業務の外部結合について");
	parsed_free(&p);
}
END_TEST

static const char assessment[] =
"特定個人情報保護評価書(基礎項目評価書)\n\n評価書番号\t評価書名\n"
"7\t住民税に関する事務 基礎項目評価書\n\n評価実施機関名\n\n杉並区長\n\n公表日\n\n"
"令和5年4月1日\n\n①部署\t区民生活部 課税課\n委託事項1\t税務システム保守\n"
"③委託先名\t株式会社テスト\n再委託\t④再委託の有無 ※\t[再委託する] <選択肢> 1) 再委託する 2) 再委託しない\n"
"委託事項2～5\t\n委託事項2\t帳票印刷\n";

START_TEST(assessment_fields)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "assess.txt", assessment);
	ck_assert_int_eq(detect_layout(&p.doc), LAYOUT_ASSESSMENT);
	ck_assert_int_eq((int)p.cases.n, 1);
	c = p.cases.v[0];
	ck_assert_str_eq(c->kind.value, "評価書");
	ck_assert_str_eq(c->number.value, "7");
	ck_assert_str_eq(c->date.value, "2023-04-01");
	ck_assert_str_eq(c->municipality.value, "杉並区");
	ck_assert_str_eq(c->department.value, "区民生活部課税課");
	ck_assert_int_eq((int)c->nprocs, 3);
	ck_assert_int_eq(c->procs[0].type, PROC_OUTSOURCE);
	ck_assert_int_eq(c->procs[1].type, PROC_SUBCONTRACT);
	ck_assert_str_eq(c->procs[2].title.value, "帳票印刷");
	parsed_free(&p);
}
END_TEST

START_TEST(assessment_partners_basis_is_not_the_cases)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "assess.txt", "特定個人情報保護評価書(全項目評価書)\n\n"
	    "評価書番号\t評価書名\n7\t住民税に関する事務 全項目評価書\n\n"
	    "公表日\t令和5年4月1日\n"
	    "法令上の根拠\t番号法第9条第1項 別表第一の16の項\n"
	    "委託事項1\t税務システム保守\n③委託先名\t株式会社テスト\n"
	    "5.特定個人情報の提供・移転\n提供先1\t構成市町\n"
	    "①法令上の根拠\t地方税法第20条の11\n");
	c = p.cases.v[0];
	ck_assert_str_eq(c->kind.value, "評価書");
	ck_assert_int_eq((int)c->legal_basis.n, 2);
	ck_assert_str_eq(c->legal_basis.v[0], "番号法第9条第1項");
	parsed_free(&p);
}
END_TEST

static const char agenda_minutes[] =
"第２回個人情報保護審議会　会議録\n\n"
"１　議　題\n"
"　（１）諮問第１８号　健診結果の提供について\n"
"　　　　（担当課　健康課）\n"
"　（２）諮問第１９号　収納業務の委託について\n"
"　　　　（担当課　納税課）\n"
"２　会議の経過\n\n"
"○会長　いずれも条例第６条の規定に基づき諮問されたものです。まず、諮問第１８号について説明をお願いします。\n\n"
"○健康課長　健診の結果を大学に提供するものです。\n\n"
"○会長　続いて、諮問第１９号について説明をお願いします。\n\n"
"○納税課長　収納代行業務を株式会社テストペイに委託するものです。\n";

START_TEST(agenda_cases_run_from_where_the_minutes_take_them_up)
{
	struct parsed p;

	parse_text(&p, "minutes.txt", agenda_minutes);
	ck_assert_int_eq((int)p.cases.n, 2);
	ck_assert_str_eq(p.cases.v[0]->title.value, "健診結果の提供について");
	ck_assert_str_eq(p.cases.v[0]->department.value, "健康課");
	ck_assert_str_eq(p.cases.v[1]->department.value, "納税課");
	ck_assert_int_eq(p.cases.v[1]->line_start, 14);
	ck_assert_int_eq((int)p.cases.v[1]->legal_basis.n, 1);
	parsed_free(&p);
}
END_TEST

START_TEST(reference_note_with_a_colon_does_not_end_the_case)
{
	struct parsed p;

	parse_text(&p, "fugi.txt", "付議事項\n\n件名\t窓口の運営に係る業務委託について\n"
	    "想定利用者数\t年間約６００人\n参考：対応言語数 １２言語\n\n"
	    "様式A　手続１\n委託先\t一般社団法人テスト\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 1);
	ck_assert_str_eq(p.cases.v[0]->procs[0].consignees.v[0],
	    "一般社団法人テスト");
	parsed_free(&p);
}
END_TEST

static const char results_page[] =
"<html><body><h1>審議会の結果</h1><table border=1>"
"<tr><td>日程</td><td>案件</td><td>内容</td><td>結果</td></tr>"
"<tr><td>第２</td><td>諮問第３号<br>予約受付業務の委託について<br>（市民部市民課）</td>"
"<td>諮問日：令和７年１２月５日<br>委託先：株式会社テスト受付<br>"
"取り扱う個人情報：申請者の氏名、生年月日、<br>　　　住所、電話番号<br>"
"委託期間：令和８年１月５日から令和８年３月３１日まで</td><td>承認</td></tr>"
"<tr><td>第３</td><td>報告第２号<br>電子受付に係る外部結合について<br>（総務部税務課）</td>"
"<td>報告日：令和７年１２月１０日<br>結合の相手方：地方税共同機構<br>"
"結合される情報：受給者の氏名、住所</td><td>了承</td></tr>"
"</table></body></html>";

START_TEST(rows_of_cases_with_a_cell_of_pairs)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "kekka.html", results_page);
	ck_assert_int_eq((int)p.cases.n, 2);
	c = p.cases.v[0];
	ck_assert_str_eq(c->number.value, "3");
	ck_assert_str_eq(c->title.value, "予約受付業務の委託について");
	ck_assert_str_eq(c->department.value, "市民部市民課");
	ck_assert_str_eq(c->procs[0].consignees.v[0], "株式会社テスト受付");
	ck_assert_int_eq((int)c->procs[0].data_items.n, 4);
	ck_assert_str_eq(p.cases.v[1]->kind.value, "報告");
	ck_assert_str_eq(p.cases.v[1]->procs[0].partner.value, "地方税共同機構");
	parsed_free(&p);
}
END_TEST

static const char notice_form[] =
"【報告事項３】\n様式第３号（第５条関係）\n\n令和７年　７月　２日\n\n"
"担当課　（　住民生活部　税務課　　）\n\n"
"個人情報取扱事務委託（□変更・□廃止）届出書\n\n"
"１　事務の名称　（　固定資産税の賦課に関する事務　　）\n"
"２　委託の件名　（　家屋評価調書作成支援業務　　）\n"
"３　委託先　名称　（　株式会社テスト調査　　）\n"
"４　記録媒体　■紙　■電磁的記録\n"
"５　委託期間　令和７年　８月　１日　から　令和８年　３月３１日　まで\n";

START_TEST(form_of_one_entrustment_is_named_by_its_filled_in_subject)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "todokede.txt", notice_form);
	ck_assert_int_eq((int)p.cases.n, 1);
	c = p.cases.v[0];
	ck_assert_str_eq(c->title.value, "家屋評価調書作成支援業務");
	ck_assert_str_eq(c->department.value, "住民生活部税務課");
	ck_assert_int_eq((int)c->nprocs, 1);	/* 記録媒体 is no procedure */
	ck_assert_str_eq(c->procs[0].consignees.v[0], "株式会社テスト調査");
	parsed_free(&p);
}
END_TEST

static const char answers_sheet[] =
"諮問第１５号に関する委員からの事前質問及び回答\n\n"
"　　　　　　　　　　　　令和７年１１月４日\n"
"　　　　　　　　　　　　徳島県教育委員会\n"
"　　　　　　　　　　　　（教育委員会事務局教育ＤＸ推進課）\n\n"
"件名：県立学校の端末運用管理業務の委託等について（諮問第１５号）\n\n"
"■業務委託について\n\n"
"答　端末の運用管理を民間事業者へ委託するものです。株式会社テストソリューションズを"
"受託者として選定しました。\n\n"
"■再委託について\n\n"
"答　修理受付に限り再委託します。再委託先は有限会社テストロジサービスです。\n";

START_TEST(answers_name_parties_and_the_sender_its_department)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "qa.txt", answers_sheet);
	c = p.cases.v[0];
	ck_assert_str_eq(c->department.value, "教育委員会事務局教育DX推進課");
	ck_assert_int_eq((int)c->nprocs, 2);
	ck_assert_int_eq((int)c->procs[0].consignees.n, 1);	/* not 民間事業者 */
	ck_assert_str_eq(c->procs[0].consignees.v[0],
	    "株式会社テストソリューションズ");
	ck_assert_str_eq(c->procs[1].subcontractors.v[0],
	    "有限会社テストロジサービス");
	parsed_free(&p);
}
END_TEST

static const char answered_mail[] =
"From: 総務課 <soumu@example.lg.jp>\nTo: iin@example.lg.jp\n"
"Subject: Re: 【報告】システムの更新について\nDate: Tue, 16 Sep 2025 09:12:00 +0900\n\n"
"件　名：システムの更新に伴う個人情報の取扱いについて（報告）\n"
"【その１　業務委託】\n　・受託者　：株式会社テストデジタル\n"
"　・期間　　：令和７年１０月１日～令和１２年９月３０日\n\n"
"-----Original Message-----\nFrom: 総務課\n\n"
"> 【その１　業務委託】\n> 　・受託者　：株式会社テストデジタル\n"
"> 　・期間　　：令和７年１１月１日～令和１２年１０月３１日\n";

START_TEST(mail_reads_not_the_message_it_answers)
{
	struct parsed p;
	const struct procedure *pr;

	parse_text(&p, "mail.txt", answered_mail);
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 1);
	pr = &p.cases.v[0]->procs[0];
	ck_assert_str_eq(pr->period_start.value, "2025-10-01");
	ck_assert_str_eq(pr->period_end.value, "2030-09-30");
	parsed_free(&p);
}
END_TEST

static const char matters_page[] =
"<html><body><h2>審議会への報告事項</h2>"
"<h3>報告事項1　返還催告業務の委託について</h3><p>担当課：高等学校課</p>"
"<p>委託先は株式会社テスト債権です。</p>"
"<h3>報告事項2　健康診断結果の目的外利用について</h3><p>担当課：保健体育課</p>"
"</body></html>";

START_TEST(matters_a_page_heads_are_its_cases)
{
	struct parsed p;

	parse_text(&p, "page.html", matters_page);
	ck_assert_int_eq((int)p.cases.n, 2);
	ck_assert_str_eq(p.cases.v[0]->kind.value, "報告");
	ck_assert_ptr_null(p.cases.v[0]->number.value);
	ck_assert_str_eq(p.cases.v[0]->title.value, "返還催告業務の委託について");
	ck_assert_str_eq(p.cases.v[1]->department.value, "保健体育課");
	parsed_free(&p);
}
END_TEST

static const char rowspan_list[] =
"<html><body><h1>個人情報取扱事務の委託等の報告</h1><table>"
"<tr><th>No.</th><th>件名</th><th>担当課</th><th>区分</th><th>委託先・結合の相手方</th></tr>"
"<tr><td rowspan=\"2\">1</td><td rowspan=\"2\">徴収業務の包括委託について</td>"
"<td rowspan=\"2\">上下水道課</td><td>業務委託</td><td>株式会社テストアクア</td></tr>"
"<tr><td>再委託</td><td>株式会社テストアクア</td></tr>"
"<tr><td>2</td><td>予約システム導入について</td><td>交通対策室</td><td>外部結合</td>"
"<td>株式会社テストクラウド</td></tr>"
"</table></body></html>";

START_TEST(rows_a_rowspan_repeats_are_procedures_of_one_case)
{
	struct parsed p;

	parse_text(&p, "list.html", rowspan_list);
	ck_assert_int_eq((int)p.cases.n, 2);
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 2);
	ck_assert_int_eq(p.cases.v[0]->procs[0].type, PROC_OUTSOURCE);
	ck_assert_int_eq(p.cases.v[0]->procs[1].type, PROC_SUBCONTRACT);
	ck_assert_int_eq((int)p.cases.v[1]->nprocs, 1);
	ck_assert_int_eq(p.cases.v[1]->procs[0].type, PROC_LINK);
	parsed_free(&p);
}
END_TEST

/* the rowspan cells of a page written out: one data item a row */
static const char item_a_row_list[] =
"<html><body><h1>報告事項一覧</h1><table>"
"<tr><th>報告番号</th><th>件名</th><th>担当課</th><th>区分</th><th>相手方</th>"
"<th>取り扱う個人情報</th><th>期間</th></tr>"
"<tr><td>報告第5号</td><td>口座振替データ作成業務の委託について</td><td>建設課</td>"
"<td>業務委託</td><td>株式会社テスト電算</td><td>入居者番号</td><td>令和8年1月5日～令和9年3月31日</td></tr>"
"<tr><td>報告第5号</td><td>口座振替データ作成業務の委託について</td><td>建設課</td>"
"<td>業務委託</td><td>株式会社テスト電算</td><td>口座番号</td><td>令和8年1月5日～令和9年3月31日</td></tr>"
"<tr><td>報告第5号</td><td>口座振替データ作成業務の委託について</td><td>建設課</td>"
"<td>外部提供</td><td>テスト県国保連合会</td><td>口座番号</td><td>令和8年1月5日～令和9年3月31日</td></tr>"
"</table></body></html>";

START_TEST(rows_repeating_all_but_an_item_are_one_procedure)
{
	struct parsed p;

	parse_text(&p, "items.html", item_a_row_list);
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 2);
	ck_assert_int_eq(p.cases.v[0]->procs[0].type, PROC_OUTSOURCE);
	ck_assert_int_eq((int)p.cases.v[0]->procs[0].data_items.n, 2);
	ck_assert_str_eq(p.cases.v[0]->procs[0].data_items.v[1], "口座番号");
	ck_assert_int_eq((int)p.cases.v[0]->procs[1].data_items.n, 1);
	parsed_free(&p);
}
END_TEST

/* a list of works, each a heading and a paragraph; only the last
   heading names its kind, the others their work, told by their verbs */
static const char work_list[] =
"個人情報を取り扱う事務事業の委託等に関する報告\n\n令和７年１１月１９日\nテスト町総務課\n\n"
"１　報告の趣旨\n\n　上半期に開始した事務事業の委託及び外部提供について報告します。\n\n"
"２　事務事業一覧\n\n（１）納税通知書等作成業務　【税務課】\n\n"
"　通知書の印刷から封入までを株式会社テスト印刷に委託した。取り扱わせた個人情報は、"
"納税義務者の氏名、住所及び税額である。\n\n"
"（２）配食サービス業務　【保健福祉課】\n\n"
"　配食及び安否確認を社会福祉法人テスト会に委託した。\n\n"
"（３）要支援者名簿の外部提供　【防災係】\n\n"
"　名簿の情報をテスト消防組合に提供することとした。\n\n"
"３　その他\n\n　次回の報告は、令和８年５月頃を予定している。\n";

/* a rowspan printed once (a PDF's page break): the case's cells blank */
static const char blank_case_cells[] =
"報告事項一覧\n報告番号\t件名\t担当課\t区分\t相手方\t取り扱う個人情報\n"
"報告第6号\t健診データの提供及び通知作成業務の委託について\t保険課\t外部提供\t"
"テスト県国保連合会\t氏名\n"
"\t\t\t業務委託\t株式会社テストヘルス\t氏名\n"
"\t\t\t業務委託\t株式会社テストヘルス\t住所\n";

START_TEST(blank_case_cells_under_a_case_are_its_procedures)
{
	struct parsed p;

	parse_text(&p, "blank.txt", blank_case_cells);
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 2);
	ck_assert_int_eq(p.cases.v[0]->procs[1].type, PROC_OUTSOURCE);
	ck_assert_int_eq((int)p.cases.v[0]->procs[1].data_items.n, 2);
	parsed_free(&p);
}
END_TEST

START_TEST(sibling_headings_told_in_sentences_are_procedures)
{
	struct parsed p;

	parse_text(&p, "works.txt", work_list);
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 3);
	ck_assert_int_eq(p.cases.v[0]->procs[0].type, PROC_OUTSOURCE);
	ck_assert_str_eq(p.cases.v[0]->procs[0].title.value,
	    "納税通知書等作成業務");
	ck_assert_int_eq(p.cases.v[0]->procs[1].type, PROC_OUTSOURCE);
	ck_assert_int_eq(p.cases.v[0]->procs[2].type, PROC_PROVISION);
	ck_assert_str_eq(p.cases.v[0]->procs[2].title.value,
	    "要支援者名簿の外部提供");
	parsed_free(&p);
}
END_TEST

/* "（参考）…件数は…件" at the margin is a note of the line above, not
   the start of material given for reference: the procedures after it
   are the case's */
static const char reference_note[] =
"諮問第４１号\n口座振替の申込みに係る個人情報の取扱いについて（諮問）\n\n記\n\n"
"一、件名：口座振替依頼書のデータ化について\n二、実施機関：テスト市長（財務部収納課）\n"
"三、対象者\n市税等の口座振替を申し込む納税義務者　約４１，０００人\n"
"（参考）口座振替依頼書の受付件数は年間約６，５００件\n四、諮問の内容\n"
"（１）口座振替依頼書のデータ化業務の委託\n①委託先\t株式会社テストデータ\n"
"②委託期間\t令和８年４月１日から令和９年３月３１日まで\n";

START_TEST(reference_note_is_no_end_of_the_case)
{
	struct parsed p;

	parse_text(&p, "note.txt", reference_note);
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 1);
	ck_assert_str_eq(p.cases.v[0]->procs[0].consignees.v[0],
	    "株式会社テストデータ");
	parsed_free(&p);
}
END_TEST

/* a bundle of papers: the last a report with no number, its title on
   the line after its head */
static const char paper_bundle[] =
"# 第３回テスト県個人情報保護審議会\n\n## 資料１　諮問第２１号\n\n"
"| 項目 | 内容 |\n|---|---|\n| 件名 | 奨学金返還金の収納業務の委託について |\n"
"| 委託先 | 株式会社テスト収納 |\n\n---\n\n## 資料２　報告事項\n\n"
"県立学校の学習用端末保守業務の委託について\n\n令和７年１１月１２日\n\n"
"（１）委託業務名　端末保守業務\n（２）委託先　　株式会社テストＩＣＴ\n"
"（３）委託期間　令和７年１２月１日から令和１０年１１月３０日まで\n";

START_TEST(a_papers_report_without_number_is_a_case)
{
	struct parsed p;

	parse_text(&p, "bundle.md", paper_bundle);
	ck_assert_int_eq((int)p.cases.n, 2);
	ck_assert_str_eq(p.cases.v[1]->title.value,
	    "県立学校の学習用端末保守業務の委託について");
	ck_assert_str_eq(p.cases.v[1]->kind.value, "報告");
	ck_assert_str_eq(p.cases.v[1]->procs[0].consignees.v[0],
	    "株式会社テストＩＣＴ");
	parsed_free(&p);
}
END_TEST

START_TEST(unknown_layout_gives_one_generic_case)
{
	struct parsed p;

	parse_text(&p, "memo.md", "# 会議メモ\n\n令和2年4月1日 作成\n");
	ck_assert_int_eq(detect_layout(&p.doc), LAYOUT_GENERIC);
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_str_eq(p.cases.v[0]->kind.value, "その他");
	ck_assert_str_eq(p.cases.v[0]->date.value, "2020-04-01");
	ck_assert_ptr_null(p.cases.v[0]->municipality.value);
	parsed_free(&p);
}
END_TEST


/* ---- the layout-independent reader (extract_labelled.c) ---- */

/* Diagnostics said while parsing, one per line. */
static void
keep_diag(void *arg, const char *line)
{
	buf_printf(arg, "%s\n", line);
}

static const char list_report[] =
"令和６年１１月１２日\n\n札幌市個人情報保護審議会\n\n"
"件名　個人情報取扱事務の委託状況の報告（令和６年度上半期分）\n\n"
"所管　総務局行政部行政情報課\n\n"
"番号\t事務の名称\t委託先\t取り扱う個人情報の項目\t委託期間\n"
"1\t入力業務\t株式会社Ａ\t氏名、住所\t令和６年４月１日から令和７年３月３１日まで\n"
"2\t印刷業務\t株式会社Ｂ\t氏名\t令和６年７月１０日から令和６年９月３０日まで\n";

START_TEST(list_table_rows_are_procedures)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "list.txt", list_report);
	ck_assert_int_eq((int)p.cases.n, 1);
	c = p.cases.v[0];
	ck_assert_str_eq(c->kind.value, "報告");
	ck_assert_str_eq(c->title.value, "個人情報取扱事務の委託状況の報告");
	ck_assert_str_eq(c->department.value, "総務局行政部行政情報課");
	ck_assert_int_eq((int)c->nprocs, 2);
	ck_assert_str_eq(c->procs[1].title.value, "印刷業務");
	ck_assert_str_eq(c->procs[1].consignees.v[0], "株式会社Ｂ");
	ck_assert_str_eq(c->procs[1].period_end.value, "2024-09-30");
	ck_assert_str_eq(c->procs[1].consignees_from, "label 委託先");
	parsed_free(&p);
}
END_TEST

static const char web_page[] =
"<html><body><div id=\"nav\">ホーム 船橋市</div>\n<h2>審議事項</h2>\n"
"<p>船橋市個人情報の保護に関する法律施行条例第5条の規定に基づく諮問です。</p>\n"
"<h3>諮問第21号　データ入力業務の委託について</h3>\n<table>\n"
"<tr><th>件名</th><td>データ入力業務の委託について</td></tr>\n"
"<tr><th>担当課</th><td>保育認定課</td></tr>\n"
"<tr><th>委託先</th><td>株式会社Ｃ</td></tr>\n</table>\n"
"<h3>（継続審議）電子申請の委託について</h3>\n<table>\n"
"<tr><th>件名</th><td>電子申請の委託について</td></tr>\n"
"<tr><th>委託先</th><td>株式会社Ｄ</td></tr>\n</table>\n"
"<h2>お問い合わせ</h2><p>総務部行政管理課</p></body></html>\n";

START_TEST(cases_from_headers_and_headings)
{
	struct parsed p;

	parse_text(&p, "page.html", web_page);
	ck_assert_int_eq((int)p.cases.n, 2);
	ck_assert_str_eq(p.cases.v[0]->number.value, "21");
	ck_assert_ptr_null(p.cases.v[1]->number.value);
	ck_assert_str_eq(p.cases.v[1]->title.value, "電子申請の委託について");
	ck_assert_str_eq(p.cases.v[1]->procs[0].consignees.v[0], "株式会社Ｄ");
	/* the page's prose before the cases is each case's */
	ck_assert_str_eq(p.cases.v[1]->legal_basis.v[0], "条例第5条");
	parsed_free(&p);
}
END_TEST

static const char memo[] =
"　　　　　　　　　　　　　　令和７年２月１４日\n\n　さいたま市長\n"
"　（担当　保健福祉局国民健康保険課）\n\n"
"　　資格確認書の発送業務の委託について（報告）\n\n記\n\n"
"１　委託業務名　　資格確認書作成業務\n"
"２　委託先　　　　株式会社Ｅ（プライバシーマーク取得事業者）\n"
"３　委託期間　　　令和７年４月１日から令和８年３月３１日まで\n"
"４　再委託\n"
"（１）再委託業務名　　封入業務\n"
"（２）再委託先　　　　株式会社Ｆ\n";

START_TEST(memo_items_and_a_subcontract_section)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "memo.txt", memo);
	c = p.cases.v[0];
	ck_assert_str_eq(c->kind.value, "報告");
	ck_assert_str_eq(c->date.value, "2025-02-14");
	ck_assert_str_eq(c->title.value, "資格確認書の発送業務の委託について");
	ck_assert_str_eq(c->department.value, "保健福祉局国民健康保険課");
	ck_assert_int_eq((int)c->nprocs, 2);
	ck_assert_int_eq(c->procs[0].type, PROC_OUTSOURCE);
	ck_assert_str_eq(c->procs[0].consignees.v[0], "株式会社Ｅ");
	ck_assert_int_eq(c->procs[1].type, PROC_SUBCONTRACT);
	ck_assert_str_eq(c->procs[1].title.value, "封入業務");
	ck_assert_str_eq(c->procs[1].subcontractors.v[0], "株式会社Ｆ");
	/* a 再委託 inherits its 委託's contractor */
	ck_assert_str_eq(c->procs[1].consignees.v[0], "株式会社Ｅ");
	parsed_free(&p);
}
END_TEST

static const char columns[] =
"特定個人情報保護評価書（全項目評価書）\n評価書番号　２３\n\n"
"項目\t委託事項1\t委託事項2\n"
"委託事項\t入力業務\t保守業務\n"
"委託先名\t株式会社Ｇ\t株式会社Ｈ\n"
"再委託の有無\t［再委託しない］\t［再委託する］\n"
"再委託事項\t―\t監視業務（再委託先：株式会社Ｉ）\n";

START_TEST(column_table_entrustments)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "hyoka.txt", columns);
	c = p.cases.v[0];
	ck_assert_str_eq(c->kind.value, "評価書");
	ck_assert_str_eq(c->number.value, "23");
	ck_assert_int_eq((int)c->nprocs, 3);
	ck_assert_str_eq(c->procs[0].title.value, "入力業務");
	ck_assert_int_eq(c->procs[1].type, PROC_OUTSOURCE);
	ck_assert_int_eq(c->procs[2].type, PROC_SUBCONTRACT);
	ck_assert_str_eq(c->procs[2].consignees.v[0], "株式会社Ｈ");
	ck_assert_str_eq(c->procs[2].subcontractors.v[0], "株式会社Ｉ");
	parsed_free(&p);
}
END_TEST

static const char annex[] =
"件名　受付業務の委託について\n\n委託先：株式会社Ｊ\n"
"取扱項目：取り扱う個人情報の項目は別表のとおり\n\n"
"別表　委託に伴い取り扱う個人情報の項目\n（対象者：申請者）\n"
"　１　児童の氏名\n　２　保護者の勤務先及び就労時間\n※個人番号は取り扱わせない。\n";

START_TEST(items_from_an_annex)
{
	struct parsed p;
	const struct procedure *pr;

	parse_text(&p, "annex.txt", annex);
	pr = &p.cases.v[0]->procs[0];
	ck_assert_int_eq((int)pr->data_items.n, 2);
	ck_assert_str_eq(pr->data_items.v[0], "児童の氏名");
	ck_assert_str_eq(pr->data_items.v[1], "保護者の勤務先及び就労時間");
	parsed_free(&p);
}
END_TEST

START_TEST(prose_subcontract)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "prose.txt", "件名　納付勧奨業務の委託について\n"
	    "委託先　株式会社Ｋ\n委託期間　令和６年１２月１日から令和８年３月３１日まで\n"
	    "（３）再委託について\n受託者は、業務の一部を株式会社ミナミに再委託する。"
	    "再委託先に取り扱わせる個人情報は、氏名、住所に限るものとし、"
	    "再委託の期間は令和７年１月６日から令和８年３月３１日までとする。\n");
	c = p.cases.v[0];
	ck_assert_int_eq((int)c->nprocs, 2);
	ck_assert_int_eq(c->procs[1].type, PROC_SUBCONTRACT);
	ck_assert_str_eq(c->procs[1].subcontractors.v[0], "株式会社ミナミ");
	ck_assert_int_eq((int)c->procs[1].data_items.n, 2);
	ck_assert_str_eq(c->procs[1].period_start.value, "2025-01-06");
	parsed_free(&p);
}
END_TEST

START_TEST(unrecognised_document_is_one_case_with_a_warning)
{
	struct parsed p;
	struct buf said = BUF_INIT;
	struct diag d = { keep_diag, &said, 0 };
	struct buf err = BUF_INIT;

	memset(&p, 0, sizeof(p));
	p.src.path = xstrdup("notes.txt");
	p.src.text = xstrdup("打合せの記録\n\n出席者は五名であった。\n");
	p.src.len = strlen(p.src.text);
	ck_assert_int_eq(doc_parse(&p.src, &p.doc, &err), 0);
	ck_assert_int_eq((int)extract_cases(&p.src, &p.doc, seg, &p.cases, &d),
	    1);
	ck_assert_str_eq(p.cases.v[0]->kind.value, "その他");
	ck_assert_str_eq(p.cases.v[0]->title.value, "打合せの記録");
	ck_assert_str_eq(said.data, "notes.txt: no structured case recognised; "
	    "indexed as one document\n");
	buf_free(&said);
	buf_free(&err);
	parsed_free(&p);
}
END_TEST

START_TEST(empty_text_is_no_case)
{
	struct parsed p;
	struct buf said = BUF_INIT;
	struct diag d = { keep_diag, &said, 0 };
	struct buf err = BUF_INIT;

	memset(&p, 0, sizeof(p));
	p.src.path = xstrdup("blank.txt");
	p.src.text = xstrdup("\n　\n\n");
	p.src.len = strlen(p.src.text);
	ck_assert_int_eq(doc_parse(&p.src, &p.doc, &err), 0);
	ck_assert_int_eq((int)extract_cases(&p.src, &p.doc, seg, &p.cases, &d),
	    0);
	ck_assert_str_eq(said.data, "blank.txt: no case found (empty text)\n");
	buf_free(&said);
	buf_free(&err);
	parsed_free(&p);
}
END_TEST

START_TEST(ids_are_stable_and_url_safe)
{
	struct parsed p;

	parse_text(&p, "dir/nakano.txt", consultation);
	ck_assert_str_eq(p.cases.v[0]->id, "dir_nakano-1");
	ck_assert_str_eq(p.cases.v[2]->id, "dir_nakano-3");
	parsed_free(&p);
	parse_text(&p, "中野区.txt", consultation);
	ck_assert_int_eq(p.cases.v[0]->id[0], 'd');
	for (const char *s = p.cases.v[0]->id; *s; s++)
		ck_assert((*s >= '0' && *s <= '9') || (*s >= 'a' &&
		    *s <= 'z') || *s == '-');
	parsed_free(&p);
}
END_TEST

START_TEST(html_fragments_are_flattened)
{
	char *t = html_flatten("<p>1 概要</p> <p>対象者<input type=\"checkbox\" "
	    "checked> 氏名</p>", strlen("<p>1 概要</p> <p>対象者<input "
	    "type=\"checkbox\" checked> 氏名</p>"));

	ck_assert_str_eq(t, "1 概要\n対象者[○] 氏名");
	free(t);
}
END_TEST


static const char markdown[] =
"# 諮問第45号\n\n令和5年6月1日\n\n中野区長\n\n"
"中野区個人情報保護条例第20条の規定に基づき、下記の事項について諮問します。\n\n記\n\n"
"**「税務業務」における外部委託について**\n\n## 1 委託の件名\n\n住民税通知書印刷業務委託\n\n"
"## 5 委託で取り扱う個人情報の項目及び件数\n\n- 氏名\n- 住所\n- 税額（年税額、月割額）\n\n"
"## 13 委託先（参考）\n\n株式会社中野印刷\n";

START_TEST(markdown_consultation)
{
	struct parsed p;
	const struct procedure *pr;

	parse_text(&p, "a.md", markdown);
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_str_eq(p.cases.v[0]->title.value,
	    "「税務業務」における外部委託について");
	ck_assert_str_eq(p.cases.v[0]->legal_basis.v[0], "条例第20条");
	pr = &p.cases.v[0]->procs[0];
	ck_assert_str_eq(pr->title.value, "住民税通知書印刷業務委託");
	ck_assert_int_eq((int)pr->data_items.n, 3);
	ck_assert_str_eq(pr->data_items.v[2], "税額（年税額、月割額）");
	ck_assert_str_eq(pr->consignees.v[0], "株式会社中野印刷");
	ck_assert_int_eq(pr->consignees_line, 23);	/* "## 13 委託先" */
	parsed_free(&p);
}
END_TEST

static const char html_page[] =
"<html><body>\n<h1>個人情報保護管理運営会議 付議事項</h1>\n<table>\n"
"<tr><th>件 名</th><td>区民健診の委託について（新規）</td></tr>\n</table>\n"
"<p>要綱の根拠</p>\n<p>◇第3条第1項第2号（業務委託）</p>\n"
"<p>（担当部課：健康部健康推進課）</p>\n<p>練馬区個人情報保護条例</p>\n"
"<h2>件名 区民健診業務の委託について</h2>\n<table>\n"
"<tr><th>委託先</th><td>株式会社ねりま健診(プライバシーマーク取得事業者)</td></tr>\n"
"<tr><th>委託に伴い事業者に処理させる情報項目</th><td>氏名、住所</td></tr>\n"
"<tr><th>委託の開始時期及び期限</th><td>令和6年4月1日から令和7年3月31日まで</td></tr>\n"
"</table>\n</body></html>\n";

START_TEST(html_page_sheet)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "b.html", html_page);
	ck_assert_int_eq((int)p.cases.n, 1);
	c = p.cases.v[0];
	ck_assert_str_eq(c->title.value, "区民健診の委託について");
	ck_assert_int_eq(c->title.line, 4);
	ck_assert_str_eq(c->legal_basis.v[0], "要綱第3条第1項第2号");
	ck_assert_str_eq(c->procs[0].consignees.v[0], "株式会社ねりま健診");
	ck_assert_int_eq(c->procs[0].consignees_line, 12);
	ck_assert_str_eq(c->procs[0].period_end.value, "2025-03-31");
	parsed_free(&p);
}
END_TEST


static const char prose[] =
"諮問第7号\n令和6年5月1日\n豊島区長\n記\n窓口業務の委託について\n"
"諮問第7号\n窓口業務の委託について\n令和6年5月1日\n区民部区民課\n"
"第1 外部委託について\n1 委託の件名\n窓口受付業務委託\n2 委託の内容\n"
"区民課の窓口受付業務を株式会社としま総合サービスに委託する。\n"
"第2 外部委託について\n1 委託の件名\n清掃業務委託\n2 委託の内容\n"
"庁舎の清掃は区内のシルバー人材センターに委託する。\n";

static const char grouped_rows[] =
"<html><body><h2>報告事項</h2>\n"
"<h3>申告書のデータ入力業務の委託について</h3>\n<table>\n"
"<tr><th colspan=\"2\">区分</th><th>内容</th></tr>\n"
"<tr><th rowspan=\"3\">委託</th><th>業務名</th><td>入力業務</td></tr>\n"
"<tr><th>委託先</th><td>株式会社Ｇ</td></tr>\n"
"<tr><th>期間</th><td>令和8年1月5日～令和8年6月30日</td></tr>\n"
"<tr><th rowspan=\"2\">再委託</th><th>業務名</th><td>パンチ入力業務</td></tr>\n"
"<tr><th>再委託先</th><td>有限会社Ｈ</td></tr>\n"
"</table></body></html>\n";

START_TEST(rows_grouped_under_a_procedure_name)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "grouped.html", grouped_rows);
	ck_assert_int_eq((int)p.cases.n, 1);
	c = p.cases.v[0];
	ck_assert_int_eq((int)c->nprocs, 2);
	ck_assert_int_eq(c->procs[0].type, PROC_OUTSOURCE);
	ck_assert_str_eq(c->procs[0].title.value, "入力業務");
	ck_assert_str_eq(c->procs[0].period_end.value, "2026-06-30");
	ck_assert_int_eq(c->procs[1].type, PROC_SUBCONTRACT);
	ck_assert_str_eq(c->procs[1].title.value, "パンチ入力業務");
	ck_assert_str_eq(c->procs[1].subcontractors.v[0], "有限会社Ｈ");
	parsed_free(&p);
}
END_TEST

static const char letters_in_one_file[] =
"　　　　　　　　諮　問　書（諮問第４５号）\n\n"
"　静岡県個人情報保護条例第８条第２項第５号の規定により、下記の事項について諮問します。\n\n記\n\n"
"１　諮問事項\n　　課税情報の目的外利用について\n\n"
"　　　　　　　　諮　問　書（諮問第４６号）\n\n"
"　静岡県個人情報保護条例第８条第２項第６号の規定により、下記の事項について諮問します。\n\n記\n\n"
"１　諮問事項\n　　検査情報の外部提供について\n";

START_TEST(letter_name_with_its_number_starts_a_case)
{
	struct parsed p;

	parse_text(&p, "letters.txt", letters_in_one_file);
	ck_assert_int_eq((int)p.cases.n, 2);
	ck_assert_str_eq(p.cases.v[0]->number.value, "45");
	ck_assert_str_eq(p.cases.v[1]->number.value, "46");
	ck_assert_str_eq(p.cases.v[1]->title.value, "検査情報の外部提供について");
	parsed_free(&p);
}
END_TEST

static const char numbered_by_row[] =
"　　個人情報の取扱いに関する事項について（諮問）\n\n"
"　諮問番号　　第３１号\n\n"
"　件　　名　　口座振替事務の外部委託について\n\n"
"　所管課　　　教育局学務課\n";

START_TEST(number_and_title_from_letter_spaced_rows)
{
	struct parsed p;

	parse_text(&p, "row.txt", numbered_by_row);
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_str_eq(p.cases.v[0]->number.value, "31");
	ck_assert_str_eq(p.cases.v[0]->title.value,
	    "口座振替事務の外部委託について");
	parsed_free(&p);
}
END_TEST

static const char items_apart[] =
"　　口座振替事務の外部委託について（諮問）\n\n"
"【１】委託の内容\n"
"　（１）委託業務名\n　　　　口座振替事務委託\n"
"　（２）受託者\n　　　　株式会社Ｊ\n\n"
"【２】受託者が取り扱う個人情報\n"
"　児童生徒に関する情報　　学校名、学年、児童生徒氏名\n"
"　保護者に関する情報　　　保護者氏名、口座番号\n"
"　徴収に関する情報　　　　振替金額\n\n"
"【３】再委託\n"
"　（１）再委託業務名\n　　　　読取業務\n"
"　（２）再委託先\n　　　　株式会社Ｋ\n";

START_TEST(items_in_a_section_of_their_own)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "apart.txt", items_apart);
	c = p.cases.v[0];
	ck_assert_int_eq((int)c->nprocs, 2);
	ck_assert_int_eq(c->procs[0].type, PROC_OUTSOURCE);
	ck_assert_int_eq((int)c->procs[0].data_items.n, 6);
	ck_assert_str_eq(c->procs[0].data_items.v[5], "振替金額");
	ck_assert_int_eq(c->procs[1].type, PROC_SUBCONTRACT);
	ck_assert_str_eq(c->procs[1].subcontractors.v[0], "株式会社Ｋ");
	parsed_free(&p);
}
END_TEST

static const char marked_table[] =
"# 子育てアプリの外部結合及び業務委託について（諮問）\n\n"
"## 1. 外部結合\n\n- 結合先: 株式会社Ｌ\n\n"
"## 2. 業務委託\n\n- 委託先: 株式会社Ｍ\n\n"
"## 3. 取り扱う個人情報の項目\n\n"
"| No. | 項目 | (1)外部結合 | (2)業務委託 |\n|---|---|---|---|\n"
"| 1 | 保護者氏名 | ○ | ○ |\n| 2 | 住所 | ○ | － |\n"
"| 3 | 問合せ内容 | － | ○ |\n";

START_TEST(items_marked_per_procedure)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "marked.md", marked_table);
	c = p.cases.v[0];
	ck_assert_int_eq((int)c->nprocs, 2);
	ck_assert_int_eq(c->procs[0].type, PROC_LINK);
	ck_assert_int_eq((int)c->procs[0].data_items.n, 2);
	ck_assert_str_eq(c->procs[0].data_items.v[1], "住所");
	ck_assert_int_eq((int)c->procs[1].data_items.n, 2);
	ck_assert_str_eq(c->procs[1].data_items.v[1], "問合せ内容");
	parsed_free(&p);
}
END_TEST

START_TEST(organisation_named_in_prose)
{
	struct parsed p;

	parse_text(&p, "prose.txt", prose);
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 2);
	ck_assert_int_eq((int)p.cases.v[0]->procs[0].consignees.n, 1);
	ck_assert_str_eq(p.cases.v[0]->procs[0].consignees.v[0],
	    "株式会社としま総合サービス");
	ck_assert_str_eq(p.cases.v[0]->procs[1].consignees.v[0],
	    "シルバー人材センター");
	parsed_free(&p);
}
END_TEST

/* Minutes: a case named in running text, procedures by ordinals. */
static const char minutes[] =
    "# 第3回個人情報保護審議会 会議録\n"
    "\n"
    "開催日時　令和8年2月5日（木）午前10時～正午\n"
    "\n"
    "## 1　開会\n"
    "\n"
    "○会長　開会します。\n"
    "\n"
    "## 2　諮問事項\n"
    "\n"
    "○会長　諮問第7号「保育料の収納に係る本人外収集及び業務委託について」"
    "を議題とします。\n"
    "○保育課長　本件は、こども部保育課が所管する事務について御意見を伺う"
    "ものです。\n"
    "○保育課長　一つ目の「転出先市町村からの本人外収集」です。"
    "氏名、生年月日、所得額の三項目を収集いたします。"
    "収集の開始は令和8年4月1日を予定しております。\n"
    "○保育課長　二つ目は「保育料納付書作成業務委託」です。"
    "委託先は、入札の結果、株式会社あおば帳票に決定しております。"
    "委託先に渡す項目は、氏名、住所、保育料額でございます。\n"
    "\n"
    "## 3　閉会\n"
    "\n"
    "○会長　閉会します。\n";

START_TEST(case_named_in_running_text)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "minutes.md", minutes);
	ck_assert_int_eq((int)p.cases.n, 1);
	c = p.cases.v[0];
	ck_assert_str_eq(c->number.value, "7");
	ck_assert_str_eq(c->title.value,
	    "保育料の収納に係る本人外収集及び業務委託について");
	parsed_free(&p);
}
END_TEST

START_TEST(minutes_bear_their_meeting_date)
{
	struct parsed p;

	parse_text(&p, "minutes.md", minutes);
	ck_assert_str_eq(p.cases.v[0]->date.value, "2026-02-05");
	parsed_free(&p);
}
END_TEST

START_TEST(department_put_in_charge_by_a_sentence)
{
	struct parsed p;

	parse_text(&p, "minutes.md", minutes);
	ck_assert_str_eq(p.cases.v[0]->department.value, "こども部保育課");
	parsed_free(&p);
}
END_TEST

START_TEST(procedures_enumerated_by_ordinals)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "minutes.md", minutes);
	c = p.cases.v[0];
	ck_assert_int_eq((int)c->nprocs, 2);
	ck_assert_int_eq(c->procs[0].type, PROC_INDIRECT);
	ck_assert_str_eq(c->procs[0].title.value,
	    "転出先市町村からの本人外収集");
	ck_assert_int_eq(c->procs[1].type, PROC_OUTSOURCE);
	ck_assert_str_eq(c->procs[1].title.value, "保育料納付書作成業務委託");
	parsed_free(&p);
}
END_TEST

START_TEST(items_counted_after_their_list)
{
	struct parsed p;
	const struct procedure *pr;

	parse_text(&p, "minutes.md", minutes);
	pr = &p.cases.v[0]->procs[0];
	ck_assert_int_eq((int)pr->data_items.n, 3);
	ck_assert_str_eq(pr->data_items.v[0], "氏名");
	ck_assert_str_eq(pr->data_items.v[2], "所得額");
	ck_assert_str_eq(pr->period_start.value, "2026-04-01");
	ck_assert_ptr_null(pr->period_end.value);
	parsed_free(&p);
}
END_TEST

START_TEST(contractor_decided_in_a_sentence)
{
	struct parsed p;
	const struct procedure *pr;

	parse_text(&p, "minutes.md", minutes);
	pr = &p.cases.v[0]->procs[1];
	ck_assert_int_eq((int)pr->consignees.n, 1);
	ck_assert_str_eq(pr->consignees.v[0], "株式会社あおば帳票");
	ck_assert_int_eq((int)pr->data_items.n, 3);
	ck_assert_str_eq(pr->data_items.v[2], "保育料額");
	parsed_free(&p);
}
END_TEST

/* A 委託 and its 再委託 stated in sentences only (a Q&A sheet). */
static const char answers[] =
    "諮問件名　　窓口受付業務の委託について\n"
    "\n"
    "【回答１】\n"
    "　委託する業務は「窓口受付案内業務」です。株式会社みなと窓口サービ"
    "ス（プライバシーマーク\n"
    "取得事業者）を委託先として決定しました。\n"
    "\n"
    "【回答２】\n"
    "　通訳の一部を、委託先から株式会社ことば通訳センターへ再委託する予"
    "定です。再委託する業務は「外国語通訳作業」で、再委託先で取り扱う項目"
    "は、氏名、国籍に限ります。再委託の期間は、令和8年4月1日から令和9年"
    "3月31日までです。\n";

START_TEST(subcontract_stated_in_sentences)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "answers.txt", answers);
	c = p.cases.v[0];
	ck_assert_int_eq((int)c->nprocs, 2);
	ck_assert_str_eq(c->procs[0].title.value, "窓口受付案内業務");
	ck_assert_int_eq((int)c->procs[0].consignees.n, 1);
	ck_assert_str_eq(c->procs[0].consignees.v[0],
	    "株式会社みなと窓口サービス");
	ck_assert_int_eq(c->procs[1].type, PROC_SUBCONTRACT);
	ck_assert_str_eq(c->procs[1].title.value, "外国語通訳作業");
	ck_assert_int_eq((int)c->procs[1].subcontractors.n, 1);
	ck_assert_str_eq(c->procs[1].subcontractors.v[0],
	    "株式会社ことば通訳センター");
	ck_assert_int_eq((int)c->procs[1].data_items.n, 2);
	ck_assert_str_eq(c->procs[1].period_end.value, "2027-03-31");
	parsed_free(&p);
}
END_TEST

/* A 結合 told in sentences beside a 委託 told in labels. */
static const char prose_beside_labels[] =
    "件名　窓口予約の導入について\n"
    "\n"
    "１　外部結合について\n"
    "　予約者が入力した情報は、株式会社かがウェブが運用するサーバに記録"
    "される。業務端末はLGWANを経由して当該サーバに接続する。"
    "結合により取り扱う情報は、氏名、電話番号、予約日時の３項目である。"
    "結合の期間は、令和7年12月1日から令和10年11月30日までとする。\n"
    "\n"
    "２　業務委託について\n"
    "　(1) 委託先　　株式会社ほくりくコール\n"
    "　(2) 委託期間　令和7年12月1日から令和8年3月31日まで\n";

START_TEST(prose_section_beside_labelled_one)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "beside.txt", prose_beside_labels);
	c = p.cases.v[0];
	ck_assert_int_eq((int)c->nprocs, 2);
	ck_assert_int_eq(c->procs[0].type, PROC_LINK);
	ck_assert_str_eq(c->procs[0].partner.value, "株式会社かがウェブ");
	ck_assert_int_eq((int)c->procs[0].data_items.n, 3);
	ck_assert_str_eq(c->procs[0].data_items.v[2], "予約日時");
	ck_assert_str_eq(c->procs[0].period_end.value, "2028-11-30");
	ck_assert_int_eq(c->procs[1].type, PROC_OUTSOURCE);
	ck_assert_str_eq(c->procs[1].consignees.v[0], "株式会社ほくりくコール");
	parsed_free(&p);
}
END_TEST

/* An application form of check boxes: only the ticked ones count. */
static const char checkbox_form[] =
    "件名\t就学援助に係る課税情報の目的外利用について\n"
    "申請課\t学務課\n"
    "根拠条項\t□ 条例第8条第2項第1号\n"
    "\t☑ 条例第8条第2項第3号\n"
    "\n"
    "申請内容\n"
    "区分\t☑ 目的外利用□ 外部提供\n"
    "件名\t所得審査のための課税情報の利用\n"
    "利用する個人情報の項目\t☑ 氏名☑ 住所□ 個人番号☑ 総所得金額\n"
    "利用の期間\t令和8年4月1日から\n";

START_TEST(only_ticked_boxes_count)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "form.txt", checkbox_form);
	c = p.cases.v[0];
	ck_assert_str_eq(c->department.value, "学務課");
	ck_assert_int_eq((int)c->legal_basis.n, 1);
	ck_assert_str_eq(c->legal_basis.v[0], "条例第8条第2項第3号");
	ck_assert_int_eq((int)c->nprocs, 1);
	ck_assert_int_eq(c->procs[0].type, PROC_OTHER_USE);
	ck_assert_int_eq((int)c->procs[0].data_items.n, 3);
	ck_assert_str_eq(c->procs[0].data_items.v[2], "総所得金額");
	parsed_free(&p);
}
END_TEST

/* A register's changes: a sheet under a heading, a section beside it. */
static const char register_changes[] =
    "療養費支給事務の本人外収集及び業務委託について（報告）\n"
    "\n"
    "【変更事項１】本人以外からの収集\n"
    "\n"
    "件名\t申請書の施術所からの収集\n"
    "収集する項目\t氏名、負傷名\n"
    "\n"
    "【変更事項２】事務の委託\n"
    "\n"
    "委託先\t株式会社むさし\n"
    "委託期間\t令和7年10月1日～令和8年3月31日\n"
    "\n"
    "【変更事項３】記録項目の追加\n"
    "\n"
    "追加する記録項目\tなし\n";

START_TEST(sheet_ends_where_a_section_names_another)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "register.txt", register_changes);
	c = p.cases.v[0];
	ck_assert_int_eq((int)c->nprocs, 2);
	ck_assert_int_eq(c->procs[0].type, PROC_INDIRECT);
	ck_assert_int_eq((int)c->procs[0].consignees.n, 0);
	ck_assert_ptr_null(c->procs[0].period_end.value);
	ck_assert_int_eq(c->procs[1].type, PROC_OUTSOURCE);
	ck_assert_str_eq(c->procs[1].consignees.v[0], "株式会社むさし");
	parsed_free(&p);
}
END_TEST

/* A board's agenda: an index table, a section per item, one of them a
 * privacy case with its draft letter. */
static const char agenda[] =
    "# 教育委員会定例会 議案書\n"
    "\n"
    "| 番号 | 件名 | 担当 |\n"
    "|---|---|---|\n"
    "| 議案第５１号 | 学校施設使用料規則の一部改正について | 教育政策課 |\n"
    "| 議案第５２号 | 健康管理システムの個人情報の取扱いに係る諮問について"
    " | 学校教育課 |\n"
    "\n"
    "## 議案第５１号　学校施設使用料規則の一部改正について\n"
    "\n"
    "夜間照明の使用料を改める。\n"
    "\n"
    "## 議案第５２号　健康管理システムの個人情報の取扱いに係る諮問について\n"
    "\n"
    "> 健康管理システムの更新に伴う業務委託について（諮問）\n"
    "\n"
    "- 委託先：株式会社とよたスクール\n"
    "- 委託期間：令和8年4月1日～令和13年3月31日\n";

START_TEST(agenda_sections_are_the_cases)
{
	struct parsed p;

	parse_text(&p, "agenda.md", agenda);
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_str_eq(p.cases.v[0]->title.value,
	    "健康管理システムの更新に伴う業務委託について");
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 1);
	ck_assert_str_eq(p.cases.v[0]->procs[0].consignees.v[0],
	    "株式会社とよたスクール");
	parsed_free(&p);
}
END_TEST

/* A list value under sub-labels of its own: "対象者：…", "項目：…". */
static const char sublabelled_items[] =
    "事項名\t認定調査業務の委託について\n"
    "委託業者名\t一般社団法人あすか\n"
    "処理させる個人情報（だれの・なにを）\t対象者：認定の申請者\n"
    "\t項目：被保険者番号、氏名\n";

START_TEST(list_under_colon_sublabels)
{
	struct parsed p;
	const struct procedure *pr;

	parse_text(&p, "sheet.txt", sublabelled_items);
	pr = &p.cases.v[0]->procs[0];
	ck_assert_str_eq(pr->consignees.v[0], "一般社団法人あすか");
	ck_assert_int_eq((int)pr->data_items.n, 2);
	ck_assert_str_eq(pr->data_items.v[0], "被保険者番号");
	parsed_free(&p);
}
END_TEST

/* Questions and answers: the procedures listed first, each told in the
 * answers that refer to its mark. */
static const char questions[] =
    "≪諮問の件名≫\n"
    "　健診結果の取扱いについて\n"
    "\n"
    "≪諮問事項≫\n"
    "　その１　健診結果の目的外利用\n"
    "　その２　調査票の集計業務委託\n"
    "\n"
    "質問番号１　　質問者：大西委員　　関係：その１\n"
    "（回答）\n"
    "　利用する項目は次の３項目に限ります。\n"
    "　　氏名、性別、血圧\n"
    "　利用の開始は、令和7年7月1日を予定しています。\n"
    "\n"
    "質問番号２　　質問者：香西委員　　関係：その２\n"
    "（回答）\n"
    "　委託先は、見積合わせの結果、株式会社さぬきリサーチに決定しました。"
    "委託先に取り扱わせる項目は、氏名、年齢及び地区名の３項目です。\n"
    "\n"
    "質問番号３　　質問者：川田委員　　関係：全般\n"
    "（回答）\n"
    "　個人番号は取り扱いません。\n";

START_TEST(procedures_listed_then_told_in_answers)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "qa.txt", questions);
	c = p.cases.v[0];
	ck_assert_int_eq((int)c->nprocs, 2);
	ck_assert_int_eq(c->procs[0].type, PROC_OTHER_USE);
	ck_assert_str_eq(c->procs[0].title.value, "健診結果の目的外利用");
	ck_assert_int_eq((int)c->procs[0].data_items.n, 3);
	ck_assert_str_eq(c->procs[0].period_start.value, "2025-07-01");
	ck_assert_int_eq(c->procs[1].type, PROC_OUTSOURCE);
	ck_assert_str_eq(c->procs[1].consignees.v[0], "株式会社さぬきリサーチ");
	ck_assert_int_eq((int)c->procs[1].data_items.n, 3);
	ck_assert_str_eq(c->procs[1].data_items.v[2], "地区名");
	parsed_free(&p);
}
END_TEST

/* A town's papers: 報告１, 報告２ without 第…号, each a case. */
static const char town_reports[] =
    "次第\n"
    "　２　報告案件（報告１から報告２まで）\n"
    "\n"
    "報告１　健診予約受付業務の委託について\n"
    "　　　　（担当　町民福祉部スポーツ健康課）\n"
    "　株式会社こゆるぎを受託者とした。委託期間は令和7年12月1日から"
    "令和8年3月31日までとする。\n"
    "\n"
    "報告２　町税のコンビニ収納業務の委託及び再委託について\n"
    "　　　　（担当　総務部税務課）\n"
    "　株式会社しょうなん収納に委託する。業務の一部を株式会社エム決済に"
    "再委託する。再委託の期間は令和8年4月1日から令和9年3月31日までとする。\n";

START_TEST(reports_numbered_without_dai_go)
{
	struct parsed p;

	parse_text(&p, "town.txt", town_reports);
	ck_assert_int_eq((int)p.cases.n, 2);
	ck_assert_str_eq(p.cases.v[0]->title.value,
	    "健診予約受付業務の委託について");
	ck_assert_str_eq(p.cases.v[0]->department.value,
	    "町民福祉部スポーツ健康課");
	ck_assert_str_eq(p.cases.v[0]->procs[0].consignees.v[0],
	    "株式会社こゆるぎ");
	ck_assert_int_eq((int)p.cases.v[1]->procs[0].consignees.n, 1);
	ck_assert_str_eq(p.cases.v[1]->procs[1].subcontractors.v[0],
	    "株式会社エム決済");
	ck_assert_str_eq(p.cases.v[1]->procs[1].period_end.value,
	    "2027-03-31");
	parsed_free(&p);
}
END_TEST

/* Sections numbered in 漢数字, items in 別表第N with group names. */
static const char kanji_sections[] =
    "件名\n"
    "　予防接種の個別勧奨に係る個人情報の取扱いについて\n"
    "\n"
    "一　目的外利用\n"
    "利用する個人情報\n"
    "　別表第一のとおり\n"
    "\n"
    "二　業務委託\n"
    "委託する事務\n"
    "　個別勧奨通知作成発送業務\n"
    "契約の相手方\n"
    "　株式会社いずもプリント\n"
    "処理させる個人情報\n"
    "　別表第二のとおり\n"
    "\n"
    "別表第一（目的外利用する個人情報）\n"
    "　宛名番号\n"
    "　氏名\n"
    "\n"
    "別表第二（委託先に処理させる個人情報）\n"
    "　【対象者】\n"
    "　氏名\n"
    "　【保護者】\n"
    "　保護者の氏名\n";

START_TEST(kanji_sections_and_their_annexes)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "kanji.txt", kanji_sections);
	c = p.cases.v[0];
	ck_assert_int_eq((int)c->nprocs, 2);
	ck_assert_int_eq(c->procs[0].type, PROC_OTHER_USE);
	ck_assert_str_eq(c->procs[0].data_items.v[0], "宛名番号");
	ck_assert_int_eq(c->procs[1].type, PROC_OUTSOURCE);
	ck_assert_str_eq(c->procs[1].title.value, "個別勧奨通知作成発送業務");
	ck_assert_str_eq(c->procs[1].consignees.v[0], "株式会社いずもプリント");
	ck_assert_int_eq((int)c->procs[1].data_items.n, 2);
	ck_assert_str_eq(c->procs[1].data_items.v[1], "保護者の氏名");
	parsed_free(&p);
}
END_TEST

START_TEST(sublabels_run_on_one_line)
{
	struct parsed p;
	const struct procedure *pr;

	parse_text(&p, "cell.txt", "件名\t窓口業務の委託について\n"
	    "委託先\t株式会社あ\n"
	    "委託する個人情報\t（対象者）申請者 （項目）被保険者番号、住所\n");
	pr = &p.cases.v[0]->procs[0];
	ck_assert_int_eq((int)pr->data_items.n, 2);
	ck_assert_str_eq(pr->data_items.v[0], "被保険者番号");
	parsed_free(&p);
}
END_TEST

START_TEST(letter_subject_line_over_matters_asked)
{
	struct parsed p;

	parse_text(&p, "letter.txt", "諮問第3号\n"
	    "健康管理システムの更新に伴う業務委託について（諮問）\n"
	    "諮問事項\t業務委託\n"
	    "委託先\t株式会社とよた\n");
	ck_assert_str_eq(p.cases.v[0]->title.value,
	    "健康管理システムの更新に伴う業務委託について");
	parsed_free(&p);
}
END_TEST

START_TEST(case_named_across_a_wrapped_line)
{
	struct parsed p;

	parse_text(&p, "wrapped.txt", "会議録\n\n"
	    "○会長　それでは、諮問第３２号「受給者証の発行に係る業務委\n"
	    "託について」を議題とします。本件は、健康福祉局地\n"
	    "域包括ケア推進部障害政策課が所管する事務です。\n");
	ck_assert_str_eq(p.cases.v[0]->number.value, "32");
	ck_assert_str_eq(p.cases.v[0]->title.value,
	    "受給者証の発行に係る業務委託について");
	ck_assert_str_eq(p.cases.v[0]->department.value,
	    "健康福祉局地域包括ケア推進部障害政策課");
	parsed_free(&p);
}
END_TEST

START_TEST(annex_given_as_a_table)
{
	struct parsed p;
	const struct procedure *pr;

	parse_text(&p, "annex.txt", "件名\t給食会への外部提供について\n"
	    "提供先\t公益財団法人藤沢市学校給食会\n"
	    "提供する個人情報\t別表１のとおり\n\n"
	    "別表１　提供する個人情報\n\n"
	    "番号\t項目\t備考\n１\t児童生徒の氏名\n"
	    "２\t認定区分\t生活保護受給の有無は提供しない\n");
	pr = &p.cases.v[0]->procs[0];
	ck_assert_int_eq((int)pr->data_items.n, 2);
	ck_assert_str_eq(pr->data_items.v[1], "認定区分");
	parsed_free(&p);
}
END_TEST

START_TEST(rows_under_a_blank_group_cell)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "group.txt", "件名\t受給者証印刷業務の委託について\n"
	    "委託先の名称\tシナノ情報サービス株式会社\n"
	    "項　目\t内\t容\n"
	    "⑦再委託の有無\t有\n\n"
	    "\t再委託先の名称\t株式会社アルプスプリント\n\n"
	    "\t再委託の期間\t令和7年9月1日～令和8年6月30日\n");
	c = p.cases.v[0];
	ck_assert_int_eq((int)c->nprocs, 2);
	ck_assert_int_eq((int)c->procs[0].data_items.n, 0);
	ck_assert_str_eq(c->procs[1].subcontractors.v[0],
	    "株式会社アルプスプリント");
	ck_assert_str_eq(c->procs[1].period_end.value, "2026-06-30");
	parsed_free(&p);
}
END_TEST

START_TEST(procedures_in_numbered_paragraphs)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "paras.txt", "件名　乳幼児健診に係る個人情報の取扱いについて\n\n"
	    "２　報告する取扱いの内容\n\n"
	    "（１）問診票データ作成業務の委託　本市は、問診票の電子化を、"
	    "株式会社みやデータ工房に委託する。取り扱わせる個人情報は、"
	    "受診児の氏名、生年月日及び住所であり、予防接種歴は渡さない。"
	    "委託期間は令和7年12月1日から令和8年3月31日までとする。\n\n"
	    "（２）医療機関からの精密健診結果の収集　本市は、医療機関から"
	    "結果を収集する。収集は令和7年12月1日から開始する。\n");
	c = p.cases.v[0];
	ck_assert_int_eq((int)c->nprocs, 2);
	ck_assert_str_eq(c->procs[0].title.value, "問診票データ作成業務の委託");
	ck_assert_str_eq(c->procs[0].consignees.v[0], "株式会社みやデータ工房");
	ck_assert_int_eq((int)c->procs[0].data_items.n, 3);
	ck_assert_str_eq(c->procs[0].period_end.value, "2026-03-31");
	ck_assert_int_eq(c->procs[1].type, PROC_INDIRECT);
	parsed_free(&p);
}
END_TEST

START_TEST(number_in_brackets_on_its_own_line)
{
	struct parsed p;

	parse_text(&p, "bracket.txt", "点検業務に係る再委託先の変更について（報告）\n"
	    "（報告第２９号）\n\n委託先\t株式会社メディカル\n");
	ck_assert_str_eq(p.cases.v[0]->number.value, "29");
	parsed_free(&p);
}
END_TEST

START_TEST(contract_names_its_parties_by_terms)
{
	struct parsed p;
	const struct procedure *pr;

	parse_text(&p, "contract.txt", "口座振替勧奨通知作成発送業務委託契約の締結について（報告）\n\n"
	    "　高崎市（以下「甲」という。）と株式会社上州ビジネス（以下「乙\n"
	    "」という。）とは、次のとおり契約を締結する。\n"
	    "第１条　甲は、乙に対し、勧奨通知作成業務（以下「本業務」という。）"
	    "を委託し、乙はこれを受託する。\n");
	pr = &p.cases.v[0]->procs[0];
	ck_assert_int_eq((int)pr->consignees.n, 1);
	ck_assert_str_eq(pr->consignees.v[0], "株式会社上州ビジネス");
	ck_assert(pr->title.value == NULL ||
	    strcmp(pr->title.value, "本業務") != 0);
	parsed_free(&p);
}
END_TEST

START_TEST(numbered_agenda_items_of_a_summary)
{
	struct parsed p;

	parse_text(&p, "summary.txt", "審議会 議事要旨\n\n"
	    "（１）諮問第８号　重層的支援に係る個人情報の外部提供について\n"
	    "・提供先は、社会福祉法人長崎市社会福祉協議会である。\n\n"
	    "（２）報告事項　駐輪場受付業務の委託について\n"
	    "・委託先は、株式会社出島サイクルである。\n\n"
	    "（３）諮問の根拠について\n");
	ck_assert_int_eq((int)p.cases.n, 2);
	ck_assert_str_eq(p.cases.v[0]->number.value, "8");
	ck_assert_str_eq(p.cases.v[1]->title.value,
	    "駐輪場受付業務の委託について");
	parsed_free(&p);
}
END_TEST

START_TEST(labels_over_one_row_of_values)
{
	struct parsed p;

	parse_text(&p, "cover.md", "# 特定個人情報保護評価書\n\n"
	    "| 評価書番号 | 評価書名 |\n|---|---|\n"
	    "| 3 | 児童手当の支給に関する事務 |\n\n"
	    "- **公表日**：令和７年２月１０日\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_str_eq(p.cases.v[0]->number.value, "3");
	ck_assert_str_eq(p.cases.v[0]->title.value,
	    "児童手当の支給に関する事務");
	parsed_free(&p);
}
END_TEST

START_TEST(numbered_label_value_rows)
{
	struct parsed p;

	parse_text(&p, "entrust.md", "# 特定個人情報保護評価書\n\n"
	    "#### 委託事項1：システム運用保守業務\n\n"
	    "| 番号 | 項目 | 内容 |\n|---|---|---|\n"
	    "| ① | 委託内容 | 運用保守 |\n"
	    "| ② | 委託先名 | 株式会社尾張システムズ |\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 1);
	ck_assert_str_eq(p.cases.v[0]->procs[0].consignees.v[0],
	    "株式会社尾張システムズ");
	ck_assert_int_eq((int)p.cases.v[0]->procs[0].data_items.n, 0);
	parsed_free(&p);
}
END_TEST

START_TEST(items_under_their_holders)
{
	struct parsed p;

	parse_text(&p, "outline.txt", "付議事項\n  名簿作成への目的外利用について\n\n"
	    "3. 付議の内容\n"
	    "  3.1 目的外利用\n"
	    "    3.1.1 件名\n"
	    "          住民基本台帳情報の名簿作成への目的外利用\n"
	    "    3.1.2 利用する個人情報（保有課）\n"
	    "          - 区民課（住民基本台帳）：氏名、生年月日\n"
	    "          - 介護保険課：要介護状態区分\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 1);
	ck_assert_int_eq((int)p.cases.v[0]->procs[0].data_items.n, 3);
	ck_assert_str_eq(p.cases.v[0]->procs[0].data_items.v[0], "氏名");
	ck_assert_str_eq(p.cases.v[0]->procs[0].data_items.v[2],
	    "要介護状態区分");
	parsed_free(&p);
}
END_TEST

START_TEST(municipality_named_in_a_row_value)
{
	struct parsed p;

	parse_text(&p, "rows.txt", "諮問第４号　就学援助業務の委託について\n\n"
	    "根拠規定\t枚方市個人情報の保護に関する法律施行条例第９条\n"
	    "諮問者\t枚方市長\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_str_eq(p.cases.v[0]->municipality.value, "枚方市");
	parsed_free(&p);
}
END_TEST

/* the municipality of a one-line document */
static char *
municipality_of(const char *text)
{
	struct parsed p;
	char *m;

	parse_text(&p, "m.txt", text);
	m = p.cases.n > 0 && p.cases.v[0]->municipality.value ?
	    xstrdup(p.cases.v[0]->municipality.value) : NULL;
	parsed_free(&p);
	return m;
}

#define ASSERT_MUNICIPALITY(text, want) do {		\
	char *got = municipality_of(text);			\
	ck_assert_ptr_nonnull(got);				\
	ck_assert_str_eq(got, want);				\
	free(got);						\
} while (0)

START_TEST(municipality_of_prefectures_and_joint_bodies)
{
	ASSERT_MUNICIPALITY("静岡県知事　様\n静岡県個人情報保護審議会\n", "静岡県");
	ASSERT_MUNICIPALITY("評価実施機関名　静岡県後期高齢者医療広域連合長\n",
	    "静岡県後期高齢者医療広域連合");
	ASSERT_MUNICIPALITY("ふじみ衛生組合個人情報保護審査会\n", "ふじみ衛生組合");
}
END_TEST

START_TEST(municipality_names_with_no_and_day_kanji)
{
	ASSERT_MUNICIPALITY("伊豆の国市個人情報保護審議会\n", "伊豆の国市");
	ASSERT_MUNICIPALITY("令和7年4月1日　春日部市長\n", "春日部市");
	ASSERT_MUNICIPALITY("根拠　観音寺市個人情報の保護に関する条例\n", "観音寺市");
	ASSERT_MUNICIPALITY("練馬区 個人情報保護管理運営会議\n", "練馬区");
}
END_TEST

START_TEST(entrustments_of_one_line_records)
{
	struct parsed p;

	parse_text(&p, "records.txt", "特定個人情報保護評価書\n"
	    "【基本情報】評価書番号：１２／評価書名：児童扶養手当事務　評価書\n"
	    "【担当部署】①部署：子育て支援課／②所属長の役職名：子育て支援課長\n"
	    "【委託事項1】委託事項名：システム運用保守業務／③委託先名：株式会社えひめ"
	    "／④再委託の有無：［再委託する］／⑤再委託事項：媒体の管理"
	    "（再委託先：株式会社伊予）\n"
	    "【委託事項2】委託事項名：通知の印刷業務／③委託先名：株式会社道後"
	    "／④再委託の有無：［再委託しない］\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_str_eq(p.cases.v[0]->number.value, "12");
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 3);
	ck_assert_str_eq(p.cases.v[0]->procs[0].title.value,
	    "システム運用保守業務");
	ck_assert_str_eq(p.cases.v[0]->procs[1].subcontractors.v[0],
	    "株式会社伊予");
	ck_assert_str_eq(p.cases.v[0]->procs[2].consignees.v[0], "株式会社道後");
	parsed_free(&p);
}
END_TEST

START_TEST(forms_that_say_their_procedure)
{
	struct parsed p;

	parse_text(&p, "forms.txt", "付議事項\n件名\n    窓口の運営に係る業務委託等について\n"
	    "根拠規定\n    石垣市個人情報の保護に関する法律施行条例　第６条第１項\n"
	    "    ※出入国管理及び難民認定法第１９条の１６の届出は対象外\n\n"
	    "様式A　手続１\n手続の種類\n    ■業務委託　□再委託\n    □外部提供\n"
	    "手続の件名\n    窓口運営業務委託\n"
	    "委託先\n    一般社団法人やいま多文化共生センター\n\n"
	    "様式B　手続２\n手続の種類\n    □業務委託　■再委託\n    □外部提供\n"
	    "手続の件名\n    遠隔通訳業務の再委託\n"
	    "再委託先\n    株式会社ちゅらトランスリンク\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_int_eq((int)p.cases.v[0]->legal_basis.n, 1);
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 2);
	ck_assert_int_eq(p.cases.v[0]->procs[0].type, PROC_OUTSOURCE);
	ck_assert_int_eq(p.cases.v[0]->procs[1].type, PROC_SUBCONTRACT);
	ck_assert_str_eq(p.cases.v[0]->procs[1].subcontractors.v[0],
	    "株式会社ちゅらトランスリンク");
	parsed_free(&p);
}
END_TEST

START_TEST(procedures_listed_by_case_number)
{
	struct parsed p;

	parse_text(&p, "lists.txt", "                    令和７年１２月１８日\n"
	    "審議会への諮問について\n\n"
	    "諮問番号\t件名\t担当課\n"
	    "第３１号\t認定調査票の電子化に伴う業務委託等について\t介護保険課\n"
	    "第３２号\t認定情報の外部提供について\t介護保険課\n\n"
	    "手続一覧\n"
	    "諮問番号\t区分\t手続の件名\t委託先・相手方\t期間\n"
	    "第３１号\t業務委託\t電子化業務\t株式会社さがデジタルケア\t令和８年４月１日～\n"
	    "\t再委託\tデータセンター運用業務\t九州データセンター株式会社"
	    "（委託元：株式会社さがデジタルケア）\t令和８年４月１日～\n"
	    "第３２号\t外部提供\t認定情報の提供\t佐賀県国民健康保険団体連合会"
	    "\t令和８年１月１日～\n");
	ck_assert_int_eq((int)p.cases.n, 2);
	ck_assert_str_eq(p.cases.v[0]->date.value, "2025-12-18");
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 2);
	ck_assert_int_eq(p.cases.v[0]->procs[1].type, PROC_SUBCONTRACT);
	ck_assert_str_eq(p.cases.v[0]->procs[1].subcontractors.v[0],
	    "九州データセンター株式会社");
	ck_assert_str_eq(p.cases.v[0]->procs[1].consignees.v[0],
	    "株式会社さがデジタルケア");
	ck_assert_int_eq((int)p.cases.v[1]->nprocs, 1);
	ck_assert_int_eq(p.cases.v[1]->procs[0].type, PROC_PROVISION);
	parsed_free(&p);
}
END_TEST

START_TEST(articles_stating_procedures_in_prose)
{
	struct parsed p;

	parse_text(&p, "articles.txt", "報告第５号\n\n"
	    "第１　件名\n　本件の件名は、「空家等の所有者情報の収集及び提供について」とする。\n\n"
	    "第２　担当課\n　本件を所管する課は、建設部建築指導課とし、同課空家対策係が事務を行う。\n\n"
	    "第４　本人外収集\n１　手続の件名は、「所有者の特定に係る本人外収集」とする。\n"
	    "２　市は、住所地の市区町村長に対し、住民票の写しの交付を請求する。\n"
	    "３　収集は令和８年２月１日から開始する。\n\n"
	    "第５　外部提供\n１　手続の件名は、「所有者情報の外部提供」とする。\n"
	    "２　市は、その個人情報を、一般社団法人きりしま空き家バンク協議会に提供する。\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_str_eq(p.cases.v[0]->department.value, "建設部建築指導課");
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 2);
	ck_assert_int_eq(p.cases.v[0]->procs[0].type, PROC_INDIRECT);
	ck_assert_str_eq(p.cases.v[0]->procs[0].title.value,
	    "所有者の特定に係る本人外収集");
	ck_assert_int_eq(p.cases.v[0]->procs[1].type, PROC_PROVISION);
	parsed_free(&p);
}
END_TEST

START_TEST(answer_restating_the_question_in_a_box)
{
	struct parsed p;

	parse_text(&p, "answer.txt", "答申第１９号\n令和７年７月２８日\n\n"
	    "　　　納税通知書の発送業務の委託等について（答申）\n\n記\n\n"
	    "┌──────────────────────────┐\n"
	    "│諮問第２７号　　　　　　　　　　　　　　　　　　　│\n"
	    "│件名　　　　納税通知書の発送業務の委託について　　│\n"
	    "│所管課　　　財務部納税課　　　　　　　　　　　　　│\n"
	    "│委託する個人情報　　　　　　　　　　　　　　　　　│\n"
	    "│　　　　　　　納税義務者の氏名、住所、　　　　　　│\n"
	    "│　　　　　　　口座振替の有無　　　　　　　　　　　│\n"
	    "└──────────────────────────┘\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_str_eq(p.cases.v[0]->number.value, "19");
	ck_assert_str_eq(p.cases.v[0]->title.value,
	    "納税通知書の発送業務の委託等について");
	ck_assert_str_eq(p.cases.v[0]->department.value, "財務部納税課");
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 1);
	ck_assert_int_eq((int)p.cases.v[0]->procs[0].data_items.n, 3);
	parsed_free(&p);
}
END_TEST

START_TEST(records_in_columns_set_with_spaces)
{
	struct parsed p;

	parse_text(&p, "columns.txt", "報告第３号\n"
	    "個人情報を取り扱う事務の委託等の状況について\n\n"
	    "----------------------------------------------------------------\n"
	    "番号          １                    ２\n"
	    "----------------------------------------------------------------\n"
	    "区分          業務委託              外部提供\n"
	    "----------------------------------------------------------------\n"
	    "事務の名称    納税通知書作成業務    受給者情報提供\n"
	    "----------------------------------------------------------------\n"
	    "委託先又は    株式会社あきた情報    秋田県国民健康保険\n"
	    "提供先        センター              団体連合会\n"
	    "----------------------------------------------------------------\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 2);
	ck_assert_int_eq(p.cases.v[0]->procs[0].type, PROC_OUTSOURCE);
	ck_assert_str_eq(p.cases.v[0]->procs[0].title.value, "納税通知書作成業務");
	ck_assert_str_eq(p.cases.v[0]->procs[0].consignees.v[0],
	    "株式会社あきた情報センター");
	ck_assert_int_eq(p.cases.v[0]->procs[1].type, PROC_PROVISION);
	ck_assert_str_eq(p.cases.v[0]->procs[1].partner.value,
	    "秋田県国民健康保険団体連合会");
	parsed_free(&p);
}
END_TEST

START_TEST(colon_labels_over_indented_values)
{
	struct parsed p;

	parse_text(&p, "colon.txt", "諮問書\n\n諮問番号：\n　　　諮問第四十一号\n"
	    "件名：\n　　　学習支援サービスの導入に伴う個人情報の\n"
	    "　　　外部結合及び目的外利用について\n"
	    "諮問の根拠：\n　　　松山市個人情報保護法施行条例第六条第二項第一号\n"
	    "諮問の趣旨：\n　　　学習履歴を効果検証に利用したい。\n\n"
	    "第一　外部結合\n\n　結合の相手方：\n　　　　株式会社せとうちエデュテック\n\n"
	    "第二　目的外利用\n\n　利用する個人情報：\n"
	    "　　　　児童生徒の学年、学級、学習時間\n"
	    "　　　　（氏名及び利用者ＩＤは利用しない。）\n"
	    "　利用の開始時期：\n　　　　令和八年五月一日\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_str_eq(p.cases.v[0]->number.value, "41");
	ck_assert_str_eq(p.cases.v[0]->title.value,
	    "学習支援サービスの導入に伴う個人情報の外部結合及び目的外利用について");
	ck_assert_int_eq((int)p.cases.v[0]->legal_basis.n, 1);
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 2);
	ck_assert_int_eq(p.cases.v[0]->procs[1].type, PROC_OTHER_USE);
	ck_assert_int_eq((int)p.cases.v[0]->procs[1].data_items.n, 3);
	ck_assert_str_eq(p.cases.v[0]->procs[1].data_items.v[2], "学習時間");
	parsed_free(&p);
}
END_TEST

START_TEST(minutes_telling_cases_in_speech)
{
	struct parsed p;

	parse_text(&p, "minutes.txt", "霧島市個人情報保護審議会　会議録\n\n７　議題\n"
	    "　（１）諮問第５号について\n　（２）諮問第６号について\n\n８　会議の概要\n\n"
	    "事務局（総務課）：　諮問第５号は、「予約受付業務の委託について」です。\n\n"
	    "事務局（健康増進課）：　保健福祉部健康増進課です。\n"
	    "　予約受付を事業者に委託したいと考えております。委託先は、一般競争入札により"
	    "決定した株式会社南九州コンタクトセンターです。\n\n"
	    "事務局（総務課）：　諮問第６号は、「見守り事業に係る個人情報の外部提供について」です。\n\n"
	    "事務局（長寿課）：　保健福祉部長寿課です。\n"
	    "　提供先は社会福祉法人霧島市社会福祉協議会で、提供する項目は、氏名、住所です。\n"
	    "　対象者は、ひとり暮らしの方で、約六千四百人です。\n");
	ck_assert_int_eq((int)p.cases.n, 2);
	ck_assert_str_eq(p.cases.v[0]->number.value, "5");
	ck_assert_str_eq(p.cases.v[0]->department.value, "保健福祉部健康増進課");
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 1);
	ck_assert_str_eq(p.cases.v[0]->procs[0].consignees.v[0],
	    "株式会社南九州コンタクトセンター");
	ck_assert_str_eq(p.cases.v[1]->number.value, "6");
	ck_assert_int_eq((int)p.cases.v[1]->subjects_count, 6400);
	ck_assert_str_eq(p.cases.v[1]->procs[0].partner.value,
	    "社会福祉法人霧島市社会福祉協議会");
	parsed_free(&p);
}
END_TEST

START_TEST(sheet_with_two_row_head_and_cell_breaks)
{
	struct parsed p;

	parse_text(&p, "sheet.txt", "長野市長\n（保健福祉部保健所健康課）\n\n"
	    "がん検診事業に係る委託等について（報告）\n\n"
	    "　長野市個人情報の保護に関する法律施行条例第９条第２項の規定により報告します。\n\n"
	    "番号\t区分\t業務の名称\t委託先\t取り扱う個人情報\t\t期間\t\n"
	    "\t\t\t（再委託先）\t対象者\t項目\t開始\t終了\n"
	    "1\t業務委託\t受診券作成業務\t株式会社しなの印刷センター\t40歳以上の市民"
	    "\t氏名、住所 / 生年月日\t2025/9/1\t2026/3/31\n"
	    "2\t再委託\t封入封かん業務\t株式会社しなの印刷センター（再委託先："
	    "有限会社ぜんこうじメールサービス）\t番号1に同じ\t氏名、住所\t2025/9/16"
	    "\t2025/11/28\n\n"
	    "４　参考\n　・根拠法令：健康増進法第１９条の２\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_str_eq(p.cases.v[0]->department.value, "保健福祉部保健所健康課");
	ck_assert_int_eq((int)p.cases.v[0]->legal_basis.n, 1);
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 2);
	ck_assert_int_eq((int)p.cases.v[0]->procs[0].data_items.n, 3);
	ck_assert_str_eq(p.cases.v[0]->procs[0].data_items.v[2], "生年月日");
	ck_assert_int_eq(p.cases.v[0]->procs[1].type, PROC_SUBCONTRACT);
	ck_assert_str_eq(p.cases.v[0]->procs[1].subcontractors.v[0],
	    "有限会社ぜんこうじメールサービス");
	parsed_free(&p);
}
END_TEST

START_TEST(bracketed_procedure_heads_and_a_bare_kind_header)
{
	struct parsed p;

	parse_text(&p, "pre.txt", "====\n  諮問第１５号\n  件名：図書館業務の委託について\n"
	    "====\n\n＜委託１＞  図書館窓口業務\n  委託先   ： 株式会社Ａ\n"
	    "  取扱項目 ： 氏名、住所\n\n＜委託２（再委託）＞  督促はがき発送業務\n"
	    "  受託者   ： 株式会社Ａ\n  再委託先 ： 有限会社Ｂ\n"
	    "  取扱項目 ： 氏名\n\n====\n  報告事項（番号なし）\n"
	    "  件名：住民情報の目的外利用について\n  報告日：令和７年１１月５日\n====\n\n"
	    "＜目的外利用＞  住民情報の目的外利用（受信機の貸与）\n"
	    "  利用する項目 ： 氏名、住所\n");
	ck_assert_int_eq((int)p.cases.n, 2);
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 2);
	ck_assert_str_eq(p.cases.v[0]->procs[0].title.value, "図書館窓口業務");
	ck_assert_int_eq(p.cases.v[0]->procs[1].type, PROC_SUBCONTRACT);
	ck_assert_str_eq(p.cases.v[0]->procs[1].title.value, "督促はがき発送業務");
	ck_assert_str_eq(p.cases.v[0]->procs[1].subcontractors.v[0], "有限会社Ｂ");
	ck_assert_str_eq(p.cases.v[1]->kind.value, "報告");
	ck_assert_ptr_null(p.cases.v[1]->number.value);
	ck_assert_int_eq((int)p.cases.v[1]->nprocs, 1);
	ck_assert_str_eq(p.cases.v[1]->procs[0].title.value,
	    "住民情報の目的外利用（受信機の貸与）");
	parsed_free(&p);
}
END_TEST

START_TEST(results_table_of_cases_with_nested_procedure_lists)
{
	struct parsed p;

	parse_text(&p, "results.html", "<h1>審議会の審議結果</h1>"
	    "<p>開催日時　令和7年10月16日</p><table>"
	    "<tr><th>案件</th><th>内容</th><th>結果</th></tr>"
	    "<tr><td>諮問第42号<br>令和7年9月29日諮問</td><td>"
	    "<p>介護予防事業における個人情報の取扱いについて</p><table>"
	    "<tr><th>担当課</th><td>健康福祉局介護保険課</td></tr>"
	    "<tr><th>手続</th><td><table><tr><th>区分</th><th>件名</th>"
	    "<th>個人情報の項目</th><th>時期</th></tr><tr><td>本人以外からの収集"
	    "</td><td>支援センターからの利用者情報の収集</td><td>氏名<br>"
	    "被保険者番号</td><td>令和8年1月5日から令和11年3月31日まで</td></tr>"
	    "</table></td></tr></table></td><td>承認</td></tr>"
	    "<tr><td>報告第7号<br>令和7年10月2日報告</td><td>"
	    "<p>市営住宅家賃収納事務の委託について</p><table>"
	    "<tr><th>担当課</th><td>住宅管理課</td></tr>"
	    "<tr><th>手続</th><td><table><tr><th>区分</th><th>件名</th>"
	    "<th>委託先</th><th>処理させる個人情報</th><th>期間</th></tr>"
	    "<tr><td>再委託</td><td>収納データ集計業務</td><td>株式会社Ａ<br>"
	    "（再委託先）株式会社Ｂ</td><td><table><tr><td>住宅名</td>"
	    "<td>納付額</td></tr></table></td><td>令和8年4月1日から"
	    "令和11年3月31日まで</td></tr></table></td></tr></table></td>"
	    "<td>報告を受けた</td></tr></table>");
	ck_assert_int_eq((int)p.cases.n, 2);
	ck_assert_str_eq(p.cases.v[0]->number.value, "42");
	ck_assert_str_eq(p.cases.v[0]->title.value,
	    "介護予防事業における個人情報の取扱いについて");
	ck_assert_str_eq(p.cases.v[0]->date.value, "2025-09-29");
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 1);
	ck_assert_str_eq(p.cases.v[0]->procs[0].title.value,
	    "支援センターからの利用者情報の収集");
	ck_assert_str_eq(p.cases.v[0]->procs[0].period_start.value,
	    "2026-01-05");
	ck_assert_str_eq(p.cases.v[1]->kind.value, "報告");
	ck_assert_str_eq(p.cases.v[1]->date.value, "2025-10-02");
	ck_assert_int_eq((int)p.cases.v[1]->nprocs, 1);
	ck_assert_int_eq((int)p.cases.v[1]->procs[0].consignees.n, 1);
	ck_assert_str_eq(p.cases.v[1]->procs[0].consignees.v[0], "株式会社Ａ");
	ck_assert_str_eq(p.cases.v[1]->procs[0].subcontractors.v[0],
	    "株式会社Ｂ");
	ck_assert_int_eq((int)p.cases.v[1]->procs[0].data_items.n, 2);
	parsed_free(&p);
}
END_TEST

START_TEST(sheet_of_procedure_columns_naming_their_parties)
{
	struct parsed p;

	parse_text(&p, "cols.html", "<table>"
	    "<tr><td>件名</td><td colspan=\"2\">申請の電子化に伴う外部結合等について"
	    "</td></tr><tr><td>区分</td><td>第１</td><td>第２</td></tr>"
	    "<tr><td>手続</td><td>外部結合</td><td>業務委託</td></tr>"
	    "<tr><td>相手方・委託先</td><td>結合の相手方：株式会社Ｋ</td>"
	    "<td>委託先：株式会社Ｋ</td></tr>"
	    "<tr><td>旧委託先</td><td>―</td><td>株式会社Ｏ</td></tr>"
	    "<tr><td>情報項目</td><td>氏名<br>住所</td><td>氏名</td></tr>"
	    "</table>");
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 2);
	ck_assert_int_eq(p.cases.v[0]->procs[0].type, PROC_LINK);
	ck_assert_str_eq(p.cases.v[0]->procs[0].partner.value, "株式会社Ｋ");
	ck_assert_int_eq((int)p.cases.v[0]->procs[0].consignees.n, 0);
	ck_assert_int_eq(p.cases.v[0]->procs[1].type, PROC_OUTSOURCE);
	ck_assert_int_eq((int)p.cases.v[0]->procs[1].consignees.n, 1);
	ck_assert_str_eq(p.cases.v[0]->procs[1].consignees.v[0], "株式会社Ｋ");
	parsed_free(&p);
}
END_TEST

START_TEST(items_listed_under_a_procedures_table)
{
	struct parsed p;

	parse_text(&p, "list.md", "# 受給者情報の取扱いについて（諮問）\n\n諮問第９号\n\n"
	    "## 1 外部結合\n\n| 項目 | 内容 |\n|---|---|\n"
	    "| 結合の相手方 | 福井県国民健康保険団体連合会 |\n"
	    "| 結合開始 | 令和８年４月１日 |\n\n"
	    "結合する情報項目は次のとおり。\n\n- 受給者番号\n- 生年月日\n"
	    "- ~~所得区分~~\n- 性別\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 1);
	ck_assert_int_eq((int)p.cases.v[0]->procs[0].data_items.n, 3);
	ck_assert_str_eq(p.cases.v[0]->procs[0].data_items.v[2], "性別");
	parsed_free(&p);
}
END_TEST

START_TEST(a_title_marked_with_its_kind_heads_no_procedure)
{
	struct parsed p;

	parse_text(&p, "marked.md", "# 受給者情報の外部結合について（諮問）\n\n"
	    "## 1 外部結合\n\n| 項目 | 内容 |\n|---|---|\n"
	    "| 結合の相手方 | 福井県国民健康保険団体連合会 |\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 1);
	parsed_free(&p);
}
END_TEST

START_TEST(parts_numbered_by_a_word_take_their_content_as_title)
{
	struct parsed p;

	parse_text(&p, "parts.txt", "全項目評価書\n\n2-4　取扱いの委託　［　委託する　］\n\n"
	    "　委託その１\n　　(1) 委託内容　　　　受給者台帳システムの運用・保守\n"
	    "　　(2) 委託先名　　　　株式会社Ａ\n\n　委託その２\n"
	    "　　(1) 委託内容　　　　受給者証の印刷・発送\n"
	    "　　(2) 委託先名　　　　株式会社Ｂ\n\n"
	    "2-5　特定個人情報の提供・移転\n　　提供先　　　Ｃ県\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 3);	/* 2-5 提供 */
	ck_assert_str_eq(p.cases.v[0]->procs[0].title.value,
	    "受給者台帳システムの運用・保守");
	ck_assert_str_eq(p.cases.v[0]->procs[1].consignees.v[0], "株式会社Ｂ");
	ck_assert_str_eq(p.cases.v[0]->procs[1].title.value,
	    "受給者証の印刷・発送");
	ck_assert_int_eq(p.cases.v[0]->procs[2].type, PROC_PROVISION);
	parsed_free(&p);
}
END_TEST

START_TEST(headings_of_one_level_part_cases_of_any_kind)
{
	struct parsed p;

	parse_text(&p, "results.html", "<h2>審議結果</h2>"
	    "<h3>報告第8号　市税コールセンター業務の委託について</h3>"
	    "<p>所管課：財務部市民税課</p><p>委託先：株式会社Ａ</p>"
	    "<h3>諮問第14号　就学援助システムへの記録項目の追加について</h3>"
	    "<p>所管課：教育部学校教育課</p><p>記録項目：口座番号</p>");
	ck_assert_int_eq((int)p.cases.n, 2);
	ck_assert_str_eq(p.cases.v[1]->kind.value, "諮問");
	ck_assert_str_eq(p.cases.v[1]->number.value, "14");
	parsed_free(&p);
}
END_TEST

START_TEST(a_letters_subject_is_the_line_before_its_body)
{
	struct parsed p;

	parse_text(&p, "letter.txt", "広保医第１８０７号\n令和９年１月１５日\n\n"
	    "審議会会長　様\n\n広島市長\n（担当：保健医療課）\n\n"
	    "個人情報の取扱いの委託等に関する定例報告（第３四半期分）\n\n"
	    "条例第９条第２項の規定に基づき、下記のとおり報告します。\n\n記\n\n"
	    "番号\t事務の名称\t区分\t委託先等\t取り扱う個人情報の項目\n"
	    "1\t登録更新案内業務\t業務委託・再委託\t株式会社Ａ（再委託先："
	    "株式会社Ｂ）\t氏名、住所\n2\t療養相談の情報提供\t外部提供\t"
	    "一般社団法人Ｃ\t氏名、疾病名\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_str_eq(p.cases.v[0]->title.value,
	    "個人情報の取扱いの委託等に関する定例報告");
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 3);
	ck_assert_int_eq(p.cases.v[0]->procs[0].type, PROC_OUTSOURCE);
	ck_assert_str_eq(p.cases.v[0]->procs[0].consignees.v[0], "株式会社Ａ");
	ck_assert_int_eq(p.cases.v[0]->procs[1].type, PROC_SUBCONTRACT);
	ck_assert_str_eq(p.cases.v[0]->procs[1].subcontractors.v[0],
	    "株式会社Ｂ");
	ck_assert_int_eq((int)p.cases.v[0]->procs[1].data_items.n, 2);
	ck_assert_int_eq(p.cases.v[0]->procs[2].type, PROC_PROVISION);
	ck_assert_str_eq(p.cases.v[0]->procs[2].partner.value,
	    "一般社団法人Ｃ");
	parsed_free(&p);
}
END_TEST

START_TEST(numbered_sentences_that_say_their_kind)
{
	struct parsed p;

	parse_text(&p, "typed.txt", "地域見守り事業における個人情報の取扱いについて（諮問）\n\n"
	    "記\n\n諮問番号  諮問第３号\n\n諮問事項\n\n"
	    "  １  住民課が保有する個人情報のうち、氏名及び住所を、見守り事業の\n"
	    "      名簿を作成するために利用すること（目的外利用）。\n\n"
	    "  ２  名簿の氏名及び住所を、社会福祉協議会に提供すること（外\n"
	    "      部提供）。\n\n諮問の理由\n\n  高齢者世帯が増えている。\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_str_eq(p.cases.v[0]->number.value, "3");
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 2);
	ck_assert_int_eq(p.cases.v[0]->procs[0].type, PROC_OTHER_USE);
	ck_assert_int_eq(p.cases.v[0]->procs[1].type, PROC_PROVISION);
	parsed_free(&p);
}
END_TEST

START_TEST(a_list_of_entrustments_by_their_numbers)
{
	struct parsed p;

	parse_text(&p, "list.md", "# 全項目評価書\n\n| 評価書番号 | 評価書名 |\n|---|---|\n"
	    "| 8 | 児童扶養手当の支給に関する事務　全項目評価書 |\n\n"
	    "| 委託事項 | 委託先 | 再委託 | 委託する範囲 |\n|---|---|---|---|\n"
	    "| 委託事項1　システムの運用保守 | 株式会社Ａ | 再委託する（株式会社Ｂ） | 全体 |\n"
	    "| 委託事項2　現況届受付補助業務 | 未定 | 再委託しない | 一部 |\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 3);
	ck_assert_str_eq(p.cases.v[0]->procs[0].title.value, "システムの運用保守");
	ck_assert_str_eq(p.cases.v[0]->procs[0].consignees.v[0], "株式会社Ａ");
	ck_assert_int_eq(p.cases.v[0]->procs[1].type, PROC_SUBCONTRACT);
	ck_assert_str_eq(p.cases.v[0]->procs[1].subcontractors.v[0], "株式会社Ｂ");
	ck_assert_str_eq(p.cases.v[0]->procs[2].title.value, "現況届受付補助業務");
	parsed_free(&p);
}
END_TEST

START_TEST(items_marked_per_row_under_item_columns)
{
	struct parsed p;

	parse_text(&p, "matrix.html", "<h1>業務委託の実施状況について</h1><table>"
	    "<thead><tr><th rowspan=\"2\">No.</th><th rowspan=\"2\">業務名</th>"
	    "<th rowspan=\"2\">委託先</th><th colspan=\"3\">取り扱う個人情報</th>"
	    "<th rowspan=\"2\">その他の項目</th></tr><tr><th>氏名</th><th>住所</th>"
	    "<th>個人番号</th></tr></thead><tbody>"
	    "<tr><td>1</td><td>通知書作成業務</td><td>株式会社Ａ</td><td>○</td>"
	    "<td>○</td><td>－</td><td>受診券番号</td></tr>"
	    "<tr><td>2</td><td>課税資料入力業務</td><td>株式会社Ｂ</td><td>○</td>"
	    "<td>－</td><td>○</td><td>－</td></tr></tbody></table>");
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 2);
	ck_assert_int_eq((int)p.cases.v[0]->procs[0].data_items.n, 3);
	ck_assert_str_eq(p.cases.v[0]->procs[0].data_items.v[1], "住所");
	ck_assert_str_eq(p.cases.v[0]->procs[0].data_items.v[2], "受診券番号");
	ck_assert_int_eq((int)p.cases.v[0]->procs[1].data_items.n, 2);
	ck_assert_str_eq(p.cases.v[0]->procs[1].data_items.v[1], "個人番号");
	parsed_free(&p);
}
END_TEST

START_TEST(a_list_whose_records_run_over_lines)
{
	struct parsed p;

	parse_text(&p, "annex.txt", "個人情報の目的外利用等の実施について（報告）\n\n記\n\n"
	    "１　報告事項名\n　　放課後児童クラブの利用調整に係る個人情報の取扱い\n\n別表\n"
	    "No.\t区分\t事務・業務の名称\t相手方\t個人情報の項目\t期間\t備考\n"
	    "1\t業務委託\t利用申請入力業務\t株式会社Ａ\t申請者の氏名\t令和7年11月4日\t\n"
	    "\t\t\t\t住所\t～令和8年3月31日\t\n\t\t\t\t電話番号\t\t\n"
	    "2\t外部提供\t利用調整結果の提供\t連絡協議会\t児童の氏名\t令和8年2月16日\t\n"
	    "\t\t\t\t児童の学年\t\t終期なし\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_str_eq(p.cases.v[0]->title.value,
	    "放課後児童クラブの利用調整に係る個人情報の取扱い");
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 2);
	ck_assert_str_eq(p.cases.v[0]->procs[0].consignees.v[0], "株式会社Ａ");
	ck_assert_int_eq((int)p.cases.v[0]->procs[0].data_items.n, 3);
	ck_assert_str_eq(p.cases.v[0]->procs[0].period_end.value, "2026-03-31");
	ck_assert_str_eq(p.cases.v[0]->procs[1].partner.value, "連絡協議会");
	ck_assert_int_eq((int)p.cases.v[0]->procs[1].data_items.n, 2);
	parsed_free(&p);
}
END_TEST

START_TEST(a_letter_numbered_in_kanji_with_iroha_parts)
{
	struct parsed p;

	parse_text(&p, "kanji.txt", "奈住第１０８７号\n令和七年十二月八日\n\n"
	    "諮問書（諮問第百二十三号）\n\n下記の事項について意見を求めます。\n\n記\n\n"
	    "一　件名\n　県営住宅入居者の収入認定に係る目的外利用及び本人外収集について\n\n"
	    "五　諮問事項\n　イ　目的外利用\n　　（イ）名称　　生活保護受給情報の利用\n"
	    "　　（ロ）利用する項目　　氏名、住所\n　ロ　本人外収集\n"
	    "　　（イ）名称　　市町村からの所得情報の収集\n"
	    "　　（ロ）収集する項目　　氏名、合計所得金額\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_str_eq(p.cases.v[0]->number.value, "123");
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 2);
	ck_assert_int_eq(p.cases.v[0]->procs[1].type, PROC_INDIRECT);
	parsed_free(&p);
}
END_TEST

START_TEST(minutes_take_up_an_unnumbered_matter)
{
	struct parsed p;

	parse_text(&p, "minutes.txt", "審議会　会議録\n\n４　議　題\n"
	    "　（１）諮問第５１号　要介護認定調査業務の委託について\n"
	    "　（２）報告事項１　保育所入所申請の外部結合について\n\n６　会議の経過\n\n"
	    "【事務局】　諮問第５１号は、条例第６条第２号の規定に基づくものです。\n\n"
	    "【説明員】　委託先に渡す個人情報の項目は、被保険者番号、氏名、住所でございます。\n\n"
	    "【会長】　次に報告事項１について説明をお願いします。\n\n"
	    "【説明員】　結合の相手方は、株式会社ひびきクラウドサービスです。\n");
	ck_assert_int_eq((int)p.cases.n, 2);
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 1);
	ck_assert_int_eq((int)p.cases.v[0]->procs[0].data_items.n, 3);
	ck_assert_int_eq((int)p.cases.v[1]->nprocs, 1);
	ck_assert_int_eq((int)p.cases.v[1]->procs[0].data_items.n, 0);
	ck_assert_str_eq(p.cases.v[1]->procs[0].partner.value,
	    "株式会社ひびきクラウドサービス");
	parsed_free(&p);
}
END_TEST

START_TEST(minutes_bullets_naming_their_kind)
{
	struct parsed p;

	parse_text(&p, "gijiyoshi.txt", "第２回審議会　議事要旨\n\n４　議　題\n"
	    "　（１）諮問第７号　高齢者見守り事業における個人情報の目的外利用及び外部提供について\n"
	    "　（２）報告事項　生活困窮者支援における本人以外からの収集について\n"
	    "５　議事の概要\n\n■議題（１）諮問第７号\n〔説明要旨〕（福祉保健部高齢福祉推進課）\n"
	    "　・目的外利用：介護保険課が保有する情報のうち、要介護度を利用する。利用開始は令和\n"
	    "　　７年１０月１日。\n"
	    "　・外部提供：名簿を一般社団法人ひこね安心見守りネットに提供する。\n\n"
	    "■議題（２）報告事項\n〔説明要旨〕（福祉保健部社会福祉課）\n"
	    "　・関係機関から就労状況を収集する。\n");
	ck_assert_int_eq((int)p.cases.n, 2);
	ck_assert_str_eq(p.cases.v[0]->department.value, "福祉保健部高齢福祉推進課");
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 2);
	ck_assert_int_eq(p.cases.v[0]->procs[0].type, PROC_OTHER_USE);
	ck_assert_int_eq(p.cases.v[0]->procs[1].type, PROC_PROVISION);
	ck_assert_str_eq(p.cases.v[1]->department.value, "福祉保健部社会福祉課");
	parsed_free(&p);
}
END_TEST

START_TEST(letter_number_run_into_the_header)
{
	struct parsed p;

	parse_text(&p, "joined.txt", "豊総市第４１８号諮問第２７号\n令和７年１月２０日\n\n"
	    "課税資料の入力業務の委託内容の変更について（諮問）\n\n記\n\n"
	    "６　添付資料\n別紙　新旧対照表\n参考　現行契約の概要\n\n別紙\n"
	    "委託先\t株式会社みのおデータプロセス\n\n"
	    "参考　現行契約の概要\n委託先\t株式会社せんりパンチセンター\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_str_eq(p.cases.v[0]->number.value, "27");
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 1);
	ck_assert_int_eq((int)p.cases.v[0]->procs[0].consignees.n, 1);
	ck_assert_str_eq(p.cases.v[0]->procs[0].consignees.v[0],
	    "株式会社みのおデータプロセス");
	parsed_free(&p);
}
END_TEST

START_TEST(titled_headings_of_a_results_page_are_its_cases)
{
	struct parsed p;

	parse_text(&p, "kekka.html", "<h1>審議会の結果</h1>\n"
	    "<h3>【案件1】窓口受付システムの導入について</h3>\n"
	    "<p><span>区分</span><span>諮問（諮問第３号）</span></p>\n"
	    "<p><span>諮問日</span><span>令和8年5月12日</span></p>\n"
	    "<p><span>実施機関・所管</span><span>甲市長（市民部市民課）</span></p>\n"
	    "<p><span>受託予定者</span><span>株式会社甲データ</span></p>\n"
	    "<h3>【案件2】コールセンター業務の委託先の変更について</h3>\n"
	    "<p><span>区分</span><span>報告</span></p>\n"
	    "<p><span>報告日</span><span>令和8年4月28日</span></p>\n"
	    "<p><span>受託者</span><span>株式会社乙コール</span></p>\n"
	    "<p><span>変更前の受託者</span><span>株式会社丙電話</span></p>\n"
	    "<h2>会議資料</h2>\n<ul><li>資料1 諮問第３号関係（PDF：612KB）</li></ul>\n");
	ck_assert_int_eq((int)p.cases.n, 2);
	ck_assert_str_eq(p.cases.v[0]->title.value, "窓口受付システムの導入について");
	ck_assert_str_eq(p.cases.v[0]->kind.value, "諮問");
	ck_assert_str_eq(p.cases.v[0]->number.value, "3");
	ck_assert_str_eq(p.cases.v[0]->department.value, "市民部市民課");
	ck_assert_str_eq(p.cases.v[1]->kind.value, "報告");
	ck_assert_ptr_null(p.cases.v[1]->number.value);
	parsed_free(&p);
}
END_TEST

START_TEST(a_former_contractor_is_no_consignee)
{
	struct parsed p;

	parse_text(&p, "henkou.txt", "業務委託の委託先の変更について（報告）\n\n"
	    "委託業務名\t納付案内業務\n受託者\t株式会社乙コール\n"
	    "変更前の受託者\t株式会社丙電話\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 1);
	ck_assert_int_eq((int)p.cases.v[0]->procs[0].consignees.n, 1);
	ck_assert_str_eq(p.cases.v[0]->procs[0].consignees.v[0], "株式会社乙コール");
	parsed_free(&p);
}
END_TEST

START_TEST(items_parted_by_slashes)
{
	struct parsed p;

	parse_text(&p, "slash.txt", "窓口業務の委託について（報告）\n\n"
	    "委託業務名\t窓口業務\n"
	    "取り扱わせる情報\t氏名／住所／電話番号／課税／非課税の別\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_int_eq((int)p.cases.v[0]->procs[0].data_items.n, 5);
	ck_assert_str_eq(p.cases.v[0]->procs[0].data_items.v[2], "電話番号");
	parsed_free(&p);
}
END_TEST

START_TEST(procedures_in_columns_beside_an_index_column)
{
	struct parsed p;

	parse_text(&p, "toushin.txt", "図書館システムの更新について（答申）\n\n"
	    "実施機関\t甲市教育委員会（生涯学習部中央図書館）\n\n"
	    "No\t区分\t１\t２\n"
	    "1\t種別\t業務委託\t外部結合\n"
	    "2\t名称\t運用保守業務\t電子書籍サービスとの連携\n"
	    "3\t相手方\t株式会社甲情報\t株式会社乙ブックス\n"
	    "4\t個人情報項目\t利用者番号、氏名\t利用者番号\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_str_eq(p.cases.v[0]->department.value, "生涯学習部中央図書館");
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 2);
	ck_assert_int_eq(p.cases.v[0]->procs[0].type, PROC_OUTSOURCE);
	ck_assert_int_eq(p.cases.v[0]->procs[1].type, PROC_LINK);
	ck_assert_str_eq(p.cases.v[0]->procs[1].title.value, "電子書籍サービスとの連携");
	ck_assert_int_eq((int)p.cases.v[0]->procs[0].data_items.n, 2);
	parsed_free(&p);
}
END_TEST

START_TEST(an_agency_alone_names_no_department)
{
	struct parsed p;

	parse_text(&p, "agency.txt", "窓口業務の委託について（報告）\n\n"
	    "実施機関\t甲市長\n委託業務名\t窓口業務\n委託先\t株式会社甲データ\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_ptr_null(p.cases.v[0]->department.value);
	parsed_free(&p);
}
END_TEST

START_TEST(lines_naming_a_kind_start_procedures)
{
	struct parsed p;

	parse_text(&p, "tabs.html", "<h2>諮問第5号　予約システムの導入について</h2>\n"
	    "<dl><dt>担当課</dt><dd>企画課</dd>\n<dt>手続</dt><dd><ul>\n"
	    "<li>外部結合<ul><li>名称：予約システムとの回線結合</li>"
	    "<li>結合の相手方：株式会社甲ラボ</li></ul></li>\n"
	    "<li>業務委託<ul><li>名称：予約受付業務</li><li>委託先：株式会社乙コール</li>"
	    "<li>取り扱わせる項目：<ul><li>氏名</li><li>口座情報（金融機関名、口座番号）</li>"
	    "<li>電話番号</li></ul></li><li>再委託：なし</li></ul></li>\n"
	    "</ul></dd></dl>\n<button>諮問第5号</button><button>報告第2号</button>\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_str_eq(p.cases.v[0]->department.value, "企画課");
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 2);
	ck_assert_int_eq(p.cases.v[0]->procs[0].type, PROC_LINK);
	ck_assert_str_eq(p.cases.v[0]->procs[0].partner.value, "株式会社甲ラボ");
	ck_assert_int_eq(p.cases.v[0]->procs[1].type, PROC_OUTSOURCE);
	ck_assert_str_eq(p.cases.v[0]->procs[1].consignees.v[0], "株式会社乙コール");
	ck_assert_int_eq((int)p.cases.v[0]->procs[1].data_items.n, 3);
	parsed_free(&p);
}
END_TEST

START_TEST(paragraphs_each_entrusting_a_work)
{
	struct parsed p;

	parse_text(&p, "houkoku.md", "# 事務の委託の状況について（報告）\n\n"
	    "令和８年１月２０日  \n甲町総務課\n\n"
	    "## １　報告する委託\n\n"
	    "1. 通知書作成業務を株式会社甲プリントに委託し、\n"
	    "   氏名、住所、生年月日を取り扱わせるものである。委託期間は令和７年１０月１日から\n"
	    "   令和８年３月３１日までである。（担当：健康課）\n\n"
	    "2. 返礼品発送業務を株式会社乙物産に委託し、寄附者の氏名、住所、電話番号を\n"
	    "   取り扱わせるものである。受託者は、発送作業を有限会社丙運送に再委託する。\n\n"
	    "3. 庁舎清掃業務については、有限会社丁サービスに委託しているが、\n"
	    "   個人情報を取り扱わせないため、本報告の対象としない。\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_str_eq(p.cases.v[0]->department.value, "総務課");
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 3);
	ck_assert_str_eq(p.cases.v[0]->procs[0].title.value, "通知書作成業務");
	ck_assert_str_eq(p.cases.v[0]->procs[0].consignees.v[0], "株式会社甲プリント");
	ck_assert_int_eq((int)p.cases.v[0]->procs[0].data_items.n, 3);
	ck_assert_str_eq(p.cases.v[0]->procs[0].period_end.value, "2026-03-31");
	ck_assert_int_eq((int)p.cases.v[0]->procs[1].consignees.n, 1);
	ck_assert_str_eq(p.cases.v[0]->procs[1].consignees.v[0], "株式会社乙物産");
	ck_assert_int_eq(p.cases.v[0]->procs[2].type, PROC_SUBCONTRACT);
	parsed_free(&p);
}
END_TEST

START_TEST(minutes_of_speakers_state_the_facts)
{
	struct parsed p;

	parse_text(&p, "kaigiroku.txt", "第３回審査会　会議録\n\n"
	    "１　日　時　　令和７年１２月１６日（火）午後２時から\n"
	    "２　場　所　　役場本庁舎　第２会議室\n"
	    "４　議　題　　（１）諮問第２号　学習記録の目的外利用及び外部提供について\n"
	    "　　　　　　　（２）諮問第３号　課税資料の電子化業務の委託について\n"
	    "５　会議の経過\n\n"
	    "○会長　　それでは議題（１）、諮問第２号について、担当課から説明をお願いします。\n\n"
	    "○学校教育課長　　学校教育課でございます。根拠は、条例第６条第１号でございます。\n"
	    "　　　　　手続は二つございます。\n"
	    "　　　　　　一つ目は目的外利用でございまして、使う項目は、氏名、学年、学級でございます。\n"
	    "　　　　　令和８年４月１日から利用を始めたいと考えております。\n\n"
	    "○学校教育課長　　二つ目は外部提供でございます。提供先は一般社団法人甲研究所です。\n"
	    "　　　　　提供の期間は令和８年４月１日から令和９年３月３１日まででございます。\n\n"
	    "○会長　　次に議題（２）、諮問第３号をお願いします。\n\n"
	    "○税務課長　　税務課でございます。諮問第３号「課税資料の電子化業務の委託について」\n"
	    "　　　　　でございます。委託先は、株式会社乙ドキュメントに決まりました。\n"
	    "　　　　　委託期間は令和８年１月５日から……失礼いたしました。正しくは令和８年２月２日から令和\n"
	    "　　　　　８年９月３０日まででございます。\n");
	ck_assert_int_eq((int)p.cases.n, 2);
	ck_assert_str_eq(p.cases.v[0]->department.value, "学校教育課");
	ck_assert_int_eq((int)p.cases.v[0]->legal_basis.n, 1);
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 2);
	ck_assert_int_eq(p.cases.v[0]->procs[0].type, PROC_OTHER_USE);
	ck_assert_ptr_null(p.cases.v[0]->procs[0].period_end.value);
	ck_assert_int_eq(p.cases.v[0]->procs[1].type, PROC_PROVISION);
	ck_assert_str_eq(p.cases.v[1]->department.value, "税務課");
	ck_assert_int_eq((int)p.cases.v[1]->nprocs, 1);
	ck_assert_str_eq(p.cases.v[1]->procs[0].consignees.v[0], "株式会社乙ドキュメント");
	ck_assert_str_eq(p.cases.v[1]->procs[0].period_start.value, "2026-02-02");
	ck_assert_str_eq(p.cases.v[1]->procs[0].period_end.value, "2026-09-30");
	parsed_free(&p);
}
END_TEST

START_TEST(a_letter_numbered_after_its_body_in_kanji)
{
	struct parsed p;

	parse_text(&p, "tategaki.txt", "出雲市諮問第二十七号\n令和七年九月十二日\n"
	    "放課後児童クラブ業務の委託について（諮問）\n記\n"
	    "四　委託の内容\n　（一）業務委託\n"
	    "　　ア　委託業務名　利用申請受付等業務\n　　イ　委託先　株式会社甲サポート\n"
	    "　（二）再委託\n　　ア　再委託業務名　データ入力業務\n"
	    "　　イ　再委託先　有限会社乙入力センター\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_str_eq(p.cases.v[0]->number.value, "27");
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 2);
	ck_assert_int_eq(p.cases.v[0]->procs[0].type, PROC_OUTSOURCE);
	ck_assert_str_eq(p.cases.v[0]->procs[0].title.value, "利用申請受付等業務");
	ck_assert_int_eq(p.cases.v[0]->procs[1].type, PROC_SUBCONTRACT);
	parsed_free(&p);
}
END_TEST

START_TEST(a_table_of_cases_whose_cells_hold_pairs)
{
	struct parsed p;

	parse_text(&p, "kekka.md", "# 会議結果\n\n"
	    "| 番号 | 件名<br>（担当課） | 諮問・報告日 | 概要 | 結果 |\n"
	    "|:---:|---|---|---|---|\n"
	    "| 諮問第3号 | 受診勧奨業務の委託について<br>（国保年金課） | 令和7年9月26日 | "
	    "根拠：条例第6条第1号<br>委託先：株式会社甲ヘルス<br>委託期間：令和7年11月4日～令和8年3月31日 | 承認 |\n"
	    "| 諮問第4号 | 健診結果の外部提供について<br>（こども課） | 令和7年10月3日 | "
	    "根拠：条例第6条第3号<br>提供先：一般社団法人乙研究会 | 承認 |\n\n"
	    "## 会議資料\n\n- [資料1 諮問第3号説明資料（PDF：312KB）](/a.pdf)\n"
	    "- [資料2 諮問第4号説明資料（PDF：248KB）](/b.pdf)\n");
	ck_assert_int_eq((int)p.cases.n, 2);
	ck_assert_str_eq(p.cases.v[0]->title.value, "受診勧奨業務の委託について");
	ck_assert_str_eq(p.cases.v[0]->department.value, "国保年金課");
	ck_assert_str_eq(p.cases.v[0]->date.value, "2025-09-26");
	ck_assert_int_eq((int)p.cases.v[0]->legal_basis.n, 1);
	ck_assert_str_eq(p.cases.v[0]->procs[0].consignees.v[0], "株式会社甲ヘルス");
	ck_assert_str_eq(p.cases.v[0]->procs[0].period_end.value, "2026-03-31");
	ck_assert_str_eq(p.cases.v[1]->procs[0].partner.value, "一般社団法人乙研究会");
	parsed_free(&p);
}
END_TEST

START_TEST(items_in_an_annex_listed_under_a_head_of_columns)
{
	struct parsed p;

	parse_text(&p, "kishou.txt", "外部結合について（報告）\n\n記\n\n"
	    "六　外部結合\n　（一）件名：審査会システムとの外部結合\n"
	    "　（二）結合の相手方：株式会社甲クラウド\n"
	    "　（三）結合する個人情報の項目：別記１のとおり\n\n"
	    "別記１　結合する個人情報の項目\n\n"
	    "　番号　　項目\n　　１　　被保険者番号\n　　２　　申請区分\n"
	    "　　３　　年齢\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_int_eq((int)p.cases.v[0]->procs[0].data_items.n, 3);
	ck_assert_str_eq(p.cases.v[0]->procs[0].data_items.v[0], "被保険者番号");
	parsed_free(&p);
}
END_TEST

START_TEST(questions_of_an_faq_head_their_cases)
{
	struct parsed p;

	parse_text(&p, "faq.html", "<h1>審議会の概要</h1>\n"
	    "<div class=\"faq\"><p class=\"q\"><span>Q</span>諮問第5号　移住支援金の支給事務に係る本人外収集について</p>\n"
	    "<dl><dt>諮問日</dt><dd>令和7年11月20日</dd><dt>担当課</dt><dd>総合政策課</dd></dl></div>\n"
	    "<div class=\"faq\"><p class=\"q\"><span>Q</span>諮問第6号　給食費システムとの外部結合について</p>\n"
	    "<dl><dt>諮問日</dt><dd>令和7年11月27日</dd><dt>担当課</dt><dd>子ども課</dd></dl></div>\n");
	ck_assert_int_eq((int)p.cases.n, 2);
	ck_assert_str_eq(p.cases.v[0]->number.value, "5");
	ck_assert_str_eq(p.cases.v[1]->department.value, "子ども課");
	parsed_free(&p);
}
END_TEST

START_TEST(a_sheet_of_questions_and_answers)
{
	struct parsed p;

	parse_text(&p, "mondou.txt", "諮問第１４号　説明資料（問答形式）\n\n"
	    "件名　　受診勧奨業務の委託について\n担当　　保険年金課\n\n"
	    "問１　今回の諮問の趣旨は何か。\n\n"
	    "答　　受診勧奨を民間事業者に委託するため、条例第７条第１項\n"
	    "　　　第２号の規定に基づき、審議会の意見を伺うものです。\n\n"
	    "問３　委託先に渡す個人情報は何か。\n\n"
	    "答　　氏名、生年月日、住所及び電話番号です。\n\n"
	    "問５　再委託はあるか。\n\n"
	    "答　　印刷に限り株式会社甲印刷へ再委託します。その期間は令和７年１２月１日から\n"
	    "　　　令和８年２月２７日までです。\n\n"
	    "問６　委託の期間はいつからいつまでか。\n\n"
	    "答　　令和７年１１月２０日から令和８年３月３１日までを予定しています。\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_int_eq((int)p.cases.v[0]->legal_basis.n, 1);
	ck_assert_int_ge((int)p.cases.v[0]->nprocs, 1);
	ck_assert_int_eq((int)p.cases.v[0]->procs[0].data_items.n, 4);
	ck_assert_str_eq(p.cases.v[0]->procs[0].period_start.value, "2025-11-20");
	parsed_free(&p);
}
END_TEST

START_TEST(paragraphs_naming_their_procedure_in_quotes)
{
	struct parsed p;

	parse_text(&p, "toushin.md", "# 答申第９号\n\n## 給食費公会計化に伴う個人情報の取扱いについて（答申）\n\n"
	    "#### ２　諮問第１８号（外部結合及び目的外利用）\n\n"
	    "口座振替を迅速化するため、「口座振替データ伝送に係る外部結合」として、"
	    "給食費システムと株式会社甲銀行の収納代行システムとを専用回線で結合する。\n\n"
	    "また、「就学援助認定情報の目的外利用」として、学事課が保有する認定情報を利用する。\n\n"
	    "### 第３　審議会の判断\n\n結合については、必要最小限であると認められる。\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 2);
	ck_assert_int_eq(p.cases.v[0]->procs[0].type, PROC_LINK);
	ck_assert_str_eq(p.cases.v[0]->procs[0].title.value,
	    "口座振替データ伝送に係る外部結合");
	ck_assert_int_eq(p.cases.v[0]->procs[1].type, PROC_OTHER_USE);
	parsed_free(&p);
}
END_TEST

START_TEST(a_change_report_gives_the_facts_after_the_change)
{
	struct parsed p;
	const struct procedure *q;

	parse_text(&p, "henkou.txt", "　　　　窓口受付業務の委託内容の変更について（報告）\n\n"
	    "記\n\n"
	    "１　委託先\n"
	    "　　現行では、株式会社旧和商事に委託しているが、改正後は、入札で選定した"
	    "株式会社新和サービスに委託する。\n\n"
	    "２　取り扱わせる個人情報の項目\n"
	    "　　現行では、氏名及び住所を取り扱わせている。\n"
	    "　　改正後に取り扱わせる項目は、氏名、住所及び電話番号となる。\n\n"
	    "３　委託期間\n"
	    "　　現行の委託期間は令和５年４月１日から令和８年３月３１日までであるが、改正後は令\n"
	    "　　和８年４月１日から令和１１年３月３１日までとする。\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_int_ge((int)p.cases.v[0]->nprocs, 1);
	q = &p.cases.v[0]->procs[0];
	ck_assert_int_eq((int)q->consignees.n, 1);
	ck_assert_str_eq(q->consignees.v[0], "株式会社新和サービス");
	ck_assert_int_eq((int)q->data_items.n, 3);
	ck_assert_str_eq(q->data_items.v[2], "電話番号");
	ck_assert_str_eq(q->period_start.value, "2026-04-01");
	ck_assert_str_eq(q->period_end.value, "2029-03-31");
	parsed_free(&p);
}
END_TEST

START_TEST(an_annex_a_procedure_names_gives_its_facts)
{
	struct parsed p;
	const struct procedure *q;

	parse_text(&p, "kyoutei.txt", "見守り活動に係る個人情報の外部提供について（報告）\n\n"
	    "記\n\n"
	    "１　報告の内容\n"
	    "　（１）新聞配達における見守りのための提供\n"
	    "　　　　提供先　有限会社山川新聞店（別添１）\n\n"
	    "２　添付資料\n"
	    "　　別添１　見守り活動に関する協定書（案）\n\n"
	    "以上\n\n"
	    "別添１\n\n"
	    "　　見守り活動に関する協定書（案）\n\n"
	    "（情報の提供）\n"
	    "第３条　甲は、次に掲げる情報を乙に提供する。\n"
	    "　(1)　氏名\n"
	    "　(2)　住所\n"
	    "２　甲は、前項に掲げる情報のほか、情報を乙に提供しない。\n\n"
	    "（有効期間）\n"
	    "第８条　この協定の有効期間は、令和７年１１月１日から令和８年３月３１日までとする。\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 1);
	q = &p.cases.v[0]->procs[0];
	ck_assert_int_eq(q->type, PROC_PROVISION);
	ck_assert_int_eq((int)q->data_items.n, 2);
	ck_assert_str_eq(q->data_items.v[0], "氏名");
	ck_assert_str_eq(q->data_items.v[1], "住所");
	ck_assert_str_eq(q->period_start.value, "2025-11-01");
	ck_assert_str_eq(q->period_end.value, "2026-03-31");
	parsed_free(&p);
}
END_TEST

START_TEST(bracketed_blocks_of_subcontracts_are_procedures)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "shinsei.txt", "　　徴収業務に係る再委託の承認について（報告）\n\n"
	    "記\n\n"
	    "１　委託業務名　　徴収業務\n"
	    "２　再委託の内容\n"
	    "　【再委託その１】\n"
	    "　（１）再委託先の名称　　株式会社山川印刷\n"
	    "　（２）所在地　　　　　　山川市＊＊\n"
	    "　（３）プライバシーマーク　取得済み\n"
	    "　（４）取り扱わせる個人情報\n"
	    "　　　　氏名、住所\n"
	    "　【再委託その２】\n"
	    "　（１）再委託先の名称　　株式会社川下コール\n"
	    "　（２）取り扱わせる個人情報\n"
	    "　　　　氏名、電話番号\n"
	    "３　再委託を必要とする理由\n"
	    "　　処理の迅速化を図るため。\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	c = p.cases.v[0];
	ck_assert_int_eq((int)c->nprocs, 2);
	ck_assert_int_eq(c->procs[0].type, PROC_SUBCONTRACT);
	ck_assert_str_eq(c->procs[0].subcontractors.v[0], "株式会社山川印刷");
	ck_assert_int_eq((int)c->procs[0].data_items.n, 2);
	ck_assert_int_eq(c->procs[1].type, PROC_SUBCONTRACT);
	ck_assert_str_eq(c->procs[1].subcontractors.v[0], "株式会社川下コール");
	ck_assert_str_eq(c->procs[1].data_items.v[1], "電話番号");
	parsed_free(&p);
}
END_TEST

START_TEST(a_change_log_table_is_no_list_of_procedures)
{
	struct parsed p;

	parse_text(&p, "log.md", "# 受付システムの委託について（報告）\n\n"
	    "- **担当課**：環境部ごみ対策課\n\n"
	    "## 業務委託\n\n"
	    "| 項目 | 内容 |\n|---|---|\n"
	    "| 件名 | 受付コールセンター運営業務 |\n"
	    "| 委託先 | 株式会社山川サービス |\n\n"
	    "## 変更履歴\n\n"
	    "| 版 | 日付 | 内容 | 担当 |\n|---|---|---|---|\n"
	    "| 第1.0版 | 令和７年１０月３０日 | 初版 | 総務部デジタル推進課 |\n"
	    "| 第1.1版 | 令和７年１１月１４日 | 期間を修正 | 環境部ごみ対策課 |\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 1);
	ck_assert_str_eq(p.cases.v[0]->procs[0].consignees.v[0],
	    "株式会社山川サービス");
	parsed_free(&p);
}
END_TEST

START_TEST(a_row_of_a_list_reads_the_section_that_details_it)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "chosa.md", "# 委託先実地調査の結果について（報告）\n\n"
	    "## １　調査の対象\n\n"
	    "| No. | 委託業務名 | 受託者 | 再委託先 |\n|:---:|---|---|---|\n"
	    "| 1 | 課税資料データ入力業務 | 株式会社山川情報 | なし |\n"
	    "| 2 | 給食費徴収管理システム運用業務 | 株式会社川下システム | 株式会社谷クラウド |\n\n"
	    "## ２　調査の結果\n\n"
	    "### No.1　課税資料データ入力業務\n\n"
	    "- 取り扱わせている個人情報：氏名、住所\n"
	    "- 委託期間：令和７年１０月１日～令和８年３月３１日\n\n"
	    "### No.2　給食費徴収管理システム運用業務\n\n"
	    "- 取り扱わせている個人情報：児童の氏名、保護者の氏名\n"
	    "- 再委託：あり（サーバの運用）\n"
	    "  - 再委託先：株式会社谷クラウド\n"
	    "  - 再委託先が取り扱う個人情報：児童の氏名\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	c = p.cases.v[0];
	ck_assert_int_eq((int)c->nprocs, 3);
	ck_assert_str_eq(c->procs[0].period_start.value, "2025-10-01");
	ck_assert_int_eq((int)c->procs[0].data_items.n, 2);
	ck_assert_int_eq((int)c->procs[1].data_items.n, 2);
	ck_assert_int_eq(c->procs[2].type, PROC_SUBCONTRACT);
	ck_assert_str_eq(c->procs[2].subcontractors.v[0], "株式会社谷クラウド");
	ck_assert_int_eq((int)c->procs[2].data_items.n, 1);
	parsed_free(&p);
}
END_TEST

START_TEST(bold_labels_in_bullets_pair_after_a_wide_space)
{
	struct parsed p;

	parse_text(&p, "bullets.md", "# 実地調査の結果について（報告）\n\n"
	    "- **報告日**　令和８年１月１９日\n"
	    "- **担当**　総務課行財政係\n\n"
	    "委託先の管理状況を確認した。\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_str_eq(p.cases.v[0]->department.value, "総務課行財政係");
	ck_assert_str_eq(p.cases.v[0]->date.value, "2026-01-19");
	parsed_free(&p);
}
END_TEST

START_TEST(a_notice_told_in_sentences_gives_its_procedures)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "kouhou.html", "<html><body><article>"
	    "<h3>諮問第５号　予約システムの導入に伴う個人情報の取扱いについて</h3>"
	    "<p>予約システムの運用は、株式会社山川モビリティに<ruby>委託<rp>（</rp>"
	    "<rt>いたく</rt><rp>）</rp></ruby>します。委託先が扱う情報は、氏名、住所、"
	    "電話番号です。</p>"
	    "<p>サーバの運用は、同社から株式会社谷データセンターに再委託されます。</p>"
	    "<h3>諮問第６号　見守り活動に係る個人情報の提供について</h3>"
	    "<p>村は川下村社会福祉協議会に名簿の情報を提供します。</p>"
	    "</article></body></html>");
	ck_assert_int_eq((int)p.cases.n, 2);
	c = p.cases.v[0];
	ck_assert_int_eq((int)c->nprocs, 2);
	ck_assert_int_eq(c->procs[0].type, PROC_OUTSOURCE);
	ck_assert_str_eq(c->procs[0].consignees.v[0], "株式会社山川モビリティ");
	ck_assert_int_eq((int)c->procs[0].data_items.n, 3);
	ck_assert_int_eq(c->procs[1].type, PROC_SUBCONTRACT);
	c = p.cases.v[1];
	ck_assert_int_eq((int)c->nprocs, 1);
	ck_assert_str_eq(c->procs[0].partner.value, "川下村社会福祉協議会");
	parsed_free(&p);
}
END_TEST

START_TEST(a_letter_of_bracketed_sections_is_titled_by_its_subject)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "midashi.txt", "山川市長\n\n"
	    "口座振替受付業務の委託等について（報告）\n\n"
	    "　条例第７条第１項の規定により、下記のとおり報告します。\n\n"
	    "記\n\n"
	    "【事業の概要】\n"
	    "　口座振替受付サービスを導入する。\n\n"
	    "【再委託の取扱い】\n"
	    "　本件の委託については、再委託を行わない。契約書に禁止を明記する。\n\n"
	    "【受付サービスとの外部結合】\n"
	    "　窓口端末と、株式会社谷ペイメントのサーバとを、LGWAN-ASPを介して結合する。"
	    "結合により送受信する個人情報は、氏名、口座番号及び受付日時である。\n\n"
	    "以上\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	c = p.cases.v[0];
	ck_assert_str_eq(c->title.value, "口座振替受付業務の委託等について");
	ck_assert_int_eq((int)c->nprocs, 1);
	ck_assert_int_eq(c->procs[0].type, PROC_LINK);
	ck_assert_int_eq((int)c->procs[0].data_items.n, 3);
	parsed_free(&p);
}
END_TEST

START_TEST(a_heading_in_brackets_titles_its_procedure_without_them)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "midashi2.txt", "受付業務の委託等について（報告）\n\n"
	    "記\n\n"
	    "【受付サービス運用業務の委託】\n"
	    "　窓口端末の設置を、株式会社山川決済に委託する。\n\n"
	    "【受付サービスとの外部結合】\n"
	    "　窓口端末と、株式会社谷ペイメントのサーバとを、LGWAN-ASPを介して結合する。\n\n"
	    "以上\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	c = p.cases.v[0];
	ck_assert_int_eq((int)c->nprocs, 2);
	ck_assert_str_eq(c->procs[0].title.value, "受付サービス運用業務の委託");
	ck_assert_str_eq(c->procs[1].title.value, "受付サービスとの外部結合");
	parsed_free(&p);
}
END_TEST

START_TEST(a_printed_form_gives_its_filled_in_fields)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "kian.html", "<html><body><h1>起案文書</h1><table>"
	    "<tr><th>件名</th><td><input type=\"text\" value=\"予約システム運用業務委託契約の締結について\" readonly></td></tr>"
	    "<tr><th>委託業務名</th><td><input type=\"text\" value=\"予約システム運用業務\"></td></tr>"
	    "<tr><th>契約の相手方</th><td><input type=\"text\" value=\"株式会社山川データ\"></td></tr>"
	    "<tr><th>契約方法</th><td><select><option>一般競争入札</option>"
	    "<option selected>随意契約</option></select></td></tr>"
	    "<tr><th>契約期間</th><td><input type=\"text\" value=\"令和７年１１月１日\"> から "
	    "<input type=\"text\" value=\"令和９年３月３１日\"> まで</td></tr>"
	    "<tr><th>再委託の有無</th><td><input type=\"radio\" checked> 有 <input type=\"radio\"> 無</td></tr>"
	    "<tr><th>再委託先</th><td><input type=\"text\" value=\"株式会社谷コール\"></td></tr>"
	    "</table></body></html>");
	ck_assert_int_eq((int)p.cases.n, 1);
	c = p.cases.v[0];
	ck_assert_str_eq(c->title.value, "予約システム運用業務委託契約の締結について");
	ck_assert_int_ge((int)c->nprocs, 1);
	ck_assert_str_eq(c->procs[0].consignees.v[0], "株式会社山川データ");
	ck_assert_str_eq(c->procs[0].period_start.value, "2025-11-01");
	ck_assert_str_eq(c->procs[0].period_end.value, "2027-03-31");
	parsed_free(&p);
}
END_TEST

START_TEST(forms_numbered_by_a_row_are_cases_of_their_own)
{
	struct parsed p;

	parse_text(&p, "yoshiki.txt", "様式第４号\n個人情報取扱事務委託等報告書\n"
	    "報告番号\t第１１号\n"
	    "件名\t送迎業務の委託について\n"
	    "担当課\tこども発達支援課\n"
	    "委託先\t株式会社山川交通\n"
	    "\f\n"
	    "様式第４号\n個人情報取扱事務委託等報告書\n"
	    "報告番号\t第１２号\n"
	    "件名\t見守り事業に係る個人情報の外部提供について\n"
	    "担当課\t高齢介護課\n"
	    "提供先\t社会福祉法人川下協議会\n");
	ck_assert_int_eq((int)p.cases.n, 2);
	ck_assert_str_eq(p.cases.v[0]->number.value, "11");
	ck_assert_str_eq(p.cases.v[0]->kind.value, "報告");
	ck_assert_str_eq(p.cases.v[1]->number.value, "12");
	ck_assert_str_eq(p.cases.v[1]->title.value,
	    "見守り事業に係る個人情報の外部提供について");
	parsed_free(&p);
}
END_TEST

START_TEST(a_list_of_cases_under_group_titles_and_a_two_row_head)
{
	struct parsed p;

	parse_text(&p, "geppo.html", "<html><body><h1>月例報告</h1><table>"
	    "<tr><th rowspan=\"2\">報告番号</th><th rowspan=\"2\">件名</th>"
	    "<th rowspan=\"2\">区分</th><th rowspan=\"2\">委託先</th>"
	    "<th colspan=\"2\">期間</th></tr>"
	    "<tr><th>開始</th><th>終了</th></tr>"
	    "<tr><th colspan=\"6\">■新規</th></tr>"
	    "<tr><td>第２１号</td><td>端末の保守業務の委託について</td><td>業務委託</td>"
	    "<td>（元請）株式会社山川システム</td><td>令和７年１１月１日</td><td>令和１０年３月３１日</td></tr>"
	    "<tr><th colspan=\"6\">■変更</th></tr>"
	    "<tr><td>第２３号</td><td>入居者管理業務の委託について</td><td>業務委託</td>"
	    "<td>株式会社谷ハウジング</td><td>令和７年１０月１日</td><td>令和１２年３月３１日</td></tr>"
	    "</table></body></html>");
	ck_assert_int_eq((int)p.cases.n, 2);
	ck_assert_str_eq(p.cases.v[0]->title.value, "端末の保守業務の委託について");
	ck_assert_str_eq(p.cases.v[0]->procs[0].consignees.v[0],
	    "株式会社山川システム");
	ck_assert_str_eq(p.cases.v[0]->procs[0].period_end.value, "2028-03-31");
	ck_assert_str_eq(p.cases.v[1]->title.value, "入居者管理業務の委託について");
	parsed_free(&p);
}
END_TEST

START_TEST(dittos_withdrawn_rows_and_a_table_typed_by_its_heading)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "ichiran.md", "# 外部提供等の状況について\n\n"
	    "## １　外部提供\n\n"
	    "| 番号 | 提供先 | 提供する情報 | 開始日 |\n|---|---|---|---|\n"
	    "| 1 | 山川市社会福祉協議会 | 氏名、住所 | 令和7年4月1日 |\n"
	    "| 2 | 山川市民生委員協議会 | 〃 | 〃 |\n"
	    "| 3 | （欠番） | － | － |\n\n"
	    "## ２　目的外利用\n\n"
	    "| 番号 | 利用課 | 利用する情報 | 開始日 |\n|---|---|---|---|\n"
	    "| 1 | 市民税課 | 減免決定者の氏名 | 令和7年6月2日 |\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	c = p.cases.v[0];
	ck_assert_int_eq((int)c->nprocs, 3);
	ck_assert_str_eq(c->procs[1].partner.value, "山川市民生委員協議会");
	ck_assert_int_eq((int)c->procs[1].data_items.n, 2);
	ck_assert_str_eq(c->procs[1].period_start.value, "2025-04-01");
	ck_assert_int_eq(c->procs[2].type, PROC_OTHER_USE);
	parsed_free(&p);
}
END_TEST

START_TEST(a_subject_wrapped_by_big_type_is_joined)
{
	struct parsed p;

	parse_text(&p, "torn.txt", "資料３\n\n"
	    "個人情報の取扱いに係る委託先実地調査の結\n\n"
	    "果について（報告）\n\n"
	    "　委託先の管理状況を確認したので報告する。\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_str_eq(p.cases.v[0]->title.value,
	    "個人情報の取扱いに係る委託先実地調査の結果について");
	parsed_free(&p);
}
END_TEST

START_TEST(a_list_grouped_by_its_first_name_column_gives_its_cases)
{
	struct parsed p;

	parse_text(&p, "todokede.md", "# 届出状況について\n\n"
	    "| 受付番号 | 事務の名称 | 区分 | 業務・手続の名称 | 相手方 |\n"
	    "|---|---|---|---|---|\n"
	    "| 1 | 給食費公会計事務 | 業務委託 | 収納管理業務 | 株式会社山川サービス |\n"
	    "| 2 |  | 再委託 | データ作成業務 | 株式会社谷計算 |\n"
	    "| 3 |  | 外部結合 | データの伝送 | 株式会社川下ペイ |\n"
	    "| 4 | 空き家バンク運営事務 | 外部提供 | 物件情報の提供 | 一般社団法人山川協議会 |\n");
	ck_assert_int_eq((int)p.cases.n, 2);
	ck_assert_str_eq(p.cases.v[0]->title.value, "給食費公会計事務");
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 3);
	ck_assert_str_eq(p.cases.v[0]->procs[2].title.value, "データの伝送");
	ck_assert_str_eq(p.cases.v[1]->title.value, "空き家バンク運営事務");
	parsed_free(&p);
}
END_TEST

START_TEST(a_results_page_lists_cases_of_both_kinds)
{
	struct parsed p;

	parse_text(&p, "kekka.txt", "審議会の結果\n"
	    "審議案件\n"
	    "諮問第６号　子育て支援アプリの導入に伴う個人情報の取扱いについて\n"
	    "報告第２号　市税等コールセンター業務の委託について\n"
	    "諮問第６号　子育て支援アプリの導入に伴う個人情報の取扱いについて\n"
	    "担当課\tこども家庭課\n"
	    "結合の相手方\t株式会社山川ラボ\n"
	    "結合する個人情報\t保護者の氏名、メールアドレス\n"
	    "委託先\t株式会社谷システムズ\n"
	    "委託する個人情報\t保護者の氏名、問合せ内容\n"
	    "報告第２号　市税等コールセンター業務の委託について\n"
	    "担当課\t納税課\n"
	    "委託先\t株式会社川下コンタクト\n");
	ck_assert_int_eq((int)p.cases.n, 2);
	ck_assert_str_eq(p.cases.v[1]->number.value, "2");
	ck_assert_str_eq(p.cases.v[1]->kind.value, "報告");
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 2);
	ck_assert_int_eq(p.cases.v[0]->procs[0].type, PROC_LINK);
	ck_assert_str_eq(p.cases.v[0]->procs[0].partner.value, "株式会社山川ラボ");
	ck_assert_int_eq(p.cases.v[0]->procs[1].type, PROC_OUTSOURCE);
	ck_assert_int_eq((int)p.cases.v[0]->procs[1].data_items.n, 2);
	parsed_free(&p);
}
END_TEST

START_TEST(a_letters_own_entrustment_is_typed_by_its_own_facts)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "kisho.txt", "口座振替データ作成業務の委託等について（諮問）\n\n"
	    "記\n\n"
	    "１　委託先\n　　株式会社山川データ工房\n\n"
	    "２　委託する個人情報の項目\n　　保護者の氏名、口座番号\n\n"
	    "３　委託期間\n　　令和７年１０月１日から令和１０年３月３１日まで\n\n"
	    "４　外部結合\n"
	    "　　（１）結合の相手方　　株式会社谷収納代行センター\n"
	    "　　（２）結合される情報項目\n"
	    "　　　　　口座番号、振替金額\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	c = p.cases.v[0];
	ck_assert_int_eq((int)c->nprocs, 2);
	ck_assert_int_eq(c->procs[0].type, PROC_OUTSOURCE);
	ck_assert_str_eq(c->procs[0].consignees.v[0], "株式会社山川データ工房");
	ck_assert_int_eq(c->procs[1].type, PROC_LINK);
	parsed_free(&p);
}
END_TEST

START_TEST(forms_titled_as_reports_in_one_file_are_cases)
{
	struct parsed p;

	parse_text(&p, "shiryo.txt", "審議会\n報告事項\n\n"
	    "資料２－１\n報告書\n"
	    "件名\t認定調査業務の委託等について\n"
	    "担当課\t介護保険課\n"
	    "手続の種類\t業務委託\n"
	    "委託先\t一般社団法人山川協会\n\n"
	    "資料２－２\n報告書\n"
	    "件名\t市民税情報の目的外利用等について\n"
	    "担当課\t学校教育課\n"
	    "手続の種類\t目的外利用\n"
	    "利用する個人情報の項目\t世帯員の氏名、総所得金額\n");
	ck_assert_int_eq((int)p.cases.n, 2);
	ck_assert_str_eq(p.cases.v[0]->title.value, "認定調査業務の委託等について");
	ck_assert_str_eq(p.cases.v[1]->title.value,
	    "市民税情報の目的外利用等について");
	ck_assert_str_eq(p.cases.v[1]->department.value, "学校教育課");
	parsed_free(&p);
}
END_TEST

START_TEST(a_procedure_block_begins_at_its_title_above_its_kind)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "fugi.txt", "付議事項書\n\n"
	    "件名\t学習支援サービスの導入に伴う個人情報の外部提供等について\n"
	    "担当課\t学校教育課\n\n"
	    "【手続１】\n"
	    "手続の件名\t児童生徒情報の提供\n"
	    "手続の種類\t外部提供\n"
	    "提供先\t株式会社山川ラーニング\n\n"
	    "【手続２】\n"
	    "手続の件名\t端末運用支援業務の委託\n"
	    "手続の種類\t業務委託\n"
	    "委託先\t株式会社谷テクノ\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	c = p.cases.v[0];
	ck_assert_int_eq((int)c->nprocs, 2);
	ck_assert_int_eq(c->procs[0].type, PROC_PROVISION);
	ck_assert_str_eq(c->procs[0].title.value, "児童生徒情報の提供");
	ck_assert_int_eq(c->procs[1].type, PROC_OUTSOURCE);
	ck_assert_str_eq(c->procs[1].title.value, "端末運用支援業務の委託");
	parsed_free(&p);
}
END_TEST

START_TEST(a_numbered_list_of_a_cases_procedures_is_no_list_of_cases)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "toushin.md", "# 審議会の答申\n\n"
	    "## 諮問第2号　健診予約受付業務の委託について\n\n"
	    "| 諮問日 | 令和7年10月31日 |\n|---|---|\n"
	    "| 担当課 | 健康医療対策課 |\n\n"
	    "### 手続の内容\n\n"
	    "| No. | 手続 | 件名 | 委託先・再委託先 |\n|---|---|---|---|\n"
	    "| 1 | 業務委託 | 予約システム運用業務 | 株式会社山川ヘルスネット |\n"
	    "| 2 | 再委託 | 予約受付コールセンター業務 | 株式会社谷コールワークス |\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	c = p.cases.v[0];
	ck_assert_str_eq(c->title.value, "健診予約受付業務の委託について");
	ck_assert_int_eq((int)c->nprocs, 2);
	ck_assert_str_eq(c->procs[0].title.value, "予約システム運用業務");
	ck_assert_int_eq(c->procs[1].type, PROC_SUBCONTRACT);
	parsed_free(&p);
}
END_TEST

START_TEST(an_index_table_whose_rows_head_sections_below_is_no_list_of_cases)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "shiryo.html", "<p>諮問事項及び報告事項一覧</p>\n"
	    "<table><tr><td>区分</td><td>件名</td><td>担当</td></tr>\n"
	    "<tr><td>諮問第１２号</td><td>被災者台帳の電子計算機への記録について</td><td>危機管理課</td></tr>\n"
	    "<tr><td>報告第５号</td><td>旅券窓口業務の委託について</td><td>旅券事務室</td></tr></table>\n"
	    "<p><b>諮問第１２号</b></p>\n<p><b>被災者台帳の電子計算機への記録について</b></p>\n"
	    "<table><tr><td>諮問日</td><td>令和７年１１月４日</td></tr>\n"
	    "<tr><td>記録する個人情報の項目</td><td>氏名、住所</td></tr></table>\n"
	    "<p><b>報告第５号</b></p>\n<p><b>旅券窓口業務の委託について（報告）</b></p>\n"
	    "<table><tr><td>報告日</td><td>令和７年１１月４日</td></tr>\n"
	    "<tr><td>委託先</td><td>株式会社みなと窓口サービス</td></tr></table>\n");
	ck_assert_int_eq((int)p.cases.n, 2);
	c = p.cases.v[0];
	ck_assert_str_eq(c->number.value, "12");
	ck_assert_str_eq(c->date.value, "2025-11-04");
	c = p.cases.v[1];
	ck_assert_str_eq(c->number.value, "5");
	ck_assert_int_eq((int)c->nprocs, 1);
	ck_assert_str_eq(c->procs[0].consignees.v[0], "株式会社みなと窓口サービス");
	parsed_free(&p);
}
END_TEST

START_TEST(an_index_table_whose_subjects_recur_in_sheets_below_is_no_list)
{
	struct parsed p;

	parse_text(&p, "ichiran.txt", "報告事項一覧\n\n"
	    "番号\t件名\t所管課\n"
	    "12\t税額通知書の作成業務の委託について\t市民税課\n"
	    "13\t見守り登録情報の外部提供について\t高齢介護課\n\n"
	    "報告事項　報告第１２号\n\n"
	    "報告番号\t報告第１２号\n"
	    "件名\t税額通知書の作成業務の委託について\n"
	    "報告日\t令和７年１０月３０日\n"
	    "委託先\t株式会社泉州ドキュメント\n\n"
	    "報告事項　報告第１３号\n\n"
	    "報告番号\t報告第１３号\n"
	    "件名\t見守り登録情報の外部提供について\n"
	    "報告日\t令和７年１０月３１日\n"
	    "提供先\t一般社団法人見守り協議会\n");
	ck_assert_int_eq((int)p.cases.n, 2);
	ck_assert_str_eq(p.cases.v[0]->date.value, "2025-10-30");
	ck_assert_str_eq(p.cases.v[1]->date.value, "2025-10-31");
	parsed_free(&p);
}
END_TEST

START_TEST(an_agenda_item_alone_on_its_line_starts_a_case_without_a_number)
{
	struct parsed p;

	parse_text(&p, "shiryo.txt", "報告事項（保有個人情報の利用及び提供）\n\n"
	    "報告事項１\n\n"
	    "件名　　　　：国保被保険者情報のがん検診勧奨への利用について\n"
	    "担当課　　　：保健福祉課\n"
	    "区分　　　　：目的外利用（法第６９条第２項による利用）\n"
	    "利用する個人情報：氏名、性別、住所\n\n"
	    "報告事項２\n\n"
	    "件名　　　　：見守り登録情報の警察署への提供について\n"
	    "担当課　　　：保健福祉課\n"
	    "提供先　　　：北海道余市警察署\n");
	ck_assert_int_eq((int)p.cases.n, 2);
	ck_assert_ptr_null(p.cases.v[0]->number.value);
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 1);
	ck_assert_int_eq(p.cases.v[0]->procs[0].type, PROC_OTHER_USE);
	ck_assert_str_eq(p.cases.v[1]->procs[0].partner.value, "北海道余市警察署");
	parsed_free(&p);
}
END_TEST

START_TEST(an_entrustments_number_alone_takes_its_title_from_the_line_below)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "hyoka.txt", "特定個人情報保護評価書（重点項目評価書）\n"
	    "評価書番号\n評価書名\n6\n国民健康保険に関する事務　重点項目評価書\n"
	    "公表日\n令和６年１１月８日\n"
	    "４．特定個人情報ファイルの取扱いの委託\n委託の有無　※\n［委託する］\n"
	    "委託事項１\n国民健康保険システム運用保守業務\n①委託内容\nシステムの稼働監視\n"
	    "③委託先名\n株式会社アツギ情報システム\n④再委託の有無　※\n［再委託しない］\n"
	    "委託事項２～３\n委託事項２\n資格確認書等作成・発送業務\n"
	    "③委託先名\n株式会社丹沢ビジネスフォーム\n⑤再委託の許諾方法\n委託事項１に同じ。\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	c = p.cases.v[0];
	ck_assert_str_eq(c->number.value, "6");
	ck_assert_str_eq(c->title.value, "国民健康保険に関する事務重点項目評価書");
	ck_assert_int_eq((int)c->nprocs, 2);
	ck_assert_str_eq(c->procs[0].title.value, "国民健康保険システム運用保守業務");
	ck_assert_str_eq(c->procs[1].title.value, "資格確認書等作成・発送業務");
	ck_assert_str_eq(c->procs[1].consignees.v[0], "株式会社丹沢ビジネスフォーム");
	parsed_free(&p);
}
END_TEST

START_TEST(a_consultations_numbered_parts_are_its_procedures_not_cases)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "toushin.txt", "答申第１７号\n令和７年１１月２１日\n\n"
	    "　　子育てアプリの導入に伴う個人情報の外部結合及び業務委託について（答申）\n\n"
	    "１　件名\n　　子育てアプリの導入に伴う個人情報の外部結合及び業務委託について\n\n"
	    "２　諮問の内容\n"
	    "　(3) 諮問事項その１（外部結合）\n"
	    "　　・件名：子育てアプリとの回線結合\n"
	    "　　・結合の相手方：ハルカゼ・クラウド株式会社\n"
	    "　(4) 諮問事項その２（業務委託）\n"
	    "　　・件名：子育てアプリ運用保守業務委託\n"
	    "　　・委託先：株式会社くびきのデジタルヘルス\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	c = p.cases.v[0];
	ck_assert_int_eq((int)c->nprocs, 2);
	ck_assert_int_eq(c->procs[0].type, PROC_LINK);
	ck_assert_str_eq(c->procs[1].consignees.v[0], "株式会社くびきのデジタルヘルス");
	parsed_free(&p);
}
END_TEST

START_TEST(paragraphs_that_each_entrust_a_work_are_procedures_of_their_own)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "shimon.txt", "諮問第９号\n令和７年７月１０日\n\n"
	    "　　　個人情報取扱事務の委託について（諮問）\n\n記\n\n"
	    "　要介護認定事務における認定調査業務等の委託について\n\n"
	    "（委託の内容）\n\n"
	    "　まず、訪問調査を社会福祉法人いびがわ福祉会及び株式会社すいもんケアサポートの二者に委託する。"
	    "委託する期間は令和７年１０月１日から令和８年９月３０日までとする。\n\n"
	    "　次に、審査資料の作成を株式会社西濃データセンターに委託する。\n"
	    "　この業務では、被保険者番号、氏名、一次判定の結果を取り扱わせる。\n\n"
	    "　また、株式会社西濃データセンターは、印刷の工程を株式会社みずのみやこ印刷に再委託することを予定している。\n\n"
	    "　なお、従来、入力は株式会社おおがき情報サービスに委託していた。\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	c = p.cases.v[0];
	ck_assert_int_eq((int)c->nprocs, 3);
	ck_assert_int_eq((int)c->procs[0].consignees.n, 2);
	ck_assert_str_eq(c->procs[0].consignees.v[0], "社会福祉法人いびがわ福祉会");
	ck_assert_str_eq(c->procs[0].consignees.v[1], "株式会社すいもんケアサポート");
	ck_assert_str_eq(c->procs[1].consignees.v[0], "株式会社西濃データセンター");
	ck_assert_int_eq((int)c->procs[1].data_items.n, 3);
	ck_assert_int_eq(c->procs[2].type, PROC_SUBCONTRACT);
	ck_assert_str_eq(c->procs[2].subcontractors.v[0], "株式会社みずのみやこ印刷");
	parsed_free(&p);
}
END_TEST

START_TEST(minutes_cases_run_from_where_the_speakers_take_them_up)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "kaigiroku.txt", "富士宮市個人情報保護審議会　会議録\n\n"
	    "開催日時　　令和７年１１月２６日（水）\n"
	    "議題\n"
	    "　　１　諮問第２号　電子申請サービスの導入に伴う業務委託について\n"
	    "　　２　報告第１号　粗大ごみ収集受付業務の委託について\n\n"
	    "【白糸会長】\n　それでは議題１、諮問第２号について説明をお願いします。\n\n"
	    "【上井出情報政策課長】\n"
	    "　諮問第２号について御説明いたします。\n"
	    "　委託先は、株式会社しらいとビジネスサポートを予定しております。\n\n"
	    "【内野委員】\n　画像の取扱いはどうなりますか。\n\n"
	    "【白糸会長】\n　続きまして議題２、報告第１号について説明をお願いします。\n\n"
	    "【北山生活環境課長】\n"
	    "　報告第１号について御説明いたします。\n"
	    "　令和８年１月５日から、受付業務を株式会社ふじさんコールセンターに委託しております。\n\n"
	    "【山宮生活環境課係長】\n"
	    "　受託者はコールセンターの専業事業者で、印刷設備を持っていません。\n");
	ck_assert_int_eq((int)p.cases.n, 2);
	c = p.cases.v[0];
	ck_assert_str_eq(c->number.value, "2");
	ck_assert_str_eq(c->title.value, "電子申請サービスの導入に伴う業務委託について");
	c = p.cases.v[1];
	ck_assert_str_eq(c->number.value, "1");
	ck_assert_int_eq((int)c->nprocs, 1);
	ck_assert_str_eq(c->procs[0].consignees.v[0], "株式会社ふじさんコールセンター");
	parsed_free(&p);
}
END_TEST

START_TEST(an_agenda_is_not_taken_up_by_the_list_of_papers)
{
	struct parsed p;

	parse_text(&p, "kaigiroku.txt", "会議録（要点筆記）\n\n"
	    "５　会議次第\n"
	    "　　　　議題１　諮問第１２号　健診結果の分析業務の委託について\n"
	    "　　　　議題２　報告第４号　　窓口受付システムへの記録項目の追加について\n"
	    "６　配付資料\n"
	    "　　資料１　諮問第１２号説明資料\n"
	    "　　資料２　報告第４号説明資料\n\n"
	    "【議題１　諮問第１２号　健診結果の分析業務の委託について】\n\n"
	    "○国保年金課長　委託先は、株式会社のっぽろ健康データラボである。\n"
	    "　委託先に取り扱わせる個人情報は、被保険者約１万１千人分の、被保険者番号、性別、生年月日である。\n\n"
	    "【議題２　報告第４号　窓口受付システムへの記録項目の追加について】\n\n"
	    "○戸籍住民課長　窓口受付システムに次の記録項目を追加した。\n"
	    "　　・来庁者の氏名カナ\n"
	    "　　・受付番号\n"
	    "○会長　報告第４号については、了承する。\n");
	ck_assert_int_eq((int)p.cases.n, 2);
	ck_assert_int_eq((int)p.cases.v[0]->nprocs, 1);
	ck_assert_int_eq((int)p.cases.v[0]->procs[0].data_items.n, 3);
	ck_assert_str_eq(p.cases.v[0]->procs[0].data_items.v[0], "被保険者番号");
	ck_assert_int_eq((int)p.cases.v[1]->nprocs, 1);
	ck_assert_int_eq((int)p.cases.v[1]->procs[0].data_items.n, 2);
	ck_assert_str_eq(p.cases.v[1]->procs[0].data_items.v[1], "受付番号");
	parsed_free(&p);
}
END_TEST

START_TEST(a_list_in_a_cases_section_lists_its_procedures)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "houkoku.md", "# 審議会資料4\n\n"
	    "## 報告第12号 業務の再委託の承認状況について（報告）\n\n"
	    "| 項目 | 内容 |\n|---|---|\n| 報告日 | 令和8年2月16日 |\n"
	    "| 担当課 | 総務部総務課 |\n\n"
	    "### 2 承認した再委託の一覧\n\n"
	    "| No. | 件名 | 担当課 | 委託先 | 再委託先 | 再委託する業務 |\n"
	    "|---|---|---|---|---|---|\n"
	    "| 1 | 通知書作成業務の再委託 | 市民税課 | 株式会社やまと計算 | 株式会社あをによし印刷 | 通知書の印刷 |\n"
	    "| 2 | データ入力業務の再委託 | 健康増進課 | 一般社団法人奈良健康 | 株式会社かすがパンチ | 健診結果の入力 |\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	c = p.cases.v[0];
	ck_assert_str_eq(c->number.value, "12");
	ck_assert_str_eq(c->department.value, "総務部総務課");
	ck_assert_int_eq((int)c->nprocs, 2);
	ck_assert_int_eq(c->procs[0].type, PROC_SUBCONTRACT);
	ck_assert_str_eq(c->procs[0].title.value, "通知書作成業務の再委託");
	ck_assert_str_eq(c->procs[1].subcontractors.v[0], "株式会社かすがパンチ");
	parsed_free(&p);
}
END_TEST

START_TEST(a_table_with_a_column_per_case_gives_a_case_per_column)
{
	struct parsed p;

	parse_text(&p, "kekka.html", "<h2>審議結果</h2>\n<table>\n"
	    "<tr><th>項目</th><th>案件1</th><th>案件2</th></tr>\n"
	    "<tr><th>区分・番号</th><td>諮問第6号</td><td>報告第3号</td></tr>\n"
	    "<tr><th>件名</th><td>給付金の支給に係る税情報の目的外利用について</td>"
	    "<td>犬の登録情報の提供について（報告）</td></tr>\n"
	    "<tr><th>所管</th><td>こども家庭課</td><td>環境推進課</td></tr>\n"
	    "<tr><th>取扱いの区分</th><td>目的外利用</td><td>外部提供</td></tr>\n"
	    "<tr><th>提供先</th><td>－</td><td>公益社団法人石川県獣医師会</td></tr>\n"
	    "</table>\n");
	ck_assert_int_eq((int)p.cases.n, 2);
	ck_assert_str_eq(p.cases.v[0]->number.value, "6");
	ck_assert_str_eq(p.cases.v[1]->number.value, "3");
	ck_assert_str_eq(p.cases.v[1]->department.value, "環境推進課");
	ck_assert_int_eq(p.cases.v[1]->procs[0].type, PROC_PROVISION);
	parsed_free(&p);
}
END_TEST

START_TEST(marked_numbered_blocks_of_rows_are_procedures_each)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "houkoku.txt", "報告第１１号\n\n"
	    "　　　個人情報取扱事務の委託の状況について（報告）\n\n記\n\n"
	    "■　No.１\n"
	    "　業務名　　　　　　　　　税額通知書等作成業務\n"
	    "　受託者　　　　　　　　　株式会社閖上ビジネスサポート\n"
	    "　取り扱わせる個人情報　　従業員の氏名、住所\n"
	    "　再委託の有無　　　　　　無\n\n"
	    "■　No.２\n"
	    "　業務名　　　　　　　　　資格確認書作成・発送業務\n"
	    "　受託者　　　　　　　　　株式会社仙南データセンター\n"
	    "　取り扱わせる個人情報　　被保険者氏名、生年月日\n"
	    "　再委託の有無　　　　　　無\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	c = p.cases.v[0];
	ck_assert_int_eq((int)c->nprocs, 2);
	ck_assert_str_eq(c->procs[0].title.value, "税額通知書等作成業務");
	ck_assert_int_eq((int)c->procs[0].consignees.n, 1);
	ck_assert_str_eq(c->procs[1].consignees.v[0], "株式会社仙南データセンター");
	parsed_free(&p);
}
END_TEST

START_TEST(a_markdown_front_matter_is_no_part_of_the_text)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "shimon.md", "---\ntitle: 諮問第９号　学習支援事業の業務委託について\n"
	    "author: 山形市こども支援課\n---\n\n"
	    "# 個人情報保護審議会　諮問資料\n\n**諮問第９号**\n\n"
	    "## 件名\n\n学習支援事業の業務委託について\n\n"
	    "## 諮問事項\n\n### １　業務委託\n\n"
	    "| 項目 | 内容 |\n|---|---|\n| 委託業務名 | 学習支援教室運営業務 |\n"
	    "| 委託先 | 特定非営利活動法人やまがた学びネット |\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	c = p.cases.v[0];
	ck_assert_str_eq(c->title.value, "学習支援事業の業務委託について");
	ck_assert_int_eq((int)c->nprocs, 1);
	ck_assert_str_eq(c->procs[0].title.value, "学習支援教室運営業務");
	parsed_free(&p);
}
END_TEST

START_TEST(a_list_of_contracts_of_many_departments_is_the_senders_case)
{
	struct parsed p;

	parse_text(&p, "houkoku.txt", "名取市個人情報保護審議会　会長　様\n\n"
	    "名取市長\n（総務部総務課）\n\n報告第１１号\n\n"
	    "　　　個人情報取扱事務の委託の状況について（報告）\n\n記\n\n"
	    "■　No.１\n　業務名　　　　　　税額通知書等作成業務\n"
	    "　担当課　　　　　　総務部税務課\n"
	    "　受託者　　　　　　株式会社閖上ビジネスサポート\n\n"
	    "■　No.２\n　業務名　　　　　　資格確認書作成業務\n"
	    "　担当課　　　　　　市民部保険年金課\n"
	    "　受託者　　　　　　株式会社仙南データセンター\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	ck_assert_str_eq(p.cases.v[0]->department.value, "総務部総務課");
	parsed_free(&p);
}
END_TEST

START_TEST(an_agenda_item_taken_up_under_a_numbered_heading_starts_its_case)
{
	struct parsed p;

	parse_text(&p, "kaigiroku.txt", "会　議　録\n\n"
	    "会議の名称　　令和６年度第２回つくば市個人情報保護審議会\n"
	    "議題　　　　　（１）諮問第４号　コンビニ交付に係る外部結合について\n"
	    "　　　　　　　（２）諮問第５号　入所申請の電子化に伴う業務委託等について\n\n"
	    "審議内容（要旨）\n\n"
	    "２　議題（１）諮問第４号　コンビニ交付に係る外部結合について\n"
	    "説明者：結合の相手方は地方公共団体情報システム機構です。\n"
	    "　　結合の相手方：地方公共団体情報システム機構\n\n"
	    "３　議題（２）諮問第５号　入所申請の電子化に伴う業務委託等について\n"
	    "説明者：委託先は株式会社つくばデータです。\n"
	    "　　委託先：株式会社つくばデータ\n");
	ck_assert_int_eq((int)p.cases.n, 2);
	ck_assert_str_eq(p.cases.v[0]->number.value, "4");
	ck_assert_str_eq(p.cases.v[1]->title.value,
	    "入所申請の電子化に伴う業務委託等について");
	ck_assert_str_eq(p.cases.v[1]->procs[0].consignees.v[0],
	    "株式会社つくばデータ");
	parsed_free(&p);
}
END_TEST

START_TEST(a_word_lists_numbered_headings_give_their_values)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "setsumei.txt", "諮問事項説明書\n\n1\t諮問番号\n諮問第３号\n\n"
	    "2\t件名\n母子保健事業のデジタル化について\n\n"
	    "4\t担当部署\n健康福祉部健康推進課\n\n"
	    "9\t外部結合\n9.1\t件名\n母子手帳アプリとの外部結合について\n"
	    "9.2\t結合の相手方\n株式会社マブイデジタル\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	c = p.cases.v[0];
	ck_assert_str_eq(c->number.value, "3");
	ck_assert_str_eq(c->department.value, "健康福祉部健康推進課");
	ck_assert_int_eq((int)c->nprocs, 1);
	ck_assert_str_eq(c->procs[0].partner.value, "株式会社マブイデジタル");
	parsed_free(&p);
}
END_TEST

START_TEST(bracketed_labels_under_a_bracketed_number_make_cases)
{
	struct parsed p;

	parse_text(&p, "shimon.txt", "　　　個人情報の取扱いについて（諮問）\n\n"
	    "【諮問番号】　諮問第１２号\n"
	    "【件　　名】　見守り事業における登録情報の外部提供について\n"
	    "【担当課名】　福祉部介護福祉課\n"
	    "【対象者数】　約３１０人\n\n"
	    "【諮問番号】　諮問第１３号\n"
	    "【件　　名】　介護保険認定情報の目的外利用について\n"
	    "【担当課名】　福祉部地域包括支援センター\n"
	    "【対象者数】　約８，２００人\n");
	ck_assert_int_eq((int)p.cases.n, 2);
	ck_assert_str_eq(p.cases.v[0]->number.value, "12");
	ck_assert_str_eq(p.cases.v[0]->department.value, "福祉部介護福祉課");
	ck_assert_str_eq(p.cases.v[1]->title.value, "介護保険認定情報の目的外利用について");
	parsed_free(&p);
}
END_TEST

START_TEST(a_procedures_section_is_its_procedure_not_the_case_around_it)
{
	struct parsed p;
	const struct pcase *c;

	parse_text(&p, "houkoku.md", "## 報告第２号　健診結果の外部提供について\n\n"
	    "| 項目 | 内容 |\n|---|---|\n| 担当課 | 保険年金課 |\n| 報告の根拠 | 条例第５条第２項 |\n\n"
	    "### １　事業の概要\n\n市が保有する健診結果を医師会に提供する。\n\n"
	    "### ２　外部提供の内容\n\n"
	    "| 区分 | 内容 |\n|---|---|\n| 提供先 | 一般社団法人豊川市医師会 |\n"
	    "| 提供する個人情報 | 氏名、生年月日 |\n"
	    "| 提供期間 | 令和６年１２月１日から令和７年３月３１日まで |\n");
	ck_assert_int_eq((int)p.cases.n, 1);
	c = p.cases.v[0];
	ck_assert_int_eq((int)c->nprocs, 1);
	ck_assert_str_eq(c->procs[0].partner.value, "一般社団法人豊川市医師会");
	ck_assert_str_eq(c->procs[0].period_start.value, "2024-12-01");
	parsed_free(&p);
}
END_TEST

START_TEST(a_lists_handling_column_types_each_rows_procedure)
{
	struct parsed p;

	parse_text(&p, "ichiran.md", "# 諮問事項一覧\n\n"
	    "| No. | 諮問番号 | 件名 | 担当課 | 取扱区分 | 相手方（委託先・提供先等） |\n"
	    "|---|---|---|---|---|---|\n"
	    "| 1 | 諮問第１号 | 市税の収納業務の委託について | 収納課 | 業務委託 | 株式会社すずかペイメント |\n"
	    "| 2 | 諮問第２号 | 現況届の電子申請に係る外部結合について | 家庭支援課 | 外部結合 | 株式会社伊勢湾クラウド |\n");
	ck_assert_int_eq((int)p.cases.n, 2);
	ck_assert_int_eq(p.cases.v[0]->procs[0].type, PROC_OUTSOURCE);
	ck_assert_str_eq(p.cases.v[0]->procs[0].consignees.v[0], "株式会社すずかペイメント");
	ck_assert_int_eq(p.cases.v[1]->procs[0].type, PROC_LINK);
	parsed_free(&p);
}
END_TEST

static Suite *
extract_suite(void)
{
	Suite *s = suite_create("extract");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, consultation_layout_is_detected);
	tcase_add_test(tc, a_lists_handling_column_types_each_rows_procedure);
	tcase_add_test(tc, a_procedures_section_is_its_procedure_not_the_case_around_it);
	tcase_add_test(tc, bracketed_labels_under_a_bracketed_number_make_cases);
	tcase_add_test(tc, a_word_lists_numbered_headings_give_their_values);
	tcase_add_test(tc, an_agenda_item_taken_up_under_a_numbered_heading_starts_its_case);
	tcase_add_test(tc, a_list_of_contracts_of_many_departments_is_the_senders_case);
	tcase_add_test(tc, a_markdown_front_matter_is_no_part_of_the_text);
	tcase_add_test(tc, a_table_with_a_column_per_case_gives_a_case_per_column);
	tcase_add_test(tc, marked_numbered_blocks_of_rows_are_procedures_each);
	tcase_add_test(tc, a_list_in_a_cases_section_lists_its_procedures);
	tcase_add_test(tc, minutes_cases_run_from_where_the_speakers_take_them_up);
	tcase_add_test(tc, an_agenda_is_not_taken_up_by_the_list_of_papers);
	tcase_add_test(tc, a_consultations_numbered_parts_are_its_procedures_not_cases);
	tcase_add_test(tc, paragraphs_that_each_entrust_a_work_are_procedures_of_their_own);
	tcase_add_test(tc, an_index_table_whose_rows_head_sections_below_is_no_list_of_cases);
	tcase_add_test(tc, an_index_table_whose_subjects_recur_in_sheets_below_is_no_list);
	tcase_add_test(tc, an_agenda_item_alone_on_its_line_starts_a_case_without_a_number);
	tcase_add_test(tc, an_entrustments_number_alone_takes_its_title_from_the_line_below);
	tcase_add_test(tc, consultations_split_into_cases);
	tcase_add_test(tc, consultation_fields);
	tcase_add_test(tc, consultation_groups_become_procedures);
	tcase_add_test(tc, trailing_report_is_its_own_case);
	tcase_add_test(tc, sheet_layout_cover_and_sheets);
	tcase_add_test(tc, assessment_fields);
	tcase_add_test(tc, assessment_partners_basis_is_not_the_cases);
	tcase_add_test(tc, agenda_cases_run_from_where_the_minutes_take_them_up);
	tcase_add_test(tc, reference_note_with_a_colon_does_not_end_the_case);
	tcase_add_test(tc, rows_of_cases_with_a_cell_of_pairs);
	tcase_add_test(tc, form_of_one_entrustment_is_named_by_its_filled_in_subject);
	tcase_add_test(tc, answers_name_parties_and_the_sender_its_department);
	tcase_add_test(tc, mail_reads_not_the_message_it_answers);
	tcase_add_test(tc, municipality_of_prefectures_and_joint_bodies);
	tcase_add_test(tc, municipality_names_with_no_and_day_kanji);
	tcase_add_test(tc, matters_a_page_heads_are_its_cases);
	tcase_add_test(tc, rows_a_rowspan_repeats_are_procedures_of_one_case);
	tcase_add_test(tc, rows_repeating_all_but_an_item_are_one_procedure);
	tcase_add_test(tc, sibling_headings_told_in_sentences_are_procedures);
	tcase_add_test(tc, blank_case_cells_under_a_case_are_its_procedures);
	tcase_add_test(tc, reference_note_is_no_end_of_the_case);
	tcase_add_test(tc, a_papers_report_without_number_is_a_case);
	tcase_add_test(tc, unknown_layout_gives_one_generic_case);
	tcase_add_test(tc, ids_are_stable_and_url_safe);
	tcase_add_test(tc, list_table_rows_are_procedures);
	tcase_add_test(tc, cases_from_headers_and_headings);
	tcase_add_test(tc, memo_items_and_a_subcontract_section);
	tcase_add_test(tc, column_table_entrustments);
	tcase_add_test(tc, items_from_an_annex);
	tcase_add_test(tc, prose_subcontract);
	tcase_add_test(tc, unrecognised_document_is_one_case_with_a_warning);
	tcase_add_test(tc, empty_text_is_no_case);
	tcase_add_test(tc, html_fragments_are_flattened);
	tcase_add_test(tc, markdown_consultation);
	tcase_add_test(tc, html_page_sheet);
	tcase_add_test(tc, organisation_named_in_prose);
	tcase_add_test(tc, rows_grouped_under_a_procedure_name);
	tcase_add_test(tc, items_in_a_section_of_their_own);
	tcase_add_test(tc, items_marked_per_procedure);
	tcase_add_test(tc, letter_name_with_its_number_starts_a_case);
	tcase_add_test(tc, number_and_title_from_letter_spaced_rows);
	tcase_add_test(tc, case_named_in_running_text);
	tcase_add_test(tc, minutes_bear_their_meeting_date);
	tcase_add_test(tc, department_put_in_charge_by_a_sentence);
	tcase_add_test(tc, procedures_enumerated_by_ordinals);
	tcase_add_test(tc, items_counted_after_their_list);
	tcase_add_test(tc, contractor_decided_in_a_sentence);
	tcase_add_test(tc, subcontract_stated_in_sentences);
	tcase_add_test(tc, prose_section_beside_labelled_one);
	tcase_add_test(tc, only_ticked_boxes_count);
	tcase_add_test(tc, sheet_ends_where_a_section_names_another);
	tcase_add_test(tc, agenda_sections_are_the_cases);
	tcase_add_test(tc, list_under_colon_sublabels);
	tcase_add_test(tc, procedures_listed_then_told_in_answers);
	tcase_add_test(tc, reports_numbered_without_dai_go);
	tcase_add_test(tc, kanji_sections_and_their_annexes);
	tcase_add_test(tc, sublabels_run_on_one_line);
	tcase_add_test(tc, letter_subject_line_over_matters_asked);
	tcase_add_test(tc, case_named_across_a_wrapped_line);
	tcase_add_test(tc, annex_given_as_a_table);
	tcase_add_test(tc, rows_under_a_blank_group_cell);
	tcase_add_test(tc, procedures_in_numbered_paragraphs);
	tcase_add_test(tc, number_in_brackets_on_its_own_line);
	tcase_add_test(tc, contract_names_its_parties_by_terms);
	tcase_add_test(tc, numbered_agenda_items_of_a_summary);
	tcase_add_test(tc, labels_over_one_row_of_values);
	tcase_add_test(tc, numbered_label_value_rows);
	tcase_add_test(tc, items_under_their_holders);
	tcase_add_test(tc, municipality_named_in_a_row_value);
	tcase_add_test(tc, entrustments_of_one_line_records);
	tcase_add_test(tc, forms_that_say_their_procedure);
	tcase_add_test(tc, procedures_listed_by_case_number);
	tcase_add_test(tc, articles_stating_procedures_in_prose);
	tcase_add_test(tc, answer_restating_the_question_in_a_box);
	tcase_add_test(tc, records_in_columns_set_with_spaces);
	tcase_add_test(tc, colon_labels_over_indented_values);
	tcase_add_test(tc, minutes_telling_cases_in_speech);
	tcase_add_test(tc, sheet_with_two_row_head_and_cell_breaks);
	tcase_add_test(tc, letter_number_run_into_the_header);
	tcase_add_test(tc, bracketed_procedure_heads_and_a_bare_kind_header);
	tcase_add_test(tc, results_table_of_cases_with_nested_procedure_lists);
	tcase_add_test(tc, sheet_of_procedure_columns_naming_their_parties);
	tcase_add_test(tc, items_listed_under_a_procedures_table);
	tcase_add_test(tc, a_title_marked_with_its_kind_heads_no_procedure);
	tcase_add_test(tc, parts_numbered_by_a_word_take_their_content_as_title);
	tcase_add_test(tc, headings_of_one_level_part_cases_of_any_kind);
	tcase_add_test(tc, a_letters_subject_is_the_line_before_its_body);
	tcase_add_test(tc, numbered_sentences_that_say_their_kind);
	tcase_add_test(tc, a_list_of_entrustments_by_their_numbers);
	tcase_add_test(tc, items_marked_per_row_under_item_columns);
	tcase_add_test(tc, a_list_whose_records_run_over_lines);
	tcase_add_test(tc, a_letter_numbered_in_kanji_with_iroha_parts);
	tcase_add_test(tc, minutes_take_up_an_unnumbered_matter);
	tcase_add_test(tc, minutes_bullets_naming_their_kind);
	tcase_add_test(tc, titled_headings_of_a_results_page_are_its_cases);
	tcase_add_test(tc, a_former_contractor_is_no_consignee);
	tcase_add_test(tc, items_parted_by_slashes);
	tcase_add_test(tc, procedures_in_columns_beside_an_index_column);
	tcase_add_test(tc, an_agency_alone_names_no_department);
	tcase_add_test(tc, lines_naming_a_kind_start_procedures);
	tcase_add_test(tc, paragraphs_each_entrusting_a_work);
	tcase_add_test(tc, minutes_of_speakers_state_the_facts);
	tcase_add_test(tc, a_letter_numbered_after_its_body_in_kanji);
	tcase_add_test(tc, a_table_of_cases_whose_cells_hold_pairs);
	tcase_add_test(tc, items_in_an_annex_listed_under_a_head_of_columns);
	tcase_add_test(tc, questions_of_an_faq_head_their_cases);
	tcase_add_test(tc, a_sheet_of_questions_and_answers);
	tcase_add_test(tc, paragraphs_naming_their_procedure_in_quotes);
	tcase_add_test(tc, a_change_report_gives_the_facts_after_the_change);
	tcase_add_test(tc, an_annex_a_procedure_names_gives_its_facts);
	tcase_add_test(tc, bracketed_blocks_of_subcontracts_are_procedures);
	tcase_add_test(tc, a_change_log_table_is_no_list_of_procedures);
	tcase_add_test(tc, a_row_of_a_list_reads_the_section_that_details_it);
	tcase_add_test(tc, bold_labels_in_bullets_pair_after_a_wide_space);
	tcase_add_test(tc, a_notice_told_in_sentences_gives_its_procedures);
	tcase_add_test(tc, a_letter_of_bracketed_sections_is_titled_by_its_subject);
	tcase_add_test(tc, a_heading_in_brackets_titles_its_procedure_without_them);
	tcase_add_test(tc, a_printed_form_gives_its_filled_in_fields);
	tcase_add_test(tc, forms_numbered_by_a_row_are_cases_of_their_own);
	tcase_add_test(tc, a_list_of_cases_under_group_titles_and_a_two_row_head);
	tcase_add_test(tc, dittos_withdrawn_rows_and_a_table_typed_by_its_heading);
	tcase_add_test(tc, a_subject_wrapped_by_big_type_is_joined);
	tcase_add_test(tc, a_list_grouped_by_its_first_name_column_gives_its_cases);
	tcase_add_test(tc, a_results_page_lists_cases_of_both_kinds);
	tcase_add_test(tc, a_letters_own_entrustment_is_typed_by_its_own_facts);
	tcase_add_test(tc, forms_titled_as_reports_in_one_file_are_cases);
	tcase_add_test(tc, a_procedure_block_begins_at_its_title_above_its_kind);
	tcase_add_test(tc, a_numbered_list_of_a_cases_procedures_is_no_list_of_cases);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	char err[256];
	SRunner *sr = srunner_create(extract_suite());
	int failed;

	if ((seg = segmenter_new(err, sizeof(err))) == NULL) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	segmenter_free(seg);
	return failed != 0;
}
