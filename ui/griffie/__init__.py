"""The griffie's place: consolidating a section, decisions, publishing a round, the inbox and the log."""
