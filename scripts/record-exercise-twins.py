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
import secrets
import sys
import tempfile
import time
from pathlib import Path

FLASK_VERSION = '3.1.3'
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


class Jar:
    """One simulated browser's cookies for the app's origin: name -> (value, expiry or None)."""

    def __init__(self) -> None:
        self.cookies: dict[str, tuple[str, float | None]] = {}

    def header(self) -> str | None:
        return '; '.join(f'{n}={v}' for n, (v, _) in self.cookies.items()) or None

    def evict(self, now: float) -> None:
        self.cookies = {n: c for n, c in self.cookies.items() if c[1] is None or c[1] > now}

    def receive(self, line: str, now: float) -> None:
        parts = [p.strip() for p in line.split(';')]
        name, _, value = parts[0].partition('=')
        expires: float | None = None
        max_age: int | None = None
        for attr in parts[1:]:
            key, _, val = attr.partition('=')
            if key.lower() == 'expires':
                expires = email.utils.parsedate_to_datetime(val).timestamp()
            elif key.lower() == 'max-age':
                max_age = int(val)
        if max_age is not None:  # Max-Age wins over Expires (RFC 6265bis 5.7)
            expires = now + max_age
        if expires is not None and expires <= now:
            self.cookies.pop(name, None)
        else:
            self.cookies[name] = (value, expires)


def load_app(path: Path, tag: str):
    spec = importlib.util.spec_from_file_location(f'twin_{tag}', path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    # A starting twin may crash on purpose (a 500 is what the learner sees); keep its traceback quiet.
    module.app.logger.disabled = True
    return module.app


def problems(app, expect: dict, lang: str, res, set_cookie: list[str], jar: 'Jar') -> list[str]:
    """The unmet expectations of one step, judged as playground/ui/checks.ts judges them."""
    name = app.config['SESSION_COOKIE_NAME']
    out = []
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
    if 'session' in expect:
        serializer = app.session_interface.get_signing_serializer(app)
        data = serializer.loads(stored[0]) if stored else {}
        for key, value in expect['session'].items():
            if json.dumps(data.get(key), sort_keys=True) != json.dumps(value, sort_keys=True):
                out.append(f'session[{key!r}] is {data.get(key)!r}, expected {value!r}')
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
    for check in example['checks']:
        clock.now = START
        jars: dict[str, Jar] = {}
        steps = []
        failures: list[str] = []
        for step in check['steps']:
            jar = jars.setdefault(step['user'], Jar())
            if step.get('advanceClock'):
                clock.now += step['advanceClock']
                for j in jars.values():
                    j.evict(clock.now)
            headers = {}
            if jar.header():
                headers['Cookie'] = jar.header()
            kwargs = {}
            if 'body' in step:
                kwargs = {'data': step['body'], 'content_type': 'application/x-www-form-urlencoded'}
            res = client.open(step['path'], method=step['method'], base_url=ORIGIN, headers=headers, **kwargs)
            set_cookie = res.headers.getlist('Set-Cookie')
            for line in set_cookie:
                jar.receive(line, clock.now)
            request = {k: step[k] for k in ('user', 'method', 'path', 'body', 'advanceClock') if k in step}
            steps.append({'request': request, 'status': res.status_code, 'body': res.get_data(as_text=True),
                          'setCookie': set_cookie, 'vary': res.headers.get('Vary')})
            if not failures:  # like the playground, a check stops judging at its first failed step
                failures = problems(app, step.get('expect', {}), lang, res, set_cookie, jar)
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
