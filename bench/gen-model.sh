#!/bin/sh
# gen-model.sh - a synthetic model of 100 indicators (10 main indices of
# 10) using the built-in methods in turn, for the benchmark: the size of
# a provincial DTI set (98 components).
awk 'BEGIN {
	print "model: { id: bench-100, version: \"1\", title: \"Synthetic model, 100 indicators\" }"
	print "inputs:"
	for (i = 1; i <= 100; i++) {
		printf "  x%d: { type: number, min: 0, max: 100 }\n", i
		printf "  t%d: { type: number, min: 0, max: 100 }\n", i
		printf "  b%d: { type: boolean }\n", i
	}
	print "indices:"
	for (g = 1; g <= 10; g++) {
		printf "  - id: \"%d\"\n    name: \"Chỉ số %d\"\n    points: 100\n    children:\n", g, g
		for (k = 1; k <= 10; k++) {
			i = (g - 1) * 10 + k
			m = i % 5
			printf "      - { id: \"%d.%d\", name: \"Chỉ số thành phần %d\", points: 10, ", g, k, i
			if (m == 0)
				printf "method: ratio, params: { numerator: x%d, denominator: t%d, zero_denominator: na } }\n", i, i
			else if (m == 1)
				printf "method: bands, params: { input: x%d, bands: [[80, 1], [60, 0.75], [40, 0.5], [20, 0.25]] } }\n", i
			else if (m == 2)
				printf "method: target, params: { input: x%d, op: \">=\", value: 90, partial: linear } }\n", i
			else if (m == 3)
				printf "method: boolean, params: { input: b%d } }\n", i
			else
				printf "method: parts, params: { parts: [{ input: b%d, share: 0.5 }, { input: b%d, share: 0.5 }] } }\n", i, (i % 100) + 1
		}
	}
}'
