/*
 * round_key.c - published values as whole numbers, fast (round_key.h).
 */
#include "util/round_key.h"

#include "util/numfmt.h"

#include <math.h>

double round_key_scale(int decimals)
{
	double s = 1;
	int k;

	for (k = 0; k < decimals; k++)
		s *= 10;
	return s;
}

/*
 * How far from a half the scaled value must be for plain rounding to be
 * numfmt's: rounding x to 15 significant digits moves it by at most
 * 5 x 10^-15 of |x|, and the product x x 10^decimals is off by at most
 * 2^-53 of itself; a margin of 10^-13 of the product covers both twice
 * over (and 10^-9 in absolute terms covers a product near 0).
 */
#define HALF_MARGIN_REL 1e-13
#define HALF_MARGIN_ABS 1e-9

int64_t round_key(double x, int decimals)
{
	double scale, t, f, frac, margin;

	if (decimals < 0)
		decimals = 0;
	if (decimals > ROUND_KEY_MAX_DECIMALS)
		decimals = ROUND_KEY_MAX_DECIMALS;
	if (x < 0)
		return -round_key(-x, decimals);
	scale = round_key_scale(decimals);
	t = x * scale;
	f = floor(t);
	frac = t - f; /* exact */
	margin = t * HALF_MARGIN_REL + HALF_MARGIN_ABS;
	if (fabs(frac - 0.5) <= margin)
		return (int64_t)llround(numfmt_round(x, decimals) * scale);
	return (int64_t)f + (frac > 0.5 ? 1 : 0);
}
