#!/usr/bin/env python3
"""Records what real Flask does with every exercise's Python solution, for the TypeScript twin to match.

For each exercise in content/examples/ (a folder with solution.ts and solution.py), and for each
language (solution.py for Spanish, solution.en.py for English), this script loads the Flask app,
runs example.json's checks through Flask's test client (the same requests, the same users, the
same clock moves), and writes every response's status, body, Set-Cookie headers and Vary header
to tests/fixtures/exercises/<id>.json. tests/examples/twins.test.ts replays the TypeScript solution
through the playground's engine and must see the same.

Made deterministic so the two sides can be compared byte for byte:
  - the key is the example's SECRET_KEY (and the twin must set the same config as example.json);
  - the clock starts at START (the checks' start) and moves only with a step's advanceClock:
    time.time() and Flask's expiry date both read it;
  - random tokens are all zero bytes (secrets.token_bytes), as the replay makes
    crypto.getRandomValues give zeros.

Cookies are kept in a small jar per simulated browser (name -> value, expiry), as the playground's
checks do, instead of the test client's own jar: expired cookies must leave when the clock moves.

The security steps: a request made by another site (`otherSite`) is replayed as a plain request
with the Cookie header Chromium's SameSite rules let through (the fixture keeps which cookies went,
and the TypeScript side must agree); a script reading document.cookie (`script`) sends nothing and
is recorded as browser-only; a stolen cookie (`takeSessionFrom`) is copied between jars; a value
captured from a body (`capture`) fills `{{name}}` in later steps; `changeConfig` updates app.config
from that step on (e.g. a new SECRET_KEY).

It also judges both Python twins by the checks' expectations, as the playground does: the solution
must pass every check and the starting code (flask.py) must fail every one, as the README asks of
the TypeScript files; otherwise nothing is written.

Usage:  python3 scripts/record-exercise-twins.py [id ...]
Needs Flask 3.1.3 (pip install 'flask==3.1.3'); refuses any other version.
"""
from __future__ import annotations

import datetime as dt
import email.utils
import importlib.metadata
import importlib.util
import json
import os
import re
import secrets
import sys
import tempfile
import time
from pathlib import Path

FLASK_VERSION = '3.1.3'
# The parts of a check step that say what is sent (the rest is what is expected of the answer).
REQUEST_KEYS = ('user', 'method', 'path', 'body', 'advanceClock', 'otherSite', 'script', 'capture', 'takeSessionFrom', 'changeConfig')
START = 1_800_000_000
ORIGIN = 'http://localhost:5000'
REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / 'content' / 'examples'
OUT = REPO / 'tests' / 'fixtures' / 'exercises'


def require_flask() -> dict[str, str]:
    versions = {name: importlib.metadata.version(name) for name in ('flask', 'werkzeug', 'itsdangerous')}
    if versions['flask'] != FLASK_VERSION:
        sys.exit(f'record-exercise-twins: needs Flask {FLASK_VERSION}, this Python has Flask {versions["flask"]} '
                 f'({sys.executable}). Install it with: pip install "flask=={FLASK_VERSION}"')
    return versions


class Clock:
    """The one source of time for the app, itsdangerous and Flask's expiry dates."""

    def __init__(self) -> None:
        self.now = START

    def install(self) -> None:
        import flask.sessions

        clock = self
        time.time = lambda: float(clock.now)

        class FixedDatetime(dt.datetime):
            @classmethod
            def now(cls, tz=None):  # noqa: D401 - same signature as datetime.now
                return dt.datetime.fromtimestamp(clock.now, tz)

        flask.sessions.datetime = FixedDatetime


def zero_tokens() -> None:
    # secrets.token_hex/token_urlsafe call this module global, so one patch covers them all.
    secrets.token_bytes = lambda nbytes=None: bytes(32 if nbytes is None else nbytes)


class Cookie:
    def __init__(self, value: str, expires: float | None, http_only: bool, same_site: str | None, created: float) -> None:
        self.value = value
        self.expires = expires
        self.http_only = http_only
        self.same_site = same_site  # 'strict' | 'lax' | 'none' | None (no attribute)
        self.created = created


# What a page on another site makes the browser do (playground/engine/actors/other-site.ts).
TOP_LEVEL = {'link', 'form-get', 'form-post'}
LAX_ALLOWING_UNSAFE_SECONDS = 120


class Jar:
    """One simulated browser's cookies for the app's origin, with what the security steps need:
    HttpOnly (what a script in the page sees) and SameSite with the creation time (what another
    site's request carries, by the Chromium rules the engine implements and the oracle test records)."""

    def __init__(self) -> None:
        self.cookies: dict[str, Cookie] = {}

    def header(self, names: list[str] | None = None) -> str | None:
        return '; '.join(f'{n}={c.value}' for n, c in self.cookies.items() if names is None or n in names) or None

    def evict(self, now: float) -> None:
        self.cookies = {n: c for n, c in self.cookies.items() if c.expires is None or c.expires > now}

    def other_site_sends(self, via: str, now: float) -> list[str]:
        """The cookies a cross-site request made `via` a link, form, image… carries (http, no Secure cookies here)."""
        out = []
        for name, c in self.cookies.items():
            if c.same_site == 'none':
                sends = True
            elif c.same_site == 'strict' or via not in TOP_LEVEL:
                sends = False
            elif via != 'form-post':
                sends = True
            else:  # a cross-site top-level POST: only a cookie without SameSite, in its first two minutes
                sends = c.same_site is None and now - c.created <= LAX_ALLOWING_UNSAFE_SECONDS
            if sends:
                out.append(name)
        return out

    def script_sees(self) -> list[str]:
        return [n for n, c in self.cookies.items() if not c.http_only]

    def receive(self, line: str, now: float) -> None:
        parts = [p.strip() for p in line.split(';')]
        name, _, value = parts[0].partition('=')
        expires: float | None = None
        max_age: int | None = None
        http_only = False
        same_site: str | None = None
        for attr in parts[1:]:
            key, _, val = attr.partition('=')
            if key.lower() == 'expires':
                expires = email.utils.parsedate_to_datetime(val).timestamp()
            elif key.lower() == 'max-age':
                max_age = int(val)
            elif key.lower() == 'httponly':
                http_only = True
            elif key.lower() == 'samesite':
                same_site = val.strip().lower()
        if max_age is not None:  # Max-Age wins over Expires (RFC 6265bis 5.7)
            expires = now + max_age
        if expires is not None and expires <= now:
            self.cookies.pop(name, None)
            return
        old = self.cookies.get(name)
        # Chromium keeps the creation time of a replaced cookie only when the value is the same.
        created = old.created if old is not None and old.value == value else now
        self.cookies[name] = Cookie(value, expires, http_only, same_site, created)


def set_cookie_attributes(lines: list[str], name: str) -> dict | None:
    """The attributes of the last Set-Cookie line for `name`, as the checks judge them."""
    found = None
    for line in lines:
        parts = [p.strip() for p in line.split(';')]
        if parts[0].partition('=')[0].strip() != name:
            continue
        attrs = {'httpOnly': False, 'secure': False, 'sameSite': None, 'path': None, 'persistent': False}
        for attr in parts[1:]:
            key, _, val = attr.partition('=')
            key = key.strip().lower()
            if key == 'httponly':
                attrs['httpOnly'] = True
            elif key == 'secure':
                attrs['secure'] = True
            elif key == 'samesite':
                attrs['sameSite'] = val.strip().capitalize()
            elif key == 'path':
                attrs['path'] = val.strip()
            elif key in ('max-age', 'expires'):
                attrs['persistent'] = True
        found = attrs
    return found


def fill(text: str, captured: dict[str, str]) -> str:
    return re.sub(r'\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}', lambda m: captured.get(m.group(1), m.group(0)), text)


def load_app(path: Path, tag: str):
    spec = importlib.util.spec_from_file_location(f'twin_{tag}', path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    # A starting twin may crash on purpose (a 500 is what the learner sees); keep its traceback quiet.
    module.app.logger.disabled = True
    return module.app


def problems(app, expect: dict, lang: str, res, set_cookie: list[str], jar: 'Jar', carried: bool) -> list[str]:
    """The unmet expectations of one step, judged as playground/ui/checks.ts judges them."""
    name = app.config['SESSION_COOKIE_NAME']
    out = []
    if 'sessionCookieSent' in expect and carried != expect['sessionCookieSent']:
        out.append(f'session cookie {"not " if carried is False else ""}sent, expected the opposite')
    want = expect.get('setCookieAttributes')
    if want is not None:
        have = set_cookie_attributes(set_cookie, want.get('cookie', name))
        if have is None:
            out.append(f'no Set-Cookie for {want.get("cookie", name)}')
        else:
            for key in ('httpOnly', 'secure', 'sameSite', 'path', 'persistent'):
                if key in want and have[key] != want[key]:
                    out.append(f'Set-Cookie {key} is {have[key]!r}, expected {want[key]!r}')
    if 'status' in expect and res.status_code != expect['status']:
        out.append(f'status {res.status_code}, expected {expect["status"]}')
    wanted = expect.get('bodyIncludes')
    if isinstance(wanted, dict):
        wanted = wanted.get(lang)
    if wanted is not None and wanted not in res.get_data(as_text=True):
        out.append(f'body lacks {wanted!r}')
    if 'setCookie' in expect:
        sent = any(line.split('=', 1)[0].strip() == name for line in set_cookie)
        if sent != expect['setCookie']:
            out.append(f'Set-Cookie {"missing" if expect["setCookie"] else "unexpected"}')
    stored = jar.cookies.get(name)
    if 'session' in expect or 'sessionLacks' in expect:
        serializer = app.session_interface.get_signing_serializer(app)
        data = serializer.loads(stored.value) if stored else {}
        for key, value in expect.get('session', {}).items():
            if json.dumps(data.get(key), sort_keys=True) != json.dumps(value, sort_keys=True):
                out.append(f'session[{key!r}] is {data.get(key)!r}, expected {value!r}')
        for key in expect.get('sessionLacks', []):
            if key in data:
                out.append(f'session still holds {key!r}')
    if expect.get('noSessionCookie') and stored:
        out.append('a session cookie is still stored')
    return out


def check_config(app, config: dict, where: str) -> None:
    """The twin must configure itself as example.json configures the playground."""
    for key, want in config.items():
        have = app.config.get(key)
        if isinstance(have, dt.timedelta):
            have = int(have.total_seconds())
        if have != want:
            sys.exit(f'record-exercise-twins: {where} sets {key} = {have!r}, example.json says {want!r}')


def run_twin(example_dir: Path, base: str, example: dict, lang: str, clock: Clock) -> tuple[list[dict], list[bool]]:
    """Runs every check against one twin; returns the recorded steps and which checks passed."""
    twin = example_dir / (f'{base}.en.py' if lang == 'en' else f'{base}.py')
    if lang == 'en' and not twin.exists():
        twin = example_dir / f'{base}.py'
    app = load_app(twin, f'{example_dir.name.replace("-", "_")}_{base}_{lang}')
    check_config(app, {'SECRET_KEY': 'tu_clave_secreta_aqui', **example.get('config', {})}, str(twin.relative_to(REPO)))
    client = app.test_client(use_cookies=False)
    checks = []
    passed = []
    base_config = {key: app.config[key] for key in app.config}
    for check in example['checks']:
        clock.now = START
        app.config.update(base_config)  # a check may have changed the key; the next starts afresh
        jars: dict[str, Jar] = {}
        steps = []
        failures: list[str] = []
        captured: dict[str, str] = {}
        for step in check['steps']:
            jar = jars.setdefault(step['user'], Jar())
            if step.get('advanceClock'):
                clock.now += step['advanceClock']
                for j in jars.values():
                    j.evict(clock.now)
            request = {k: step[k] for k in REQUEST_KEYS if k in step}
            if 'changeConfig' in step:
                app.config.update(step['changeConfig'])
            if 'takeSessionFrom' in step:  # a stolen cookie: a copy of what that browser holds now
                name = app.config['SESSION_COOKIE_NAME']
                victim = jars.setdefault(step['takeSessionFrom'], Jar())
                if name in victim.cookies:
                    jar.cookies[name] = victim.cookies[name]
            if 'script' in step:
                # No request: a script on the page reads document.cookie (and may write first, which
                # the engine's jar judges; the Python side only reads, so a writing step is browser-only).
                steps.append({'request': request, 'browserOnly': 'a script in the page reads document.cookie; nothing reaches the server'})
                if not failures:
                    seen = jar.script_sees()
                    want = step.get('expect', {}).get('documentCookie', {})
                    failures = [f'document.cookie lacks {n}' for n in want.get('includes', []) if n not in seen]
                    failures += [f'document.cookie shows {n}' for n in want.get('excludes', []) if n in seen]
                continue
            headers = {}
            method = step.get('method', 'GET').upper()
            if 'otherSite' in step:
                # Replayed as a plain request with the Cookie header the other site's request carries.
                method = 'POST' if step['otherSite'].endswith('post') else 'GET'
                sent = jar.other_site_sends(step['otherSite'], clock.now)
                headers['Origin'] = 'https://evil.example'
            else:
                sent = list(jar.cookies)
            cookie_header = jar.header(sent)
            if cookie_header:
                headers['Cookie'] = cookie_header
            carried = app.config['SESSION_COOKIE_NAME'] in sent
            kwargs = {}
            if 'body' in step:
                kwargs = {'data': fill(step['body'], captured), 'content_type': 'application/x-www-form-urlencoded'}
            res = client.open(fill(step['path'], captured), method=method, base_url=ORIGIN, headers=headers, **kwargs)
            set_cookie = res.headers.getlist('Set-Cookie')
            for line in set_cookie:
                jar.receive(line, clock.now)
            body = res.get_data(as_text=True)
            steps.append({'request': request, 'status': res.status_code, 'body': body,
                          'setCookie': set_cookie, 'vary': res.headers.get('Vary'),
                          **({'cookiesSent': sent} if 'otherSite' in step else {})})
            step_failures = problems(app, step.get('expect', {}), lang, res, set_cookie, jar, carried)
            if 'capture' in step:
                m = re.search(step['capture']['pattern'], body)
                if m is None:
                    step_failures.append(f'nothing matches {step["capture"]["pattern"]}')
                else:
                    captured[step['capture']['name']] = m.group(1) if m.groups() else m.group(0)
            if not failures:  # like the playground, a check stops judging at its first failed step
                failures = step_failures
        checks.append({'title': check['title'][lang], 'steps': steps})
        passed.append(not failures)
        if failures and base == 'solution':
            sys.exit(f'record-exercise-twins: {twin.relative_to(REPO)} fails "{check["title"][lang]}": '
                     + '; '.join(failures))
    return checks, passed


def record_language(example_dir: Path, example: dict, lang: str, clock: Clock) -> list[dict]:
    _, start_passed = run_twin(example_dir, 'flask', example, lang, clock)
    if any(start_passed):
        titles = [c['title'][lang] for c, ok in zip(example['checks'], start_passed) if ok]
        sys.exit(f'record-exercise-twins: {example_dir.name}: the starting twin ({lang}) already passes: {titles}')
    checks, _ = run_twin(example_dir, 'solution', example, lang, clock)
    return checks


def write_atomically(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f'.{path.name}.', suffix='.tmp')
    try:
        with os.fdopen(fd, 'w', encoding='utf-8') as f:
            json.dump(data, f, ensure_ascii=False, indent=1)
            f.write('\n')
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def main(argv: list[str]) -> int:
    versions = require_flask()
    clock = Clock()
    clock.install()
    zero_tokens()
    ids = argv or sorted(d.name for d in EXAMPLES.iterdir()
                         if (d / 'solution.ts').exists() and (d / 'solution.py').exists())
    missing = [d.name for d in EXAMPLES.iterdir() if (d / 'solution.ts').exists() and not (d / 'solution.py').exists()]
    if missing:
        sys.exit(f'record-exercise-twins: exercises without a Python solution twin: {", ".join(sorted(missing))}')
    for id_ in ids:
        example_dir = EXAMPLES / id_
        example = json.loads((example_dir / 'example.json').read_text(encoding='utf-8'))
        data = {'flask': versions, 'start': START, 'origin': ORIGIN,
                'es': record_language(example_dir, example, 'es', clock),
                'en': record_language(example_dir, example, 'en', clock)}
        write_atomically(OUT / f'{id_}.json', data)
        print(f'{id_}: {sum(len(c["steps"]) for c in data["es"])} requests per language')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
