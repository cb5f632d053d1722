"""The base every layer stands on: paths, messages and their language, errors, text rules, files, the acting person, the clock.

Nothing here touches the database or Qt, so the command line can use it
without loading either.
"""
