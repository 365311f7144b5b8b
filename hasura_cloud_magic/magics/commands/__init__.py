"""One module per ``%hasura`` command, each with one entry function ``run(session, args)``.

Commands call the facade through the session, return a typed result (or None) and send
messages through ``session.out``; they never print and never speak HTTP.
"""
