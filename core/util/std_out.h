/*
 * std_out.h - chiso's standard output, kept apart from descriptor 1.
 *
 * Plugins are code chiso does not control: a printf() in a plugin's
 * constructor, prepare or compute writes to the C library's stdout,
 * descriptor 1, and would land in the middle of a JSON document or a CSV
 * sheet that chiso is writing there. So before any plugin is loaded,
 * std_out_separate() moves chiso's standard output to a descriptor of
 * its own and points descriptor 1 at standard error: whatever a plugin
 * prints (in chiso or in an isolated worker, which inherits it) reaches
 * the terminal or the log as stderr, and chiso's output stays its own.
 * chiso itself then writes its standard output only through
 * std_out_fd().
 */
#ifndef CHISO_STD_OUT_H
#define CHISO_STD_OUT_H

/*
 * Duplicates descriptor 1 to a new descriptor (close-on-exec) that
 * std_out_fd() returns from then on, and makes descriptor 1 a duplicate
 * of descriptor 2. Returns 0, or -1 when descriptor 1 is not open (then
 * nothing changes: there is no output to protect).
 */
int std_out_separate(void);

/* The descriptor of chiso's standard output: 1 until std_out_separate()
 * moved it. */
int std_out_fd(void);

#endif
