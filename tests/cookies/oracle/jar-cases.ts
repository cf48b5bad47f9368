/**
 * The Set-Cookie cases the jar is compared on with real Chromium (tests/e2e/cookie-oracle.spec.ts
 * records, tests/cookies/jar-oracle.test.ts replays). A case is a few responses, each one a top-level
 * navigation to `url` answered with `lines`, then navigations to `probes` whose `Cookie` header and
 * `document.cookie` Chromium reports. URLs carry no port: the recorder adds its servers' ports, and
 * cookies ignore ports.
 *
 * Host names: `home.example.org` (and `sub.` below it), `other.example`, `localhost` and
 * `sub.localhost` (loopback: secure even over http), `127.0.0.1`, and a few under public suffixes.
 */
export interface JarCaseStep {
  url: string;
  /** Set-Cookie lines of the response to a navigation to `url`. */
  lines: string[];
  /** Then, on that page, a script runs `document.cookie = text` for each of these. */
  script?: string[];
}

export interface JarCase {
  id: string;
  steps: JarCaseStep[];
  probes: string[];
}

const HOME = 'https://home.example.org/set';
const HOME_HTTP = 'http://home.example.org/set';

export const DEFAULT_PROBES = [
  'https://home.example.org/',
  'http://home.example.org/',
  'https://sub.home.example.org/',
  'https://home.example.org/a/b/c',
  'https://other.example/',
];

const PATH_PROBES = [
  'https://home.example.org/',
  'https://home.example.org/a',
  'https://home.example.org/a/',
  'https://home.example.org/a/b',
  'https://home.example.org/a/bc',
  'https://home.example.org/ab',
  'https://home.example.org/A',
  'https://home.example.org/x/y',
];

const LOCAL_PROBES = ['http://localhost/', 'https://localhost/', 'http://sub.localhost/', 'http://127.0.0.1/', 'http://home.example.org/'];

const cases: JarCase[] = [];
const ids = new Set<string>();

function add(id: string, steps: JarCaseStep[], probes: string[] = DEFAULT_PROBES) {
  if (ids.has(id)) throw new Error(`duplicate oracle case id ${id}`);
  ids.add(id);
  cases.push({ id, steps, probes });
}

/** One response from `url` with these lines. */
function one(id: string, lines: string | string[], url = HOME, probes?: string[]) {
  add(id, [{ url, lines: Array.isArray(lines) ? lines : [lines] }], probes);
}

// --- names and values -------------------------------------------------------------------------
const NAME_VALUES: [string, string | string[]][] = [
  ['plain', 'a=b'],
  ['empty-value', 'a='],
  ['nameless', '=b'],
  ['no-equals', 'justavalue'],
  ['only-equals', '='],
  ['empty-line', ''],
  ['spaces-around', '  a  =  b  '],
  ['tabs-around', '\ta\t=\tb\t'],
  ['inner-space', 'a=b c'],
  ['inner-tab', 'a=b\tc'],
  ['tab-in-name', 'a\tb=c'],
  ['space-in-name', 'a b=c'],
  ['quoted', 'a="b"'],
  ['quoted-semicolon', 'a="b; c"'],
  ['equals-in-value', 'a=b=c'],
  ['double-equals', 'a=='],
  ['nameless-with-equals', '=a=b'],
  ['nameless-looks-named', '=a'],
  ['quoted-name', '"a"=b'],
  ['comma', 'a=b,c'],
  ['json-value', 'a={"x":[1,2]}'],
  ['backslash', 'a=b\\c'],
  ['percent', 'a=%20%3B'],
  ['utf8-value', 'a=ñandú'],
  ['utf8-name', 'ñ=1'],
  ['cjk', 'a=日本語'],
  ['emoji', 'a=🍪'],
  ['dollar-name', '$Version=1'],
  ['ctl-in-value', 'a=b\x01c'],
  ['ctl-in-name', 'a\x02=b'],
  ['del-in-value', 'a=b\x7fc'],
  ['ctl-in-attribute', 'a=b; Path=/\x03'],
  ['second-pair-is-attribute', 'a=b; c=d'],
  ['flask-session', 'session=eyJ1c2VybmFtZSI6ImFuYSJ9.ZVO0AA.abc-DEF_ghi; HttpOnly; Path=/'],
  ['case-sensitive-names', ['A=1', 'a=2']],
  ['same-name-twice', ['a=1', 'a=2']],
];
for (const [id, lines] of NAME_VALUES) one(`name-value/${id}`, lines);

// --- size limits (name + value 4096 bytes; attribute values 1024 bytes) -------------------------
const x = (n: number) => 'x'.repeat(n);
one('size/4096', `n=${x(4095)}`);
one('size/4097', `n=${x(4096)}`);
one('size/name-only-4096', `${x(4096)}=`);
one('size/multibyte-4096', `n=${'ñ'.repeat(2047)}x`);
one('size/multibyte-4097', `n=${'ñ'.repeat(2048)}`);
one('size/path-1024', `a=1; Path=/${x(1023)}`, HOME, ['https://home.example.org/', `https://home.example.org/${x(1023)}`]);
one('size/path-1025', `a=1; Path=/${x(1024)}`, HOME, ['https://home.example.org/', `https://home.example.org/${x(1024)}`]);
one('size/domain-long', `a=1; Domain=${x(1100)}.example.org`);
one('size/expires-long', `a=1; Expires=Wed, 09 Jun 1999 10:18:14 GMT${' '.repeat(1100)}`);
one('size/unknown-long', `a=1; Foo=${x(1100)}`);

// --- Secure, HttpOnly -----------------------------------------------------------------------------
for (const [id, attr] of [['Secure', 'Secure'], ['lower', 'secure'], ['with-value', 'Secure=false'], ['spaced', '  SECURE  ']]) {
  one(`secure/https-${id}`, `s=1; ${attr}`);
  one(`secure/http-${id}`, `s=1; ${attr}`, HOME_HTTP);
}
one('secure/localhost-http', 's=1; Secure', 'http://localhost/set', LOCAL_PROBES);
one('secure/sub-localhost-http', 's=1; Secure', 'http://sub.localhost/set', LOCAL_PROBES);
one('secure/loopback-ip-http', 's=1; Secure', 'http://127.0.0.1/set', LOCAL_PROBES);
one('httponly/plain', ['h=1; HttpOnly', 'v=2']);
one('httponly/with-value', ['h=1; HttpOnly=no', 'v=2']);
one('httponly/secure', ['h=1; HttpOnly; Secure', 'v=2; Secure']);

add('secure/http-cannot-overwrite', [
  { url: HOME, lines: ['a=1; Secure'] },
  { url: HOME_HTTP, lines: ['a=2'] },
]);
add('secure/http-cannot-shadow-path', [
  { url: HOME, lines: ['a=1; Secure; Path=/'] },
  { url: HOME_HTTP, lines: ['a=2; Path=/a'] },
], PATH_PROBES);
add('secure/http-cannot-shadow-domain', [
  { url: HOME, lines: ['a=1; Secure'] },
  { url: HOME_HTTP, lines: ['a=2; Domain=example.org'] },
]);
add('secure/http-other-name-ok', [
  { url: HOME, lines: ['a=1; Secure'] },
  { url: HOME_HTTP, lines: ['b=2'] },
]);
add('secure/https-overwrites-insecure', [
  { url: HOME, lines: ['a=1; Secure'] },
  { url: HOME, lines: ['a=2'] },
]);
add('secure/http-cannot-delete', [
  { url: HOME, lines: ['a=1; Secure'] },
  { url: HOME_HTTP, lines: ['a=; Max-Age=0'] },
]);
add('secure/http-sub-cannot-shadow-parent', [
  { url: HOME, lines: ['a=1; Secure; Domain=example.org'] },
  { url: 'http://sub.home.example.org/set', lines: ['a=2'] },
]);
add('secure/insecure-path-sibling-ok', [
  { url: HOME, lines: ['a=1; Secure; Path=/a'] },
  { url: HOME_HTTP, lines: ['a=2; Path=/x'] },
], PATH_PROBES);

// --- Max-Age and Expires --------------------------------------------------------------------------
const MAX_AGES = ['0', '-1', '-0', '1000', '+10', '1.5', 'abc', '', '99999999999999999999', '-99999999999999999999', '0010', ' 10 ', '1e3', '0x10'];
MAX_AGES.forEach((v, i) => one(`max-age/${i}-${JSON.stringify(v)}`, `m=1; Max-Age=${v}`));
const EXPIRES = [
  'Thu, 01 Jan 1970 00:00:00 GMT',
  'Sun, 06 Nov 1994 08:49:37 GMT',
  'Wed, 21 Oct 2099 07:28:00 GMT',
  'Sun, 06 Nov 94 08:49:37 GMT',
  'Sunday, 06-Nov-94 08:49:37 GMT',
  'Sun Nov  6 08:49:37 1994',
  'Fri Nov  6 08:49:37 2099',
  '06 Nov 2099 08:49:37',
  'Nov 6 2099 8:49:37',
  '2099-11-06',
  '2099-11-06T08:49:37Z',
  'tomorrow',
  '31 Feb 2099 00:00:00',
  '30 Feb 2099 00:00:00 GMT',
  '1 Jan 1600 00:00:00',
  '1 Jan 1601 00:00:00',
  '1 Jan 10000 00:00:00',
  '32 Jan 2099 00:00:00',
  '1 Jan 2099 24:00:00',
  '1 Jan 2099 23:59:60',
  'Jan 1 00:00:00 69',
  'Jan 1 00:00:00 70',
  'Jan 1 00:00:00 0',
  'Jan 1 00:00:00 100',
  '1 Janvier 2099 10:00:00',
  '1 J 2099 10:00:00',
  'Wed, 21 Oct 2099 07:28:00 PST',
  'Wed, 21 Oct 2099 07:28:00 +0800',
  '21-Oct-2099 07:28:00',
  '2099 Oct 21 7:28:0',
  '21 Oct 2099 07:28',
  '',
  'Thu, 01 Jan 1970 00:00:01 GMT',
];
EXPIRES.forEach((v, i) => one(`expires/${i}-${JSON.stringify(v)}`, `e=1; Expires=${v}`));
one('expiry/max-age-beats-past-expires', 'm=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=1000');
one('expiry/max-age-zero-beats-future-expires', 'm=1; Max-Age=0; Expires=Wed, 21 Oct 2099 07:28:00 GMT');
one('expiry/bad-max-age-keeps-expires', 'm=1; Max-Age=abc; Expires=Thu, 01 Jan 1970 00:00:00 GMT');
one('expiry/last-expires-wins', 'm=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Expires=Wed, 21 Oct 2099 07:28:00 GMT');
one('expiry/last-max-age-wins', 'm=1; Max-Age=100; Max-Age=0');
one('expiry/bad-later-expires-keeps-earlier', 'm=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Expires=nonsense');
one('expiry/bad-later-max-age-keeps-earlier', 'm=1; Max-Age=0; Max-Age=x');
add('expiry/delete-existing', [{ url: HOME, lines: ['a=1', 'b=2'] }, { url: HOME, lines: ['a=; Max-Age=0'] }]);
add('expiry/delete-by-past-date', [{ url: HOME, lines: ['a=1', 'b=2'] }, { url: HOME, lines: ['a=; Expires=Thu, 01 Jan 1970 00:00:00 GMT'] }]);
add('expiry/delete-other-path-misses', [{ url: HOME, lines: ['a=1; Path=/'] }, { url: HOME, lines: ['a=; Max-Age=0; Path=/a'] }]);
add('expiry/delete-domain-misses-host-only', [{ url: HOME, lines: ['a=1'] }, { url: HOME, lines: ['a=; Max-Age=0; Domain=home.example.org'] }]);
add('expiry/flask-delete', [
  { url: HOME, lines: ['session=abc; HttpOnly; Path=/'] },
  { url: HOME, lines: ['session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; Path=/'] },
]);

// --- Domain ----------------------------------------------------------------------------------------
const DOMAINS: [string, string, string?][] = [
  ['exact', 'Domain=home.example.org'],
  ['leading-dot', 'Domain=.home.example.org'],
  ['parent', 'Domain=example.org'],
  ['parent-dot', 'Domain=.example.org'],
  ['upper', 'Domain=EXAMPLE.ORG'],
  ['tld', 'Domain=org'],
  ['tld-dot', 'Domain=.org'],
  ['other-site', 'Domain=other.example'],
  ['child', 'Domain=sub.home.example.org'],
  ['suffix-not-label', 'Domain=ome.example.org'],
  ['trailing-dot', 'Domain=example.org.'],
  ['double-dot', 'Domain=..example.org'],
  ['empty', 'Domain='],
  ['empty-spaces', 'Domain=   '],
  ['dot-only', 'Domain=.'],
  ['reset-by-empty', 'Domain=example.org; Domain='],
  ['empty-then-parent', 'Domain=; Domain=example.org'],
  ['last-wins', 'Domain=example.org; Domain=home.example.org'],
  ['with-port', 'Domain=example.org:443'],
  ['ip-mismatch', 'Domain=127.0.0.1'],
  ['space-inside', 'Domain=exa mple.org'],
  ['from-sub', 'Domain=home.example.org', 'https://sub.home.example.org/set'],
  ['from-sub-parent', 'Domain=example.org', 'https://sub.home.example.org/set'],
  ['localhost-host', 'Domain=localhost', 'http://localhost/set'],
  ['localhost-from-sub', 'Domain=localhost', 'http://sub.localhost/set'],
  ['ip-host', 'Domain=127.0.0.1', 'http://127.0.0.1/set'],
  ['ip-partial', 'Domain=0.0.1', 'http://127.0.0.1/set'],
  ['co-uk', 'Domain=co.uk', 'https://a.b.co.uk/set'],
  ['b-co-uk', 'Domain=b.co.uk', 'https://a.b.co.uk/set'],
  ['github-io', 'Domain=github.io', 'https://x.github.io/set'],
  ['github-io-self', 'Domain=x.github.io', 'https://x.github.io/set'],
  ['idn-unicode', 'Domain=bücher.example', 'https://bücher.example/set'],
  ['idn-punycode', 'Domain=xn--bcher-kva.example', 'https://bücher.example/set'],
  ['idn-upper', 'Domain=BÜCHER.example', 'https://www.bücher.example/set'],
];
const DOMAIN_PROBES = [
  ...DEFAULT_PROBES,
  'https://example.org/',
  'https://deep.sub.home.example.org/',
  'https://other.example.org/',
];
for (const [id, attr, url] of DOMAINS) {
  const probes = url?.includes('localhost') || url?.includes('127.0.0.1')
    ? LOCAL_PROBES
    : url?.includes('co.uk') ? ['https://a.b.co.uk/', 'https://b.co.uk/', 'https://c.b.co.uk/', 'https://x.co.uk/']
    : url?.includes('github.io') ? ['https://x.github.io/', 'https://y.github.io/', 'https://a.x.github.io/']
    : url?.includes('bücher') ? ['https://bücher.example/', 'https://www.bücher.example/', 'https://other.example/']
    : DOMAIN_PROBES;
  one(`domain/${id}`, `d=1; ${attr}`, url ?? HOME, probes);
}
one('domain/host-and-domain-coexist', ['a=host', 'a=domain; Domain=example.org']);

// --- Path ------------------------------------------------------------------------------------------
const PATHS: [string, string, string?][] = [
  ['root', 'Path=/'],
  ['a', 'Path=/a'],
  ['a-slash', 'Path=/a/'],
  ['a-b', 'Path=/a/b'],
  ['upper', 'Path=/A'],
  ['relative', 'Path=a'],
  ['empty', 'Path='],
  ['encoded-slash', 'Path=/a%2Fb'],
  ['utf8', 'Path=/ñ'],
  ['query-like', 'Path=/a?x'],
  ['last-wins', 'Path=/a; Path=/x'],
  ['bad-later-resets', 'Path=/a; Path=zzz'],
  ['default-deep', '', 'https://home.example.org/a/b/set'],
  ['default-trailing-slash', '', 'https://home.example.org/a/'],
  ['default-root', '', 'https://home.example.org/set'],
  ['default-two-slashes', '', 'https://home.example.org/a/b/'],
  ['default-query-slash', '', 'https://home.example.org/x?y=/a/b'],
  ['default-relative-attr', 'Path=zzz', 'https://home.example.org/a/b/set'],
];
for (const [id, attr, url] of PATHS) one(`path/${id}`, attr ? `p=1; ${attr}` : 'p=1', url ?? HOME, [...PATH_PROBES, 'https://home.example.org/%C3%B1', 'https://home.example.org/a%2Fb']);

// --- ordering --------------------------------------------------------------------------------------
one('order/longest-path-first', ['r=1; Path=/', 'ab=1; Path=/a/b', 'a=1; Path=/a'], HOME, PATH_PROBES);
one('order/creation', ['c=1', 'b=1', 'a=1']);
add('order/replace-keeps-creation', [{ url: HOME, lines: ['a=1', 'b=1'] }, { url: HOME, lines: ['a=2'] }]);
add('order/replace-same-value', [{ url: HOME, lines: ['a=1', 'b=1'] }, { url: HOME, lines: ['a=1'] }]);
add('order/replace-same-value-new-attributes', [{ url: HOME, lines: ['a=1', 'b=1'] }, { url: HOME, lines: ['a=1; Max-Age=1000; HttpOnly'] }]);
add('order/delete-and-recreate', [{ url: HOME, lines: ['a=1', 'b=1'] }, { url: HOME, lines: ['a=; Max-Age=0'] }, { url: HOME, lines: ['a=3'] }]);
one('order/same-name-two-paths', ['s=root; Path=/', 's=deep; Path=/a'], HOME, PATH_PROBES);
one('order/host-vs-domain', ['a=domain; Domain=example.org', 'a=host']);

// --- SameSite (what is kept; sending across sites is the other oracle) ---------------------------
const SAME_SITES = ['Strict', 'Lax', 'None', 'none', 'NONE', 'Bogus', '', 'None; Secure', 'none; secure', 'Lax; SameSite=None', 'None; SameSite=Bogus'];
SAME_SITES.forEach((v, i) => {
  one(`samesite/https-${i}-${JSON.stringify(v)}`, `s=1; SameSite=${v}`);
  one(`samesite/http-${i}-${JSON.stringify(v)}`, `s=1; SameSite=${v}`, HOME_HTTP);
});
one('samesite/none-localhost-http', 's=1; SameSite=None', 'http://localhost/set', LOCAL_PROBES);

// --- prefixes --------------------------------------------------------------------------------------
const PREFIXES: [string, string, string?][] = [
  ['secure-ok', '__Secure-a=1; Secure'],
  ['secure-missing', '__Secure-a=1'],
  ['secure-lower-missing', '__secure-a=1'],
  ['secure-upper-missing', '__SECURE-a=1'],
  ['secure-http', '__Secure-a=1; Secure', HOME_HTTP],
  ['secure-domain-ok', '__Secure-a=1; Secure; Domain=example.org'],
  ['host-ok', '__Host-a=1; Secure; Path=/'],
  ['host-no-path', '__Host-a=1; Secure'],
  ['host-no-path-deep', '__Host-a=1; Secure', 'https://home.example.org/a/b/set'],
  ['host-path-a', '__Host-a=1; Secure; Path=/a'],
  ['host-domain', '__Host-a=1; Secure; Path=/; Domain=home.example.org'],
  ['host-empty-domain', '__Host-a=1; Secure; Path=/; Domain='],
  ['host-no-secure', '__Host-a=1; Path=/'],
  ['host-lower', '__host-a=1; Path=/'],
  ['host-lower-ok', '__host-a=1; Secure; Path=/'],
  ['host-localhost', '__Host-a=1; Secure; Path=/', 'http://localhost/set'],
  ['nameless-host', '=__Host-a=1; Secure; Path=/'],
  ['nameless-host-noeq', '__Host-a; Secure; Path=/'],
  ['nameless-secure', '__Secure-a; Secure'],
  ['http-prefix-ok', '__Http-a=1; Secure; HttpOnly'],
  ['http-prefix-missing', '__Http-a=1; Secure'],
  ['host-http-ok', '__Host-Http-a=1; Secure; HttpOnly; Path=/'],
  ['host-http-missing', '__Host-Http-a=1; Secure; Path=/'],
  ['not-a-prefix', '_Host-a=1'],
  ['http-lower-missing', '__http-a=1; Secure'],
  ['nameless-http', '=__Http-a=1; Secure'],
  ['http-no-secure', '__Http-a=1; HttpOnly'],
];
for (const [id, line, url] of PREFIXES) one(`prefix/${id}`, line, url ?? HOME, url?.includes('localhost') ? LOCAL_PROBES : DEFAULT_PROBES);

// --- attributes a jar does not know, or knows differently ----------------------------------------
one('attr/unknown', 'a=1; Foo=bar; Priority=High; Version=1; Comment=x');
one('attr/empty-attributes', 'a=1;;; ;Path=/');
one('attr/attribute-without-name', 'a=1; =Path; Path=/');
one('attr/case-insensitive', 'a=1; pAtH=/a; dOmAiN=example.org; mAx-AgE=100', HOME, PATH_PROBES);
one('attr/partitioned-secure', 'a=1; Secure; Partitioned');
one('attr/partitioned-no-secure', 'a=1; Partitioned');
one('attr/partitioned-http', 'a=1; Partitioned', HOME_HTTP);
one('attr/partitioned-localhost', 'a=1; Partitioned', 'http://localhost/set', LOCAL_PROBES);
one('attr/partitioned-host-prefix', '__Host-a=1; Secure; Path=/; Partitioned');

// --- many cookies ------------------------------------------------------------------------------
one('limit/181-for-one-host', Array.from({ length: 181 }, (_, i) => `c${i}=${i}`), HOME, ['https://home.example.org/']);
one('limit/secure-ones-go-last', [...Array.from({ length: 20 }, (_, i) => `s${i}=${i}; Secure`), ...Array.from({ length: 161 }, (_, i) => `c${i}=${i}`)], HOME, ['https://home.example.org/']);
add('limit/counted-per-site-not-per-host', [
  { url: HOME, lines: Array.from({ length: 100 }, (_, i) => `h${i}=${i}`) },
  { url: 'https://sub.home.example.org/set', lines: Array.from({ length: 81 }, (_, i) => `s${i}=${i}`) },
], ['https://home.example.org/', 'https://sub.home.example.org/']);
add('limit/other-site-untouched', [
  { url: 'https://other.example/set', lines: ['keep=1'] },
  { url: HOME, lines: Array.from({ length: 181 }, (_, i) => `c${i}=${i}`) },
], ['https://other.example/', 'https://home.example.org/']);

// --- a script in the page: document.cookie = "…" ------------------------------------------------
const script = (url: string, lines: string[], texts: string[]): JarCaseStep => ({ url, lines, script: texts });
add('script/plain', [script(HOME, [], ['s=1', 't=2; Path=/a'])], PATH_PROBES);
add('script/cannot-set-httponly', [script(HOME, [], ['h=1; HttpOnly', 'ok=1'])]);
add('script/cannot-replace-httponly', [script(HOME, ['h=server; HttpOnly'], ['h=script'])]);
add('script/cannot-delete-httponly', [script(HOME, ['h=server; HttpOnly'], ['h=; Max-Age=0'])]);
add('script/replaces-plain-server-cookie', [script(HOME, ['p=server', 'q=server'], ['p=script'])]);
add('script/deletes-plain-cookie', [script(HOME, ['p=server', 'q=server'], ['p=; Max-Age=0'])]);
add('script/other-path-beside-httponly', [script(HOME, ['h=server; HttpOnly; Path=/'], ['h=script; Path=/a'])], PATH_PROBES);
add('script/secure-on-http', [script(HOME_HTTP, [], ['s=1; Secure', 'p=1'])]);
add('script/secure-on-https', [script(HOME, [], ['s=1; Secure'])]);
add('script/domain-parent', [script('https://sub.home.example.org/set', [], ['d=1; Domain=example.org'])], DOMAIN_PROBES);
add('script/domain-other', [script(HOME, [], ['d=1; Domain=other.example'])]);
add('script/host-prefix', [script(HOME, [], ['__Host-s=1; Secure; Path=/', '__Host-t=1; Path=/'])]);
add('script/samesite-none-insecure', [script(HOME, [], ['n=1; SameSite=None', 'm=1; SameSite=None; Secure'])]);
add('script/nameless-and-odd', [script(HOME, [], ['justvalue', '=a=b', 'x=1;;Path=/'])]);
add('script/max-age', [script(HOME, [], ['m=1; Max-Age=1000', 'z=1; Max-Age=0'])]);
add('script/httponly-cookie-on-other-path-stays-hidden', [script('https://home.example.org/a/set', ['h=1; HttpOnly; Path=/a', 'v=1; Path=/a'], [])], PATH_PROBES);

export const JAR_CASES: readonly JarCase[] = cases;
