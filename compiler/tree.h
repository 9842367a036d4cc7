/*
 * tree.h — the document tree: every logical line of a parsed document
 * (parse.h) becomes a node, classified as a heading (with the form and
 * value of its number), a label/value row, text, or a blank; headings
 * nest by the order their numbering forms appear, as the genre nests
 * 第1 › 1 › (1) › ア › (ア), below the levels of HTML and Markdown
 * headings (h1 › h2 › … above all numbered ones).  Extractors read structure from here —
 * kinds, number forms, spans of sections — instead of re-parsing text.
 *
 * Ownership: a struct tree owns its nodes; tree_free() releases them and
 * accepts a zeroed tree.  Nodes point into nothing else.
 */
#ifndef PICORPUS_TREE_H
#define PICORPUS_TREE_H

#include <stddef.h>

#include "parse.h"

enum node_kind {
	NODE_DOCUMENT,	/* the root */
	NODE_HEADING,	/* a numbered or marked heading line */
	NODE_ROW,	/* label<TAB>value */
	NODE_TEXT,	/* any other line */
	NODE_BLANK	/* an empty line: paragraph boundary */
};

enum number_form {
	NUM_NONE = 0,
	NUM_DAI,	/* 第1 外部委託… */
	NUM_ARABIC,	/* 1 委託の件名, 1. 経緯 */
	NUM_PAREN,	/* (1) 個人情報の項目, （１） */
	NUM_CIRCLED,	/* ①事務の名称 */
	NUM_KANA,	/* ア 区から委託先へ提供するもの */
	NUM_PAREN_KANA,	/* (ア) */
	NUM_BRACKET,	/* 【報告】, 《事業の概要》, 「事務の名称」, ≪担当課≫ */
	NUM_MARK,	/* ■ 事業の概要, ● 対象者 */
	NUM_LEVEL,	/* an HTML <hN> or Markdown heading: number = N */
	NUM_BRACKET_NUMBER, /* 【1】事務の現状, ［2］委託の内容 */
	NUM_SUBNUMBER,	/* 4-1. 件名, 4.1 委託先 (a part of "4.") */
	NUM_ROMAN,	/* Ⅰ 基本情報, IV. 諮問事項 */
	NUM_ALPHA,	/* A. 業務委託 */
	NUM_PAREN_ALPHA, /* (a) 使用者の氏名 */
	NUM_SUBSUBNUMBER, /* 3.1.1 件名 (a part of "3.1") */
	NUM_WORD_NUMBER, /* 委託その1, 提供先2: a part named alone */
	NUM__MAX
};

struct node {
	enum node_kind	  kind;
	enum number_form  form;		/* headings: how they are numbered */
	int		  number;	/* the number's value, or 0 */
	int		  line;		/* 1-based source line */
	size_t		  index;	/* position in tree.nodes */
	char		 *text;		/* display text (owned) */
	char		 *key;		/* NFKC, no white space (owned) */
	const char	 *label;	/* headings: key after the number;
					   rows: NULL (see row_label) */
	struct node	 *parent;
	struct node	 *first_child;
	struct node	 *last_child;
	struct node	 *next;		/* next sibling */
};

struct tree {
	struct node	  root;		/* NODE_DOCUMENT */
	struct node	**nodes;	/* every line's node, in order */
	size_t		  n;
};

/* Build the tree of d.  Never fails (aborts on out of memory). */
void	tree_build(const struct doc *d, struct tree *t);
/* The same, taking the keys of lines that other (a tree of the same
 * document, or NULL) already holds instead of normalising them again. */
void	tree_build_from(const struct doc *d, const struct tree *other,
	    struct tree *t);
void	tree_free(struct tree *t);

/* The heading form of a key (NFKC, no spaces) and raw text; the number
   is stored in *number and the label's offset in key in *label_at. */
enum number_form	number_form_of(const char *key, const char *text,
			    int *number, size_t *label_at);

/*
 * Lines covered by a node and its descendants: [node->index + 1, *end).
 * For a heading, that is its section.
 */
size_t	node_span_end(const struct node *n);

/* An ENTER/EXIT walk over a subtree. */
enum iter_event { ITER_DONE = 0, ITER_ENTER, ITER_EXIT };

struct tree_iter {
	const struct node	*root;
	const struct node	*cur;
	enum iter_event		 ev;
};

void		 tree_iter_init(struct tree_iter *it, const struct node *root);
/* Advance; returns the event and sets *n (NULL at ITER_DONE). */
enum iter_event	 tree_iter_next(struct tree_iter *it, const struct node **n);

#endif
