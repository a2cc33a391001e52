import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { preferredLang } from './i18n/langPreference';
import { registerServiceWorker } from './serviceWorker';
import { appStore } from './state/appStore';
import { startUrlSync } from './state/urlSync';
import { App } from './view/App';
import './view/styles.css';

// Open what the link says (else the last program, else the built-in example) before the first
// render, so the first paint already has the graph on its way.
// The remembered or browser language first; a link's `lang=` then overrides it.
appStore.getState().setSettings({ lang: preferredLang(window) });
startUrlSync(appStore);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Offline after the first visit (production builds served over http(s) only).
registerServiceWorker();
