"""How the main window shares its room: side panels that collapse, remembered."""
