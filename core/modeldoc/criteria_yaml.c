/*
 * criteria_yaml.c - the tree of an imported criteria table written as a
 * model file: a comment saying where it came from and what is left to
 * do, the model section, an empty inputs section, and the indices, each
 * criterion without a method given MODEL_METHOD_PLACEHOLDER.
 */
#include "modeldoc/criteria_internal.h"

#include "model/model.h"
#include "util/numfmt.h"

#include <string.h>

/* Appends s as a YAML double-quoted scalar. */
static void put_quoted(strbuf *out, const char *s)
{
	strbuf_putc(out, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\') {
			strbuf_putc(out, '\\');
			strbuf_putc(out, *s);
		} else if (*s == '\n') {
			strbuf_puts(out, "\\n");
		} else if (*s == '\t') {
			strbuf_puts(out, "\\t");
		} else {
			strbuf_putc(out, *s);
		}
	}
	strbuf_putc(out, '"');
}

/* Appends "KEY: "VALUE"\n" at indent, when value is not empty. */
static void put_text(strbuf *out, int indent, const char *key,
                     const char *value)
{
	if (!value || !*value)
		return;
	strbuf_printf(out, "%*s%s: ", indent, "", key);
	put_quoted(out, value);
	strbuf_putc(out, '\n');
}

/* The file's base name, for the comment and the default id. */
static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* Appends the base name for a comment line: a control character shown
 * as '?', so the comment stays one line. */
static void put_comment_text(strbuf *out, const char *s)
{
	for (; *s; s++)
		strbuf_putc(out,
		            (unsigned char)*s < 0x20 || *s == 0x7F ? '?' : *s);
}

/* The default model id: the file's base name without its extension,
 * in lower case, each run of other characters than a-z, 0-9, '.' made
 * one '-'. */
static void default_id(strbuf *out, const char *path)
{
	const char *base = base_name(path), *dot = strrchr(base, '.');
	size_t i, n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
	size_t start = out->len;
	int dash = 0;

	for (i = 0; i < n; i++) {
		char c = base[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '.') {
			if (dash && out->len > start)
				strbuf_putc(out, '-');
			strbuf_putc(out, c);
			dash = 0;
		} else {
			dash = 1;
		}
	}
	if (out->len == start)
		strbuf_puts(out, "imported");
}

/* Appends node i and its subtree at depth (0: a main index). */
static void put_node(strbuf *out, const ci_table *t, long i, int depth)
{
	const ci_node *nd = &t->nodes[i];
	int in = 4 + 4 * depth; /* the keys' indent */
	char buf[NUMFMT_MAX];
	long c;

	strbuf_printf(out, "%*s- id: ", in - 2, "");
	put_quoted(out, nd->code);
	strbuf_putc(out, '\n');
	put_text(out, in, "name", nd->name);
	strbuf_printf(out, "%*spoints: %s\n", in, "",
	              numfmt_exact(nd->points, buf));
	if (nd->first >= 0) {
		strbuf_printf(out, "%*schildren:\n", in, "");
		for (c = nd->first; c >= 0; c = t->nodes[c].next)
			put_node(out, t, c, depth + 1);
		return;
	}
	if (*nd->method) {
		strbuf_printf(out, "%*smethod: %s\n", in, "", nd->method);
		if (*nd->params)
			strbuf_printf(out, "%*sparams: %s\n", in, "",
			              nd->params);
	} else {
		strbuf_printf(out, "%*smethod: %s  # TODO: the scoring rule\n",
		              in, "", MODEL_METHOD_PLACEHOLDER);
	}
	if (nd->kind != CI_KIND_NONE)
		strbuf_printf(out, "%*skind: %s\n", in, "",
		              nd->kind == CI_KIND_MANDATORY ? "mandatory"
		                                            : "extended");
	put_text(out, in, "source", nd->source);
}

void ci_write_yaml(const ci_table *t, const criteria_import_opts *o,
                   strbuf *out)
{
	criteria_import_stats st;
	strbuf title = STRBUF_INIT;
	char buf[NUMFMT_MAX];
	size_t k;

	memset(&st, 0, sizeof(st));
	ci_stats(t, &st);
	strbuf_puts(out, "# Made by 'chiso import-criteria' from ");
	put_comment_text(out, base_name(t->path));
	strbuf_printf(out, "\n# (SHA-256 %s):\n", t->sha256);
	strbuf_printf(out, "# %zu criteria in %zu main indices, %s points.\n",
	              st.criteria, st.roots, numfmt_exact(st.points, buf));
	if (st.todo)
		strbuf_printf(
		        out,
		        "#\n"
		        "# %zu criteria say \"method: %s\": each still "
		        "needs its scoring rule.\n"
		        "# Choose its method, declare the inputs it reads "
		        "under 'inputs', and\n"
		        "# write its params (docs/model-format.md, "
		        "\"Built-in methods\");\n"
		        "# 'chiso validate' names each one left.\n",
		        st.todo, MODEL_METHOD_PLACEHOLDER);
	strbuf_puts(out, "model:\n  id: ");
	if (o->id) {
		put_quoted(out, o->id);
	} else {
		strbuf_putc(out, '"');
		default_id(out, t->path);
		strbuf_putc(out, '"');
	}
	strbuf_putc(out, '\n');
	put_text(out, 2, "version", o->version ? o->version : "1");
	if (!o->title) {
		strbuf_puts(&title, "Bộ tiêu chí nhập từ ");
		put_comment_text(&title, base_name(t->path));
	}
	put_text(out, 2, "title", o->title ? o->title : strbuf_str(&title));
	strbuf_release(&title);
	put_text(out, 2, "level", o->level);
	strbuf_puts(out, "  precision: 4\n  missing: zero\n\ninputs: {}\n\n"
	                 "indices:\n");
	for (k = 0; k < t->nroots; k++) {
		if (k)
			strbuf_putc(out, '\n');
		put_node(out, t, t->roots[k], 0);
	}
}
