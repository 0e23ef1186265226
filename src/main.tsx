import '@xyflow/react/dist/style.css';
import './styles/index.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectTrainingWorker } from './store/training-app';
import { App } from './ui/App';
import { startServiceWorker } from './ui/offline/service-worker';
import { createTrainingWorker } from './worker/client';

// The composition root: the store trains in whatever worker it is given; here, the real one.
connectTrainingWorker(createTrainingWorker);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
// After the first paint: the service worker then caches the rest of the app for offline use.
requestAnimationFrame(() => setTimeout(startServiceWorker, 0));
