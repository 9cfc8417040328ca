"""Application logic shared by the windows and the phone companion: QtCore only, no widgets."""
