import '@/components/styles/tokens.css';
import '@/components/styles/base.css';
import '@/components/button.css';
import '@/components/form.css';
import { AppProvider } from './provider';
import { AppRouter } from './router';

export function App() {
  return (
    <AppProvider>
      <AppRouter />
    </AppProvider>
  );
}
