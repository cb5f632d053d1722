"""Whole user actions for the window's worker process.

Each job opens the workspace by its target, runs one action in one
transaction and returns a plain, picklable result, so a long import or a
publication never holds the window's interpreter.
"""
