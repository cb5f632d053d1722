"""The exchange tests' council (a griffie and three parties, keys registered) for the shell's tests too."""

from tests.exchange.conftest import council  # noqa: F401 - a fixture
