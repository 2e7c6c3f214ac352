/*
 * source.c - whole-file reads, checked as they come, and the YAML/JSON
 * choice.
 */
#include "read/source.h"

#include "read/json_reader.h"
#include "read/yaml_reader.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/utf8.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* Bytes asked of each read(): a stream's problem is seen within this. */
#define READ_CHUNK (64 * 1024)

const source_kind source_kind_text = {NULL,
                                      N_("save it as UTF-8 in your editor"), 0};
const source_kind source_kind_binary = {NULL, "", 1};

/* Line and column of byte off: lines and characters after a BOM. */
static void text_position(const char *buf, size_t len, size_t off,
                          unsigned *line, unsigned *col)
{
	size_t bom = len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 && off >= 3
	                     ? 3
	                     : 0;

	json_position(buf + bom, off - bom, line, col);
}

/* Reports a bad byte of a text file at line:col: the file is UTF-16
 * (then without a place), a NUL byte, or a byte that is not UTF-8. */
static void bad_text(const char *path, unsigned char byte, int utf16,
                     unsigned line, unsigned col, const char *hint, diag *d)
{
	if (utf16)
		diag_error(d, path, 0, 0,
		           _("the file is UTF-16; it must be UTF-8 (%s)"),
		           _(hint));
	else if (byte == 0)
		diag_error(
		        d, path, line, col,
		        _("a NUL byte (0x00), which UTF-8 text never holds (is "
		          "it a binary or UTF-16 file?); the file must be "
		          "UTF-8 (%s)"),
		        _(hint));
	else
		diag_error(
		        d, path, line, col,
		        _("invalid UTF-8 byte 0x%02X; the file must be UTF-8 "
		          "(%s)"),
		        byte, _(hint));
}

/* 1 when the two bytes at s are a UTF-16 byte-order mark. */
static int is_utf16_mark(const char *s)
{
	return memcmp(s, "\xFF\xFE", 2) == 0 || memcmp(s, "\xFE\xFF", 2) == 0;
}

/* Reports the bad byte at off, placed as kind says. */
static void bad_byte(const char *path, const char *buf, size_t len, size_t off,
                     const source_kind *kind, diag *d)
{
	unsigned line = 0, col = 0;
	int utf16 = off == 0 && len >= 2 && is_utf16_mark(buf);

	if (!utf16)
		(kind->position ? kind->position : text_position)(buf, len, off,
		                                                  &line, &col);
	bad_text(path, (unsigned char)buf[off], utf16, line, col, kind->hint,
	         d);
}

/*
 * The text of buf[*checked..len), just read: UTF-8 and no NUL byte. A
 * sequence cut at len waits for the next bytes, unless at_eof. Returns
 * 0 with *checked moved on, or -1 with the offset of the first bad byte
 * in *bad (a NUL byte, a byte that is not UTF-8, or the start of a
 * sequence cut by a NUL byte or by the end of the file).
 */
static int scan_text(const char *buf, size_t len, size_t *checked, int at_eof,
                     size_t *bad)
{
	size_t from = *checked, whole, at;
	const char *nul = memchr(buf + from, '\0', len - from);
	size_t end = nul ? (size_t)(nul - buf) : len;

	if (utf8_check_prefix(buf + from, end - from, &whole, &at) < 0) {
		*bad = from + at;
		return -1;
	}
	if (from + whole < end && (nul || at_eof)) {
		*bad = from + whole;
		return -1;
	}
	if (nul) {
		*bad = end;
		return -1;
	}
	*checked = from + whole;
	return 0;
}

/*
 * Checks buf[*checked..len), just read (scan_text), and reports the
 * first bad byte. Returns 0 with *checked moved on, or -1.
 */
static int check_text(const char *path, const char *buf, size_t len,
                      size_t *checked, int at_eof, const source_kind *kind,
                      diag *d)
{
	size_t bad;

	if (*checked == 0 && len < 2 && !at_eof)
		return 0; /* a UTF-16 byte-order mark needs two bytes */
	if (scan_text(buf, len, checked, at_eof, &bad) < 0) {
		bad_byte(path, buf, len, bad, kind, d);
		return -1;
	}
	return 0;
}

/*
 * Reads fd to its end, checking each piece as it comes (read() returns
 * what a pipe holds, without waiting for a whole chunk). size_hint, the
 * size of a regular file, sizes the buffer once.
 */
static int read_fd(int fd, const char *path, const doc_limits *lim,
                   const source_kind *kind, size_t size_hint, char **buf,
                   size_t *len, diag *d)
{
	strbuf sb = STRBUF_INIT;
	size_t checked = 0, room;
	ssize_t n;

	/* a regular file's size and one more byte: its end is read into
	 * the room left, without growing the buffer */
	strbuf_grow(&sb, size_hint ? size_hint + 1 : READ_CHUNK);
	for (;;) {
		if (sb.cap - sb.len < 2)
			strbuf_grow(&sb, READ_CHUNK);
		room = sb.cap - sb.len - 1;
		n = read(fd, sb.data + sb.len,
		         room < READ_CHUNK ? room : READ_CHUNK);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			diag_error(d, path, 0, 0, _("read error: %s"),
			           strerror(errno));
			goto fail;
		}
		if (n == 0)
			break;
		if (sb.len + (size_t)n > lim->max_file_bytes) {
			limits_file_error(d, path, 0, lim);
			goto fail;
		}
		sb.len += (size_t)n;
		if (!kind->binary &&
		    check_text(path, sb.data, sb.len, &checked, 0, kind, d) < 0)
			goto fail;
	}
	if (!kind->binary &&
	    check_text(path, sb.data, sb.len, &checked, 1, kind, d) < 0)
		goto fail;
	sb.data[sb.len] = '\0';
	*len = sb.len;
	*buf = strbuf_detach(&sb);
	return 0;

fail:
	strbuf_release(&sb);
	return -1;
}

/*
 * Opens path (or stdin for "-": *name becomes "<stdin>"), refusing
 * directories and regular files past the limit before reading. Returns
 * the descriptor, with the size of a regular file in *size (0 for
 * another), or -1 after reporting.
 */
static int open_checked(const char **name, const doc_limits *lim,
                        unsigned long long *size, diag *d)
{
	const char *path = *name;
	struct stat st;
	int fd;

	*size = 0;
	if (strcmp(path, "-") == 0) {
		*name = "<stdin>";
		return 0;
	}
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		diag_error(d, path, 0, 0, _("cannot open: %s"),
		           strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		diag_error(d, path, 0, 0, _("is a directory, not a file"));
		close(fd);
		return -1;
	}
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
		if ((unsigned long long)st.st_size > lim->max_file_bytes) {
			limits_file_error(d, path,
			                  (unsigned long long)st.st_size, lim);
			close(fd);
			return -1;
		}
		*size = (unsigned long long)st.st_size;
	}
	return fd;
}

int source_read_file_as(const char *path, const doc_limits *lim,
                        const source_kind *kind, char **buf, size_t *len,
                        diag *d)
{
	unsigned long long size;
	int fd, rc;

	if (!kind)
		kind = &source_kind_text;
	fd = open_checked(&path, lim, &size, d);
	if (fd < 0)
		return -1;
	rc = read_fd(fd, path, lim, kind, (size_t)size, buf, len, d);
	if (fd != 0)
		close(fd);
	return rc;
}

/* --- a file read in pieces ------------------------------------------ */

int source_pieces_open(source_pieces *p, const char *path,
                       const doc_limits *lim, diag *d)
{
	struct stat st;

	memset(p, 0, sizeof(*p));
	p->path = path;
	p->lim = lim;
	p->fd = open_checked(&p->path, lim, &p->size, d);
	if (p->fd < 0)
		return -1;
	/* a regular file, standard input included: its size from where
	 * reading starts, and seeks from there */
	if (fstat(p->fd, &st) == 0 && S_ISREG(st.st_mode)) {
		off_t at = lseek(p->fd, 0, SEEK_CUR);

		p->seekable = at >= 0 && at <= st.st_size;
		p->origin = p->seekable ? (unsigned long long)at : 0;
		p->size = p->seekable ? (unsigned long long)(st.st_size - at)
		                      : p->size;
	}
	return 0;
}

void source_pieces_close(source_pieces *p)
{
	if (p->fd > 0)
		close(p->fd);
	p->fd = -1;
}

/* Reads once into buf[*have..*have + room); 0 at the end of the file,
 * else 1; -1 after reporting a read error or the size limit. */
static int read_piece(source_pieces *p, char *buf, size_t *have, size_t room,
                      diag *d)
{
	ssize_t n;

	do
		n = read(p->fd, buf + *have, room);
	while (n < 0 && errno == EINTR);
	if (n < 0) {
		diag_error(d, p->path, 0, 0, _("read error: %s"),
		           strerror(errno));
		return -1;
	}
	if (n == 0) {
		p->eof = 1;
		return 0;
	}
	if (p->done + (unsigned long long)n > p->lim->max_file_bytes) {
		limits_file_error(d, p->path, 0, p->lim);
		return -1;
	}
	p->done += (unsigned long long)n;
	*have += (size_t)n;
	return 1;
}

int source_pieces_read(source_pieces *p, char *buf, size_t *have, size_t room,
                       size_t *ready, diag *d)
{
	size_t start = *ready, end = *have + room, checked, bad;

	if (p->bad)
		return 0;
	for (;;) {
		if (!p->eof && *have < end &&
		    read_piece(p, buf, have, end - *have, d) < 0)
			return -1;
		/* a UTF-16 byte-order mark needs two bytes */
		if (p->checked == 0 && *have - *ready < 2 && !p->eof)
			continue;
		checked = *ready;
		if (scan_text(buf, *have, &checked, p->eof, &bad) < 0) {
			p->bad = 1;
			p->bad_byte = (unsigned char)buf[bad];
			p->utf16 = p->checked == 0 && bad == *ready &&
			           *have - *ready >= 2 &&
			           is_utf16_mark(buf + *ready);
			checked = bad;
		}
		p->checked += checked - *ready;
		*ready = checked;
		if (*ready > start || p->eof || p->bad)
			return *ready > start;
		if (*have == end)
			return 0; /* no room to complete a sequence */
	}
}

void source_pieces_bad(const source_pieces *p, unsigned line, unsigned col,
                       diag *d)
{
	bad_text(p->path, p->bad_byte, p->utf16, line, col,
	         source_kind_text.hint, d);
}

int source_pieces_seek(source_pieces *p, unsigned long long off, diag *d)
{
	if (!p->seekable ||
	    lseek(p->fd, (off_t)(p->origin + off), SEEK_SET) < 0) {
		diag_error(d, p->path, 0, 0, _("cannot seek: %s"),
		           p->seekable ? strerror(errno) : _("not a file"));
		return -1;
	}
	p->done = p->checked = off;
	p->eof = 0;
	return 0;
}

int source_read_file(const char *path, const doc_limits *lim, char **buf,
                     size_t *len, diag *d)
{
	return source_read_file_as(path, lim, &source_kind_text, buf, len, d);
}

/* 1 when path ends in ext, ignoring case. */
static int has_ext(const char *path, const char *ext)
{
	const char *dot = strrchr(path, '.');

	return dot && strcasecmp(dot, ext) == 0;
}

int source_is_json(const char *path)
{
	return has_ext(path, ".json");
}

int source_is_jsonl(const char *path)
{
	return has_ext(path, ".jsonl") || has_ext(path, ".ndjson");
}

int source_is_csv(const char *path)
{
	return has_ext(path, ".csv");
}

int source_is_workbook(const char *path)
{
	return has_ext(path, ".xlsx") || has_ext(path, ".xlsm") ||
	       has_ext(path, ".xls") || has_ext(path, ".ods") ||
	       has_ext(path, ".xlsb");
}

/* Dispatches to the reader and refuses empty documents. */
doc *source_parse(const char *path, const char *buf, size_t len,
                  const doc_limits *limits, diag *d)
{
	doc *parsed;

	if (source_is_json(path))
		parsed = json_read_buffer(path, buf, len, limits, d);
	else
		parsed = yaml_read_buffer(path, buf, len, limits, d);
	if (parsed && !parsed->root) {
		diag_error(d, path, 0, 0, _("the file is empty"));
		doc_free(parsed);
		return NULL;
	}
	return parsed;
}
