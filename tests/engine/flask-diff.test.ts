/**
 * Proof of issue 8: the engine against real Flask, case by case, for both Flask lines it can be.
 * Fixtures: tests/fixtures/flask/3.1 (Flask 3.1.3) and 2.2 (Flask 2.2.2), from scripts/flaskref.py.
 * Zero disagreements, except values JavaScript cannot represent, each class named below.
 */
import { describe, expect, it } from 'vitest';
import { type Outcome, runCycles, runOpens, runReprs, runSessions } from './flask-diff.ts';
import { readJsonl } from './convention.ts';

const LINES = [
  { line: '3.1', release: '3.1.3' },
  { line: '2.2', release: '2.2.2' },
] as const;

const totals: Record<string, number> = {};

function check(o: Outcome, allowed: string[]) {
  expect(o.wrong.slice(0, 8)).toEqual([]);
  expect(o.wrong.length).toBe(0);
  for (const cls of Object.keys(o.explained)) expect(allowed).toContain(cls);
}

for (const { line, release } of LINES) {
  describe(`Flask ${release} (fixtures ${line}/)`, () => {
    it('was recorded from that release', () => {
      const [v] = readJsonl<{ flask: string; line: string }>(`${line}/versions.json`);
      expect(v).toMatchObject({ flask: release, line });
    });

    it('random sessions: same cookie, byte for byte, and the same session read back', () => {
      const o = runSessions(line);
      totals[line] = (totals[line] ?? 0) + o.cases;
      expect(o.cases).toBe(2200);
      check(o, ['integral-float']);
      // the one class of sessions JS cannot write as Python does: floats like 2.0 become ints
      expect(o.explained['integral-float']).toBeGreaterThan(10);
    });

    it('open_session: tampered, expired, future, other keys, cookie headers, adversarial signed payloads', () => {
      const o = runOpens(line);
      totals[line] += o.cases;
      expect(o.cases).toBeGreaterThan(3000);
      check(o, ['integral-float']);
      // a " d" with +0200 or EST is an aware datetime in Python; a JS Date holds only the instant.
      // The engine keeps the offset beside the Date (compared above, isoformat with offset) and
      // reports it as what saving again changes.
      expect(o.lossy['datetime-offset']).toBeGreaterThan(5);
      expect(o.lossy['integral-float']).toBeGreaterThan(2);
      expect(o.lossy['non-string-key']).toBeGreaterThan(2);
    });

    it('request cycles: status, body, Content-Type, Vary and every Set-Cookie of each request', async () => {
      const o = await runCycles(line);
      totals[line] += o.cases;
      expect(o.cases).toBeGreaterThan(3000);
      check(o, []);
    });

    it("repr(dict(session)) in the cookie's key order", () => {
      const o = runReprs(line);
      totals[line] += o.cases;
      check(o, ['integral-float']);
    });

    it('adds up to at least 5,000 cases', () => {
      expect(totals[line]).toBeGreaterThan(5000);
    });
  });
}

describe('the version switch', () => {
  it("changes the answers: each line's recordings disagree with the other line's rules", async () => {
    for (const [recorded, rules] of [['3.1', '2.2'], ['2.2', '3.1']] as const) {
      const cycles = await runCycles(recorded, rules);
      const opens = runOpens(recorded, rules);
      expect(cycles.wrong.length, `${recorded} cycles under ${rules} rules`).toBeGreaterThan(100);
      expect(opens.wrong.length, `${recorded} opens under ${rules} rules`).toBeGreaterThan(10);
    }
  });
});
