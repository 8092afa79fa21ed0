"""SDI Desktop: practise system design interviews offline."""

__version__ = "0.1.0"
APP_NAME = "SDI Desktop"
APP_ID = "sdi-desktop"
