/*
 * progress.c - progress on a terminal.
 */
#include "util/progress.h"

#include "util/escape.h"
#include "util/i18n.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define WHAT_MAX  256
#define WHAT_COLS 60         /* the file name is cut (escaped) to this */
#define REDRAW_NS 100000000L /* 0.1 s */

static struct {
	int enabled; /* 1 automatic, 0 off */
	int active;
	char what[WHAT_MAX];
	size_t count, total, since_check;
	struct timespec last;
} pg = {1, 0, "", 0, 0, 0, {0, 0}};

void progress_enable(int on)
{
	pg.enabled = on;
}

/* Time since the last redraw passed the interval? */
static int due(void)
{
	struct timespec now;
	long ns;

	clock_gettime(CLOCK_MONOTONIC, &now);
	ns = (now.tv_sec - pg.last.tv_sec) * 1000000000L +
	     (now.tv_nsec - pg.last.tv_nsec);
	if (ns < REDRAW_NS)
		return 0;
	pg.last = now;
	return 1;
}

/* Writes the line over the previous one. */
static void draw(void)
{
	fputc('\r', stderr);
	if (pg.total)
		fprintf(stderr,
		        P_("chiso: %s: %zu of %zu unit",
		           "chiso: %s: %zu of %zu units", pg.total),
		        pg.what, pg.count, pg.total);
	else
		fprintf(stderr,
		        P_("chiso: %s: %zu unit", "chiso: %s: %zu units",
		           pg.count),
		        pg.what, pg.count);
	fflush(stderr);
}

void progress_start(const char *what, size_t total)
{
	strbuf sb = STRBUF_INIT;

	pg.active = pg.enabled && isatty(STDERR_FILENO);
	if (!pg.active)
		return;
	escape_fit(&sb, what, WHAT_COLS); /* a file name from argv */
	snprintf(pg.what, sizeof(pg.what), "%s", strbuf_str(&sb));
	strbuf_release(&sb);
	pg.count = 0;
	pg.total = total;
	pg.since_check = 0;
	clock_gettime(CLOCK_MONOTONIC, &pg.last);
}

void progress_tick(size_t n)
{
	if (!pg.active)
		return;
	pg.count += n;
	pg.since_check += n;
	if (pg.since_check < 256)
		return;
	pg.since_check = 0;
	if (due())
		draw();
}

void progress_done(void)
{
	if (!pg.active)
		return;
	fprintf(stderr, "\r\033[K");
	fflush(stderr);
	pg.active = 0;
}
