#!/usr/bin/env python3
"""Fixture feed server for bench/cluster.sh: serves a corpus folder on 127.0.0.1 and counts the
GET requests per path (any answer, 200 or 304). GET /__counts returns {path: count} as JSON."""
import http.server
import json
import sys
import threading
from collections import Counter

COUNTS = Counter()
LOCK = threading.Lock()


class Handler(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        if self.path == "/__counts":
            with LOCK:
                body = json.dumps(COUNTS).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        with LOCK:
            COUNTS[self.path] += 1
        super().do_GET()

    def log_message(self, *args):
        pass


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), lambda *a, **k: Handler(*a, directory=folder, **k))
    server.daemon_threads = True
    server.serve_forever()


if __name__ == "__main__":
    main()
