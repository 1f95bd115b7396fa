import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

interface ConfirmActionProps {
  /** The button that asks first, e.g. "Apply this change…". */
  trigger: string;
  /** The question, e.g. "Change the user mapping in Entra?". */
  question: string;
  /** What saying yes does. */
  children: ReactNode;
  confirm: string;
  cancel: string;
  disabled: boolean;
  onConfirm: () => void;
}

/** A change to Entra behind an explicit confirmation in the page (never window.confirm). */
export function ConfirmAction(props: ConfirmActionProps) {
  const { trigger, question, children, confirm, cancel, disabled, onConfirm } = props;
  const [confirming, setConfirming] = useState(false);
  const title = useRef<HTMLParagraphElement>(null);
  const id = useId();
  // The question replaces the button that had focus; move focus to it.
  useEffect(() => {
    if (confirming) title.current?.focus();
  }, [confirming]);
  if (!confirming) {
    return (
      <button
        type="button"
        className="button button-primary"
        onClick={() => setConfirming(true)}
        disabled={disabled}
      >
        {trigger}
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-labelledby={id}>
      <p id={id} className="notice-title" ref={title} tabIndex={-1}>
        {question}
      </p>
      {children}
      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          disabled={disabled}
          onClick={() => {
            setConfirming(false);
            onConfirm();
          }}
        >
          {confirm}
        </button>
        <button type="button" className="button" onClick={() => setConfirming(false)}>
          {cancel}
        </button>
      </div>
    </div>
  );
}
