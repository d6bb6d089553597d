"""Printed documents (PDF): for each, one function gathers the data from the core and another lays
it out, so the GUI's print preview and the command line print the same thing."""
