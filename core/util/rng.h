/*
 * rng.h - reproducible random numbers for simulations: xoshiro256**
 * (Blackman & Vigna, "Scrambled linear pseudorandom number generators",
 * ACM TOMS 47(4), 2021), its state seeded with SplitMix64 (Steele, Lea &
 * Flood, OOPSLA 2014), as the authors advise.
 *
 * A simulation of many runs gives each run its own stream, made from
 * (seed, run) alone: rng_seed_run() starts SplitMix64 at
 *
 *     seed XOR splitmix64_mix(run + 1)
 *
 * (splitmix64_mix, SplitMix64's output function, is a bijection of 64-bit
 * words, so distinct runs start from distinct states) and takes its next
 * four outputs as the xoshiro256** state. So what a run draws does not
 * depend on the order in which runs are made, nor on which thread makes
 * them: the same seed gives the same numbers on every machine.
 *
 * Ownership: an rng is a plain value; nothing is allocated.
 */
#ifndef CHISO_RNG_H
#define CHISO_RNG_H

#include <stdint.h>

typedef struct rng {
	uint64_t s[4];
} rng;

/* SplitMix64's output function (Stafford's Mix13 variant): a bijection
 * of 64-bit words. */
uint64_t splitmix64_mix(uint64_t z);

/* The next SplitMix64 output of *state (which it advances). */
uint64_t splitmix64_next(uint64_t *state);

/* Seeds r with four SplitMix64 outputs from state seed. */
void rng_seed(rng *r, uint64_t seed);

/* Seeds r for run `run` of a simulation seeded with seed (see above). */
void rng_seed_run(rng *r, uint64_t seed, uint64_t run);

/* The next xoshiro256** output. */
uint64_t rng_next(rng *r);

/* A uniform double in [0, 1): the top 53 bits of rng_next() x 2^-53. */
double rng_uniform(rng *r);

#endif
