"""The player window: video, lyrics, transport and the explanation panel."""
