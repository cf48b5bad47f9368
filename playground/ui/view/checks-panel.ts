/**
 * The exercise under a lesson's playground: goal, a button that runs the example's checks on fresh
 * browsers, what passed and what did not (step by step), the hint and the solution.
 */
import type { CheckResult } from '../checks.ts';
import { stepMethod } from '../model.ts';
import type { CheckStep } from '../model.ts';
import type { StringKey, Translate } from '../strings.ts';
import { runChecks } from '../checks.ts';
import { h, replace } from '../dom.ts';
import { usableLocalStorage } from '../local-storage.ts';
import { markCompleted } from '../progress.ts';
import { sessionData } from '../session-cookie.ts';
import { readSettings } from '../snapshot.ts';
import type { ViewContext } from './context.ts';
import { button } from './controls.ts';
import { Panel } from './panel.ts';

export class ChecksPanel extends Panel {
  readonly el = h('section', { class: 'slp-exercise' });
  private results: CheckResult[] | null = null;
  private running = false;
  private readonly afterSolution: () => void;

  /** `afterSolution` runs once the controller holds the solution, to show it in the editor. */
  constructor(ctx: ViewContext, afterSolution: () => void) {
    super(ctx);
    this.afterSolution = afterSolution;
  }

  /** Only examples with checks or a goal have an exercise. */
  get wanted(): boolean {
    const ex = this.ctx.c.example;
    return ex.checks.length > 0 || Boolean(ex.goal);
  }

  render(): void {
    if (!this.wanted) return;
    const { c, t } = this.ctx;
    const ex = c.example;
    const results = this.results;
    const passed = results?.filter((r) => r.passed).length ?? 0;
    const load = c.load;
    replace(
      this.el,
      h('h2', { class: 'slp-heading' }, t('exercise.title'), ': ', ex.title),
      ex.goal ? h('p', {}, h('strong', {}, t('exercise.goal'), ': '), ex.goal) : null,
      ex.checks.length > 0
        ? button(this.running ? t('exercise.running') : t('exercise.run'), () => void this.run(), {
            class: 'slp-button slp-primary',
            fk: 'run-checks',
            attrs: { disabled: this.running },
          })
        : null,
      h(
        'div',
        { attrs: { role: 'status' }, class: 'slp-check-summary' },
        results
          ? [
              load.status === 'error' ? h('p', { class: 'slp-error' }, t('exercise.loadFailed', { message: load.error.message })) : null,
              h('p', { class: passed === results.length ? 'slp-ok' : 'slp-error' }, passed === results.length ? t('exercise.allPassed', { passed, total: results.length }) : t('exercise.somePassed', { passed, total: results.length })),
            ]
          : null,
      ),
      results ? this.resultList(results) : null,
      ex.hint ? h('details', { class: 'slp-details' }, h('summary', {}, t('exercise.hint')), h('p', {}, ex.hint)) : null,
      ex.solution !== undefined
        ? button(t('exercise.solution'), () => {
            if (confirm(t('exercise.solutionConfirm'))) {
              c.showSolution();
              this.afterSolution();
            }
          }, { fk: 'solution' })
        : null,
    );
  }

  private async run(): Promise<void> {
    const { c, t, lang } = this.ctx;
    this.running = true;
    this.render();
    await c.loadCode();
    this.results = await runChecks(c.example.checks, {
      server: c.port,
      config: c.serverConfig(),
      lang,
      t,
      readSession: (value, now, config) => sessionData(value, readSettings(config, c.settings), now),
    });
    this.running = false;
    if (this.results.length > 0 && this.results.every((r) => r.passed)) markCompleted(usableLocalStorage(), lang, c.example.id);
    this.render();
    // The embed tells its host page (embed-bridge.ts); a lesson ignores it.
    this.el.dispatchEvent(new CustomEvent('session-lab:checks', { bubbles: true, detail: { passed: this.results.filter((r) => r.passed).length, total: this.results.length } }));
  }

  private resultList(results: CheckResult[]): HTMLElement {
    const t = this.ctx.t;
    return h(
      'ol',
      { class: 'slp-checks' },
      results.map((r) =>
        h(
          'li',
          { class: r.passed ? 'slp-ok' : 'slp-error' },
          h('strong', {}, t(r.passed ? 'exercise.passed' : 'exercise.failed', { title: r.title })),
          h(
            'ul',
            {},
            r.steps.map((s) =>
              h(
                'li',
                { class: `slp-step-${s.outcome}` },
                `${s.outcome === 'passed' ? '✓' : s.outcome === 'failed' ? '✗' : '·'} `,
                stepLabel(t, s.step),
                s.status !== undefined ? ` → ${s.status}` : '',
                s.problems.length > 0 ? h('ul', {}, s.problems.map((p) => h('li', {}, p))) : null,
              ),
            ),
          ),
        ),
      ),
    );
  }
}

/** "Ana: GET /cuenta", "Ana: evil.example (form posted) → POST /transferir", "Ana: a script on /perfil reads document.cookie". */
function stepLabel(t: Translate, step: CheckStep): string {
  if (step.script) return t('exercise.stepScript', { user: step.user, path: step.path });
  if (step.takeSessionFrom !== undefined) return t('exercise.stepStolen', { user: step.user, from: step.takeSessionFrom, method: stepMethod(step), path: step.path });
  if (step.otherSite) return t('exercise.stepOtherSite', { user: step.user, via: t(`actor.via.${step.otherSite}` as StringKey), method: stepMethod(step), path: step.path });
  return t('exercise.step', { user: step.user, method: stepMethod(step), path: step.path });
}
