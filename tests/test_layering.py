"""The pipeline is plain Python: importing it loads no web, database or schema library."""

from __future__ import annotations

import subprocess
import sys


def test_importing_the_pipeline_loads_no_flask_sqlalchemy_or_marshmallow() -> None:
    code = (
        "import sys, factcheck.pipeline; "
        "print(','.join(m for m in ('flask', 'sqlalchemy', 'marshmallow') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_the_check_would_notice_a_web_import() -> None:
    # Guard against a check that cannot fail: importing the app does load Flask.
    code = "import sys, factcheck.app; print('flask' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"
