"""The timing editor: tap lyrics to a song with the keyboard."""
