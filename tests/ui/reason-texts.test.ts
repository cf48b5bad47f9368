/**
 * The engine's newer reason codes (the actors' withheld reasons, the per-site eviction) reach a
 * Spanish page in Spanish: the UI's table first, then the engine's bilingual one, never the English
 * detail sentence.
 */
import { describe, expect, it } from 'vitest';
import { cookieReasonText } from '../../playground/engine/cookies/reasons.ts';
import { reasonText, translator } from '../../playground/ui/strings.ts';

describe('reason texts', () => {
  it('uses the engine table for codes the UI table lacks, in the page language', () => {
    for (const code of ['samesite-lax-subresource', 'httponly-from-script', 'evicted-domain-limit']) {
      const es = reasonText(translator('es'), code, 'an English detail', 'es');
      expect(es).toBe(cookieReasonText(code, 'es'));
      expect(es).not.toBe('an English detail');
      expect(reasonText(translator('en'), code, 'an English detail', 'en')).toBe(cookieReasonText(code, 'en'));
    }
  });

  it('keeps the UI table first, and an unknown code visible', () => {
    expect(reasonText(translator('es'), 'too-large', undefined, 'es')).toBe('nombre y valor superan 4096 bytes');
    expect(reasonText(translator('es'), 'brand-new-code', undefined, 'es')).toBe('motivo: brand-new-code');
  });
});
