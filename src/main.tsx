import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { analyze, ExpressionError, formatNumber } from './engine';

function App() {
  const [source, setSource] = useState('x = -2; y = 5; z = -4\nf = (x + y) * z');
  const result = useMemo(() => {
    try {
      return { analysis: analyze(source) };
    } catch (e) {
      if (e instanceof ExpressionError) return { error: e };
      throw e;
    }
  }, [source]);
  return (
    <main>
      <h1>Backprop Lens</h1>
      <label>
        Expression
        <textarea value={source} onChange={(e) => setSource(e.target.value)} rows={4} cols={60} />
      </label>
      {result.error && <p role="alert">{result.error.message}</p>}
      {result.analysis && (
        <ul>
          <li>output = {formatNumber(result.analysis.output)}</li>
          {Object.entries(result.analysis.gradients).map(([name, g]) => (
            <li key={name}>
              ∂f/∂{name} = {formatNumber(g)}
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
