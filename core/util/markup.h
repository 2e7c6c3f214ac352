/*
 * markup.h - text written into Markdown or HTML so that it stays text:
 * it can never open a tag, a link, an image, a heading or a new table
 * cell, whatever file it came from. One escaper for every writer of
 * Markdown (chiso doc, rank, compare, diff) and for chiso doc's HTML.
 *
 * Ownership: nothing is kept; results are appended to the caller's
 * strbuf or written to the caller's stream.
 */
#ifndef CHISO_MARKUP_H
#define CHISO_MARKUP_H

#include "util/strbuf.h"

#include <stdio.h>

typedef enum markup_format {
	MARKUP_MD = 0,   /* Markdown (CommonMark, GitHub tables) */
	MARKUP_HTML = 1, /* HTML text and attribute values */
	MARKUP_PLAIN = 2 /* plain text: one line, nothing escaped */
} markup_format;

/* What markup_text() may leave as it is. */
enum {
	/* Markdown: '_' between two ASCII letters or digits (input ids
	 * such as zero_denominator), which CommonMark never reads as
	 * emphasis */
	MARKUP_KEEP_INWORD_UNDERSCORE = 1
};

/*
 * Appends s to sb as text of format fmt, on one line: tabs and line
 * breaks become spaces, and white space that ends s after a line break
 * (a folded YAML text's last line break) is dropped.
 *
 * Markdown: a backslash before \ ` * _ [ ] | ~ (but an in-word _ with
 * MARKUP_KEEP_INWORD_UNDERSCORE in flags), before & when it could
 * start an entity, before < when it could start a tag or an autolink,
 * and before a # that starts s (a heading); other control characters
 * (C0, DEL, C1) and bidi controls are shown as \<U+XXXX> (the notation
 * of util/escape.h) and a byte that is not UTF-8 as \<0xHH>.
 * HTML: & < > " ' as entities; control characters left out.
 * Plain: control characters left out.
 */
void markup_text(strbuf *sb, const char *s, markup_format fmt, unsigned flags);

/* 1 when s can be a Markdown code span as it is (`s`): it holds no
 * backtick, '|', backslash, control character or bidi control. */
int markup_code_safe(const char *s);

/* Writes s to f as Markdown text (markup_text, in-word underscores
 * kept): the cells and lines of rank, compare and diff. */
void markup_md_fputs(const char *s, FILE *f);

#endif
