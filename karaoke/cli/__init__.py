"""The command line: ``karaoke`` and its sub-commands (argument parsing and wiring)."""
