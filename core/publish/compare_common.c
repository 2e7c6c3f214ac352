/*
 * compare_common.c - what both writers of compare use: the input values
 * that differ, the units left unmatched, and signed numbers and ranks as
 * text.
 */
#include "config.h"

#include "publish/compare_internal.h"

#include "util/escape.h"
#include "util/i18n.h"
#include "util/markup.h"
#include "util/numfmt.h"
#include "util/strbuf.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* The value text of input id for unit u, or NULL. Results of one model
 * list the values in the same order, so the one after the last found
 * (*next) is tried first: comparing two units stays linear in their
 * values, also when a few are missing on one side. */
static const char *value_of(const rs_unit *u, const char *id, size_t *next)
{
	size_t k;

	if (*next < u->nvalues && strcmp(u->value_ids[*next], id) == 0)
		return u->value_texts[(*next)++];
	for (k = 0; k < u->nvalues; k++)
		if (strcmp(u->value_ids[k], id) == 0) {
			*next = k + 1;
			return u->value_texts[k];
		}
	return NULL;
}

const char *cmp_stage_label(const char *stage)
{
	static const char *const names[][2] = {{"self", N_("self")},
	                                       {"appraised", N_("appraised")},
	                                       {"final", N_("final")}};
	size_t k;

	for (k = 0; k < sizeof(names) / sizeof(names[0]); k++)
		if (strcmp(stage, names[k][0]) == 0)
			return _(names[k][1]);
	return stage;
}

/* "a 4 -> 2; b true -> false" for the inputs whose values differ. */
void cmp_value_changes(const rs_unit *b, const rs_unit *n, strbuf *sb)
{
	size_t k, next = 0;

	for (k = 0; k < b->nvalues; k++) {
		const char *nv = value_of(n, b->value_ids[k], &next);

		if (nv && strcmp(nv, b->value_texts[k]) == 0)
			continue;
		strbuf_printf(sb, "%s%s %s -> %s", sb->len ? "; " : "",
		              b->value_ids[k], b->value_texts[k],
		              nv ? nv : _("(none)"));
	}
	next = 0;
	for (k = 0; k < n->nvalues; k++)
		if (!value_of(b, n->value_ids[k], &next))
			strbuf_printf(sb, _("%s%s (none) -> %s"),
			              sb->len ? "; " : "", n->value_ids[k],
			              n->value_texts[k]);
}

/* Markdown-escaped (markup.h) or escape.h-escaped by the report's
 * format. */
void cmp_put(const struct cmp *c, const char *s, FILE *f)
{
	if (c->fmt == COMPARE_MD)
		markup_md_fputs(s, f);
	else
		escape_fputs(s, f);
}

/* "| " and the cell's text. */
void cmp_md_cell(const struct cmp *c, const char *s, FILE *f)
{
	fputs("| ", f);
	cmp_put(c, s, f);
	fputc(' ', f);
}

/* Formats, then writes all but a final line break through cmp_put(). */
void cmp_printf(const struct cmp *c, FILE *f, const char *fmt, ...)
{
	strbuf sb = STRBUF_INIT;
	va_list ap;
	int nl;

	va_start(ap, fmt);
	strbuf_vprintf(&sb, fmt, ap);
	va_end(ap);
	nl = sb.len > 0 && sb.data[sb.len - 1] == '\n';
	if (nl)
		sb.data[--sb.len] = '\0';
	cmp_put(c, strbuf_str(&sb), f);
	if (nl)
		fputc('\n', f);
	strbuf_release(&sb);
}

/* The required inputs one side of a pair lacked, after what. */
static void missing_list(const struct cmp *c, const rs_unit *u,
                         const char *what, FILE *f)
{
	size_t k;

	for (k = 0; k < u->nmissing; k++)
		cmp_printf(c, f, "%s%s", k ? ", " : what, u->missing[k]);
}

/* "Incomplete: CODE, base missing a; new missing b": a compared unit that
 * lacked required inputs on a side, scored there by its model's missing
 * policy. Nothing when it lacked none. */
static void incomplete_line(const struct cmp *c, const rs_unit *b,
                            const rs_unit *n, FILE *f)
{
	if (!b->nmissing && !n->nmissing)
		return;
	cmp_printf(c, f, _("Incomplete: %s,"), n->code);
	missing_list(c, b, _(" base missing "), f);
	fputs(b->nmissing && n->nmissing ? ";" : "", f);
	missing_list(c, n, _(" new missing "), f);
	fputs(_(" (scored by the model's missing policy)\n"), f);
}

void cmp_write_unmatched(const struct cmp *c, FILE *f)
{
	size_t k;

	if (c->nappeared) {
		fputs(_("Appeared (new only):"), f);
		for (k = 0; k < c->nappeared; k++)
			cmp_printf(c, f, "%s %s", k ? "," : "",
			           c->next->units[c->appeared[k]].code);
		fputc('\n', f);
	}
	if (c->ngone) {
		fputs(_("Disappeared (base only):"), f);
		for (k = 0; k < c->ngone; k++)
			cmp_printf(c, f, "%s %s", k ? "," : "",
			           c->base->units[c->gone[k]].code);
		fputc('\n', f);
	}
	for (k = 0; k < c->npairs; k++)
		incomplete_line(c, &c->base->units[c->pairs[k].b],
		                &c->next->units[c->pairs[k].n], f);
	for (k = 0; k < c->ninvalid; k++) {
		const rs_unit *b = &c->base->units[c->invalid[k].b];
		const rs_unit *n = &c->next->units[c->invalid[k].n];
		int ib = b->status == RS_INVALID, in = n->status == RS_INVALID;

		cmp_printf(c, f,
		           ib && in ? _("Not compared: %s is invalid in base "
		                        "and new (not scored)\n")
		           : ib     ? _("Not compared: %s is invalid in base "
		                            "(not scored)\n")
		                    : _("Not compared: %s is invalid in new "
		                            "(not scored)\n"),
		           b->code);
	}
}

/* --- formatting helpers -------------------------------------------------- */

/* "+0.0123" / "-1.5000" / "0.0000" to the precision; buf has
 * NUMFMT_MAX + 1 bytes (the sign comes first). */
const char *cmp_signed_fixed(double x, int prec, char *buf)
{
	numfmt_fixed(x, prec, buf + 1);
	if (buf[1] == '-' || numfmt_round(x, prec) == 0)
		return buf + 1;
	buf[0] = '+';
	return buf;
}

/* Rank change, positive when the unit moved up: "+2", "-1", "0", "". */
const char *cmp_rank_change(size_t rb, size_t rn, char *buf)
{
	if (!rb || !rn)
		buf[0] = '\0';
	else
		snprintf(buf, NUMFMT_MAX, "%+ld", (long)rb - (long)rn);
	if (rb && rn && rb == rn)
		snprintf(buf, NUMFMT_MAX, "0");
	return buf;
}

/* A rank or "" for none. */
const char *cmp_rank_text(size_t r, char *buf)
{
	if (r)
		snprintf(buf, NUMFMT_MAX, "%zu", r);
	else
		buf[0] = '\0';
	return buf;
}

/* A value of a column (main index or view) of u in model m, or NAN. */
double cmp_column_value(const rs_model *m, const rs_unit *u, const char *id,
                        int view)
{
	int i = view ? rs_view_index(m, id) : rs_node_index(m, id);

	if (i < 0 || !u->node_value)
		return NAN;
	return view ? u->view_value[i] : u->node_value[i];
}
