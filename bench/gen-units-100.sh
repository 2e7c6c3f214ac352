#!/bin/sh
# gen-units-100.sh N - N units for gen-model.sh's model, as JSON Lines.
n=${1:-10600}
awk -v n="$n" 'BEGIN {
	seed = 4242
	for (u = 1; u <= n; u++) {
		printf "{\"unit\": {\"code\": \"C%05d\", \"name\": \"Xã %d\", \"parent\": \"H%03d\", \"period\": \"2024\"}, \"values\": {", u, u, u % 700
		for (i = 1; i <= 100; i++) {
			seed = (seed * 1103515245 + 12345) % 2147483648
			x = int(seed / 2147483648 * 100)
			printf "%s\"x%d\": %d, \"t%d\": %d, \"b%d\": %s", (i > 1 ? ", " : ""), i, x, i, (x < 50 ? x + 50 : 100), i, (x % 3 ? "true" : "false")
		}
		print "}}"
	}
}'
