"""The pure core: values, rules and the dialog step; no I/O, no clock, no global random."""
