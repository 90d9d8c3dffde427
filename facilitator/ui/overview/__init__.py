"""Overview area: workshop details and a summary of what the workshop holds."""
