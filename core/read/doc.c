/*
 * doc.c - the document tree and its arena.
 */
#include "read/doc.h"

#include "util/i18n.h"
#include "util/strbuf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK_MIN (64 * 1024)

struct doc_chunk {
	struct doc_chunk *next;
	size_t used, size;
	max_align_t data[];
};

/* A new empty document. */
doc *doc_new(const char *path)
{
	doc *d = xcalloc(1, sizeof(*d));

	d->path = xstrdup(path ? path : "<input>");
	return d;
}

/* Frees a list of chunks. */
static void free_chunks(struct doc_chunk *c)
{
	struct doc_chunk *next;

	for (; c; c = next) {
		next = c->next;
		free(c);
	}
}

/* Frees the arena, then the document. */
void doc_free(doc *d)
{
	if (!d)
		return;
	free_chunks(d->chunks);
	free_chunks(d->spare);
	free(d->path);
	free(d);
}

/* Moves every chunk of the smallest size to the spare list (larger ones,
 * made for one big allocation, are freed). */
void doc_reset(doc *d)
{
	struct doc_chunk *c, *next;

	for (c = d->chunks; c; c = next) {
		next = c->next;
		if (c->size == CHUNK_MIN) {
			c->next = d->spare;
			d->spare = c;
		} else {
			free(c);
		}
	}
	d->chunks = NULL;
	d->root = NULL;
	d->nodes = 0;
}

/* Bump allocation from the current chunk, opening a new one when full. */
void *doc_alloc(doc *d, size_t n)
{
	struct doc_chunk *c = d->chunks;
	size_t align = sizeof(max_align_t);
	size_t need = (n + align - 1) / align * align;
	void *p;

	if (!c || c->size - c->used < need) {
		size_t size = need > CHUNK_MIN ? need : CHUNK_MIN;

		if (size == CHUNK_MIN && d->spare) {
			c = d->spare;
			d->spare = c->next;
		} else {
			c = xmalloc(sizeof(*c) + size);
			c->size = size;
		}
		c->used = 0;
		c->next = d->chunks;
		d->chunks = c;
	}
	p = (char *)c->data + c->used;
	c->used += need;
	memset(p, 0, n);
	return p;
}

/* Copies a string into the arena. */
char *doc_strndup(doc *d, const char *s, size_t len)
{
	char *p = doc_alloc(d, len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

/* Allocates a node in the arena and counts it. */
doc_node *doc_node_new(doc *d, doc_kind kind, unsigned line, unsigned col)
{
	doc_node *n = doc_alloc(d, sizeof(*n));

	n->kind = kind;
	n->line = line;
	n->col = col;
	n->text = "";
	d->nodes++;
	return n;
}

/* Linear search of a map's keys; maps in models are small. */
doc_node *doc_get(const doc_node *map, const char *key)
{
	size_t i;

	if (!map || map->kind != DOC_MAP)
		return NULL;
	for (i = 0; i < map->count; i++)
		if (map->keys[i]->text[0] == key[0] &&
		    strcmp(map->keys[i]->text, key) == 0)
			return map->items[i];
	return NULL;
}

/* Article and noun for a kind, used in "expected a mapping, got ...", in
 * English (a unit's problems, stored in results, quote it): messages only
 * printed translate it with _(). */
const char *doc_kind_name(doc_kind kind)
{
	switch (kind) {
	case DOC_SCALAR:
		return N_("a scalar");
	case DOC_MAP:
		return N_("a mapping");
	case DOC_SEQ:
		return N_("a list");
	}
	return N_("a node");
}

struct key_ref {
	const doc_node *key;
	size_t index;
};

/* Orders keys by text, then by their place in the map. */
static int cmp_keys(const void *a, const void *b)
{
	const struct key_ref *ka = a;
	const struct key_ref *kb = b;
	int c = strcmp(ka->key->text, kb->key->text);

	if (c != 0)
		return c;
	return (ka->index > kb->index) - (ka->index < kb->index);
}

/* FNV-1a of the NUL-terminated text s. */
static uint32_t text_hash(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* 1 when two of nodes[0..count), all scalars, have the same text: a
 * hash set of the texts, one pass (most maps have none). */
static int any_duplicate(doc_node *const *nodes, size_t count)
{
	uint32_t local[1024], *slot = local;
	size_t size = 64, i, h;
	int found = 0;

	while (size < count * 2)
		size *= 2;
	if (size > sizeof(local) / sizeof(*local))
		slot = xmalloc(size * sizeof(*slot));
	memset(slot, 0, size * sizeof(*slot));
	for (i = 0; i < count && !found; i++) {
		h = text_hash(nodes[i]->text) & (size - 1);
		while (slot[h] && !found) {
			found = strcmp(nodes[slot[h] - 1]->text,
			               nodes[i]->text) == 0;
			h = (h + 1) & (size - 1);
		}
		slot[h] = (uint32_t)(i + 1);
	}
	if (slot != local)
		free(slot);
	return found;
}

/* The later of the first pair of equal texts among nodes[0..count), all
 * scalars: compares all pairs when there are few, else, when a hash set
 * finds a pair, sorts a copy and compares neighbours. */
static const doc_node *find_duplicate(doc_node *const *nodes, size_t count)
{
	struct key_ref *sorted;
	const doc_node *found = NULL;
	size_t i, j;

	if (count <= 16) {
		for (i = 1; i < count; i++)
			for (j = 0; j < i; j++)
				if (nodes[i]->len == nodes[j]->len &&
				    strcmp(nodes[i]->text, nodes[j]->text) == 0)
					return nodes[i];
		return NULL;
	}
	if (count < UINT32_MAX && !any_duplicate(nodes, count))
		return NULL;
	sorted = xmalloc(count * sizeof(*sorted));
	for (i = 0; i < count; i++) {
		sorted[i].key = nodes[i];
		sorted[i].index = i;
	}
	qsort(sorted, count, sizeof(*sorted), cmp_keys);
	for (i = 1; i < count && !found; i++)
		if (strcmp(sorted[i].key->text, sorted[i - 1].key->text) == 0)
			found = sorted[i].key;
	free(sorted);
	return found;
}

const doc_node *doc_find_duplicate_key(const doc_node *map)
{
	if (!map || map->kind != DOC_MAP || map->count < 2)
		return NULL;
	return find_duplicate(map->keys, map->count);
}

const doc_node *doc_find_duplicate_item(const doc_node *seq)
{
	size_t i;

	if (!seq || seq->kind != DOC_SEQ || seq->count < 2)
		return NULL;
	for (i = 0; i < seq->count; i++)
		if (seq->items[i]->kind != DOC_SCALAR)
			return NULL;
	return find_duplicate(seq->items, seq->count);
}
