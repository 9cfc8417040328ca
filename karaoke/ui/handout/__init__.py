"""The study pack: a printable PDF of a song or a lesson (Qt's own PDF output)."""
