// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { pagesIn } from './src/starlight/sidebar.mjs';
import { sessionLabRuntime } from './playground/startup/vite-plugin.ts';
import { monacoCssAsStyle } from './playground/startup/vite-monaco-css.ts';
import modulePreload from './playground/startup/module-preload.ts';

// The site is static: every page is built ahead of time and the playground runs entirely in the
// reader's browser, so `dist/` can be served by any static host.
const site = process.env.SITE_URL ?? 'https://session-lab.example';
// Social cards need absolute URLs: crawlers do not resolve them against the page.
const socialCard = new URL('/og.png', site).href;

export default defineConfig({
  site,
  vite: {
    // The sandbox runtime arrives as text (see playground/startup/vite-plugin.ts); Monaco's CSS is
    // injected when the editor loads instead of becoming a render-blocking <link> (vite-monaco-css.ts).
    plugins: [sessionLabRuntime(), monacoCssAsStyle()],
    optimizeDeps: { include: ['itty-router', 'sucrase', 'lz-string'] },
  },
  integrations: [
    starlight({
      title: 'Session Lab',
      description: 'Aprende cómo funcionan la sesión de Flask y las cookies HTTP, con un laboratorio interactivo.',
      logo: { src: './src/assets/logo.svg', alt: 'Session Lab' },
      favicon: '/favicon.svg',
      head: [
        { tag: 'meta', attrs: { property: 'og:image', content: socialCard } },
        { tag: 'meta', attrs: { name: 'twitter:card', content: 'summary_large_image' } },
        { tag: 'meta', attrs: { name: 'twitter:image', content: socialCard } },
      ],
      defaultLocale: 'root',
      locales: {
        root: { label: 'Español', lang: 'es' },
        en: { label: 'English', lang: 'en' },
      },
      sidebar: [
        {
          label: 'Empieza aquí',
          translations: { en: 'Start here' },
          items: [
            { slug: 'index', label: 'Bienvenida', translations: { en: 'Welcome' } },
            { slug: 'playground', label: 'Laboratorio', translations: { en: 'Playground' } },
            { slug: 'authors', label: 'Para autores de cursos', translations: { en: 'For course authors' } },
          ],
        },
        {
          label: 'Guía',
          translations: { en: 'Guide' },
          items: pagesIn('guide'),
        },
      ],
      // Sidebar: also marks the lessons a learner has completed; Search: see src/starlight/Search.astro.
      components: { Sidebar: './src/components/Sidebar.astro', Search: './src/starlight/Search.astro' },
      customCss: ['./src/styles/site.css', './src/styles/print.css'],
      routeMiddleware: './src/starlight/route-data.ts',
      lastUpdated: false,
      pagination: true,
    }),
    // Every page asks for its whole module graph from the <head> (playground/startup/module-preload.ts).
    modulePreload(),
  ],
});
