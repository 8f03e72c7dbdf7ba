// @vitest-environment node
/** The production build must not publish the source: no source maps (issue 11, point 7). */
import { describe, expect, it } from 'vitest';
import type { UserConfig, UserConfigFnObject } from 'vite';
import viteConfig from '../vite.config';

function resolved(mode: string): UserConfig {
  const config = viteConfig as UserConfig | UserConfigFnObject;
  return typeof config === 'function' ? config({ mode, command: 'build', isSsrBuild: false, isPreview: false }) : config;
}

describe('vite build', () => {
  it('writes no source maps in production, and keeps them for a development build', () => {
    expect(resolved('production').build?.sourcemap).toBe(false);
    expect(resolved('development').build?.sourcemap).toBe(true);
  });
});
