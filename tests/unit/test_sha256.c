/*
 * test_sha256.c - unit tests for core/util/sha256.c (FIPS 180-4 vectors).
 */
#include "util/sha256.h"
#include "cutest.h"

#include <stdio.h>
#include <string.h>

/* Lowercase hex of a 32-byte digest into hex[65]. */
static void to_hex(const unsigned char d[32], char hex[65])
{
	int i;

	for (i = 0; i < 32; i++)
		snprintf(hex + 2 * i, 3, "%02x", d[i]);
}

/* sha256_hex of a NUL-terminated string, checked against want. */
static int hex_is(const char *msg, const char *want)
{
	char hex[65];

	memset(hex, 'Z', sizeof(hex));
	sha256_hex(msg, strlen(msg), hex);
	return hex[64] == '\0' && strcmp(hex, want) == 0;
}

/* The empty message. */
static void test_empty(void)
{
	CU_ASSERT(hex_is("", "e3b0c44298fc1c149afbf4c8996fb924"
	                     "27ae41e4649b934ca495991b7852b855"));
}

/* FIPS 180-4 one-block example "abc". */
static void test_abc(void)
{
	CU_ASSERT(hex_is("abc", "ba7816bf8f01cfea414140de5dae2223"
	                        "b00361a396177a9cb410ff61f20015ad"));
}

/* FIPS 180-4 two-block example (448 bits). */
static void test_448(void)
{
	CU_ASSERT(hex_is(
	        "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
	        "248d6a61d20638b8e5c026930c3e6039"
	        "a33ce45964ff2167f6ecedd419db06c1"));
}

/* The 896-bit message from the NIST examples. */
static void test_896(void)
{
	CU_ASSERT(hex_is(
	        "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
	        "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
	        "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac4503"
	        "7afee9d1"));
}

/* One million 'a's fed in odd-sized chunks. */
static void test_million_a(void)
{
	static const size_t chunks[] = {1, 63, 64, 65, 7, 127, 1000, 3, 4093};
	static char buf[4096];
	unsigned char d[32];
	char hex[65];
	size_t left = 1000000, n, i = 0;
	sha256_ctx c;

	memset(buf, 'a', sizeof(buf));
	sha256_init(&c);
	while (left > 0) {
		n = chunks[i++ % (sizeof(chunks) / sizeof(*chunks))];
		if (n > left)
			n = left;
		sha256_update(&c, buf, n);
		left -= n;
	}
	sha256_final(&c, d);
	to_hex(d, hex);
	CU_ASSERT_STRING_EQUAL(hex, "cdc76e5c9914fb9281a1c7e284d73e67"
	                            "f1809a48a497200e046d39ccc7112cd0");
}

/* Lengths around the padding boundary (55, 56, 63, 64 bytes) hash the
 * same whether fed at once or byte by byte, and differ from each other. */
static void test_boundaries(void)
{
	static const size_t lens[] = {0, 1, 55, 56, 57, 63, 64, 65, 119, 120};
	char msg[130], once[65], bytewise[65], prev[65] = "";
	unsigned char d[32];
	sha256_ctx c;
	size_t i, j;

	for (i = 0; i < sizeof(msg); i++)
		msg[i] = (char)('A' + i % 26);
	for (i = 0; i < sizeof(lens) / sizeof(*lens); i++) {
		sha256_hex(msg, lens[i], once);
		sha256_init(&c);
		for (j = 0; j < lens[i]; j++)
			sha256_update(&c, msg + j, 1);
		sha256_update(&c, msg, 0);
		sha256_final(&c, d);
		to_hex(d, bytewise);
		CU_ASSERT_STRING_EQUAL(once, bytewise);
		CU_ASSERT_STRING_NOT_EQUAL(once, prev);
		memcpy(prev, once, sizeof(prev));
	}
}

/* Known digests of 55 and 56 'a's (one and two padding blocks). */
static void test_padding_vectors(void)
{
	char a[64];

	memset(a, 'a', sizeof(a) - 1);
	a[55] = '\0';
	CU_ASSERT(hex_is(a, "9f4390f8d30c2dd92ec9f095b65e2b9a"
	                    "e9b0a925a5258e241c9f1e910f734318"));
	a[55] = 'a';
	a[56] = '\0';
	CU_ASSERT(hex_is(a, "b35439a4ac6f0948b6d6f9e3c6af0f5f"
	                    "590ce20f1bde7090ef7970686ec6738a"));
}

static CU_TestInfo tests[] = {
        {"empty", test_empty},
        {"abc", test_abc},
        {"448_bits", test_448},
        {"896_bits", test_896},
        {"million_a", test_million_a},
        {"boundaries", test_boundaries},
        {"padding_vectors", test_padding_vectors},
        CU_TEST_INFO_NULL,
};

CUTEST_MAIN("sha256", tests)
