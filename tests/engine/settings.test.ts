/**
 * The one definition of the session settings (playground/engine/settings.ts): its defaults and
 * which Flask has which setting come from real Flask (recorded in versions.json), and untrusted
 * input never gets through unchecked.
 */
import { describe, expect, it } from 'vitest';
import { FLASK_VERSIONS, SETTINGS, defaultConfig, readSessionConfig, settingApplies } from '../../playground/engine/index.ts';
import { readJsonl } from './convention.ts';

for (const line of FLASK_VERSIONS) {
  const [{ defaults }] = readJsonl<{ defaults: Record<string, unknown> }>(`${line}/versions.json`);
  describe(`settings against Flask ${line}'s app.config`, () => {
    it('has the defaults Flask has', () => {
      for (const d of SETTINGS) {
        if (d.name === 'FLASK_VERSION' || !settingApplies(d.name, line)) continue;
        // Flask 3.1 writes no fallbacks as None; an empty list reads the same way
        const flask = d.name === 'SECRET_KEY_FALLBACKS' && defaults[d.name] === null ? [] : defaults[d.name];
        expect(d.default, d.name).toEqual(flask);
      }
    });

    it('says which settings this Flask reads', () => {
      for (const d of SETTINGS) {
        if (d.name === 'FLASK_VERSION') continue;
        expect(settingApplies(d.name, line), d.name).toBe(Object.hasOwn(defaults, d.name));
      }
    });
  });
}

describe('reading untrusted settings', () => {
  it('keeps valid values, drops wrong ones and unknown keys', () => {
    const c = readSessionConfig({
      FLASK_VERSION: '2.2',
      SESSION_COOKIE_NAME: 'sid',
      SESSION_COOKIE_SAMESITE: 'lax',
      PERMANENT_SESSION_LIFETIME: 3600,
      SECRET_KEY_FALLBACKS: ['old', 42, '', 'x'.repeat(2000)],
      SESSION_COOKIE_SECURE: 'yes',
      SERVER_NAME: '',
      __proto__: { SESSION_COOKIE_HTTPONLY: false },
      EVIL: 1,
    });
    expect(c).toEqual({ ...defaultConfig(), FLASK_VERSION: '2.2', SESSION_COOKIE_NAME: 'sid', SESSION_COOKIE_SAMESITE: 'lax', PERMANENT_SESSION_LIFETIME: 3600, SECRET_KEY_FALLBACKS: ['old'] });
  });

  it('refuses what Flask or a browser would refuse', () => {
    const bad = readSessionConfig({
      FLASK_VERSION: '4.0',
      SESSION_COOKIE_NAME: 'a b',
      SESSION_COOKIE_SAMESITE: 'Sometimes',
      PERMANENT_SESSION_LIFETIME: -1,
      SECRET_KEY: 7,
      SESSION_COOKIE_DOMAIN: { toString: () => 'x' },
    });
    expect(bad).toEqual(defaultConfig());
    expect(readSessionConfig(null)).toEqual(defaultConfig());
    expect(readSessionConfig([1, 2])).toEqual(defaultConfig());
  });

  it('starts from a given base instead of the defaults', () => {
    const base = defaultConfig({ SECRET_KEY: 'k', FLASK_VERSION: '2.2' });
    expect(readSessionConfig({ SESSION_COOKIE_SECURE: true }, base)).toEqual({ ...base, SESSION_COOKIE_SECURE: true });
  });
});
