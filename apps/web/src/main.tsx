import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { takeFirstData } from './shared/api/first-data';
import { sessions } from './shared/api/session';
import './styles.css';

takeFirstData(document, sessions.get());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
