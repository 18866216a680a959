"""``python -m informa.ui.keys --markdown``: README's key tables and binding ids, from the
table of keys; ``--readme README.md`` rewrites them in that file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from informa.ui.keys.markdown import markdown, rewrite_readme


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m informa.ui.keys", description=__doc__)
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--markdown", action="store_true", help="Print the README blocks.")
    what.add_argument("--readme", type=Path, metavar="FILE", help="Rewrite them in FILE.")
    options = parser.parse_args(argv)
    if options.readme is not None:
        changed = rewrite_readme(options.readme)
        print(f"{options.readme}: {'updated' if changed else 'already up to date'}")
    else:
        print(markdown())
    return 0


if __name__ == "__main__":
    sys.exit(main())
