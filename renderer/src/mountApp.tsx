import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { App } from './App';
import { getApi } from './api';
import { ApiMissing } from './app/ApiMissing';
import './styles.css';

/**
 * Starts the reader in `container`. Used by the Electron entry (main.tsx) and the dev-web entry;
 * both install window.broadsheet first. Without it the window explains what is missing.
 */
export function mountApp(container: HTMLElement): Root {
  const root = createRoot(container);
  let content: React.ReactNode;
  try {
    content = <App api={getApi()} />;
  } catch (error) {
    content = <ApiMissing detail={error instanceof Error ? error.message : String(error)} />;
  }
  root.render(<StrictMode>{content}</StrictMode>);
  return root;
}
