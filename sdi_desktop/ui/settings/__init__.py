"""The preferences (an INI file in the data directory) and their dialog."""
