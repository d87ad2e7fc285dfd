# A tiny Python web app on the standard library only: it answers GET / with what the image gave it.
import datetime
import json
import ssl
import sys
import zoneinfo
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        context = ssl.create_default_context()  # loads the CA bundle
        body = json.dumps({
            "python": sys.version.split()[0],
            "ca_certificates": context.cert_store_stats()["x509_ca"],
            "paris_utc_offset": str(datetime.datetime(2024, 1, 15, tzinfo=zoneinfo.ZoneInfo("Europe/Paris")).utcoffset()),
        }, sort_keys=True).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


if __name__ == "__main__":
    ThreadingHTTPServer(("0.0.0.0", 8093), Handler).serve_forever()
