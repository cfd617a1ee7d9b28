"""Writers: each streams records to one output format."""
