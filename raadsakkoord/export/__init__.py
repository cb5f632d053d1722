"""Publishing: the agreement, the task agenda and the amendment book as files.

``document`` gathers what a publication shows (one neutral structure, read
in a few queries); the writers turn it into Markdown, HTML, CSV, iCalendar
and, with Qt, PDF and ODT. Only ``pdf`` imports Qt, so the other formats run
without it. Every writer goes through ``files.write_atomic``: a failed export
leaves no partial file behind.
"""
