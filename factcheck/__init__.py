"""factcheck: compare news reports of the same event, claim by claim.

Importing this package loads nothing else: the pipeline (``factcheck.pipeline``) is plain
Python and must stay importable without Flask, SQLAlchemy or marshmallow.
"""

__version__ = "0.1.0"
