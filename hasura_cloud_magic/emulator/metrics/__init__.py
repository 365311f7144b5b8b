"""The Metrics API: invented (seeded) and recorded traffic, served at each region's metrics host.

See the package docstring of ``hasura_cloud_magic.emulator``, "Metrics API", for what it answers.
"""
