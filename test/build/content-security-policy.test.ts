/**
 * The built page's Content-Security-Policy (injected by vite.config.ts): only the page's own
 * origin, no inline or evaluated script, no plugins; and the page itself has no inline script or
 * event-handler attribute that such a policy would have to allow. Runs on the built app in dist/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const html = readFileSync(join('dist', 'index.html'), 'utf8');

/** The few entities Vite writes into attribute values. */
function decodeAttribute(value: string): string {
  return value
    .replace(/&#39;/g, "'")
    .replace(/&#x27;/gi, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The policies of every CSP meta element, in document order. */
function metaPolicies(page: string): string[] {
  const metas = [...page.matchAll(/<meta\b[^>]*>/gi)].map((m) => m[0]);
  return metas
    .filter((tag) => /http-equiv\s*=\s*["']content-security-policy["']/i.test(tag))
    .map((tag) => decodeAttribute(/\bcontent\s*=\s*"([^"]*)"/i.exec(tag)?.[1] ?? /\bcontent\s*=\s*'([^']*)'/i.exec(tag)?.[1] ?? ''));
}

/** A policy's directives by name, each with its source list. */
function directives(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !out.has(name.toLowerCase())) out.set(name.toLowerCase(), sources);
  }
  return out;
}

/** The sources that apply to scripts: script-src, or default-src when there is none. */
function scriptSources(policy: Map<string, string[]>): string[] | undefined {
  return policy.get('script-src') ?? policy.get('default-src');
}

describe('the built page’s Content-Security-Policy', () => {
  const policies = metaPolicies(html);
  const policy = directives(policies[0] ?? '');

  it('is there once, before anything the browser could load', () => {
    expect(policies).toHaveLength(1);
    const head = html.slice(html.indexOf('<head'), html.indexOf('</head>'));
    const cspAt = head.search(/http-equiv\s*=\s*["']content-security-policy["']/i);
    const firstLoad = head.search(/<(script|link|style|img|base)\b/i);
    expect(cspAt).toBeGreaterThan(-1);
    expect(firstLoad === -1 || cspAt < firstLoad).toBe(true);
  });

  it("allows only the page's own origin by default", () => {
    expect(policy.get('default-src')).toEqual(["'self'"]);
  });

  it('lets no inline or evaluated script run, and no script from elsewhere', () => {
    const sources = scriptSources(policy);
    expect(sources).toBeDefined();
    expect(sources).not.toContain("'unsafe-inline'");
    expect(sources).not.toContain("'unsafe-eval'");
    expect(sources).not.toContain("'unsafe-hashes'");
    expect(sources).not.toContain('data:');
    expect(sources).not.toContain('*');
    // Only the own origin: no host, scheme or wildcard beyond 'self'.
    expect(sources!.every((s) => s === "'self'" || /^'(nonce|sha256|sha384|sha512)-/.test(s))).toBe(true);
  });

  it('allows no plugins, no other base address and sends forms nowhere else', () => {
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
  });

  it('lets the page connect only to its own origin', () => {
    const connect = policy.get('connect-src') ?? policy.get('default-src');
    expect(connect).toEqual(["'self'"]);
  });

  it('has no inline script and no event-handler attribute in the page', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc\s*=/i);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/<[^>]+\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
  });

  it('reads policies as a browser does (the checks above rest on this)', () => {
    const page = '<head><meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;; script-src &#39;self&#39; &#39;unsafe-inline&#39;"></head>';
    const read = directives(metaPolicies(page)[0]!);
    expect(read.get('default-src')).toEqual(["'self'"]);
    expect(scriptSources(read)).toContain("'unsafe-inline'");
    expect(scriptSources(directives("default-src 'self' 'unsafe-eval'"))).toContain("'unsafe-eval'");
  });
});
