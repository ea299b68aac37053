#!/usr/bin/env python3
"""Calling the huiyin API and verifying its webhooks with Python's standard library only (no PyPI).

For the OA systems of government offices, which often run an older Python without third-party packages:

    python3 huiyin_example.py propose --url https://huiyin.example.gov.cn --key hy_...
        submits a proposal, then lists the key's proposals (as JSON lines);
    python3 huiyin_example.py serve --port 8080 --secret whsec_... [--secret whsec_old...]
        receives webhooks, verifies each as Standard Webhooks defines it, answers 204 (401 when it does not verify)
        and prints each verified body as a JSON line.

Verification (Standard Webhooks): `webhook-signature` holds `v1,<base64 HMAC-SHA256>` of
"<webhook-id>.<webhook-timestamp>.<raw body>", keyed with the bytes of the secret after `whsec_` (base64). During a
secret rotation pass both secrets: either one matching is enough. Refuse timestamps more than 5 minutes away.
"""

import argparse
import base64
import hashlib
import hmac
import json
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, HTTPServer

TOLERANCE_SECONDS = 300


def verify_webhook(secrets, headers, raw_body, now=None):
    """Returns the parsed body when one of `secrets` signed it; raises ValueError otherwise."""
    msg_id = headers.get("webhook-id")
    timestamp = headers.get("webhook-timestamp")
    signature = headers.get("webhook-signature")
    if not msg_id or not timestamp or not signature:
        raise ValueError("missing webhook-* headers")
    now = int(time.time()) if now is None else now
    if not timestamp.isdigit() or abs(now - int(timestamp)) > TOLERANCE_SECONDS:
        raise ValueError("timestamp too old or in the future")
    signed = msg_id.encode() + b"." + timestamp.encode() + b"." + raw_body
    given = [part[3:] for part in signature.split(" ") if part.startswith("v1,")]
    for secret in secrets:
        encoded = secret[len("whsec_"):] if secret.startswith("whsec_") else secret
        # Secrets are base64; urlsafe_b64decode reads old base64url ones as well once '+' '/' are mapped.
        key = base64.urlsafe_b64decode(encoded.replace("+", "-").replace("/", "_") + "=" * (-len(encoded) % 4))
        expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
        if any(hmac.compare_digest(expected, mac) for mac in given):
            return json.loads(raw_body)
    raise ValueError("no signature matches")


class Huiyin:
    """A minimal API client: JSON in, JSON out, errors as the API's `{ error: { code, message } }`."""

    def __init__(self, base_url, api_key):
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key

    def call(self, method, path, body=None, headers=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base_url + path, data=data, method=method)
        request.add_header("authorization", "Bearer " + self.api_key)
        request.add_header("accept", "application/json")
        if data is not None:
            request.add_header("content-type", "application/json")
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                text = response.read().decode()
                return response.status, (json.loads(text) if text else None)
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read().decode() or "null")


def propose(args):
    huiyin = Huiyin(args.url, args.key)
    status, created = huiyin.call("POST", "/v1/proposals", {
        "title": "关于完善政务服务一网通办的建议",
        "reasons": "部分事项仍需多次跑腿。",
        "suggestions": ["推进数据共享"],
        "category": "livelihood",
        "proposers": [{"id": args.proposer}],
        "submit": True,
    }, headers={"idempotency-key": "python-example-" + str(time.time_ns())})
    if status != 201:
        print(json.dumps({"error": created, "status": status}, ensure_ascii=False))
        return 1
    print(json.dumps({"created": created["id"], "stage": created["stage"]}, ensure_ascii=False))
    # Catching up after an outage: everything changed since a moment (updatedFrom), page by page.
    query = {"limit": "50"}
    if args.since:
        query["updatedFrom"] = args.since
    path = "/v1/proposals?" + urllib.parse.urlencode(query)
    while path:
        status, page = huiyin.call("GET", path)
        if status != 200:
            print(json.dumps({"error": page, "status": status}, ensure_ascii=False))
            return 1
        for item in page["items"]:
            print(json.dumps({"listed": item["id"], "stage": item["stage"]}, ensure_ascii=False))
        cursor = page.get("nextCursor")
        path = "/v1/proposals?" + urllib.parse.urlencode({**query, "cursor": cursor}) if cursor else None
    return 0


def serve(args):
    secrets = args.secret

    class Receiver(BaseHTTPRequestHandler):
        def do_POST(self):
            raw = self.rfile.read(int(self.headers.get("content-length") or 0))
            headers = {name.lower(): value for name, value in self.headers.items()}
            try:
                payload = verify_webhook(secrets, headers, raw)
            except ValueError as problem:
                self.send_response(401)
                self.end_headers()
                print(json.dumps({"refused": str(problem)}), flush=True)
                return
            self.send_response(204)
            self.end_headers()
            print(json.dumps({"verified": payload}, ensure_ascii=False), flush=True)

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", args.port), Receiver)
    print(json.dumps({"listening": server.server_address[1]}), flush=True)
    server.serve_forever()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("propose")
    p.add_argument("--url", required=True)
    p.add_argument("--key", required=True)
    p.add_argument("--proposer", default="member-1")
    p.add_argument("--since", help="list only proposals changed since this ISO 8601 instant")
    s = commands.add_parser("serve")
    s.add_argument("--port", type=int, default=8080)
    s.add_argument("--secret", action="append", required=True)
    args = parser.parse_args()
    return propose(args) if args.command == "propose" else serve(args)


if __name__ == "__main__":
    sys.exit(main())
