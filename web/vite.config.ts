import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Django serves dist/index.html for client routes and dist/* at the site root,
// so assets are referenced from '/'. In development the API and uploaded media
// are proxied to the Django dev server.
export default defineConfig({
  base: '/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    port: 3000,
    proxy: {
      '/api': 'http://127.0.0.1:8000',
      '/media': 'http://127.0.0.1:8000',
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
