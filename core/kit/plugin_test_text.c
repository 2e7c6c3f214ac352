/*
 * plugin_test_text.c - the model and data "chiso plugin test" writes
 * for a case, as YAML text in memory, each part marked with the place
 * in the cases file it came from, and the mapping of messages about
 * the generated text back to those places.
 */
#include "kit/plugin_test_text.h"

#include "read/schema.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Where a piece of generated text came from in the cases file. */
struct pt_pos {
	unsigned gline, gcol; /* in the generated text */
	unsigned line, col;   /* in the cases file */
};

/* An empty text whose unmapped places point at fallback. */
void pt_text_init(struct pt_text *t, const doc_node *fallback)
{
	memset(t, 0, sizeof(*t));
	t->line = 1;
	t->fallback = fallback;
}

/* Frees the text and its origins. */
void pt_text_free(struct pt_text *t)
{
	strbuf_release(&t->sb);
	free(t->pos);
}

/* Appends s, following its line breaks. */
static void text_puts(struct pt_text *t, const char *s)
{
	const char *nl;

	strbuf_puts(&t->sb, s);
	for (nl = strchr(s, '\n'); nl; nl = strchr(nl + 1, '\n')) {
		t->line++;
		t->line_start = t->sb.len - strlen(nl + 1);
	}
}

/* The current column in characters, as libyaml counts them. */
static unsigned text_col(const struct pt_text *t)
{
	unsigned col = 1;
	size_t i;

	for (i = t->line_start; i < t->sb.len; i++)
		if (((unsigned char)t->sb.data[i] & 0xc0) != 0x80)
			col++;
	return col;
}

/* Records that what is written next comes from node n. */
static void text_mark(struct pt_text *t, const doc_node *n)
{
	struct pt_pos *p;

	if (!n || n->line == 0)
		return;
	if (t->npos == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 32;
		t->pos = xrealloc(t->pos, t->cap * sizeof(*t->pos));
	}
	p = &t->pos[t->npos++];
	p->gline = t->line;
	p->gcol = text_col(t);
	p->line = n->line;
	p->col = n->col;
}

/* 1 when s can be written as a plain scalar inside a flow collection
 * and reads back as the same text (conservative: else it is quoted). */
static int plain_safe(const char *s)
{
	size_t i, len = strlen(s);

	if (len == 0 || s[0] == ' ' || s[len - 1] == ' ')
		return 0;
	if (strchr("?,[]{}#&*!|>'\"%@`", s[0]))
		return 0;
	if (s[0] == '-' && (len == 1 || s[1] == ' '))
		return 0;
	for (i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (ch < 0x20 || ch == 0x7f || strchr(",[]{}:#", ch))
			return 0;
	}
	return 1;
}

/* Appends s as a double-quoted YAML scalar. */
static void text_quoted(struct pt_text *t, const char *s)
{
	strbuf *sb = &t->sb;

	strbuf_putc(sb, '"');
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;

		if (ch == '"' || ch == '\\')
			strbuf_printf(sb, "\\%c", ch);
		else if (ch == '\n')
			strbuf_puts(sb, "\\n");
		else if (ch == '\t')
			strbuf_puts(sb, "\\t");
		else if (ch < 0x20 || ch == 0x7f)
			strbuf_printf(sb, "\\x%02x", ch);
		else
			strbuf_putc(sb, (char)ch);
	}
	strbuf_putc(sb, '"');
}

/* Appends a scalar as written: quoted stays quoted, plain stays plain
 * when it can (an empty plain scalar, YAML's null, writes nothing). */
static void text_scalar(struct pt_text *t, const doc_node *n)
{
	if (!n->quoted && n->len == 0)
		return;
	if (!n->quoted && plain_safe(n->text))
		strbuf_puts(&t->sb, n->text);
	else
		text_quoted(t, n->text);
}

/* Appends node n in flow style, recording where each part came from. */
static void text_node(struct pt_text *t, const doc_node *n)
{
	size_t i;

	text_mark(t, n);
	switch (n->kind) {
	case DOC_SCALAR:
		text_scalar(t, n);
		break;
	case DOC_MAP:
		strbuf_putc(&t->sb, '{');
		for (i = 0; i < n->count; i++) {
			strbuf_puts(&t->sb, i ? ", " : "");
			text_node(t, n->keys[i]);
			strbuf_puts(&t->sb, ": ");
			text_node(t, n->items[i]);
		}
		strbuf_putc(&t->sb, '}');
		break;
	case DOC_SEQ:
		strbuf_putc(&t->sb, '[');
		for (i = 0; i < n->count; i++) {
			strbuf_puts(&t->sb, i ? ", " : "");
			if (n->items[i]->kind == DOC_SCALAR &&
			    !n->items[i]->quoted && n->items[i]->len == 0)
				strbuf_puts(&t->sb, "~");
			else
				text_node(t, n->items[i]);
		}
		strbuf_putc(&t->sb, ']');
		break;
	}
}

/* Writes the one-indicator model of case c. */
void pt_build_model(const struct pt_file *pf, const char *method,
                    const struct pt_case *c, struct pt_text *t)
{
	size_t i;

	text_puts(t, "model:\n  id: plugin-test\n  version: \"1\"\n"
	             "  title: \"chiso plugin test\"\n");
	if (pf->missing) {
		text_puts(t, "  missing: ");
		text_node(t, pf->missing);
		text_puts(t, "\n");
	}
	text_puts(t, pf->inputs->count ? "inputs:\n" : "inputs: {}\n");
	for (i = 0; i < pf->inputs->count; i++) {
		text_puts(t, "  ");
		text_node(t, pf->inputs->keys[i]);
		text_puts(t, ": ");
		text_node(t, pf->inputs->items[i]);
		text_puts(t, "\n");
	}
	text_puts(t, "indices:\n  - id: \"1\"\n    name: ");
	text_mark(t, c->name_node);
	text_quoted(t, c->name);
	text_puts(t, "\n    points: ");
	if (c->points)
		text_node(t, c->points);
	else
		text_puts(t, "1");
	text_puts(t, "\n    method: ");
	text_puts(t, method);
	text_puts(t, "\n");
	if (c->params) {
		text_puts(t, "    params: ");
		text_node(t, c->params);
		text_puts(t, "\n");
	}
}

/* Writes one unit of the data: "- { unit: { code: CODE }, values: V }"
 * on a line of its own. The line's places go to at; code is a node of
 * the cases file, or NULL for the text code_text; values may be NULL or
 * a null node (no values). */
static void build_unit(struct pt_text *t, const doc_node *at,
                       const doc_node *code, const char *code_text,
                       const doc_node *values)
{
	text_mark(t, at);
	text_puts(t, "  - { unit: { code: ");
	if (code)
		text_node(t, code);
	else
		text_quoted(t, code_text);
	text_puts(t, " }, values: ");
	if (values && !schema_is_null(values))
		text_node(t, values);
	else
		text_puts(t, "{}");
	text_puts(t, " }\n");
}

/* Writes the data of case c: its unit (code "case" unless given), then
 * one unit per item of others, codes other1, other2, ... */
void pt_build_data(const struct pt_case *c, struct pt_text *t)
{
	char code[32];
	size_t i;

	text_puts(t, "units:\n");
	build_unit(t, c->values ? c->values : c->node, c->code, "case",
	           c->values);
	for (i = 1; i < pt_case_units(c); i++) {
		snprintf(code, sizeof(code), "other%zu", i);
		build_unit(t, c->others->items[i - 1], NULL, code,
		           c->others->items[i - 1]);
	}
}

/* The cases file's place of generated line:col. */
static void text_lookup(const struct pt_text *t, unsigned gline, unsigned gcol,
                        unsigned *line, unsigned *col)
{
	const struct pt_pos *best = NULL;
	size_t i;

	for (i = 0; i < t->npos; i++) {
		const struct pt_pos *p = &t->pos[i];

		if (p->gline == gline && p->gcol <= gcol &&
		    (!best || p->gcol >= best->gcol))
			best = p;
	}
	*line = best ? best->line : t->fallback->line;
	*col = best ? best->col : t->fallback->col;
}

/* Reads the digits at *s into *out, moving *s past them. Returns 0, or
 * -1 when there is no digit. */
static int read_uint(const char **s, unsigned *out)
{
	unsigned long v = 0;
	const char *p = *s;

	if (*p < '0' || *p > '9')
		return -1;
	for (; *p >= '0' && *p <= '9' && v < 100000000ul; p++)
		v = v * 10 + (unsigned long)(*p - '0');
	*out = (unsigned)v;
	*s = p;
	return 0;
}

/* Appends message text to out with a place in the generated text
 * ("GEN:LINE:COL: ...") moved to the cases file. */
void pt_map_place(const struct pt_file *pf, const struct pt_text *t,
                  const char *text, strbuf *out)
{
	size_t plen = strlen(pf->gen_path);
	unsigned gline, gcol, line, col;
	const char *p;

	if (strncmp(text, pf->gen_path, plen) != 0 || text[plen] != ':') {
		strbuf_puts(out, text);
		return;
	}
	p = text + plen + 1;
	if (read_uint(&p, &gline) < 0 || *p++ != ':' ||
	    read_uint(&p, &gcol) < 0 || *p != ':') {
		strbuf_printf(out, "%s:%s", pf->path, text + plen + 1);
		return;
	}
	text_lookup(t, gline, gcol, &line, &col);
	strbuf_printf(out, "%s:%u:%u%s", pf->path, line, col, p);
}

/* Copies the entries of src into dst, their places mapped back. */
void pt_map_diag(const struct pt_file *pf, const struct pt_text *t,
                 const diag *src, diag *dst)
{
	size_t i;

	for (i = 0; i < src->count; i++) {
		strbuf sb = STRBUF_INIT;

		pt_map_place(pf, t, src->items[i].text, &sb);
		diag_at(dst, src->items[i].level, NULL, 0, 0, "%s",
		        strbuf_str(&sb));
		strbuf_release(&sb);
	}
}
