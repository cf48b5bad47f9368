#!/usr/bin/env bash
# Regenerates tests/fixtures/flask/* from the real Flask (Debian's python3-flask 2.2.2) through the
# oracle flaskref.py. The tests read only these committed files, so CI needs no Python.
#   FLASKREF=/path/to/flaskref.py scripts/gen-flask-fixtures.sh
# Default oracle path: <parent of the repo>/shared/flask/flaskref.py
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
FLASKREF=${FLASKREF:-$(dirname "$REPO")/shared/flask/flaskref.py}
PY=${PYTHON:-/usr/bin/python3}
OUT="$REPO/tests/fixtures/flask"
mkdir -p "$OUT"
export PYTHONDONTWRITEBYTECODE=1 PYTHONHASHSEED=0

"$PY" "$FLASKREF" versions > "$OUT/versions.json"
"$PY" "$FLASKREF" gen 600 --seed sessionlab > "$OUT/gen-sessionlab.jsonl"
"$PY" "$FLASKREF" gen 300 --seed sessionlab-js --js-safe > "$OUT/gen-sessionlab-js.jsonl"

# The remaining fixtures call flaskref's own main() in one process (one CLI start per case would
# take minutes) and record {args, expected, rc}: exactly what the CLI prints.
"$PY" - "$FLASKREF" "$OUT" <<'PYEOF'
import contextlib, hashlib, importlib.util, io, json, sys, warnings

ref_path, out = sys.argv[1], sys.argv[2]
spec = importlib.util.spec_from_file_location("flaskref", ref_path)
ref = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ref)
warnings.simplefilter("ignore")

def run(args):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(io.StringIO()):
        rc = ref.main(args)
    return {"args": args, "expected": buf.getvalue(), "rc": rc}

def dump(name, cases):
    with open(f"{out}/{name}", "w", encoding="utf-8") as f:
        json.dump(cases, f, ensure_ascii=True, indent=1)
        f.write("\n")

# ---- a cookie with a VALID signature over an undecodable payload (only the key holder can make it)
from itsdangerous import TimestampSigner
def signed_raw(secret, payload, ts):
    cls = type("Fixed", (TimestampSigner,), {"get_timestamp": lambda self: ts})
    s = cls(secret, salt="cookie-session", key_derivation="hmac", digest_method=hashlib.sha1)
    return s.sign(payload.encode()).decode()

NOW = "1700000000"
B = ["response", "--secret", "dev", "--now", NOW]
U = '{"user_id":42}'
resp = []
def R(*extra):
    resp.append(run(B + list(extra) + ["--all-headers"]))

R("--json", U)
R("--json", U, "--permanent")
R("--json", U, "--permanent", "--config", "PERMANENT_SESSION_LIFETIME=3600")
for ss in ("Lax", "Strict", "None", "lax"):
    R("--json", U, "--config", f"SESSION_COOKIE_SAMESITE={ss}")
R("--json", U, "--config", "SESSION_COOKIE_SECURE=True")
R("--json", U, "--config", "SESSION_COOKIE_HTTPONLY=False")
R("--json", U, "--config", "SESSION_COOKIE_NAME=sid")
R("--json", U, "--config", "SESSION_COOKIE_PATH=/app")
R("--json", U, "--config", "APPLICATION_ROOT=/root")
R("--json", U, "--config", "SESSION_COOKIE_DOMAIN=example.org")
R("--json", U, "--config", "SESSION_COOKIE_DOMAIN=.example.org")
for sn in ("example.com", "example.com:5000", "127.0.0.1", "localhost"):
    R("--json", U, "--config", f"SERVER_NAME={sn}")
R("--json", U, "--config", "SERVER_NAME=example.com", "--config", "APPLICATION_ROOT=/app")
R("--json", U, "--permanent", "--config", "SESSION_COOKIE_SAMESITE=Lax", "--config", "SESSION_COOKIE_SECURE=True",
  "--config", "PERMANENT_SESSION_LIFETIME=3600", "--config", "SESSION_COOKIE_DOMAIN=example.org",
  "--config", "SESSION_COOKIE_PATH=/app", "--config", "SESSION_COOKIE_NAME=sid")
R("--json", U, "--action", "clear")
R("--json", U, "--permanent", "--action", "clear")
R("--json", U, "--action", "clear", "--config", "SESSION_COOKIE_DOMAIN=example.org", "--config", "SESSION_COOKIE_SECURE=True",
  "--config", "SESSION_COOKIE_SAMESITE=Strict", "--config", "SESSION_COOKIE_HTTPONLY=False", "--config", "SESSION_COOKIE_PATH=/app")
R("--action", "clear")
R("--json", "{}")
R("--json", U, "--action", "none")
R("--json", U, "--action", "read")
R("--json", U, "--permanent", "--action", "read")
R("--action", "read")
R("--action", "none")
R("--json", U, "--permanent", "--action", "none", "--later", "60")
R("--json", U, "--permanent", "--action", "none", "--later", "60", "--config", "PERMANENT_SESSION_LIFETIME=3600")
R("--json", U, "--permanent", "--action", "none", "--later", "60", "--config", "SESSION_REFRESH_EACH_REQUEST=False")
R("--json", U, "--permanent", "--action", "read", "--later", "60", "--config", "SESSION_REFRESH_EACH_REQUEST=False")
R("--json", U, "--action", "read", "--later", "2678400")
R("--json", U, "--action", "read", "--later", "2678401")
R("--json", U, "--action", "read", "--later", "3601", "--config", "PERMANENT_SESSION_LIFETIME=3600")
R("--json", U, "--permanent", "--action", "none", "--later", "2678401")
good = ref.flask_sign("dev", {"user_id": 42}, 1700000000)
R("--action", "read", "--cookie", good)
R("--action", "none", "--cookie", good)
R("--action", "read", "--cookie", good[:-3] + "AAA")
R("--action", "read", "--cookie", "garbage")
R("--action", "read", "--cookie", "")
R("--action", "set", "--json", '{"a":1}', "--cookie", good[:-3] + "AAA")
R("--action", "read", "--cookie", ref.flask_sign("otherkey", {"user_id": 42}, 1700000000))
R("--action", "read", "--cookie", ref.flask_sign("dev", {"user_id": 42}, 1700000001))
R("--action", "read", "--cookie", signed_raw("dev", "eyJ", 1700000000))
R("--action", "read", "--cookie", signed_raw("dev", ".eJzz", 1700000000))
R("--action", "none", "--cookie", signed_raw("dev", "!!!", 1700000000))
R("--action", "read", "--cookie", signed_raw("dev", "e30", 253402300800))
R("--json", '{"big":{"$bytes":"' + "QUJD" * 400 + '"},"t":{"$tuple":[1,2]}}')
R("--json", '{"k":"aaaaaaaaaaa"}')
R("--json", '{"k":"aaaaaaaaaaaa"}', "--permanent")
R("--json", '{"_permanent":false,"x":1}')
R("--json", U, "--permanent", "--config", "PERMANENT_SESSION_LIFETIME=0")
resp.append(run(["response", "--secret", "", "--now", NOW, "--action", "none", "--all-headers"]))
resp.append(run(["response", "--secret", "", "--now", NOW, "--action", "read", "--all-headers"]))
resp.append(run(["response", "--secret", "", "--now", NOW, "--action", "set", "--json", U, "--all-headers"]))
dump("response.json", resp)

# ---- verify: tampering, expiry, future timestamps, fallbacks, wrong key, lenient signatures
ver = []
def V(*args):
    ver.append(run(["verify", "--with-ts"] + list(args)))
recs = [json.loads(l) for l in open(f"{out}/gen-sessionlab-js.jsonl", encoding="utf-8")]
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
def change(c, pos, i):
    ch = c[pos]
    new = B64[(B64.index(ch) + 1 + i % 50) % 64] if ch in B64 else "A"
    return c[:pos] + new + c[pos + 1:]
for i, r in enumerate(recs[:48]):
    c, sec, ts = r["cookie"], r["secret"], r["ts"]
    cut = c.rindex(".")
    V("--secret", sec, "--now", str(ts), change(c, (i * 7919) % cut, i))
    V("--secret", sec, "--now", str(ts), change(c, cut + 1 + (i % 20), i))
    V("--secret", sec, "--now", str(ts + 2678400), c)
    V("--secret", sec, "--now", str(ts + 2678401), c)
    V("--secret", sec, "--now", str(ts - 1), c)
    V("--secret", sec, "--now", str(ts + 100), "--max-age", "100", c)
    V("--secret", sec, "--now", str(ts + 101), "--max-age", "100", c)
    V("--secret", sec + "-new", "--fallback", sec, "--now", str(ts), c)
    V("--secret", sec + "-new", "--fallback", "zzz", "--fallback", sec, "--now", str(ts), c)
    V("--secret", sec + "-new", "--now", str(ts), c)
    if i % 4 == 0:
        V("--secret", sec, "--max-age", "none", c)
# lenient signature spellings, on E1
e1 = "eyJ1c2VyX2lkIjo0Mn0.ZVPxAA.hjhtQRGPO7UK57j5dSOtrXVGqbs"
sig = e1.rsplit(".", 1)[1]
pre = e1[: -len(sig)]
last = B64.index(sig[-1])
for k in range(4):
    V("--secret", "dev", "--now", NOW, pre + sig[:-1] + B64[(last & ~3) | k])
V("--secret", "dev", "--now", NOW, pre + sig[:-1] + B64[(last & ~3) ^ 4])
for s2 in (sig + "=", sig + "==", sig + "===", sig[:5] + "!!" + sig[5:], sig[:5] + "*" + sig[5:], sig[:5] + "*" + sig[5:] + "=",
           sig[:5] + "+" + sig[5:], sig[:5] + " " + sig[5:] + "===", sig[:-1], sig + "A", "", "=" + sig, sig[:10] + "=" + sig[10:],
           sig.replace("_", "/").replace("-", "+"), sig + "\n", sig + "A==", sig[:-2] + "==" ):
    V("--secret", "dev", "--now", NOW, pre + s2)
for c in ("", ".", "..", "abc", "abc.def", "e30..5AvcHLbMPxu4hNRRu4xAB84N0HI", "e30.AAAAAAAAAAAA.5AvcHLbMPxu4hNRRu4xAB84N0HI",
          "e30.!!.5AvcHLbMPxu4hNRRu4xAB84N0HI", "eyJ1c2VyX2lkIjo0Mn0.hjhtQRGPO7UK57j5dSOtrXVGqbs",
          signed_raw("dev", "eyJ", 1700000000), signed_raw("dev", ".eJzz", 1700000000), signed_raw("dev", "!!!", 1700000000),
          signed_raw("dev", "e30", 253402300799), signed_raw("dev", "e30", 253402300800), signed_raw("dev", "", 1700000000),
          signed_raw("dev", "WzEsMl0", 1700000000), signed_raw("dev", "IngiIA", 1700000000), signed_raw("dev", "e30=", 1700000000),
          signed_raw("dev", "e3!0", 1700000000), signed_raw("dev", ".", 1700000000),
          signed_raw("dev", "e30", 1700000000).replace(".", ".ZVPxAA.", 1)):
    V("--secret", "dev", "--now", NOW, "--max-age", "none", c)
# a valid signature on a year-10000 timestamp: a 500 with or without max_age (SignatureExpired
# itself converts the timestamp to a datetime first)
for now in ("1700000000", "253402300900"):
    V("--secret", "dev", "--now", now, signed_raw("dev", "e30", 253402300800))
V("--secret", "dev", "--now", "253402300799", signed_raw("dev", "e30", 253402300799))
dump("verify.json", ver)

# ---- repr(dict(session)) of what Flask decodes, for toPythonRepr
reprs = []
for fn in ("gen-sessionlab.jsonl", "gen-sessionlab-js.jsonl"):
    for l in open(f"{out}/{fn}", encoding="utf-8").readlines()[:240]:
        d = json.loads(l)["decoded"]
        reprs.append({"value": d, "repr": repr(ref.from_conv(d))})
hand = [
    {"a": "it's"}, {"a": 'say "hi"'}, {"a": "both ' and \""}, {"a": "\\"}, {"a": "\x00\x01\x1f\x7f\x80\x9f\xa0\xad"},
    {"a": "\u2028\u2029\ufeff\u200b\u0301e\u0301"}, {"a": "\ud800"}, {"a": "😀🇪🇸\U000e0001\U0010ffff\U0001f000"},
    {"a": "\n\r\t\x0b\x0c\x08"}, {"a": "ñ日本\u3000"}, {"'": 1, '"': 2},
    {"t1": {"$tuple": [1]}, "t0": {"$tuple": []}, "t2": {"$tuple": [1, "x"]}},
    {"b": {"$bytes": "AAEC/3+AJyIK"}, "b2": {"$bytes": ""}, "b3": {"$bytes": "Jw=="}, "b4": {"$bytes": "JyI="}},
    {"u": {"$uuid": "12345678-1234-5678-1234-567812345678"}},
    {"d": {"$datetime": "2024-06-10T06:30:00+00:00"}, "d2": {"$datetime": "2024-06-10T06:30:05+00:00"},
     "d3": {"$datetime": "2024-06-10T00:00:00+00:00"}, "d4": {"$datetime": "1970-01-01T00:00:00+00:00"}},
    {"m": {"$markup": "<b>it's</b>"}, "m2": {"$markup": ""}},
    {"f": 0.1, "g": 1.5, "h": -2.25, "i": 123456.789, "j": {"$float": "1e-05"}, "k": {"$float": "1e+16"},
     "l": {"$float": "nan"}, "m": {"$float": "inf"}, "n": {"$float": "-inf"}, "o": 1e-7, "p": 1.7976931348623157e308,
     "q": 5e-324, "r": 0.30000000000000004, "s": 1.2345678901234568e+20, "t": 0.0001, "u": 1e22},
    {"n": None, "t": True, "f": False, "l": [], "d": {}, "nested": {"x": [1, {"y": None}]}},
    {"big": 9007199254740991, "neg": -5},
]
for h in hand:
    reprs.append({"value": h, "repr": repr(ref.from_conv(h))})
dump("repr.json", reprs)
print(f"response {len(resp)}, verify {len(ver)}, repr {len(reprs)}")
PYEOF
wc -l "$OUT"/*.jsonl
