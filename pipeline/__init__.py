"""Structured archive of municipal annual reports."""

# Bump when extraction output may change: every record carries it, and ingest
# re-extracts every report whose stored version differs.
EXTRACTOR_VERSION = "0.21.0"
