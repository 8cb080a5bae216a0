#!/usr/bin/env python3
"""Fixture server for bench/hostile.sh: serves a folder of feeds plus hostile endpoints, on 127.0.0.1 only.
   python3 hostile_server.py CORPUS_DIR PORT_FILE"""
import gzip, os, sys, time, zlib
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler

corpus = sys.argv[1]


def gzip_bomb_chunks(total=1 << 30, chunk=1 << 20):
    """1 GiB of zeros, gzip-compressed on the fly (about 1 MB on the wire)."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = bytes(chunk)
    for _ in range(total // chunk):
        out = comp.compress(zeros)
        if out:
            yield out
    yield comp.flush()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = self.path.split("?")[0]
        try:
            if path == "/bomb.xml":
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                for part in gzip_bomb_chunks():
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
                self.wfile.write(b"0\r\n\r\n")
            elif path == "/endless.xml":
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                block = b"<item><title>x</title></item>" * 2000
                while True:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(block), block))
            elif path == "/drip.xml":
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("Content-Length", "100000")
                self.end_headers()
                for _ in range(100000):
                    self.wfile.write(b"<")
                    self.wfile.flush()
                    time.sleep(1)
            elif path.startswith("/loop"):
                self.send_response(302)
                self.send_header("Location", "/loop-b.xml" if path == "/loop-a.xml" else "/loop-a.xml")
                self.send_header("Content-Length", "0")
                self.end_headers()
            elif path == "/huge-headers.xml":
                self.send_response(200)
                for i in range(2000):
                    self.send_header("X-Filler-%d" % i, "y" * 1000)
                self.send_header("Content-Length", "0")
                self.end_headers()
            else:
                name = os.path.basename(path)
                with open(os.path.join(corpus, name), "rb") as f:
                    body = f.read()
                self.send_response(200)
                self.send_header("Content-Type", "application/xml")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError, FileNotFoundError):
            pass


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
with open(sys.argv[2], "w") as f:
    f.write(str(server.server_address[1]))
server.serve_forever()
