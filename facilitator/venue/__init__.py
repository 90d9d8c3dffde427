"""The venue server: participants answer polls, ask questions and fill in evaluations from
their phones over the venue's Wi-Fi, with nothing to install and nothing leaving the room.

An aiohttp application (``app.py``) runs in its own thread with its own event loop
(``server.py``). It never writes the workshop: it reads an immutable :class:`Snapshot` that
the UI thread publishes after every relevant change (``publisher.py``), and it writes by
submitting the plain-data operations of ``operations.py`` to the workshop's writer.
"""
