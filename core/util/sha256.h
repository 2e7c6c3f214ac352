/*
 * sha256.h - SHA-256 (FIPS 180-4), for the hash of a model file that
 * results carry so a score can be traced to the exact model text.
 */
#ifndef CHISO_SHA256_H
#define CHISO_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct sha256_ctx {
	uint32_t state[8];
	uint64_t bytes;
	unsigned char block[64];
	size_t fill;
} sha256_ctx;

void sha256_init(sha256_ctx *c);
void sha256_update(sha256_ctx *c, const void *data, size_t len);
void sha256_final(sha256_ctx *c, unsigned char digest[32]);
/* sha256_final() written as 64 lower-case hex digits and a NUL. */
void sha256_final_hex(sha256_ctx *c, char hex[65]);
/* The SHA-256 (hex) of the file open on fd, read from its start with
 * pread (the descriptor's offset is left alone). Returns 0, or -1 with
 * errno set by the read. */
int sha256_fd(int fd, char hex[65]);

/* Writes the 64 lowercase hex digits of data's hash and a NUL to hex. */
void sha256_hex(const void *data, size_t len, char hex[65]);

#endif
