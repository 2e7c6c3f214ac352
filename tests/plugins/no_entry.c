/*
 * no_entry.c - a shared object without chiso_plugin_entry: the loader
 * must refuse it as "not a chiso plugin".
 */
int not_a_chiso_plugin(void);
int not_a_chiso_plugin(void)
{
	return 42;
}
