"""A WSGI app that streams for longer than the timeout the deploy test gives gunicorn."""

import time

CHUNKS = 6
PAUSE = 0.5


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    for number in range(CHUNKS):
        time.sleep(PAUSE)
        yield f"line {number}\n".encode()
