import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { preloadQrCode } from './lobby/TableLobby';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// After the first paint, fetch what the lobby needs, so its QR code is never a blank square.
const whenIdle = window.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 200));
whenIdle(() => preloadQrCode());
