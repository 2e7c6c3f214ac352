#!/bin/sh
# gen-units.sh N - writes N synthetic units for criteria/example-district.yaml
# to stdout as one YAML data file (deterministic pseudo-random values).
# National scale is about 10,600 communes: `gen-units.sh 10600`.
n=${1:-10600}
awk -v n="$n" 'BEGIN {
	seed = 12345
	print "units:"
	for (i = 1; i <= n; i++) {
		seed = (seed * 1103515245 + 12345) % 2147483648; r = seed / 2147483648
		communes = 10 + int(r * 20)
		officials = 100 + int(r * 150)
		villages = 80 + int(r * 120)
		dossiers = 1000 + int(r * 20000)
		printf "  - unit: { code: \"U%05d\", name: \"Đơn vị %d\", level: district, parent: \"P%02d\", period: \"2023\" }\n", i, i, i % 63
		printf "    values: { steering_meetings: %d, committee_chair: %s, communes_total: %d, communes_committee: %d,", int(r * 5), (i % 3 == 0 ? "deputy" : "head"), communes, int(communes * r)
		printf " dt_plan_issued: %s, dt_directives: %d, plan_targets_total: 28, plan_targets_met: %d,", (i % 7 ? "true" : "false"), int(r * 4), int(28 * r)
		printf " officials_total: %d, officials_with_pc: %d, villages_total: %d, villages_wifi: %d, communes_4g: %d,", officials, int(officials * r), villages, int(villages * r), communes
		printf " households_fibre_pct: %.1f, dossiers_total: %d, dossiers_online: %d, portal_dt_section: %s,", r * 100, dossiers, int(dossiers * r), (i % 2 ? "true" : "false")
		printf " security_monitoring: true, antimalware: %s, digital_skills_score: %.3f, smartphone_adult_pct: %.1f, initiative_points: %.1f }\n", (i % 5 ? "true" : "false"), r, 60 + r * 40, r * 5
	}
}'
