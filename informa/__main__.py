"""``python -m informa``: what the ``informa`` command does."""

from informa.launch import main

if __name__ == "__main__":  # pragma: no cover - exercised through the console script
    main()
