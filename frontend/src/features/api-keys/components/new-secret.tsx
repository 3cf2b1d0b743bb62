import { useState } from 'react';
import { Button } from '@/components/button';

/** The secret of a key just created, shown once with a copy button. */
export function NewSecret({ name, secret, onDismiss }: { name: string; secret: string; onDismiss: () => void }) {
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  const onCopy = () => {
    const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
    if (!clipboard) {
      setCopy('failed');
      return;
    }
    clipboard.writeText(secret).then(
      () => setCopy('copied'),
      () => setCopy('failed'),
    );
  };

  return (
    <section className="api-keys__secret" aria-label="New API key secret" data-testid="api-key-secret-box">
      <p className="api-keys__secret-title">API key “{name}” created</p>
      <div className="api-keys__secret-row">
        <code className="api-keys__secret-value" data-testid="api-key-secret">
          {secret}
        </code>
        <Button size="sm" onClick={onCopy}>
          {copy === 'copied' ? 'Copied' : 'Copy'}
        </Button>
      </div>
      <p className="api-keys__secret-note" role="status">
        {copy === 'failed' ? 'Could not copy automatically — select the key and copy it by hand. ' : null}
        Copy this secret now: it will not be shown again.
      </p>
      <Button variant="secondary" size="sm" onClick={onDismiss}>
        I have saved it
      </Button>
    </section>
  );
}
