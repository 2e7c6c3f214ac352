#!/bin/sh
# gen-units-csv.sh N - the N units of gen-units.sh (same values, same
# order) as a CSV batch for criteria/example-district.yaml, header first.
n=${1:-10600}
awk -v n="$n" 'BEGIN {
	seed = 12345
	print "code,name,level,parent,period,stage,steering_meetings,committee_chair,communes_total,communes_committee,dt_plan_issued,dt_directives,plan_targets_total,plan_targets_met,officials_total,officials_with_pc,villages_total,villages_wifi,communes_4g,households_fibre_pct,dossiers_total,dossiers_online,portal_dt_section,security_monitoring,antimalware,digital_skills_score,smartphone_adult_pct,initiative_points,report_ref"
	for (i = 1; i <= n; i++) {
		seed = (seed * 1103515245 + 12345) % 2147483648; r = seed / 2147483648
		communes = 10 + int(r * 20)
		officials = 100 + int(r * 150)
		villages = 80 + int(r * 120)
		dossiers = 1000 + int(r * 20000)
		printf "U%05d,Đơn vị %d,district,P%02d,2023,,", i, i, i % 63
		printf "%d,%s,%d,%d,", int(r * 5), (i % 3 == 0 ? "deputy" : "head"), communes, int(communes * r)
		printf "%s,%d,28,%d,", (i % 7 ? "true" : "false"), int(r * 4), int(28 * r)
		printf "%d,%d,%d,%d,%d,", officials, int(officials * r), villages, int(villages * r), communes
		printf "%.1f,%d,%d,%s,", r * 100, dossiers, int(dossiers * r), (i % 2 ? "true" : "false")
		printf "true,%s,%.3f,%.1f,%.1f,\n", (i % 5 ? "true" : "false"), r, 60 + r * 40, r * 5
	}
}'
