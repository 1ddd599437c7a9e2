import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { retiredOffers } from './scripts/retired-offers.mjs';

export default defineConfig({
  plugins: [WxtVitest(), preact(), retiredOffers()],
  test: {
    include: ['lib/**/*.test.ts', 'components/**/*.test.tsx', 'entrypoints/**/*.test.ts', 'tests/portal/**/*.test.ts', 'tests/bench/**/*.test.ts', 'tests/demo/**/*.test.ts'],
    environment: 'node',
  },
});
