"""The bundle's executable: the same program as the ``raadsakkoord`` command."""

from raadsakkoord.__main__ import main

if __name__ == "__main__":
    raise SystemExit(main())
