/*
 * model_diff_params.c - params compared by meaning (`{a: 1.0}` equals
 * `a: 1`; key order, needless quoting and the spelling of numbers do
 * not count) and printed as compact flow YAML, whole or only the
 * entries that differ.
 */
#include "modeldoc/model_diff_internal.h"

#include "util/numfmt.h"
#include "util/utf8.h"

#include <string.h>
#include <strings.h>

/* Params wider than this (display columns) show only what differs. */
#define BRIEF_WIDTH 40

/* --- equality by meaning ---------------------------------------------- */

enum scalar_class { SC_TEXT, SC_NUMBER, SC_BOOL, SC_NULL };

/* What a scalar means: a quoted one is a text; a plain one may be null,
 * a yes/no or a number (in *x). */
static enum scalar_class classify(const char *s, int quoted, double *x)
{
	*x = 0;
	if (quoted)
		return SC_TEXT;
	if (!*s || strcmp(s, "~") == 0 || strcmp(s, "null") == 0 ||
	    strcmp(s, "Null") == 0 || strcmp(s, "NULL") == 0)
		return SC_NULL;
	if (strcasecmp(s, "true") == 0 || strcasecmp(s, "yes") == 0) {
		*x = 1;
		return SC_BOOL;
	}
	if (strcasecmp(s, "false") == 0 || strcasecmp(s, "no") == 0)
		return SC_BOOL;
	if (numfmt_parse(s, x) == 0)
		return SC_NUMBER;
	*x = 0;
	return SC_TEXT;
}

/* 1 when two scalars mean the same: 1.0 equals 1, "x" equals x. */
static int scalar_equal(const doc_node *x, const doc_node *y)
{
	double p, q;
	enum scalar_class cx = classify(x->text, x->quoted, &p);
	enum scalar_class cy = classify(y->text, y->quoted, &q);

	if (cx != cy)
		return 0;
	if (cx == SC_TEXT)
		return strcmp(x->text, y->text) == 0;
	return p == q;
}

/* 1 when two trees mean the same; mapping keys in any order. */
static int tree_equal(const doc_node *x, const doc_node *y)
{
	size_t k;

	if (x->kind != y->kind || x->count != y->count)
		return 0;
	if (x->kind == DOC_SCALAR)
		return scalar_equal(x, y);
	for (k = 0; k < x->count; k++) {
		const doc_node *v = x->kind == DOC_SEQ
		                            ? y->items[k]
		                            : doc_get(y, x->keys[k]->text);

		if (!v || !tree_equal(x->items[k], v))
			return 0;
	}
	return 1;
}

static const doc_node empty_map = {DOC_MAP, 0, 0, 0, NULL, 0, 0, NULL, NULL};

int md_params_equal(const doc_node *x, const doc_node *y)
{
	return tree_equal(x ? x : &empty_map, y ? y : &empty_map);
}

/* --- flow rendering --------------------------------------------------- */

/* 1 when byte c may appear in a plain flow scalar. */
static int plain_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c >= 0x80 || strchr("_./+-%() ", c);
}

/* 1 when s can be written plain and reads back as the same text. */
static int plain_ok(const char *s)
{
	size_t len = strlen(s), k;
	double x;

	if (!len || s[0] == ' ' || s[0] == '-' || s[len - 1] == ' ')
		return 0;
	for (k = 0; k < len; k++)
		if (!plain_char((unsigned char)s[k]))
			return 0;
	return classify(s, 0, &x) == SC_TEXT;
}

/* Appends text s as a flow scalar: plain when safe, else quoted. */
void md_flow_text(strbuf *sb, const char *s)
{
	const unsigned char *p;

	if (plain_ok(s)) {
		strbuf_puts(sb, s);
		return;
	}
	strbuf_putc(sb, '"');
	for (p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			strbuf_printf(sb, "\\%c", *p);
		else if (*p == '\n')
			strbuf_puts(sb, "\\n");
		else if (*p == '\t')
			strbuf_puts(sb, "\\t");
		else if (*p < 0x20)
			strbuf_printf(sb, "\\x%02X", *p);
		else
			strbuf_putc(sb, (char)*p);
	}
	strbuf_putc(sb, '"');
}

/* Appends a scalar in its normal form (numbers shortest, 1.0 as 1). */
static void flow_scalar(strbuf *sb, const doc_node *n)
{
	char buf[NUMFMT_MAX];
	double x;

	switch (classify(n->text, n->quoted, &x)) {
	case SC_NULL:
		strbuf_puts(sb, "null");
		break;
	case SC_BOOL:
		strbuf_puts(sb, x ? "true" : "false");
		break;
	case SC_NUMBER:
		strbuf_puts(sb, numfmt_exact(x, buf));
		break;
	default:
		md_flow_text(sb, n->text);
	}
}

void md_flow(strbuf *sb, const doc_node *n)
{
	int map;
	size_t k;

	if (!n) {
		strbuf_puts(sb, "{}");
		return;
	}
	if (n->kind == DOC_SCALAR) {
		flow_scalar(sb, n);
		return;
	}
	map = n->kind == DOC_MAP;
	strbuf_putc(sb, map ? '{' : '[');
	for (k = 0; k < n->count; k++) {
		if (k)
			strbuf_puts(sb, ", ");
		if (map) {
			md_flow_text(sb, n->keys[k]->text);
			strbuf_puts(sb, ": ");
		}
		md_flow(sb, n->items[k]);
	}
	strbuf_putc(sb, map ? '}' : ']');
}

/* 1 when entry k of map x has an equal value in map y. */
static int entry_same(const doc_node *x, size_t k, const doc_node *y)
{
	const doc_node *v = doc_get(y, x->keys[k]->text);

	return v && tree_equal(x->items[k], v);
}

/* Map x with only the entries that differ from y's: `{…, target: 0.6}`
 * ("…" standing for the entries that are the same). */
static void flow_brief(strbuf *sb, const doc_node *x, const doc_node *y)
{
	size_t k, shown = 0;
	int omitted = 0;

	for (k = 0; k < x->count; k++)
		omitted |= entry_same(x, k, y);
	strbuf_puts(sb, omitted ? "{\xe2\x80\xa6" : "{");
	for (k = 0; k < x->count; k++) {
		if (entry_same(x, k, y))
			continue;
		strbuf_puts(sb, shown || omitted ? ", " : "");
		md_flow_text(sb, x->keys[k]->text);
		strbuf_puts(sb, ": ");
		md_flow(sb, x->items[k]);
		shown++;
	}
	strbuf_putc(sb, '}');
}

/* Params x (compared with y) for people: whole when short, else only
 * the entries that differ. */
void md_params_brief(strbuf *sb, const doc_node *x, const doc_node *y)
{
	strbuf t = STRBUF_INIT, u = STRBUF_INIT;

	md_flow(&t, x);
	md_flow(&u, y);
	if (!x || !y || x->kind != DOC_MAP || y->kind != DOC_MAP ||
	    (utf8_width(strbuf_str(&t)) <= BRIEF_WIDTH &&
	     utf8_width(strbuf_str(&u)) <= BRIEF_WIDTH))
		strbuf_puts(sb, strbuf_str(&t));
	else
		flow_brief(sb, x, y);
	strbuf_release(&t);
	strbuf_release(&u);
}
