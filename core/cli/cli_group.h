/*
 * cli_group.h - the --group-by option of the commands that rank (rank,
 * report, sensitivity), parsed in one place (cli_common.c).
 */
#ifndef CHISO_CLI_GROUP_H
#define CHISO_CLI_GROUP_H

#include "publish/rank.h"

/* Parses --group-by parent|level into *group. Returns 0, or -1 after a
 * usage message for cmd with *rc set. */
int cli_group_option(const char *cmd, const char *arg, rank_grouping *group,
                     int *rc);

#endif
