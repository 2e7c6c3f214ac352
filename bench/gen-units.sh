#!/bin/sh
# gen-units.sh N [yaml|csv] - writes N synthetic units for
# criteria/example-district.yaml to stdout as one YAML data file, or as a
# CSV batch (header first) with the same values in the same order
# (deterministic pseudo-random values). National scale is about 10,600
# communes: `gen-units.sh 10600`.
n=${1:-10600}
fmt=${2:-yaml}
awk -v n="$n" -v fmt="$fmt" 'BEGIN {
	seed = 12345
	if (fmt == "csv")
		print "code,name,level,parent,period,stage,steering_meetings,committee_chair,communes_total,communes_committee,dt_plan_issued,dt_directives,plan_targets_total,plan_targets_met,officials_total,officials_with_pc,villages_total,villages_wifi,communes_4g,households_fibre_pct,dossiers_total,dossiers_online,portal_dt_section,security_monitoring,antimalware,digital_skills_score,smartphone_adult_pct,initiative_points,report_ref"
	else
		print "units:"
	for (i = 1; i <= n; i++) {
		seed = (seed * 1103515245 + 12345) % 2147483648; r = seed / 2147483648
		communes = 10 + int(r * 20)
		officials = 100 + int(r * 150)
		villages = 80 + int(r * 120)
		dossiers = 1000 + int(r * 20000)
		if (fmt == "csv") {
			printf "U%05d,Đơn vị %d,district,P%02d,2023,,", i, i, i % 63
			printf "%d,%s,%d,%d,", int(r * 5), (i % 3 == 0 ? "deputy" : "head"), communes, int(communes * r)
			printf "%s,%d,28,%d,", (i % 7 ? "true" : "false"), int(r * 4), int(28 * r)
			printf "%d,%d,%d,%d,%d,", officials, int(officials * r), villages, int(villages * r), communes
			printf "%.1f,%d,%d,%s,", r * 100, dossiers, int(dossiers * r), (i % 2 ? "true" : "false")
			printf "true,%s,%.3f,%.1f,%.1f,\n", (i % 5 ? "true" : "false"), r, 60 + r * 40, r * 5
			continue
		}
		printf "  - unit: { code: \"U%05d\", name: \"Đơn vị %d\", level: district, parent: \"P%02d\", period: \"2023\" }\n", i, i, i % 63
		printf "    values: { steering_meetings: %d, committee_chair: %s, communes_total: %d, communes_committee: %d,", int(r * 5), (i % 3 == 0 ? "deputy" : "head"), communes, int(communes * r)
		printf " dt_plan_issued: %s, dt_directives: %d, plan_targets_total: 28, plan_targets_met: %d,", (i % 7 ? "true" : "false"), int(r * 4), int(28 * r)
		printf " officials_total: %d, officials_with_pc: %d, villages_total: %d, villages_wifi: %d, communes_4g: %d,", officials, int(officials * r), villages, int(villages * r), communes
		printf " households_fibre_pct: %.1f, dossiers_total: %d, dossiers_online: %d, portal_dt_section: %s,", r * 100, dossiers, int(dossiers * r), (i % 2 ? "true" : "false")
		printf " security_monitoring: true, antimalware: %s, digital_skills_score: %.3f, smartphone_adult_pct: %.1f, initiative_points: %.1f }\n", (i % 5 ? "true" : "false"), r, 60 + r * 40, r * 5
	}
}'
