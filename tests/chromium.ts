/**
 * How every browser test and bench starts the machine's Chromium: Debian's /usr/bin/chromium (or
 * CHROMIUM_PATH), never a browser a tool downloads, with flags that keep it quiet and off the
 * network (no background updates, sync or QUIC).
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
