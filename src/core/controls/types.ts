// What a control catalogue holds, and the `controls` part of the config.

export interface Control {
  /** The id within its catalogue, e.g. `A.5.24` or `CC7.3`. */
  id: string;
  title: string;
  /** The group the catalogue puts it in (an Annex A theme, a TSC category). */
  theme: string;
}

export interface Catalogue {
  /** What documents write before a control id: `ISO27001` in `ISO27001:A.5.24`. */
  prefix: string;
  name: string;
  /** `built-in`, or the team's catalogue file as the config names it. */
  source: string;
  /** In the catalogue's own order. */
  controls: Control[];
}

export interface ControlExclusion {
  /** A full reference, `ISO27001:A.7.1`. */
  ref: string;
  reason: string;
}

/** `controls` in the config: the catalogues in use and the controls marked not applicable. */
export interface ControlsConfig {
  catalogues: Catalogue[];
  excluded: ControlExclusion[];
}

/** A theme's controls from `[id, title]` pairs: how the built-in catalogues are written. */
export function themed(theme: string, controls: Array<[id: string, title: string]>): Control[] {
  return controls.map(([id, title]) => ({ id, title, theme }));
}
