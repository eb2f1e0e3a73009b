// The site: Starlight publishing content/ through Vigil's integration (src/astro/).
// The compiled CLI owns dist/, so the site goes to site-dist/.
import { defineConfig } from 'astro/config';
import vigil from './src/astro/index.ts';

export default defineConfig({
  outDir: 'site-dist',
  integrations: [vigil()],
});
