/** Entry point: load the person's language, then render the app. */
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { initI18n, initialLang } from './i18n.ts';

const root = document.getElementById('root');
if (root) {
  void initI18n(initialLang()).then(() => createRoot(root).render(<App />));
}
