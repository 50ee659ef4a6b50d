"""The ``veracity`` command: ``python -m veracity ...`` and the console script of the wheel.

Both run the Rust command line (``veracity.run_cli``), the same program as the ``veracity``
binary built with cargo; ``veracity --help`` lists the commands.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Runs ``veracity`` with ``argv`` (default: ``sys.argv[1:]``) and returns its exit status."""
    from veracity import run_cli

    args = list(sys.argv[1:] if argv is None else argv)
    # Ctrl-C stops the command as it stops the binary: the Rust code never returns to the
    # interpreter to raise KeyboardInterrupt while it runs.
    if argv is None:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
    sys.stdout.flush()
    return run_cli(args)


if __name__ == "__main__":
    sys.exit(main())
