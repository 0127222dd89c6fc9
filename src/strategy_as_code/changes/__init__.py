"""What changed between two versions of a strategy: per entity and field, word by word."""
