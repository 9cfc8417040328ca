"""The song library window and the lesson builder."""
