import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { appStore } from './state/appStore';
import { App } from './view/App';
import './view/styles.css';

// Analyse the built-in example before the first render, so the first paint already has a graph.
appStore.getState().setSource(appStore.getState().source, { immediate: true });
appStore.setState({ example: 'circuit' });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
