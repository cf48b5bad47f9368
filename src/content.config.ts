import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';

// Writers work in the top-level content/ folder, not src/: the site's code and its prose stay apart.
export const collections = {
  docs: defineCollection({
    loader: glob({ base: './content/docs', pattern: '**/[^_]*.{md,mdx}' }),
    schema: docsSchema({
      extend: z.object({
        /** Start the playground's sandbox from the page's <head> (src/starlight/route-data.ts). */
        startSandbox: z.boolean().optional(),
      }),
    }),
  }),
  i18n: defineCollection({
    loader: glob({ base: './content/i18n', pattern: '**/[^_]*.json' }),
    schema: i18nSchema(),
  }),
};
