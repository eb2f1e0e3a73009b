// The site: Starlight publishing content/ through Vigil's integration (src/astro/).
// The compiled CLI owns dist/, so the site goes to site-dist/. VIGIL_ASTRO_CACHE gives a
// build its own cache folder (the tests and the benchmark build beside a normal build).
import { defineConfig } from 'astro/config';
import vigil from './src/astro/index.ts';

export default defineConfig({
  outDir: 'site-dist',
  cacheDir: process.env.VIGIL_ASTRO_CACHE || './node_modules/.astro',
  integrations: [vigil()],
});
