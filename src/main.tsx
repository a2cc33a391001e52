import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { appStore } from './state/appStore';
import { startUrlSync } from './state/urlSync';
import { App } from './view/App';
import './view/styles.css';

// Open what the link says (else the last program, else the built-in example) before the first
// render, so the first paint already has the graph on its way.
startUrlSync(appStore);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
