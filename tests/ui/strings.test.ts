import { describe, expect, it } from 'vitest';
import { pickLang, reasonText, STRINGS, translator } from '../../playground/ui/strings.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('strings', () => {
  it('Spanish and English have the same keys', () => {
    expect(Object.keys(STRINGS.en).sort()).toEqual(Object.keys(STRINGS.es).sort());
  });

  it('every string is translated with the same placeholders', () => {
    for (const key of Object.keys(STRINGS.es) as (keyof typeof STRINGS.es)[]) {
      expect(placeholders(STRINGS.en[key]), key).toEqual(placeholders(STRINGS.es[key]));
    }
  });

  it('has the accessible names the tests and screen readers rely on', () => {
    const es = translator('es');
    const en = translator('en');
    expect([en('request.method'), en('request.path'), en('request.send'), en('cookies.label'), en('response.label')]).toEqual(['Method', 'Path', 'Send', 'Cookies', 'Response']);
    expect([es('request.method'), es('request.path'), es('request.send'), es('cookies.label'), es('response.label')]).toEqual(['Método', 'Ruta', 'Enviar', 'Cookies', 'Respuesta']);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    const en = translator('en');
    expect(en('server.loaded', { count: 3 })).toBe('✓ 3 routes loaded');
    expect(en('server.loaded')).toBe('✓ {count} routes loaded');
  });

  it('picks the language from <html lang>', () => {
    expect(pickLang('en-US')).toBe('en');
    expect(pickLang('es')).toBe('es');
    expect(pickLang(undefined)).toBe('es');
  });

  it('translates engine reason codes and keeps unknown ones readable', () => {
    const en = translator('en');
    expect(reasonText(en, 'samesite-none-requires-secure')).toBe('SameSite=None requires Secure');
    expect(reasonText(en, 'brand-new-code', 'English detail')).toBe('English detail');
    expect(reasonText(en, 'brand-new-code')).toBe('reason: brand-new-code');
  });
});
