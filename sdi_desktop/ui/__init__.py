"""Qt widgets. Imports the domain and storage layers; never the other way round."""
