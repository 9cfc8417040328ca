"""Qt widgets: the main window and what it holds. Imports core and player, never vlc."""
