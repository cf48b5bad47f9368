/**
 * What the sandbox tells the reader when it had to step in, in the page's language. The page shows
 * these as they are (next to the code, or in place of a response).
 */
import type { RestartNotice } from './contract.ts';

export type SandboxLang = 'es' | 'en';

interface Texts {
  timeout(ms: number): string;
  crash(detail: string): string;
  silent: string;
  invalid(detail: string): string;
  compiler(detail: string): string;
  idle: string;
  same: string;
  previous: string;
  fallback: string;
  none: string;
}

const TEXTS: Record<SandboxLang, Texts> = {
  es: {
    timeout: (ms) => `El código se ejecutó más de ${ms} ms (¿un bucle infinito?), así que se reinició el servidor.`,
    crash: (detail) => `El servidor se cayó (${detail}) y se reinició.`,
    silent: 'El servidor dejó de responder: su proceso se detuvo (¿se quedó sin memoria?), así que se reinició.',
    invalid: (detail) => `El servidor envió un mensaje no válido (${detail}), así que se reinició.`,
    compiler: (detail) => `No se pudo cargar el compilador de TypeScript: ${detail}`,
    idle: 'Tu código siguió ejecutándose sin que nadie se lo pidiera (¿un temporizador o un bucle?), así que se detuvo el servidor.',
    same: 'Tu código vuelve a funcionar en un servidor nuevo.',
    previous: 'Vuelve a funcionar la última versión que cargó bien.',
    fallback: 'Mientras tanto responde el código del ejemplo; tu código sigue en el editor: corrígelo y se cargará de nuevo.',
    none: 'No responde ninguna ruta hasta que tu código cargue de nuevo; sigue en el editor.',
  },
  en: {
    timeout: (ms) => `The code ran for more than ${ms} ms (an endless loop?), so the server was restarted.`,
    crash: (detail) => `The server crashed (${detail}) and was restarted.`,
    silent: 'The server stopped answering: its process died (out of memory?), so it was restarted.',
    invalid: (detail) => `The server sent an invalid message (${detail}), so it was restarted.`,
    compiler: (detail) => `The TypeScript compiler could not be loaded: ${detail}`,
    idle: 'Your code kept running when nothing asked it to (a timer or a loop?), so the server was stopped.',
    same: 'Your code runs again in a fresh server.',
    previous: 'The last version that loaded runs again.',
    fallback: "The example's code answers meanwhile; your code is still in the editor: fix it and it loads again.",
    none: 'No route answers until your code loads again; it is still in the editor.',
  },
};

export function sandboxTexts(lang: SandboxLang): Texts {
  return TEXTS[lang];
}

/** One sentence for why, one for what runs now. */
export function restartMessage(lang: SandboxLang, notice: Omit<RestartNotice, 'message'>, cause: string): string {
  const t = TEXTS[lang];
  const first = notice.during === 'idle' ? t.idle : cause;
  const now = notice.running === 'fallback' ? t.fallback : notice.running === 'none' ? t.none : notice.during === 'load' ? t.previous : t.same;
  return `${first} ${now}`;
}
