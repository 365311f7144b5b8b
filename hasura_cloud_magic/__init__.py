"""hasura-cloud-magic: the Hasura Cloud management API from Jupyter and IPython."""

__version__ = "0.1.0"
