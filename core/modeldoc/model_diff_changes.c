/*
 * model_diff_changes.c - the list of changes while a diff is built: the
 * values of a change's two sides, appending a change, reporting that the
 * items two lists share come in another order, and the names of the
 * kinds of change and of the sections (as the JSON writer prints them).
 */
#include "modeldoc/model_diff_internal.h"

#include <stdlib.h>
#include <string.h>

/* --- values ----------------------------------------------------------- */

/* Nothing (null). */
md_value mdv_none(void)
{
	md_value v = {MDV_NONE, NULL, 0};

	return v;
}

/* A copy of s, or nothing for NULL. */
md_value mdv_text(const char *s)
{
	md_value v = {MDV_TEXT, NULL, 0};

	if (!s)
		return mdv_none();
	v.text = xstrdup(s);
	return v;
}

/* The text of sb, which is left empty. */
md_value mdv_buf(strbuf *sb)
{
	md_value v = {MDV_TEXT, NULL, 0};

	v.text = strbuf_detach(sb);
	return v;
}

/* A number. */
md_value mdv_number(double x)
{
	md_value v = {MDV_NUMBER, NULL, 0};

	v.number = x;
	return v;
}

/* A yes/no. */
md_value mdv_bool(int b)
{
	md_value v = {MDV_BOOL, NULL, 0};

	v.number = b ? 1 : 0;
	return v;
}

/* 1 when two optional texts are equal (both NULL too). */
int md_same_text(const char *x, const char *y)
{
	if (!x || !y)
		return x == y;
	return strcmp(x, y) == 0;
}

/* --- appending a change ----------------------------------------------- */

/* Appends a change; before and after are handed over. */
void md_add(struct md_build *bd, md_section s, md_kind k, int a, int b,
            const char *field, md_value before, md_value after)
{
	model_diff *d = bd->d;
	md_change *c;

	if (d->nchanges == bd->cap) {
		bd->cap = bd->cap ? 2 * bd->cap : 16;
		d->changes =
		        xrealloc(d->changes, bd->cap * sizeof(*d->changes));
	}
	c = &d->changes[d->nchanges++];
	c->section = s;
	c->kind = k;
	c->a = a;
	c->b = b;
	c->field = field;
	c->before = before;
	c->after = after;
}

/* --- the order of the items two lists share --------------------------- */

/* Makes c room for n items. */
void md_common_init(struct md_common *c, size_t n)
{
	c->key = xcalloc(n + 1, sizeof(int));
	c->id = xcalloc(n + 1, sizeof(char *));
	c->n = 0;
}

/* Frees c's arrays. */
void md_common_free(struct md_common *c)
{
	free(c->key);
	free(c->id);
}

/* Appends ids[pre..n-post), with "…" for the items left out. */
static void order_text(strbuf *sb, const struct md_common *c, size_t pre,
                       size_t post)
{
	size_t k;

	if (pre)
		strbuf_puts(sb, "\xe2\x80\xa6, ");
	for (k = pre; k < c->n - post; k++)
		strbuf_printf(sb, "%s%s", k > pre ? ", " : "", c->id[k]);
	if (post)
		strbuf_puts(sb, ", \xe2\x80\xa6");
}

/* Reports when the shared items x (in A's order) and y (in B's order)
 * are not in the same order, showing the part between the longest
 * common start and end. */
void md_add_order(struct md_build *bd, md_section s, int a, int b,
                  const char *field, const struct md_common *x,
                  const struct md_common *y)
{
	strbuf p = STRBUF_INIT, q = STRBUF_INIT;
	size_t n = x->n, pre = 0, post = 0;

	while (pre < n && x->key[pre] == y->key[pre])
		pre++;
	if (pre == n)
		return;
	while (post < n - pre && x->key[n - 1 - post] == y->key[n - 1 - post])
		post++;
	order_text(&p, x, pre, post);
	order_text(&q, y, pre, post);
	md_add(bd, s, MD_ORDER, a, b, field, mdv_buf(&p), mdv_buf(&q));
}

/* --- names --------------------------------------------------------- */

const char *md_kind_name(md_kind kind)
{
	static const char *const names[MD_NKINDS] = {
	        "added",  "removed", "id",     "renamed", "moved",
	        "points", "method",  "params", "kind",    "provisional",
	        "shape",  "order",   "text",   "changed"};

	return (unsigned)kind < MD_NKINDS ? names[kind] : "?";
}

const char *md_section_name(md_section section)
{
	static const char *const names[MD_NSECTIONS] = {"node", "input", "view",
	                                                "class", "model"};

	return (unsigned)section < MD_NSECTIONS ? names[section] : "?";
}
