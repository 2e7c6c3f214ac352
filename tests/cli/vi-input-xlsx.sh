# vi-input-xlsx.sh - vi-input.sh's Vietnamese data as a workbook: có,
# Không, khong, ĐÚNG as text cells (and a real boolean cell), choices by
# their labels, evaluate exactly as the English YAML. The workbook is
# written here with openpyxl (skipped without it).
. "$srcdir/tests/lib.sh"
need_openpyxl
cd "$srcdir"
d=tests/cli/data/vi-input
model=$d/model.yaml

"$PY" - "$TMP/vi.xlsx" <<'PY'
import sys
from openpyxl import Workbook
wb = Workbook()
ws = wb.active
ws.append(["code", "name", "level", "period", "portal_dt_section",
           "committee_chair"])
ws.append(["X1", "Xã Một", "commune", "2024", "có", "Người đứng đầu"])
ws.append(["X2", "Xã Hai", "commune", "2024", "Không", "cấp phó"])
ws.append(["X3", "Xã Ba", "commune", "2024", "khong", "chua co"])
ws.append(["X4", "Xã Bốn", "commune", "2024", True, "Cap Pho"])
wb.save(sys.argv[1])
PY
run_chiso evaluate -f json "$model" "$d/en.yaml"
expect_rc 0
cp "$TMP/out" "$TMP/en.json"
run_chiso evaluate -f json "$model" "$TMP/vi.xlsx"
expect_rc 0
cmp -s "$TMP/out" "$TMP/en.json" ||
	fail "the workbook's results differ from en.yaml's"
echo "PASS"
