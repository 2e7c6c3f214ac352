/*
 * schema.c - typed reads from doc nodes with positioned errors.
 */
#include "read/schema.h"

#include "util/i18n.h"
#include "util/numfmt.h"
#include "util/strbuf.h"
#include "util/suggest.h"
#include "util/yes_no.h"

#include <string.h>
#include <strings.h>

/* Reports at the node's position, or at the file when it has none. */
void schema_error(const schema_ctx *sc, const doc_node *n, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vat(sc->d, DIAG_ERROR, sc->file, n ? n->line : 0, n ? n->col : 0,
	         fmt, ap);
	va_end(ap);
}

/* YAML 1.1/1.2 core null forms, unquoted only. */
int schema_is_null(const doc_node *n)
{
	if (!n || n->kind != DOC_SCALAR || n->quoted)
		return 0;
	if (n->len > 4 || (n->len > 0 && !strchr("~nN", n->text[0])))
		return 0; /* a number, most often */
	return n->len == 0 || strcmp(n->text, "~") == 0 ||
	       strcmp(n->text, "null") == 0 || strcmp(n->text, "Null") == 0 ||
	       strcmp(n->text, "NULL") == 0;
}

/* Kind check with a message naming what was found. */
int schema_expect(const schema_ctx *sc, const doc_node *n, doc_kind kind,
                  const char *what)
{
	if (n && n->kind == kind)
		return 0;
	schema_error(sc, n, _("%s must be %s, not %s"), _(what),
	             _(doc_kind_name(kind)),
	             n ? _(doc_kind_name(n->kind)) : _("missing"));
	return -1;
}

/* Joins the allowed keys for the message. */
static void list_words(strbuf *sb, const char *const *words)
{
	size_t i;

	for (i = 0; words[i]; i++) {
		if (i > 0)
			strbuf_puts(sb, ", ");
		strbuf_puts(sb, words[i]);
	}
}

/* Counts a NULL-terminated list. */
static size_t count_words(const char *const *words)
{
	size_t n = 0;

	while (words[n])
		n++;
	return n;
}

/* The message for one key, or 0 when it is allowed; tr: in the run's
 * language, else in English. */
static int unknown_key(strbuf *sb, const char *key, const char *const *allowed,
                       const char *what, int tr)
{
	size_t j, nallowed = count_words(allowed);
	const char *near;

	for (j = 0; j < nallowed; j++)
		if (strcmp(key, allowed[j]) == 0)
			return 0;
	near = suggest_closest(key, allowed, nallowed);
	strbuf_printf(
	        sb, tr ? _("unknown key '%s' in %s") : "unknown key '%s' in %s",
	        key, tr ? _(what) : what);
	if (near)
		strbuf_printf(sb,
		              tr ? _("; did you mean '%s'?")
		                 : "; did you mean '%s'?",
		              near);
	strbuf_puts(sb, tr ? _(" (allowed: ") : " (allowed: ");
	list_words(sb, allowed);
	strbuf_putc(sb, ')');
	return 1;
}

int schema_unknown_key(strbuf *sb, const char *key, const char *const *allowed,
                       const char *what)
{
	return unknown_key(sb, key, allowed, what, 0);
}

int schema_unknown_key_tr(strbuf *sb, const char *key,
                          const char *const *allowed, const char *what)
{
	return unknown_key(sb, key, allowed, what, 1);
}

/* Unknown keys are errors: typos are the most common mistake. */
int schema_check_keys(const schema_ctx *sc, const doc_node *map,
                      const char *const *allowed, const char *what)
{
	size_t i;
	int rc = 0;

	if (schema_expect(sc, map, DOC_MAP, what) < 0)
		return -1;
	for (i = 0; i < map->count; i++) {
		strbuf sb = STRBUF_INIT;

		if (schema_unknown_key_tr(&sb, map->keys[i]->text, allowed,
		                          what)) {
			schema_error(sc, map->keys[i], "%s", strbuf_str(&sb));
			rc = -1;
		}
		strbuf_release(&sb);
	}
	return rc;
}

/* Looks a required key up. */
doc_node *schema_require(const schema_ctx *sc, const doc_node *map,
                         const char *key, const char *what)
{
	doc_node *v = doc_get(map, key);

	if (!v)
		schema_error(sc, map, _("%s: missing required key '%s'"),
		             _(what), key);
	return v;
}

/* Any scalar is text; nulls only when allowed. */
const char *schema_string(const schema_ctx *sc, const doc_node *n,
                          const char *what, int allow_empty)
{
	if (!n || n->kind != DOC_SCALAR) {
		schema_error(sc, n, _("%s must be a text value, not %s"),
		             _(what),
		             n ? _(doc_kind_name(n->kind)) : _("missing"));
		return NULL;
	}
	if (!allow_empty && (schema_is_null(n) || n->len == 0)) {
		schema_error(sc, n, _("%s must not be empty"), _(what));
		return NULL;
	}
	if (schema_is_null(n))
		return "";
	return n->text;
}

/* Strict number read; quoted numbers are refused with a hint. */
int schema_number(const schema_ctx *sc, const doc_node *n, const char *what,
                  double *out)
{
	int rc;

	if (!n || n->kind != DOC_SCALAR) {
		schema_error(sc, n, _("%s must be a number, not %s"), _(what),
		             n ? _(doc_kind_name(n->kind)) : _("missing"));
		return -1;
	}
	rc = numfmt_parse(n->text, out);
	if (rc < 0 && numfmt_range_text(rc)) {
		schema_error(sc, n, "%s: %s %s", _(what), n->text,
		             _(numfmt_range_text(rc)));
		return -1;
	}
	if (rc < 0) {
		schema_error(sc, n, _("%s must be a number, not '%s'"), _(what),
		             n->text);
		return -1;
	}
	if (n->quoted) {
		schema_error(
		        sc, n,
		        _("%s must be a number, not the quoted text \"%s\"; "
		          "remove the quotes"),
		        _(what), n->text);
		return -1;
	}
	return 0;
}

/* true/false and yes/no, unquoted, any case; có/không, đúng/sai too
 * (util/yes_no.h). */
int schema_bool(const schema_ctx *sc, const doc_node *n, const char *what,
                int *out)
{
	int flag = n && n->kind == DOC_SCALAR && !n->quoted
	                   ? yes_no_word(n->text, n->len, NULL)
	                   : -1;

	if (flag >= 0) {
		*out = flag;
		return 0;
	}
	schema_error(sc, n, _("%s must be true or false, not %s"), _(what),
	             n && n->kind == DOC_SCALAR ? n->text
	                                        : _("a mapping or list"));
	return -1;
}

/* Character-class check for ids and names. */
int schema_check_chars(const char *s, const char *extra)
{
	if (!*s)
		return -1;
	for (; *s; s++) {
		if ((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9'))
			continue;
		if (extra && strchr(extra, *s))
			continue;
		return -1;
	}
	return 0;
}

/* One of a fixed set of words. */
int schema_enum(const schema_ctx *sc, const doc_node *n, const char *what,
                const char *const *words)
{
	const char *s = schema_string(sc, n, what, 0);
	strbuf sb = STRBUF_INIT;
	int i;

	if (!s)
		return -1;
	for (i = 0; words[i]; i++)
		if (strcmp(s, words[i]) == 0)
			return i;
	list_words(&sb, words);
	schema_error(sc, n, _("%s must be one of: %s (not '%s')"), _(what),
	             strbuf_str(&sb), s);
	strbuf_release(&sb);
	return -1;
}
