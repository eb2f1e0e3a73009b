// Site addresses, in one place so pages, the loader and the register agree.

/** `/docs/` + `runbooks/db` → `/docs/runbooks/db/`. */
export function routeFor(base: string, slug: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return `${prefix}${slug.replace(/^\/+|\/+$/g, '')}/`.replace(/\/+$/, '/');
}

/** A site-relative link to a fixed page such as `register/` or `register.csv`. */
export function sitePath(base: string, page: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return prefix + page.replace(/^\/+/, '');
}
