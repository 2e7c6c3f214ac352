/*
 * yaml_reader.c - libyaml events into a doc tree.
 */
#include "read/yaml_reader.h"

#include "read/json_reader.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

/* One open mapping or sequence, with its children gathered so far. */
struct frame {
	doc_node *node;
	doc_node **items;
	doc_node **keys;
	size_t count, cap;
	doc_node *pending_key; /* mappings: key read, value not yet */
};

struct reader {
	const char *path;
	const doc_limits *limits;
	diag *d;
	doc *doc;
	struct frame *stack;
	size_t depth, cap;
	int documents;
	int failed;
};

/* Reports an error at a libyaml mark (0-based) and marks the read failed. */
static void fail_at(struct reader *r, yaml_mark_t mark, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));
static void fail_at(struct reader *r, yaml_mark_t mark, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vat(r->d, DIAG_ERROR, r->path, (unsigned)mark.line + 1,
	         (unsigned)mark.column + 1, fmt, ap);
	va_end(ap);
	r->failed = 1;
}

/* Adds child to the frame's lists, growing them. */
static void frame_push(struct frame *f, doc_node *key, doc_node *child)
{
	if (f->count == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 8;
		f->items = xrealloc(f->items, f->cap * sizeof(*f->items));
		if (f->node->kind == DOC_MAP)
			f->keys = xrealloc(f->keys, f->cap * sizeof(*f->keys));
	}
	f->items[f->count] = child;
	if (f->node->kind == DOC_MAP)
		f->keys[f->count] = key;
	f->count++;
}

/* Attaches a new node to the open collection, or makes it the root. */
static void attach(struct reader *r, doc_node *n, yaml_mark_t mark)
{
	struct frame *f;

	if (r->depth == 0) {
		r->doc->root = n;
		return;
	}
	f = &r->stack[r->depth - 1];
	if (f->node->kind == DOC_SEQ) {
		frame_push(f, NULL, n);
		return;
	}
	if (!f->pending_key) {
		if (n->kind != DOC_SCALAR) {
			fail_at(r, mark,
			        _("a mapping key must be a plain name, not %s"),
			        _(doc_kind_name(n->kind)));
			return;
		}
		f->pending_key = n;
		return;
	}
	frame_push(f, f->pending_key, n);
	f->pending_key = NULL;
}

/* Counts a node against the limit; fails past it. */
static int count_node(struct reader *r, yaml_mark_t mark)
{
	char text[200];

	if (r->doc->nodes >= r->limits->max_nodes) {
		fail_at(r, mark, "%s",
		        limits_nodes_text(text, sizeof(text), r->limits));
		return -1;
	}
	return 0;
}

/* Refuses anchors and tags, which chiso files never need. */
static int check_props(struct reader *r, yaml_mark_t mark,
                       const yaml_char_t *anchor, const yaml_char_t *tag,
                       int implicit)
{
	if (anchor) {
		fail_at(r, mark,
		        _("anchors (&%s) are not supported; write the value "
		          "out "
		          "in full"),
		        (const char *)anchor);
		return -1;
	}
	if (tag && !implicit) {
		fail_at(r, mark,
		        _("tags (%s) are not supported; remove the tag"),
		        (const char *)tag);
		return -1;
	}
	return 0;
}

/* A scalar event becomes a scalar node. */
static void on_scalar(struct reader *r, const yaml_event_t *ev)
{
	doc_node *n;
	char text[200];
	size_t len = ev->data.scalar.length;
	const char *value = (const char *)ev->data.scalar.value;

	if (check_props(r, ev->start_mark, ev->data.scalar.anchor,
	                ev->data.scalar.tag,
	                ev->data.scalar.plain_implicit ||
	                        ev->data.scalar.quoted_implicit) < 0)
		return;
	if (count_node(r, ev->start_mark) < 0)
		return;
	if (len > r->limits->max_scalar_bytes) {
		fail_at(r, ev->start_mark, "%s",
		        limits_scalar_text(text, sizeof(text), len, r->limits));
		return;
	}
	if (memchr(value, '\0', len)) {
		fail_at(r, ev->start_mark, _("value contains a NUL character"));
		return;
	}
	n = doc_node_new(r->doc, DOC_SCALAR, (unsigned)ev->start_mark.line + 1,
	                 (unsigned)ev->start_mark.column + 1);
	n->text = doc_strndup(r->doc, value, len);
	n->len = len;
	n->quoted = ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
	attach(r, n, ev->start_mark);
}

/* A mapping or sequence start opens a frame. */
static void on_open(struct reader *r, const yaml_event_t *ev, doc_kind kind)
{
	doc_node *n;
	struct frame *f;
	const yaml_char_t *anchor, *tag;
	int implicit;
	char text[200];

	if (kind == DOC_MAP) {
		anchor = ev->data.mapping_start.anchor;
		tag = ev->data.mapping_start.tag;
		implicit = ev->data.mapping_start.implicit;
	} else {
		anchor = ev->data.sequence_start.anchor;
		tag = ev->data.sequence_start.tag;
		implicit = ev->data.sequence_start.implicit;
	}
	if (check_props(r, ev->start_mark, anchor, tag, implicit) < 0)
		return;
	if (count_node(r, ev->start_mark) < 0)
		return;
	if (r->depth >= r->limits->max_depth) {
		fail_at(r, ev->start_mark, "%s",
		        limits_depth_text(text, sizeof(text), r->limits));
		return;
	}
	n = doc_node_new(r->doc, kind, (unsigned)ev->start_mark.line + 1,
	                 (unsigned)ev->start_mark.column + 1);
	attach(r, n, ev->start_mark);
	if (r->failed)
		return;
	if (r->depth == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->stack = xrealloc(r->stack, r->cap * sizeof(*r->stack));
	}
	f = &r->stack[r->depth++];
	memset(f, 0, sizeof(*f));
	f->node = n;
}

/* A mapping or sequence end moves the gathered children into the arena. */
static void on_close(struct reader *r)
{
	struct frame *f = &r->stack[r->depth - 1];
	doc_node *n = f->node;
	const doc_node *dup;

	n->count = f->count;
	if (f->count > 0) {
		n->items = doc_alloc(r->doc, f->count * sizeof(*n->items));
		memcpy(n->items, f->items, f->count * sizeof(*n->items));
		if (n->kind == DOC_MAP) {
			n->keys =
			        doc_alloc(r->doc, f->count * sizeof(*n->keys));
			memcpy(n->keys, f->keys, f->count * sizeof(*n->keys));
		}
	}
	free(f->items);
	free(f->keys);
	r->depth--;
	dup = doc_find_duplicate_key(n);
	if (dup) {
		diag_error(r->d, r->path, dup->line, dup->col,
		           _("duplicate key '%s'; each key may appear once"),
		           dup->text);
		r->failed = 1;
	}
}

/* The byte at a libyaml mark, whose line and column count characters
 * after any BOM; -1 past the end. */
static int byte_at_mark(const char *buf, size_t len, yaml_mark_t mark)
{
	size_t i = 0, line = 0, col = 0;

	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	for (; i < len && line < mark.line; i++)
		if (buf[i] == '\n')
			line++;
	while (i < len && col < mark.column && buf[i] != '\n') {
		i++;
		while (i < len && ((unsigned char)buf[i] & 0xC0) == 0x80)
			i++;
		col++;
	}
	return i < len ? (unsigned char)buf[i] : -1;
}

/*
 * The problems and contexts libyaml reports most often, marked so that
 * the catalog translates them: parser_error() looks each of libyaml's
 * texts up, and any other stays as libyaml wrote it.
 */
static const char *const libyaml_texts[] = {
        N_("mapping values are not allowed in this context"),
        N_("mapping keys are not allowed in this context"),
        N_("block sequence entries are not allowed in this context"),
        N_("did not find expected key"),
        N_("did not find expected node content"),
        N_("did not find expected '-' indicator"),
        N_("did not find expected ',' or ']'"),
        N_("did not find expected ',' or '}'"),
        N_("did not find expected <document start>"),
        N_("could not find expected ':'"),
        N_("found character that cannot start any token"),
        N_("found unexpected end of stream"),
        N_("found unexpected ':'"),
        N_("found unexpected document indicator"),
        N_("found unknown escape character"),
        N_("found undefined alias"),
        N_("found a tab character that violates indentation"),
        N_("found a tab character where an indentation space is expected"),
        N_("control characters are not allowed"),
        N_("while parsing a block mapping"),
        N_("while parsing a block collection"),
        N_("while parsing a block node"),
        N_("while parsing a flow mapping"),
        N_("while parsing a flow sequence"),
        N_("while parsing a flow node"),
        N_("while parsing a node"),
        N_("while scanning a simple key"),
        N_("while scanning a plain scalar"),
        N_("while scanning a quoted scalar"),
        N_("while scanning a block scalar"),
        N_("while scanning an alias"),
        N_("while scanning an anchor"),
        N_("while scanning for the next token"),
        NULL};

/* libyaml's text s in the run's language when the catalog has it. */
static const char *libyaml_text(const char *s)
{
	size_t i;

	for (i = 0; libyaml_texts[i]; i++)
		if (strcmp(s, libyaml_texts[i]) == 0)
			return _(s);
	return s;
}

/* Reports libyaml's own parse error with its position; names the two
 * commonest causes (bad UTF-8, tabs) in words a person can act on. */
static void parser_error(struct reader *r, const yaml_parser_t *p,
                         const char *buf, size_t len)
{
	yaml_mark_t mark = p->problem_mark;
	const char *problem =
	        p->problem ? libyaml_text(p->problem) : _("malformed YAML");
	size_t bad,
	        bom = len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	unsigned line, col;

	if (p->error == YAML_MEMORY_ERROR) {
		diag_error(r->d, r->path, 0, 0,
		           _("out of memory reading YAML"));
	} else if (p->error == YAML_READER_ERROR &&
	           utf8_check(buf + bom, len - bom, &bad) < 0) {
		json_position(buf + bom, bad, &line, &col);
		diag_error(
		        r->d, r->path, line, col,
		        _("invalid UTF-8 byte 0x%02X; the file must be UTF-8 "
		          "(save it as UTF-8 in your editor)"),
		        (unsigned char)buf[bom + bad]);
	} else if (p->error == YAML_READER_ERROR) {
		diag_error(r->d, r->path, 0, 0, _("%s at byte %zu"), problem,
		           p->problem_offset);
	} else if (byte_at_mark(buf, len, mark) == '\t') {
		fail_at(r, mark,
		        _("a tab character where YAML expects indentation or a "
		          "value; indent with spaces, not tabs"));
	} else if (p->context) {
		fail_at(r, mark, _("%s %s (context at line %zu)"), problem,
		        libyaml_text(p->context), p->context_mark.line + 1);
	} else {
		fail_at(r, mark, "%s", problem);
	}
	r->failed = 1;
}

/* Handles one event; returns 1 at the end of the stream. */
static int on_event(struct reader *r, const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_STREAM_END_EVENT:
		return 1;
	case YAML_DOCUMENT_START_EVENT:
		if (++r->documents > 1)
			fail_at(r, ev->start_mark,
			        _("more than one document in the file; use one "
			          "file per document"));
		break;
	case YAML_ALIAS_EVENT:
		fail_at(r, ev->start_mark,
		        _("aliases (*%s) are not supported; write the value "
		          "out "
		          "in full"),
		        (const char *)ev->data.alias.anchor);
		break;
	case YAML_SCALAR_EVENT:
		on_scalar(r, ev);
		break;
	case YAML_MAPPING_START_EVENT:
		on_open(r, ev, DOC_MAP);
		break;
	case YAML_SEQUENCE_START_EVENT:
		on_open(r, ev, DOC_SEQ);
		break;
	case YAML_MAPPING_END_EVENT:
	case YAML_SEQUENCE_END_EVENT:
		on_close(r);
		break;
	default:
		break;
	}
	return 0;
}

/* Runs the event loop until the end of the stream or the first error. */
doc *yaml_read_buffer(const char *path, const char *buf, size_t len,
                      const doc_limits *limits, diag *d)
{
	struct reader r = {0};
	yaml_parser_t parser;
	yaml_event_t ev;
	int done = 0;

	r.path = path;
	r.limits = limits;
	r.d = d;
	r.doc = doc_new(path);
	if (limits_check_file(d, path, len, limits) < 0)
		goto fail_doc;
	if (!yaml_parser_initialize(&parser)) {
		diag_error(d, path, 0, 0, _("out of memory reading YAML"));
		goto fail_doc;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
	while (!done && !r.failed) {
		if (!yaml_parser_parse(&parser, &ev)) {
			parser_error(&r, &parser, buf, len);
			break;
		}
		done = on_event(&r, &ev);
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	while (r.depth > 0) {
		struct frame *f = &r.stack[--r.depth];

		free(f->items);
		free(f->keys);
	}
	free(r.stack);
	if (r.failed)
		goto fail_doc;
	return r.doc;

fail_doc:
	doc_free(r.doc);
	return NULL;
}
