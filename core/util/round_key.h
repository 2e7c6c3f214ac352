/*
 * round_key.h - a value as published, as a whole number: the key
 * k = numfmt_round(x, decimals) x 10^decimals, computed without text.
 *
 * Ranking on published values compares numfmt_round(x, decimals): two
 * values are tied when they round to the same decimal. numfmt_round()
 * goes through printf and strtod, which is right for a table of 10,000
 * units but far too slow for a simulation that ranks them a thousand
 * times. round_key() gives the same answer (two values have equal keys
 * exactly when numfmt_round gives them equal values, and keys order as
 * the rounded values do) with a multiplication and a floor: numfmt
 * rounds to 15 significant digits first and then half away from zero,
 * which only the binary product x x 10^decimals near a half (k + 0.5)
 * can tell apart from plain rounding; there, round_key() asks
 * numfmt_round() itself.
 */
#ifndef CHISO_ROUND_KEY_H
#define CHISO_ROUND_KEY_H

#include <stdint.h>

/* Largest decimals round_key() takes (10^decimals x |x| must stay below
 * 2^52 for the keys to be exact; published values are in [0, 1]). */
#define ROUND_KEY_MAX_DECIMALS 15

/*
 * The published value of x at decimals places (0..15), times
 * 10^decimals: e.g. round_key(0.83985, 4) = 8399, as numfmt_fixed()
 * prints 0.8399. x must be finite with |x| x 10^decimals < 2^52.
 */
int64_t round_key(double x, int decimals);

/* 10^decimals as a double (exact for decimals 0..22). */
double round_key_scale(int decimals);

#endif
