import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { isApiError } from './api/errors';
import { App } from './App';
import './styles/index.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // Retry what may pass next time (network, 5xx); a 4xx will not change.
      retry: (count, error) => count < 2 && (!isApiError(error) || error.kind === 'network' || error.kind === 'server'),
    },
    mutations: { retry: false },
  },
});

// Installable app: the service worker keeps the shell and an offline page.
// Only in a build, so the dev server's hot reload is never served from a cache.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // Without it the app works the same online; nothing to tell the user.
    });
  });
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
