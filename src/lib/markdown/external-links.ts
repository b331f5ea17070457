/**
 * Links to other hosts in page bodies are marked like the source list's: `rel="external noopener
 * noreferrer"`, which the build audit (`site-audit.ts`) requires of every outbound link. Under the
 * unified processor the rehype-external-links package did this; the Sätteri processor gets this
 * small plugin with the same rule.
 */
import type { HastPluginDefinition } from 'satteri';

/** The rel tokens of an outbound link. */
export const EXTERNAL_REL = ['external', 'noopener', 'noreferrer'] as const;

/** Whether an `href` leaves the site: an absolute http(s) URL or a protocol-relative one (`//host/`). */
export function isExternalHref(href: unknown): boolean {
  return typeof href === 'string' && /^(?:https?:)?\/\//i.test(href.trim());
}

/** Sätteri hast plugin adding {@link EXTERNAL_REL} to every outbound `<a>` (Rust passes only `a`). */
export function satteriExternalLinks(): HastPluginDefinition {
  return {
    name: 'so-tay-external-links',
    element: {
      filter: ['a'],
      visit(node, ctx) {
        if (isExternalHref(node.properties.href)) ctx.setProperty(node, 'rel', [...EXTERNAL_REL]);
      },
    },
  };
}
