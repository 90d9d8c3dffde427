"""The Capture area: live notes, summaries, worksheets, search and merging copies."""
