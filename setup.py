"""The one build step pyproject.toml cannot say: the top-level ``resources/`` folder goes into the package.

The repository keeps ``resources/`` beside the packages (the README's
screenshots live there too); a wheel or sdist must carry it inside
``raadsakkoord`` so ``importlib.resources`` finds it wherever the package is
installed. Package discovery cannot add a mapped package to what it finds, so
the list of packages is made here; which files of ``resources/`` go along is
in pyproject.toml. Its folders are listed as packages too, because setuptools
takes any folder with an importable name for one and warns otherwise.
"""

from setuptools import find_namespace_packages, find_packages, setup

RESOURCES = "raadsakkoord.resources"

setup(
    packages=[
        *find_packages(include=["raadsakkoord*", "ui*"]),
        RESOURCES,
        *(f"{RESOURCES}.{name}" for name in find_namespace_packages(where="resources", exclude=["screenshots*"])),
    ],
    package_dir={RESOURCES: "resources"},
)
