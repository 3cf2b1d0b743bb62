#!/usr/bin/env python3
r"""A real SMTP server for Beacon's black-box tests (driven by tests/src/smtp.rs).

    python3 tests/smtp_sink.py --port PORT --out FILE.jsonl
                               [--delay SECONDS] [--fail-code CODE] [--auth USER:PASS] [--watch-stdin]

Listens on 127.0.0.1:PORT (plain SMTP, no TLS) and prints exactly one line
`smtp-sink listening on 127.0.0.1:PORT` to stdout once it accepts connections.

Every accepted message appends one JSON line to FILE (flushed and fsynced):
    {"mail_from", "rcpt_tos", "subject", "message_id", "text", "html", "headers",
     "auth_user", "raw"}
With --fail-code every DATA is answered with that code and only
    {"rejected": true, "code", "mail_from", "rcpt_tos"}
is appended, so tests can count the attempts.

"text"/"html" are the decoded text/plain and text/html parts (None when absent) with "\n" line ends;
"raw" is the whole message as received. "headers" maps each header name to its first value.

Exit codes: 0 after SIGTERM/SIGINT (or stdin EOF with --watch-stdin), 2 bad arguments, 3 aiosmtpd missing, 4 cannot bind the port.
"""

import argparse
import asyncio
import email
import email.policy
import errno
import json
import logging
import os
import signal
import sys
import threading
import warnings

AIOSMTPD_PIN = "1.4.6"

try:
    from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword
except ImportError:
    print(
        f"the SMTP sink needs aiosmtpd: python3 -m pip install aiosmtpd=={AIOSMTPD_PIN}",
        file=sys.stderr,
        flush=True,
    )
    sys.exit(3)

HOST = "127.0.0.1"


def log(message):
    print(f"smtp-sink: {message}", file=sys.stderr, flush=True)


def append_line(path, record):
    line = json.dumps(record, ensure_ascii=False) + "\n"
    with open(path, "a", encoding="utf-8") as out:
        out.write(line)
        out.flush()
        os.fsync(out.fileno())


def part_content(message, subtype):
    """The decoded text/<subtype> body part, or None."""
    try:
        part = message.get_body(preferencelist=(subtype,))
        if part is None:
            return None
        content = part.get_content()
        # SMTP transports lines as CRLF; give tests plain "\n" line ends (raw keeps the original).
        return content.replace("\r\n", "\n") if isinstance(content, str) else content
    except Exception as error:  # a malformed part must not lose the whole message
        log(f"could not decode text/{subtype} part: {error!r}")
        return None


def header_value(value):
    try:
        return str(value)
    except Exception:
        return repr(value)


def describe(envelope, session):
    raw_bytes = envelope.original_content or envelope.content or b""
    if isinstance(raw_bytes, str):
        raw_bytes = raw_bytes.encode("utf-8", errors="replace")
    message = email.message_from_bytes(raw_bytes, policy=email.policy.default)
    headers = {}
    for name, value in message.items():
        # The first occurrence wins (e.g. several Received headers).
        headers.setdefault(name, header_value(value))
    auth_user = None
    if session is not None and session.authenticated and isinstance(session.auth_data, LoginPassword):
        auth_user = session.auth_data.login.decode("utf-8", errors="replace")
    subject = message.get("Subject")
    message_id = message.get("Message-ID")
    return {
        "mail_from": envelope.mail_from,
        "rcpt_tos": list(envelope.rcpt_tos),
        "subject": None if subject is None else header_value(subject),
        "message_id": None if message_id is None else header_value(message_id).strip(),
        "text": part_content(message, "plain"),
        "html": part_content(message, "html"),
        "headers": headers,
        "auth_user": auth_user,
        "raw": raw_bytes.decode("utf-8", errors="replace"),
    }


class Handler:
    def __init__(self, out, delay, fail_code):
        self.out = out
        self.delay = delay
        self.fail_code = fail_code

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.fail_code is not None:
            append_line(
                self.out,
                {
                    "rejected": True,
                    "code": self.fail_code,
                    "mail_from": envelope.mail_from,
                    "rcpt_tos": list(envelope.rcpt_tos),
                },
            )
            log(f"rejected a message to {list(envelope.rcpt_tos)} with {self.fail_code}")
            return f"{self.fail_code} {reply_text(self.fail_code)}"
        try:
            record = describe(envelope, session)
        except Exception as error:
            log(f"could not parse a message: {error!r}")
            raw = envelope.original_content or envelope.content or b""
            if isinstance(raw, bytes):
                raw = raw.decode("utf-8", errors="replace")
            record = {
                "mail_from": envelope.mail_from,
                "rcpt_tos": list(envelope.rcpt_tos),
                "subject": None,
                "message_id": None,
                "text": None,
                "html": None,
                "headers": {},
                "auth_user": None,
                "raw": raw,
                "parse_error": repr(error),
            }
        append_line(self.out, record)
        log(f"accepted a message to {record['rcpt_tos']} subject={record['subject']!r}")
        return "250 2.0.0 Message accepted for delivery"


def reply_text(code):
    if 400 <= code < 500:
        return "4.7.1 temporarily rejected for testing"
    if 500 <= code < 600:
        return "5.7.1 rejected for testing"
    return "rejected for testing"


def make_authenticator(user, password):
    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login == user.encode("utf-8")
            and auth_data.password == password.encode("utf-8")
        )
        if not ok:
            log(f"AUTH {mechanism} failed")
        if ok:
            return AuthResult(success=True, auth_data=auth_data)
        # handled=False: let aiosmtpd answer "535 5.7.8 Authentication credentials invalid".
        return AuthResult(success=False, handled=False)

    return authenticator


def parse_args(argv):
    parser = argparse.ArgumentParser(description="SMTP sink for Beacon's black-box tests")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--out", required=True, help="JSON-lines file to append to")
    parser.add_argument("--delay", type=float, default=0.0, help="seconds to wait before answering DATA")
    parser.add_argument("--fail-code", type=int, default=None, help="answer every DATA with this code")
    parser.add_argument("--auth", default=None, help="USER:PASS required via AUTH PLAIN/LOGIN")
    parser.add_argument(
        "--watch-stdin",
        action="store_true",
        help="exit when stdin reaches EOF (the test harness holds the pipe, so the sink dies with it)",
    )
    args = parser.parse_args(argv)
    if args.fail_code is not None and not 400 <= args.fail_code < 600:
        parser.error("--fail-code must be a 4xx or 5xx code")
    if args.auth is not None and ":" not in args.auth:
        parser.error("--auth must be USER:PASS")
    if args.delay < 0:
        parser.error("--delay must not be negative")
    return args


async def serve(args):
    loop = asyncio.get_running_loop()
    handler = Handler(os.path.abspath(args.out), args.delay, args.fail_code)
    smtp_kwargs = {"hostname": "smtp-sink.test", "enable_SMTPUTF8": True, "decode_data": False}
    if args.auth is not None:
        user, password = args.auth.split(":", 1)
        smtp_kwargs.update(
            authenticator=make_authenticator(user, password),
            auth_required=True,
            auth_require_tls=False,
        )

    def factory():
        return SMTP(handler, loop=loop, **smtp_kwargs)

    try:
        server = await loop.create_server(factory, host=HOST, port=args.port, reuse_address=True)
    except OSError as error:
        log(f"cannot listen on {HOST}:{args.port}: {error}")
        return 4 if error.errno == errno.EADDRINUSE else 1

    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    if args.watch_stdin:
        def watch_stdin():
            try:
                while sys.stdin.buffer.read(4096):
                    pass
            except Exception:
                pass
            loop.call_soon_threadsafe(stop.set)

        threading.Thread(target=watch_stdin, name="watch-stdin", daemon=True).start()

    print(f"smtp-sink listening on {HOST}:{args.port}", flush=True)
    await stop.wait()
    log("stopping")
    server.close()
    try:
        await asyncio.wait_for(server.wait_closed(), timeout=2)
    except asyncio.TimeoutError:
        pass
    return 0


def main(argv=None):
    args = parse_args(argv)
    # Auth without TLS is what the tests want; silence aiosmtpd's warnings about it.
    warnings.filterwarnings("ignore", message=".*AUTH while not requiring TLS.*")
    logging.getLogger("mail.log").setLevel(logging.ERROR)
    # Make sure the out file exists so readers can open it right away.
    open(args.out, "a", encoding="utf-8").close()
    return asyncio.run(serve(args))


if __name__ == "__main__":
    sys.exit(main())
