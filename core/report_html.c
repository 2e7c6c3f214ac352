/*
 * report_html.c - the HTML report (stub: being written).
 */
#include "report_html.h"

void report_html_write(const rank_table *t, FILE *f, const char *title)
{
	(void)t;
	(void)title;
	fputs("<!DOCTYPE html>\n<html lang=\"vi\"><meta charset=\"utf-8\">"
	      "<title>chiso</title></html>\n",
	      f);
}
