// Starlight's `docs` collection, loaded from the core's already-parsed documents (see
// src/astro/loader.ts) instead of Astro re-reading every file.
import { docsSchema } from '@astrojs/starlight/schema';
import { defineCollection, z } from 'astro:content';
import type { DocumentRecord } from '../../core/index.js';
import { vigilLoader } from '../loader.js';

export const collections = {
  docs: defineCollection({
    loader: vigilLoader(),
    // The record was built and checked by the core; it is passed through, not parsed again.
    schema: docsSchema({ extend: z.object({ vigil: z.custom<DocumentRecord>().optional() }) }),
  }),
};
