/**
 * The settings drawer: Flask's session settings (app.config) as form fields, and key rotation.
 * Labels are the config names themselves: they are what the reader writes in Flask.
 */
import { FLASK_VERSIONS, type FlaskVersion, type SettingName, settingApplies } from '../../engine/settings.ts';
import { h, replace } from '../dom.ts';
import { isValidCookieName } from '../snapshot.ts';
import type { StringKey } from '../strings.ts';
import { button } from './controls.ts';
import { Panel } from './panel.ts';

type Flag = 'SESSION_COOKIE_HTTPONLY' | 'SESSION_COOKIE_SECURE' | 'SESSION_REFRESH_EACH_REQUEST' | 'SESSION_COOKIE_PARTITIONED';

export class SettingsDrawer extends Panel {
  readonly el = h('div', { class: 'slp-drawer', props: { hidden: true } });

  /** Opens or closes the drawer; returns whether it is open now. */
  toggle(): boolean {
    const open = Boolean(this.el.hidden);
    this.el.hidden = !open;
    if (open) this.render();
    return open;
  }

  /** Settings changed elsewhere (key rotation, a link): redraw only if the reader can see it. */
  refresh(): void {
    if (!this.el.hidden) this.render();
  }

  private render(): void {
    const { c, t } = this.ctx;
    const s = c.settings;
    // a setting the chosen Flask does not read stays visible, greyed out, with the reason
    const absent = (key: SettingName) => (settingApplies(key, s.FLASK_VERSION) ? null : t('settings.notInVersion', { version: s.FLASK_VERSION }));
    const check = (key: Flag, label: StringKey) =>
      h(
        'label',
        { class: 'slp-check', attrs: absent(key) ? { title: absent(key) as string } : {} },
        h('input', {
          fk: key,
          attrs: { type: 'checkbox' },
          props: { checked: s[key], disabled: absent(key) !== null },
          on: { change: (e) => c.setSettings({ [key]: (e.target as HTMLInputElement).checked }) },
        }),
        h('code', {}, t(label)),
      );
    const version = h(
      'select',
      { fk: 'version', on: { change: (e) => c.setSettings({ FLASK_VERSION: (e.target as HTMLSelectElement).value as FlaskVersion }) } },
      FLASK_VERSIONS.map((v) => h('option', { props: { value: v, selected: s.FLASK_VERSION === v } }, t(v === '3.1' ? 'settings.version31' : 'settings.version22'))),
    );
    const field = (label: StringKey, control: HTMLElement, wide = false) =>
      h('label', { class: wide ? 'slp-field slp-wide' : 'slp-field' }, h('code', {}, t(label)), control);
    const nameInput = h('input', {
      fk: 'name',
      attrs: { type: 'text', spellcheck: 'false' },
      props: { value: s.SESSION_COOKIE_NAME },
      on: {
        change: () => {
          if (isValidCookieName(nameInput.value)) c.setSettings({ SESSION_COOKIE_NAME: nameInput.value });
          else nameInput.setCustomValidity(t('settings.invalidName'));
          nameInput.reportValidity();
        },
        input: () => nameInput.setCustomValidity(''),
      },
    });
    const fallbacks = h('textarea', {
      fk: 'fallbacks',
      attrs: { rows: 2, spellcheck: 'false' },
      props: { value: s.SECRET_KEY_FALLBACKS.join('\n') },
      on: { change: () => c.setSettings({ SECRET_KEY_FALLBACKS: fallbacks.value.split('\n').map((l) => l.trim()).filter(Boolean) }) },
    });
    const sameSite = h(
      'select',
      {
        fk: 'samesite',
        on: {
          change: (e) => {
            const v = (e.target as HTMLSelectElement).value;
            c.setSettings({ SESSION_COOKIE_SAMESITE: v === '' ? null : (v as 'Lax' | 'Strict' | 'None') });
          },
        },
      },
      h('option', { props: { value: '', selected: s.SESSION_COOKIE_SAMESITE === null } }, t('settings.samesiteNone')),
      ['Lax', 'Strict', 'None'].map((v) => h('option', { props: { value: v, selected: s.SESSION_COOKIE_SAMESITE === v } }, v)),
    );
    const lifetime = h('input', {
      fk: 'lifetime',
      attrs: { type: 'number', min: 0, step: 1 },
      props: { value: String(s.PERMANENT_SESSION_LIFETIME) },
      on: { change: (e) => c.setSettings({ PERMANENT_SESSION_LIFETIME: Math.floor(Number((e.target as HTMLInputElement).value)) }) },
    });
    replace(
      this.el,
      h('h3', { class: 'slp-subheading' }, t('settings.title')),
      h(
        'div',
        { class: 'slp-settings-grid' },
        check('SESSION_COOKIE_HTTPONLY', 'settings.httponly'),
        check('SESSION_COOKIE_SECURE', 'settings.secure'),
        check('SESSION_REFRESH_EACH_REQUEST', 'settings.refresh'),
        check('SESSION_COOKIE_PARTITIONED', 'settings.partitioned'),
        field('settings.samesite', sameSite),
        field('settings.lifetime', lifetime),
        field('settings.name', nameInput),
        field('settings.fallbacks', fallbacks, true),
        h('div', { class: 'slp-wide' }, field('settings.version', version), h('p', { class: 'slp-muted' }, t('settings.versionHelp'))),
        h(
          'div',
          { class: 'slp-wide' },
          button(t('settings.rotate'), () => c.rotateKey(randomKey()), { fk: 'rotate' }),
          h('p', { class: 'slp-muted' }, t('settings.rotateHelp')),
        ),
      ),
    );
  }
}

function randomKey(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
