"""foi-explorer: explore UK police FoI figures on officers investigated for misusing social media."""

__version__ = "0.1.0"
