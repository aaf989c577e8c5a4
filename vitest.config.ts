// Unit, component and transcript tests. Node by default; component tests opt into happy-dom per file.
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { lessonsPlugin } from './src/lessons/vite-plugin.ts';

export default defineConfig({
  plugins: [svelte(), svelteTesting(), lessonsPlugin()],
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 20000,
  },
});
