"""Writers: records -> files. Each streams, one record or unit at a time."""
