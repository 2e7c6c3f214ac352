/*
 * rng.c - SplitMix64 and xoshiro256**, as in the authors' reference
 * code (prng.di.unimi.it: splitmix64.c, xoshiro256starstar.c).
 */
#include "util/rng.h"

#define GOLDEN_GAMMA UINT64_C(0x9e3779b97f4a7c15)

uint64_t splitmix64_mix(uint64_t z)
{
	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

uint64_t splitmix64_next(uint64_t *state)
{
	*state += GOLDEN_GAMMA;
	return splitmix64_mix(*state);
}

void rng_seed(rng *r, uint64_t seed)
{
	int k;

	for (k = 0; k < 4; k++)
		r->s[k] = splitmix64_next(&seed);
}

void rng_seed_run(rng *r, uint64_t seed, uint64_t run)
{
	rng_seed(r, seed ^ splitmix64_mix(run + 1));
}

/* x rotated left by k bits (0 < k < 64). */
static uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

uint64_t rng_next(rng *r)
{
	uint64_t *s = r->s;
	uint64_t result = rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

double rng_uniform(rng *r)
{
	return (double)(rng_next(r) >> 11) * 0x1.0p-53;
}
