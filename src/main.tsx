import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { isEmbedMode } from './state/urlSync';
import { EmbedApp } from './ui/embed/EmbedApp';
import './ui/styles/base.css';
import './ui/styles/layout.css';
import './ui/styles/controls.css';
import './ui/styles/plots.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>{isEmbedMode() ? <EmbedApp /> : <App />}</StrictMode>,
);
