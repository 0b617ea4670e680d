// A shared library that is not a Dossier plugin: it exports no `dossier_plugin_entry`.
extern "C" __attribute__((visibility("default"))) int some_other_function() { return 42; }
