"""Records what real Flask does with its session cookie, as fixtures the engine's tests replay.

    python3 scripts/flaskref.py 3.1             # Flask 3.1.3 (pip)  -> tests/fixtures/flask/3.1/
    /usr/bin/python3 scripts/flaskref.py 2.2    # Flask 2.2.2 (Debian python3-flask) -> .../2.2/

The argument names the Flask line to record; the script refuses to run under any other release
than the one that line is pinned to below, so a fixture folder can never hold another Flask's
answers. Every file is written to a temporary name and renamed into place only once the whole run
succeeded: a failed run leaves the committed fixtures as they were.

Nothing here re-implements Flask. Cookies are made and read by the installed Flask, itsdangerous
and Werkzeug (real apps, the real test client); the script adds a fixed clock, a deterministic
random generator and the value convention below, so that non-JSON Python values can be written
down in JSON.

Value convention (the tests' convention.ts reads it): a one-key object whose key is one of
  $tuple [..] · $bytes "std base64" · $uuid "dashed" · $datetime "isoformat()" · $markup "str" ·
  $float "repr" (floats a JS Number prints differently: integral, exponent form, -0.0, nan, inf) ·
  $int "digits" (beyond 2**53-1) · $dict {..} (a literal dict, for one-key dicts named like these) ·
  $pairs [[key, value], ..] (a dict in its own key order: used for every decoded session, and for
         any dict with a key that is not a str or starts with a digit, which a JS object would reorder)
stands for that Python value; everything else is plain JSON.

Files (one JSON document per line, so a diff shows which case changed):
  versions.json   the library versions that answered
  sessions.jsonl  random sessions: the cookie Flask signs, its JSON text, what Flask reads back
  opens.jsonl     cookies sent to open_session (tampered, expired, future, wrong or fallback key,
                  lenient signature spellings, validly signed adversarial payloads): the verdict
  cycles.jsonl    whole request cycles on a real app: per request the ops a view runs on the
                  session, the Cookie header sent, and the status, body, Content-Type, Vary and
                  every Set-Cookie line that came back
  repr.jsonl      repr(dict(session)) of decoded cookies, for toPythonRepr
"""

import base64
import gzip
import json
import math
import os
import random
import signal
import string
import sys
import uuid
import warnings
import zlib
from datetime import datetime, timedelta, timezone
from importlib.metadata import version as pkg_version
from pathlib import Path
from unittest import mock

# The Flask release each recorded line is pinned to.
RELEASES = {"3.1": "3.1.3", "2.2": "2.2.2"}

if len(sys.argv) != 2 or sys.argv[1] not in RELEASES:
    sys.exit(f"usage: {sys.argv[0]} {{{'|'.join(RELEASES)}}}")
LINE = sys.argv[1]
if pkg_version("flask") != RELEASES[LINE]:
    sys.exit(f"refusing: {sys.executable} has Flask {pkg_version('flask')}, line {LINE} is recorded from Flask {RELEASES[LINE]}")

import flask  # noqa: E402
import flask.sessions  # noqa: E402
from flask import Flask, jsonify, session  # noqa: E402
from itsdangerous import BadSignature, SignatureExpired, TimestampSigner  # noqa: E402
from itsdangerous.encoding import base64_encode  # noqa: E402
from markupsafe import Markup  # noqa: E402
from werkzeug.test import EnvironBuilder  # noqa: E402

warnings.simplefilter("ignore")
OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "flask" / LINE
JS_MAX_SAFE = 2**53 - 1
CONV = ("$tuple", "$bytes", "$uuid", "$datetime", "$markup", "$float", "$int", "$dict", "$pairs")


# ---------------------------------------------------------------- the value convention

def from_conv(v):
    if isinstance(v, dict):
        if len(v) == 1:
            (k, x), = v.items()
            if k == "$tuple": return tuple(from_conv(i) for i in x)
            if k == "$bytes": return base64.b64decode(x, validate=True)
            if k == "$uuid": return uuid.UUID(x)
            if k == "$datetime": return datetime.fromisoformat(x)
            if k == "$markup": return Markup(x)
            if k == "$float": return float(x)
            if k == "$int": return int(x)
            if k == "$dict": return {kk: from_conv(vv) for kk, vv in x.items()}
            if k == "$pairs": return {from_conv(a): from_conv(b) for a, b in x}
        return {k: from_conv(x) for k, x in v.items()}
    if isinstance(v, list):
        return [from_conv(i) for i in v]
    return v


def js_safe_float(x):
    return math.isfinite(x) and not x.is_integer() and "e" not in repr(x)


def to_conv(v):
    if v is None or isinstance(v, bool) or isinstance(v, str) and not isinstance(v, Markup):
        return v
    if isinstance(v, int):
        return v if abs(v) <= JS_MAX_SAFE else {"$int": str(v)}
    if isinstance(v, float):
        return v if js_safe_float(v) else {"$float": repr(v)}
    if isinstance(v, Markup):
        return {"$markup": str(v)}
    if isinstance(v, bytes):
        return {"$bytes": base64.b64encode(v).decode("ascii")}
    if isinstance(v, tuple):
        return {"$tuple": [to_conv(i) for i in v]}
    if isinstance(v, list):
        return [to_conv(i) for i in v]
    if isinstance(v, uuid.UUID):
        return {"$uuid": str(v)}
    if isinstance(v, datetime):
        return {"$datetime": v.isoformat()}
    if isinstance(v, dict):
        # $pairs keeps the order of keys like "10" and "9", which a JS object would move first
        if not all(isinstance(k, str) and k[:1] not in "0123456789" for k in v) or "__proto__" in v:
            return {"$pairs": [[to_conv(k), to_conv(x)] for k, x in v.items()]}
        d = {k: to_conv(x) for k, x in v.items()}
        return {"$dict": d} if len(d) == 1 and next(iter(d)) in CONV else d
    raise TypeError(f"cannot write {type(v).__name__} in the convention")


def conv_text(v):
    return json.dumps(to_conv(v), ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def ordered_conv(d):
    """A decoded dict with its key order kept: JSON objects lose integer-like keys' order in JS."""
    return {"$pairs": [[k, to_conv(x)] for k, x in d.items()]}


# ---------------------------------------------------------------- Flask plumbing

def make_app(secret, config=None):
    app = Flask("flaskref")
    app.secret_key = secret
    app.logger.disabled = True  # a 500 is recorded as a status, not printed
    app.config.update(config or {})
    return app


class FixedClock:
    """Fixes time for one request: the signer's timestamp and the Expires of permanent sessions."""

    def __init__(self, ts):
        self.ts = int(ts)

    def __enter__(self):
        ts = self.ts

        class FixedDatetime(datetime):
            @classmethod
            def now(cls, tz=None):
                return datetime.fromtimestamp(ts, tz)

        self.patches = [mock.patch.object(TimestampSigner, "get_timestamp", lambda self: ts),
                        mock.patch.object(flask.sessions, "datetime", FixedDatetime)]
        for p in self.patches:
            p.start()
        return self

    def __exit__(self, *exc):
        for p in reversed(self.patches):
            p.stop()


def serializer(app):
    return app.session_interface.get_signing_serializer(app)


def sign(secret, data, ts):
    """The cookie save_session makes (inside a request, where Flask's JSON provider sorts keys)."""
    app = make_app(secret)
    with app.test_request_context(), FixedClock(ts):
        return serializer(app).dumps(dict(data))


def sign_text(secret, payload_text, ts):
    """A valid signature over any payload text: what only a key holder can send."""
    app = make_app(secret)
    with app.test_request_context(), FixedClock(ts):
        return serializer(app).make_signer().sign(payload_text.encode("utf-8")).decode("utf-8")


def wire(header):
    """A header as a browser sends it: UTF-8 bytes, which WSGI hands over as latin-1 text."""
    return header.encode("utf-8").decode("latin-1")


def b64(raw):
    return base64_encode(raw).decode("ascii")


# ---------------------------------------------------------------- random values (deterministic)

WORDS = ["user", "cart", "theme", "lang", "csrf_token", "next", "id", "name", "email", "items", "count", "x", "Z"]
SPANISH = ["canción", "niño", "¿Qué tal?", "árbol", "pingüino", "Ñandú", "¡Olé!", "corazón", "Mañana será otro día"]
EMOJI = ["😀", "🎉", "👍🏽", "🇪🇸", "👨‍👩‍👧", "🔑"]
OTHER = ["日本語", "Привет", "שלום", "naïve café", "ß", "\u00a0nbsp"]
ESCAPY = ['say "hi"', "back\\slash", "line\nbreak", "tab\there", "\x00nul", "\x7fdel", "</script>", "\u2028\u2029",
          "\ufeffbom", "\uffff", "\U0010ffff", "'single'", "semi;colon,comma", ""]
TAG_KEYS = [" t", " di", " b", " m", " u", " d"]
SORT_TRAPS = ["\uff01fullwidth", "😀smile", "\ue000pua", "Zed", "zed", "_under", "~tilde", "10", "9", "0", "é", "e\u0301"]


def rand_str(rng):
    pools = [WORDS, SPANISH, EMOJI, OTHER, ESCAPY]
    k = rng.random()
    if k < 0.6:
        return rng.choice(rng.choice(pools))
    if k < 0.85:
        return " ".join(rng.choice(rng.choice(pools)) for _ in range(rng.randint(2, 4)))
    return "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(rng.randint(1, 24)))


def rand_key(rng):
    k = rng.random()
    if k < 0.45:
        return rng.choice(WORDS) + (str(rng.randint(0, 99)) if rng.random() < 0.3 else "")
    if k < 0.6:
        return rng.choice(SPANISH + EMOJI + OTHER)
    if k < 0.72:
        return rng.choice(ESCAPY)
    if k < 0.9:
        return rng.choice(SORT_TRAPS)
    return rng.choice(["$tuple", "$dict", "$float", "$pairs", "_permanent", "_fresh", "_flashes", "k__", "__proto__"])


def rand_datetime(rng, lossless):
    d = datetime.fromtimestamp(rng.randint(0, 4102444799), timezone.utc)
    if not lossless:
        c = rng.random()
        if c < 0.4:
            d = d.replace(microsecond=rng.randint(1, 999999))
        elif c < 0.7:
            d = d.astimezone(timezone(timedelta(hours=rng.randint(-12, 14))))
        else:
            d = d.replace(tzinfo=None)
    return d


def rand_int(rng, js_safe):
    k = rng.random()
    if k < 0.5:
        return rng.randint(-100, 1000)
    if k < 0.8:
        return rng.randint(-2**31, 2**31)
    if k < 0.9 or js_safe:
        return rng.choice([0, -1, JS_MAX_SAFE, -JS_MAX_SAFE, 2**32, rng.randint(-JS_MAX_SAFE, JS_MAX_SAFE)])
    return rng.choice([2**53, 2**64, -2**63 - 1, 10**30, JS_MAX_SAFE + 2])


def rand_float(rng, js_safe):
    if js_safe or rng.random() < 0.5:
        while True:
            x = round(rng.uniform(-1e4, 1e4), rng.randint(1, 6))
            if js_safe_float(x) or not js_safe:
                return x
    if rng.random() > 0.95:
        return rng.choice([float("nan"), float("inf"), float("-inf")])
    return rng.choice([2.0, -0.0, 0.0, 1e16, 1.5e300, 1e-05, 1e-7, 5e-324, 1.7976931348623157e308, 0.1 + 0.2,
                       123456789012345680000.0, float(rng.randint(-1000, 1000)), rng.random() * 1e-6, rng.random() * 1e20])


def rand_tagged(rng, js_safe, lossless, depth):
    k = rng.randrange(6)
    if k == 0:
        return tuple(rand_value(rng, js_safe, depth + 1, lossless) for _ in range(rng.randint(0, 4)))
    if k == 1:
        return bytes(rng.getrandbits(8) for _ in range(rng.choice([0, 1, 2, 3, 5, 16, 32])))
    if k == 2:
        return uuid.UUID(int=rng.getrandbits(128))
    if k == 3:
        return rand_datetime(rng, lossless)
    if k == 4:
        return Markup(rng.choice(["<b>bold</b>", "&amp; &lt;", "<i>¡hola!</i> 😀", "", "plain"]))
    return {rng.choice(TAG_KEYS): rand_value(rng, js_safe, depth + 1, lossless)}  # Flask's " di"


def rand_value(rng, js_safe, depth=0, lossless=True):
    kinds = ["str", "int", "float", "bool", "null", "tagged"] + (["list", "dict"] * 2 if depth < 3 else [])
    k = rng.choice(kinds)
    if k == "str": return rand_str(rng)
    if k == "int": return rand_int(rng, js_safe)
    if k == "float": return rand_float(rng, js_safe)
    if k == "bool": return rng.random() < 0.5
    if k == "null": return None
    if k == "tagged": return rand_tagged(rng, js_safe, lossless, depth)
    if k == "list": return [rand_value(rng, js_safe, depth + 1, lossless) for _ in range(rng.randint(0, 4))]
    return rand_dict(rng, js_safe, depth + 1, rng.randint(0, 4), lossless)


def rand_dict(rng, js_safe, depth, n, lossless=True):
    return {rand_key(rng): rand_value(rng, js_safe, depth, lossless) for _ in range(n)}


def rand_secret(rng):
    k = rng.random()
    if k < 0.6:
        return "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(rng.randint(8, 40)))
    if k < 0.75:
        return "clé-secrète-ñ-🔑-" + str(rng.randint(0, 9999))
    if k < 0.9:
        return "".join(rng.choice(string.ascii_letters) for _ in range(rng.randint(65, 150)))  # > HMAC block
    return rng.choice(["dev", "secret key with spaces", "x", "0123456789abcdef" * 2])


def rand_ts(rng):
    if rng.random() < 0.85:
        return rng.randint(1_500_000_000, 1_900_000_000)
    return rng.choice([0, 1, 255, 256, 65535, 65536, 2**31 - 1, 2**32, 2**33 + 7, 253402300799])


def rand_session(i, rng, js_safe):
    cat = i % 12
    if cat == 0:
        return {}
    if cat == 1:
        return {"user_id": rng.randint(1, 10**6), "name": rng.choice(WORDS), "admin": rng.random() < 0.5}
    if cat == 2:
        return {rng.choice(SPANISH): rng.choice(SPANISH), "emoji": rng.choice(EMOJI), rng.choice(EMOJI): [rand_str(rng) for _ in range(3)]}
    if cat == 3:
        return {f"t{j}": rand_tagged(rng, js_safe, True, 0) for j in range(rng.randint(2, 6))}
    if cat == 4:
        tk = rng.choice(TAG_KEYS)
        if rng.random() < 0.5:
            return {tk: rand_value(rng, js_safe)}
        return {"outer": {tk: {rng.choice(TAG_KEYS): rand_value(rng, js_safe)}}, "k": [{" t": 1}]}
    if cat == 5:
        return {k: rand_str(rng) for k in rng.sample(ESCAPY + SORT_TRAPS + ["$tuple", "$dict"], rng.randint(3, 8))}
    if cat in (6, 7):
        k = rng.randrange(3)
        if k == 0:  # a cart keyed by product id: integer-like keys, the toPythonRepr order trap
            return {"cart": {str(rng.randint(1, 120)): rng.randint(1, 9) for _ in range(rng.randint(3, 30))}, "user_id": rng.randint(1, 10**6)}
        if k == 1:
            return {"history": [f"/productos/{rng.choice(SPANISH)}/{rng.randint(1, 999)}" for _ in range(rng.randint(30, 80))]}
        return {"blob": bytes(rng.getrandbits(8) for _ in range(rng.randint(600, 1400))), "t": tuple(range(rng.randint(50, 150)))}
    if cat == 8:
        return {"k": rng.choice("ab") * rng.randint(1, 40)}  # around the compress-or-not threshold
    if cat == 9:
        return {"_permanent": True, "_fresh": True, "_user_id": str(rng.randint(1, 999)),
                "csrf_token": "".join(rng.choice("0123456789abcdef") for _ in range(40)), "_flashes": [("message", rand_str(rng))]}
    if cat == 10:
        return {f"n{j}": rand_int(rng, js_safe) if rng.random() < 0.4 else rand_float(rng, js_safe) for j in range(rng.randint(3, 8))}
    return rand_dict(rng, js_safe, 0, rng.randint(1, 6), lossless=rng.random() < 0.7 or js_safe)


# ---------------------------------------------------------------- sessions.jsonl

def gen_sessions(n, seed, js_safe):
    rng = random.Random(f"{seed}")
    for i in range(n):
        secret, ts, sess = rand_secret(rng), rand_ts(rng), rand_session(i, rng, js_safe)
        app = make_app(secret)
        with app.test_request_context(), FixedClock(ts):
            s = serializer(app)
            cookie = s.dumps(dict(sess))
            decoded, _ = s.loads(cookie, max_age=None, return_timestamp=True)
            yield {"secret": secret, "ts": ts, "session": to_conv(sess), "cookie": cookie,
                   "payload_json": s.serializer.dumps(dict(sess)), "decoded": ordered_conv(decoded)}


# ---------------------------------------------------------------- opens.jsonl

def open_verdict(secret, cookie, now, lifetime=2678400, fallbacks=(), name="session", header=None):
    """What open_session makes of a Cookie header: the session, or why it started empty, or the 500."""
    config = {"PERMANENT_SESSION_LIFETIME": lifetime}
    if fallbacks:
        config["SECRET_KEY_FALLBACKS"] = list(fallbacks)
    app = make_app(secret, config)
    header = f"{name}={cookie}" if header is None else header
    # open_session is called by hand: a pushed request context would already have opened it
    request = app.request_class(EnvironBuilder(headers={"Cookie": wire(header)}).get_environ())
    with app.app_context(), FixedClock(now):
        rec = {}
        s = serializer(app)
        val = request.cookies.get(name)
        rec["value"] = val
        if s is not None and val:
            try:
                s.loads(val, max_age=lifetime)
            except SignatureExpired as e:
                rec["signature"] = "expired"
            except BadSignature as e:
                msg = str(e)
                malformed = "Malformed timestamp" in msg or "timestamp missing" in msg or msg.startswith("No b'.' found")
                rec["signature"] = "malformed" if malformed else "bad-signature"
            except Exception:
                rec["signature"] = "ok"  # valid signature, unreadable payload or date: open_session raises
            else:
                rec["signature"] = "ok"
        try:
            sess = app.session_interface.open_session(app, request)
        except Exception as e:
            rec["result"] = "error"
            rec["error"] = type(e).__name__
            return rec
        if sess is None:
            rec["result"] = "null-session"
            return rec
        rec["result"] = "session"
        try:
            rec["session"] = ordered_conv(dict(sess))
        except RecursionError:  # read fine, but too deep to write down here: record its shape
            rec["session"] = {"$depth": nesting(dict(sess))}
        return rec


def nesting(v):
    depth = 0
    while isinstance(v, (dict, list, tuple)) and v:
        v = next(iter(v.values())) if isinstance(v, dict) else v[0]
        depth += 1
    return depth


B64 = string.ascii_uppercase + string.ascii_lowercase + string.digits + "-_"


def change(c, pos, i):
    ch = c[pos]
    new = B64[(B64.index(ch) + 1 + i % 50) % 64] if ch in B64 else "A"
    return c[:pos] + new + c[pos + 1:]


HTTP_DATES = [
    "Mon, 10 Jun 2024 06:30:00 GMT", "10 Jun 2024 06:30:00 GMT", "Mon, 10 Jun 24 06:30:00 GMT", "Mon, 10 Jun 69 06:30:00 GMT",
    "Mon, 10 Jun 70 06:30:00 GMT", "Mon, 10 Jun 99 06:30:00 GMT", "Mon, 10 Jun 100 06:30:00 GMT", "Mon, 10 Jun 0099 06:30:00 GMT",
    "Mon, 10 Jun 1 06:30:00 GMT", "Mon, 31 Feb 2024 06:30:00 GMT", "Mon, 10 Jun 2024 24:00:00 GMT", "Mon, 10 Jun 2024 06:61:00 GMT",
    "Mon, 10 Jun 2024 06:30:00 +0200", "Mon, 10 Jun 2024 06:30:00 -0530", "Mon, 10 Jun 2024 06:30:00 +2400",
    "Mon, 10 Jun 2024 06:30:00 EST", "Mon, 10 Jun 2024 06:30:00 PDT", "Mon, 10 Jun 2024 06:30:00 UT", "Mon, 10 Jun 2024 06:30:00 Z",
    "Mon, 10 Jun 2024 06:30:00 XYZ", "Mon, 10 Jun 2024 06:30:00", "Mon, 10 Jun 2024 06:30 GMT", "Mon, 10 Jun 2024 6:3:0 GMT",
    "Mon, 10 June 2024 06:30:00 GMT", "Mon, 10 jun 2024 06:30:00 gmt", "Monday, 10-Jun-24 06:30:00 GMT", "Mon Jun 10 06:30:00 2024",
    "Mon, Jun 10 2024 06:30:00 GMT", "Mon, 10 Jun 2024 06:30:00.5 GMT", "Mon, 10 Jun 2024 T06:30:00 GMT", "Mon,10 Jun 2024 06:30:00 GMT",
    "  Mon, 10 Jun 2024 06:30:00 GMT  ", "Mon, 10 Jun 10000 06:30:00 GMT", "Mon, 10 Jun 9999 23:59:59 GMT", "Mon, 10 Jun 2024",
    "2024-06-10T06:30:00Z", "", "garbage", "Mon, 10 Xyz 2024 06:30:00 GMT", "Mon, 00 Jun 2024 06:30:00 GMT",
    "Thu, 01 Jan 1970 00:00:00 GMT", "Wed, 31 Dec 1969 23:59:59 GMT", "Mon, 10 Jun 2024 06:30:00 -0000", "Mon, 10 Jun 2024 06:30:00 +0000",
    "Mon, 10 Jun 2024 06:30:60 GMT", "Mon, 10 Jun 2024 06:30:00 +02:00", "Mon, 10 Jun 2024 06:30:00 GMT+1", "Mon, 29 Feb 2023 06:30:00 GMT",
]

ADVERSARIAL_JSON = [
    "0", "false", "null", "[]", '""', "1", "0.0", "true", '"x"', "[1]", "{}", '{"a":1}', '[["a",1],["b",2]]', '[["a",1],["a",2]]',
    '[["ab"]]', '["ab","cd"]', '[[1,2]]', '[["a"]]', '[[null,1]]', '[[true,1]]', '[[1.5,"x"]]', '{" t":[["a",1]]}', '{" t":[1,2]}',
    '{" t":"ab"}', '{" t":{"a":1}}', '{" t":5}', '{" b":"QQ"}', '{" b":"QQ=="}', '{" b":"!!!"}', '{" b":"Q Q = ="}', '{" b":"é"}',
    '{" b":5}', '{" m":5}', '{" m":null}', '{" m":true}', '{" m":1.0}', '{" m":1.5}', '{" m":[1,"a"]}', '{" m":{"a":1,"b":[2]}}',
    '{" m":{" t":[1]}}', '{" m":{" b":"QUI="}}', '{" u":"not hex"}', '{" u":5}', '{" u":"{12345678123456781234567812345678}"}',
    '{" u":"urn:uuid:12345678-1234-5678-1234-567812345678"}', '{" u":"12345678-1234-5678-1234-56781234567G"}', '{" di":{}}',
    '{" di":{"x":1}}', '{" di":{" t__":1,"y":2}}', '{" d":5}', '{" d":null}', '{"a":{" di":{"k__":1}}}', '{"x":1,"x":2}',
    '{"__proto__":{"a":1}}', '{"10":1,"9":2,"a":3,"$dict":4}', '{"a":NaN,"b":Infinity,"c":-Infinity}', '{"a":-0}', '{"a":-0.0}',
    '{"a":1e400}', '{"a":12345678901234567890}', '{"a":1.0,"b":2.50,"c":1E2}', '{"a":"\\ud800"}', '{"a":"\\u00e9"}',
    ' {"a":1} ', '{"a":1}\n', '{"a":1}x', '{"a":[1,2,]}', "{'a':1}", '{"a":"\t"}', "\ufeff{}", '{"é":1}', '{"a":1}\x00',
]
# the same tags inside a dict, where open_session keeps what untag made of them
ADVERSARIAL_JSON += ['{"v":%s}' % t for t in ADVERSARIAL_JSON if t.startswith('{" ')]
ADVERSARIAL_JSON += ['{"d":{" d":%s}}' % json.dumps(d) for d in HTTP_DATES] \
  + ['{" t":' * n + "[]" + "}" * n for n in (50, 200, 300)]


def depth_in_request(secret, cookie, now):
    """open_session inside a real request (the test client): how deep Python can read depends on the
    stack below it, so the limit is measured where Flask really reads the cookie."""
    app = make_app(secret)

    @app.route("/")
    def view():
        return str(nesting(dict(session)))

    with FixedClock(now):
        r = app.test_client(use_cookies=False).get("/", headers={"Cookie": wire(f"session={cookie}")})
    return {"result": "session", "session": {"$depth": int(r.get_data(as_text=True))}} if r.status_code == 200 else {"result": "error", "error": "500"}


def nested_dicts(n):
    return '{"a":' * n + "1" + "}" * n


def nested_lists(n):
    return '{"a":' + "[" * (n - 1) + "]" * (n - 1) + "}"


def json_depth_limit(nested):
    """The deepest nesting open_session still reads: Python's recursion limit decides, not Flask.
    Called at the same stack depth as deep_case, since every frame below counts against the limit."""
    lo, hi = 1, 4000
    while lo < hi:
        mid = (lo + hi + 1) // 2
        ok = depth_in_request("dev", sign_text("dev", b64(nested(mid).encode()), 1700000000), 1700000000)["result"] == "session"
        lo, hi = (mid, hi) if ok else (lo, mid - 1)
    return lo


def deep_case(case):
    case.update(depth_in_request(case["secret"], case["cookie"], case["now"]))


def gen_opens(sessions, depth_limit):
    NOW = 1700000000
    for kind, nested in (("dicts", nested_dicts), ("lists", nested_lists)):
        for n in (100, depth_limit[kind] - 1, depth_limit[kind], depth_limit[kind] + 1, depth_limit[kind] + 50):
            text = nested(n)
            yield dict(secret="dev", now=NOW, cookie=sign_text("dev", b64(text.encode()), NOW), payload=text, in_request=True)
    short = [r for r in sessions if len(r["cookie"]) < 400]
    for i, r in enumerate(short[:300]):
        c, sec, ts = r["cookie"], r["secret"], r["ts"]
        if ts > 253402300799 or ts < 1:
            continue
        cut = c.rindex(".")
        yield dict(secret=sec, now=ts, cookie=change(c, (i * 7919) % cut, i))
        yield dict(secret=sec, now=ts, cookie=change(c, cut + 1 + (i % 20), i))
        yield dict(secret=sec, now=ts + 2678400, cookie=c)
        yield dict(secret=sec, now=ts + 2678401, cookie=c)
        yield dict(secret=sec, now=ts - 1, cookie=c)
        yield dict(secret=sec, now=ts + 100, lifetime=100, cookie=c)
        yield dict(secret=sec, now=ts + 101, lifetime=100, cookie=c)
        yield dict(secret=sec + "-new", fallbacks=[sec], now=ts, cookie=c)  # 3.1: verifies; 2.2: no such setting
        yield dict(secret=sec + "-new", fallbacks=["zzz", sec], now=ts, cookie=c)
        yield dict(secret=sec + "-new", now=ts, cookie=c)
    e1 = sign("dev", {"user_id": 42}, NOW)
    pre, sig = e1.rsplit(".", 1)
    last = B64.index(sig[-1])
    for k in range(4):
        yield dict(secret="dev", now=NOW, cookie=f"{pre}.{sig[:-1]}{B64[(last & ~3) | k]}")
    for s2 in (sig + "=", sig + "==", sig + "===", sig[:5] + "!!" + sig[5:], sig[:5] + "*" + sig[5:], sig[:5] + "+" + sig[5:],
               sig[:-1], sig + "A", "", "=" + sig, sig.replace("_", "/").replace("-", "+"), sig + "A==", sig[:-2] + "=="):
        yield dict(secret="dev", now=NOW, cookie=f"{pre}.{s2}")
    for c in ("", ".", "..", "abc", "abc.def", "e30..5AvcHLbMPxu4hNRRu4xAB84N0HI", "e30.!!.5AvcHLbMPxu4hNRRu4xAB84N0HI",
              "eyJ1c2VyX2lkIjo0Mn0.hjhtQRGPO7UK57j5dSOtrXVGqbs"):
        yield dict(secret="dev", now=NOW, cookie=c)
    yield dict(secret="", now=NOW, cookie=e1)
    # Cookie headers, read by Werkzeug's own parser
    for header in (f"session={e1}", f"a=1; session={e1}; b=2", f'session="{e1}"', f"session={e1}; session=x", f"session=x; session={e1}",
                   f"SESSION={e1}", f" session = {e1} ", f"session={e1};", "session=", "session", f"other={e1}"):
        yield dict(secret="dev", now=NOW, cookie=None, header=header)
    # validly signed payloads nobody but the key holder can make
    for text in ADVERSARIAL_JSON:
        raw = text.encode("utf-8")
        yield dict(secret="dev", now=NOW, cookie=sign_text("dev", b64(raw), NOW), payload=text)
        yield dict(secret="dev", now=NOW, cookie=sign_text("dev", "." + b64(zlib.compress(raw)), NOW), payload=text)
    for payload in (b64(b"{}") + "=", "e30=", "e3!0", "e3é0", "eyJhIjoiw6kifQ", "eyJhIjoiw6kifQ=", "e30é", "é", ".", "",
                    "." + b64(gzip.compress(b"{}", mtime=0)), "." + b64(zlib.compress(b"{}")[:-2]), "." + b64(zlib.compress(b"{}") + b"xx"),
                    "." + b64(zlib.compress(b"{}", 9)), "." + b64(zlib.compressobj(6, zlib.DEFLATED, -15).compress(b"{}")),
                    "." + b64(zlib.compress("\ufeff{}".encode())), b64("\ufeff{}".encode()), b64("{}".encode("utf-16")),
                    b64(b'{"a":"\xff"}'), b64(b'{"a":"\xed\xa0\x80"}'), "..e30", ".e30"):
        yield dict(secret="dev", now=NOW, cookie=sign_text("dev", payload, NOW), payload=payload)
    for ts in (253402300799, 253402300800):
        yield dict(secret="dev", now=NOW, cookie=sign_text("dev", "e30", ts))


# ---------------------------------------------------------------- cycles.jsonl

# The ops a view can run on the session, each recorded with what it returned.
OP_KEYS = ["user", "cart", "n", "10", "9", "x", "_permanent"]


def rand_op(rng):
    k = rng.choice(OP_KEYS)
    kind = rng.choice(["get", "get", "get_default", "in", "len", "iter", "keys", "items", "set", "set", "pop", "pop_missing",
                       "setdefault", "update", "clear", "permanent", "get_permanent", "modified", "nothing", "nothing"])
    if kind in ("get", "in", "pop_missing"):
        return [kind, k]
    if kind == "get_default":
        return [kind, k, "dflt"]
    if kind == "set":
        return [kind, k, to_conv(rand_value(rng, True, 2))]
    if kind == "setdefault":
        return [kind, k, rng.randint(0, 9)]
    if kind == "pop":
        return [kind, k, None]
    if kind == "update":
        return [kind, to_conv({rng.choice(OP_KEYS): rng.randint(0, 99) for _ in range(rng.randint(0, 2))})]
    if kind == "permanent":
        return [kind, rng.random() < 0.7]
    if kind == "modified":
        return [kind, True]
    return [kind]


def run_op(op):
    kind = op[0]
    if kind == "get": return session.get(op[1])
    if kind == "get_default": return session.get(op[1], op[2])
    if kind == "in": return op[1] in session
    if kind == "len": return len(session)
    if kind == "iter": return [k for k in session]
    if kind == "keys": return list(session.keys())
    if kind == "items": return [[k, v] for k, v in session.items()]
    if kind == "set":
        session[op[1]] = from_conv(op[2])
        return None
    if kind == "pop": return session.pop(op[1], op[2])
    if kind == "pop_missing": return session.pop(op[1])  # KeyError when missing: a 500
    if kind == "setdefault": return session.setdefault(op[1], op[2])
    if kind == "update":
        session.update(from_conv(op[1]))
        return None
    if kind == "clear":
        session.clear()
        return None
    if kind == "permanent":
        session.permanent = op[1]
        return None
    if kind == "get_permanent": return session.permanent
    if kind == "modified":
        session.modified = op[1]
        return None
    return None


def rand_config(rng, i):
    """Every session setting, often at its default, sometimes at an edge."""
    def pick(default, *others, p=0.35):
        return rng.choice(others) if rng.random() < p else default
    return {
        "SESSION_COOKIE_NAME": pick("session", "sid", "__Host-s", "s.e-s_s"),
        "SESSION_COOKIE_DOMAIN": pick(None, "example.org", ".example.org", "localhost", "example.org:8080", "", "Bücher.example",
                                      "EXAMPLE.org", "a.b.c", "127.0.0.1", "..example.org"),
        "SESSION_COOKIE_PATH": pick(None, "/", "/app", "/x;y", "/%41", "/a b", "/ñ", "/a,b", "/~u/", "/a?b#c", "/\"q\""),
        "APPLICATION_ROOT": pick("/", "/root", "/app/"),
        "SERVER_NAME": pick(None, "example.com", "example.com:5000", "127.0.0.1", "localhost", "sub.example.com:8080", p=0.25),
        "SESSION_COOKIE_HTTPONLY": pick(True, False, p=0.25),
        "SESSION_COOKIE_SECURE": pick(False, True, p=0.3),
        "SESSION_COOKIE_SAMESITE": pick(None, "Lax", "Strict", "None", "lax"),
        "SESSION_COOKIE_PARTITIONED": pick(False, True, p=0.25),
        "PERMANENT_SESSION_LIFETIME": pick(2678400, 3600, 60, 0, 86400 * 400),
        "SESSION_REFRESH_EACH_REQUEST": pick(True, False, p=0.3),
        "SECRET_KEY_FALLBACKS": pick([], ["old-key"], ["older", "old-key"], p=0.25),
    }


def gen_cycles(n, seed):
    rng = random.Random(f"cycles:{seed}")
    for i in range(n):
        config = rand_config(rng, i)
        secret = rng.choice(["dev", "tu_clave_secreta_aqui", "clé-ñ-🔑"]) if rng.random() > 0.02 else ""
        app = make_app(secret, config)
        plan = {}

        @app.route("/run", methods=["GET", "POST"])
        def run():
            results = [to_conv(run_op(op)) for op in plan["ops"]]
            if plan["ret"] == "json":
                return jsonify(r=results, k=plan["n"])
            if plan["ret"] == "created":
                return "created " + json.dumps(results, sort_keys=True, separators=(",", ":")), 201
            return "ok " + json.dumps(results, sort_keys=True, separators=(",", ":"))

        client = app.test_client(use_cookies=False)
        name = config["SESSION_COOKIE_NAME"]
        now = rng.randint(1_600_000_000, 1_800_000_000)
        carried = None
        steps = []
        for j in range(rng.randint(2, 5)):
            later = rng.choice([0, 0, 1, 60, 3599, 3601, 86400, 2678401]) if j else 0
            now += later
            ops = [rand_op(rng) for _ in range(rng.randint(0, 4))]
            how = rng.choices(["carry", "none", "tampered", "fallback", "bad-payload", "other"], [80, 4, 5, 5, 3, 3])[0]
            if how == "carry":
                cookie = carried
            elif how == "tampered" and carried:
                cookie = change(carried, len(carried) // 2, j)
            elif how == "fallback":
                cookie = sign("old-key", {"user": "from-old-key", "n": 1}, now)
            elif how == "bad-payload":
                cookie = sign_text(secret or "dev", b64(b"0" if rng.random() < 0.5 else b'{" u":"x"}'), now)
            else:
                cookie = None
            header = f"{name}={cookie}" if cookie else ("theme=dark" if how == "other" else None)
            plan.update(ops=ops, ret=rng.choice(["text", "text", "json", "created"]), n=j)
            with FixedClock(now):
                r = client.get("/run", headers={"Cookie": wire(header)} if header else {})
            set_cookies = r.headers.getlist("Set-Cookie")
            for line in set_cookies:
                value = line.split(";", 1)[0].split("=", 1)[1]
                carried = None if ("Max-Age=0" in line or not value) else value
            steps.append({"later": later, "now": now, "cookie": header, "ops": ops, "ret": plan["ret"],
                          "status": r.status_code, "body": r.get_data(as_text=True), "content_type": r.headers.get("Content-Type"),
                          "vary": r.headers.get("Vary"), "set_cookie": set_cookies})
        yield {"secret": secret, "config": config, "steps": steps}


# ---------------------------------------------------------------- repr.jsonl

def gen_reprs(sessions):
    for r in sessions:
        app = make_app(r["secret"])
        with app.test_request_context(), FixedClock(r["ts"]):
            data = serializer(app).loads(r["cookie"], max_age=None)
        yield {"secret": r["secret"], "cookie": r["cookie"], "repr": repr(dict(data))}
    hand = [{"a": "it's"}, {"a": 'say "hi"'}, {"a": "both ' and \""}, {"a": "\x00\x01\x1f\x7f\x80\x9f\xa0\xad"},
            {"a": "\u2028\u2029\ufeff\u200b\u0301e\u0301"}, {"a": "😀🇪🇸\U000e0001\U0010ffff"}, {"a": "\n\r\t\x0b\x0c\x08"},
            {"t1": (1,), "t0": (), "t2": (1, "x")}, {"b": b"\x00\x01\xff'\"\n", "b2": b"", "b3": b"'"},
            {"u": uuid.UUID("12345678-1234-5678-1234-567812345678")}, {"m": Markup("<b>it's</b>")},
            {"d": datetime(2024, 6, 10, 6, 30, tzinfo=timezone.utc), "d2": datetime(2024, 6, 10, 6, 30, 5, tzinfo=timezone.utc)},
            {"f": 0.1, "g": 1.5, "h": -2.25, "o": 1e-7, "p": 1.7976931348623157e308, "r": 0.30000000000000004, "u": 1.5e22},
            {"n": None, "t": True, "f": False, "l": [], "d": {}, "nested": {"x": [1, {"y": None}]}},
            {"cart": {"10": 1, "9": 2, "$dict": 3, "a": {"2": 0, "1": 1}}}, {"9": 1, "10": 2, "__proto__": 3}]
    for h in hand:
        cookie = sign("dev", h, 1700000000)
        app = make_app("dev")
        with app.test_request_context(), FixedClock(1700000000):
            yield {"secret": "dev", "cookie": cookie, "repr": repr(dict(serializer(app).loads(cookie)))}


# ---------------------------------------------------------------- writing

def write_lines(name, records):
    """Writes NAME.tmp, then renames it over NAME: a crash leaves the old fixture untouched."""
    OUT.mkdir(parents=True, exist_ok=True)
    target = OUT / name
    tmp = target.with_name(target.name + ".tmp")
    count = 0
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=True, allow_nan=False, separators=(",", ":")) + "\n")
            count += 1
    return tmp, target, count


def main():
    # a stopped run (Ctrl-C, a time-out) still removes its temporary files
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    staged = []
    try:
        record(staged)
    except BaseException:
        for tmp, _, _ in staged:
            tmp.unlink(missing_ok=True)
        raise
    for tmp, target, _ in staged:
        os.replace(tmp, target)
    print(", ".join(f"{t.name} {n}" for _, t, n in staged))


def record(staged):
    versions = {"line": LINE, "python": sys.version.split()[0], "flask": pkg_version("flask"),
                "werkzeug": pkg_version("werkzeug"), "itsdangerous": pkg_version("itsdangerous"),
                "markupsafe": pkg_version("markupsafe"), "zlib": zlib.ZLIB_VERSION}
    versions["json_depth_limit"] = {"dicts": json_depth_limit(nested_dicts), "lists": json_depth_limit(nested_lists)}
    # Flask's own defaults for the session settings, and which of them this Flask has at all
    config = Flask("defaults").config
    versions["defaults"] = {k: (v.total_seconds() if isinstance(v, timedelta) else v) for k, v in config.items()
                            if k.startswith("SESSION_") or k in ("SECRET_KEY", "SECRET_KEY_FALLBACKS", "PERMANENT_SESSION_LIFETIME", "APPLICATION_ROOT", "SERVER_NAME")}
    staged.append(write_lines("versions.json", [versions]))
    sessions = list(gen_sessions(1500, "sessions", False)) + list(gen_sessions(700, "sessions-js", True))
    staged.append(write_lines("sessions.jsonl", sessions))
    opens = []
    for case in gen_opens(sessions, versions["json_depth_limit"]):
        if case.pop("in_request", False):
            deep_case(case)
            opens.append(case)
            continue
        args = {k: case[k] for k in ("lifetime", "fallbacks", "header") if k in case}
        case.update(open_verdict(case["secret"], case["cookie"], case["now"], **args))
        opens.append(case)
    staged.append(write_lines("opens.jsonl", opens))
    staged.append(write_lines("cycles.jsonl", gen_cycles(1400, "v1")))
    staged.append(write_lines("repr.jsonl", gen_reprs(sessions[:400] + sessions[1500:1700])))


if __name__ == "__main__":
    main()
