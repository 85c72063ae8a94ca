import './no-eval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { AppBoundary } from './app/app-boundary';
import { createHost } from './host/create-host';
import { HostProvider } from './host/host-context';
import { simulation } from './simulation/simulation-controller';
import './styles/app.css';

/** For end-to-end tests: the engine's own metrics, to compare with what the canvas shows, and a shorter budget. */
Reflect.set(window, '__meshSimulation', {
  engineMetrics: () => simulation.engineMetrics(),
  setStepBudget: (millis: number) => simulation.setStepBudget(millis),
});

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <HostProvider host={createHost()}>
      <AppBoundary>
        <App />
      </AppBoundary>
    </HostProvider>
  </StrictMode>,
);
