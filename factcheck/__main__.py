"""``python -m factcheck``: the same commands as the ``factcheck`` console script."""

from .cli import main

main()
