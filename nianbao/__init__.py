"""nianbao: turns free-text library annual reports into a DuckDB warehouse."""
