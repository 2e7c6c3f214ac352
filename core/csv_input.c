/*
 * csv_input.c - CSV unit data (stub: being written).
 */
#include "csv_input.h"

int csv_input_load(data_file *df, const chiso_model *m, const char *buf,
                   size_t len)
{
	(void)m;
	(void)buf;
	(void)len;
	schema_error(data_file_schema(df), NULL, "CSV input is not ready");
	return -1;
}

void csv_template_write(const chiso_model *m, FILE *f, char sep, int labels,
                        int bom)
{
	(void)m;
	(void)f;
	(void)sep;
	(void)labels;
	(void)bom;
}
