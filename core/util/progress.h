/*
 * progress.h - a one-line count on stderr while a long batch is read
 * ("chiso: reading units.csv: 5120 units"), redrawn at most
 * ten times a second, and only when stderr is a terminal: logs and pipes
 * get nothing. Process-wide (there is one terminal).
 */
#ifndef CHISO_PROGRESS_H
#define CHISO_PROGRESS_H

#include <stddef.h>

/* Starts counting "what" (e.g. "reading units.csv"); total 0 = unknown. */
void progress_start(const char *what, size_t total);

/* Adds n to the count; redraws when due. Cheap when not a terminal. */
void progress_tick(size_t n);

/* Clears the line. */
void progress_done(void);

/* Turns progress off (0) or back to automatic (1), e.g. for --quiet. */
void progress_enable(int on);

#endif
