"""Serves a built Acervo site the way a host with gzip_static does: a file's .gz twin when the
browser accepts gzip, folders by their index.html. Used by run.sh; prints nothing per request."""
import http.server
import os
import sys

ROOT = os.path.abspath(sys.argv[1])
PORT = int(sys.argv[2])
TYPES = {".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json",
         ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".xml": "application/xml", ".zip": "application/zip"}


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        path = os.path.normpath(os.path.join(ROOT, self.path.split("?")[0].split("#")[0].lstrip("/")))
        if not path.startswith(ROOT):
            return self.send_error(403)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path):
            return self.send_error(404)
        ext = os.path.splitext(path)[1]
        headers = {"Content-Type": TYPES.get(ext, "application/octet-stream")}
        if "/assets/" in path:
            headers["Cache-Control"] = "public, max-age=31536000, immutable"
        if "gzip" in self.headers.get("Accept-Encoding", "") and os.path.isfile(path + ".gz"):
            path += ".gz"
            headers["Content-Encoding"] = "gzip"
        with open(path, "rb") as f:
            body = f.read()
        self.send_response(200)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


http.server.ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
