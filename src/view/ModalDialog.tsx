import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal `<dialog>` with a title and a Close button: `showModal` keeps focus inside, Esc closes
 * it, and the browser puts focus back where it was. Every dialog of the app is one of these.
 */
export function ModalDialog({
  className,
  title,
  closeLabel,
  onClose,
  children,
}: {
  className?: string;
  title: string;
  closeLabel: string;
  onClose(): void;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-labelledby={titleId}
      onClose={onClose}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
      <form method="dialog">
        <button type="submit" className="button" autoFocus>
          {closeLabel}
        </button>
      </form>
    </dialog>
  );
}
