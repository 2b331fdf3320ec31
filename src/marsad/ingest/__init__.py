"""Ingest: files and streams in, Article objects out."""

from marsad.ingest.readers import iter_files, read_file, read_paths

__all__ = ["iter_files", "read_file", "read_paths"]
