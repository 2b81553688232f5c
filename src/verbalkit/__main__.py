"""``python -m verbalkit``: the same as the ``verbalkit`` command."""

from verbalkit.cli import main

main()
