"""Package layout that pyproject.toml cannot express alone: ontology/ ships as the kg.ontology package.

ontology/ stays where people look for it (the top of the repository, one copy); setuptools maps it into
the package, so a wheel installs it as kg/ontology/ and an editable install resolves kg.ontology to the
checkout's folder. Every other package is found as kg*."""

from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["kg", "kg.*"]) + ["kg.ontology"],
    package_dir={"kg.ontology": "ontology"},
)
